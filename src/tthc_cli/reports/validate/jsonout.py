"""JSON output of `tthc validate` (DESIGN.md shape, version 1; extra keys are additions)."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console

from tthc_cli.reports.validate.base import write_raw
from tthc_cli.validation.results import ValidationResult


def as_data(result: ValidationResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": 1,
        "findings": [finding.as_dict() for finding in result.findings],
        "load_errors": [
            {"file": e.path, "line": e.line, "column": e.column, "message": e.message}
            for e in result.load_errors
        ],
        "summary": {
            "files": result.files,
            "errors": result.errors,
            "warnings": result.warnings,
            "load_errors": len(result.load_errors),
            "procedures": result.procedures,
            "communes": result.communes,
            "hamlets": result.hamlets,
            "streets": result.streets,
        },
    }
    outcome = result.baseline
    if outcome is not None:
        # Added with --baseline: `findings` holds only the new ones.
        data["baseline"] = {
            "file": outcome.file,
            "known": len(outcome.known),
            "written": outcome.written,
            "fixed": [
                {"file": shown, "path": entry.path, "rule": entry.rule, "count": entry.count}
                for entry, shown in outcome.fixed
            ],
        }
    return data


class JsonReporter:
    def render(self, result: ValidationResult, console: Console) -> None:
        write_raw(console, json.dumps(as_data(result), ensure_ascii=False, indent=2) + "\n")
