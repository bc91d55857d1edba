"""JSON output of `tthc diff` (DESIGN.md shape, version 1; extra keys are additions)."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from tthc_cli.diffing.result import DiffEntry, DiffResult
from tthc_cli.reports.diff.base import hint_reason, show_change
from tthc_cli.reports.diff.jsonindent import dumps_indented


def entry_data(entry: DiffEntry) -> dict[str, Any]:
    return {
        "status": entry.status,
        "code": entry.code,
        "old_code": entry.old_code,
        "name": entry.name,
        "old_name": entry.old_name,
        "old_levels": entry.old_levels,
        "new_levels": entry.new_levels,
        "match": entry.match,
        "score": entry.score,
        "changes": [
            {"field": c.field, "old": c.old, "new": c.new, "summary": show_change(c)}
            for c in entry.changes
        ],
        "old_location": entry.old_where,
        "new_location": entry.new_where,
    }


def as_data(result: DiffResult, entries: list[DiffEntry]) -> dict[str, Any]:
    return {
        "version": 1,
        "summary": result.summary(),
        "procedures": [entry_data(entry) for entry in entries],
        "hints": [
            {
                "old_code": hint.old.code,
                "old_name": hint.old.name,
                "new_code": hint.new.code,
                "new_name": hint.new.name,
                "score": hint.score,
                "reason": hint_reason(hint),
                "added_words": list(hint.added),
                "dropped_words": list(hint.dropped),
            }
            for hint in result.hints
        ],
        "errors": [{"file": e.path, "line": e.line, "message": e.message} for e in result.errors],
    }


class JsonDiffReporter:
    def render(self, result: DiffResult, entries: list[DiffEntry], console: Console) -> None:
        text = dumps_indented(as_data(result, entries)) + "\n"
        console.file.write(text)
        console.file.flush()
