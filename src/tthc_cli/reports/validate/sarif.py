"""SARIF 2.1.0 output for code scanning (GitHub, GitLab, Azure DevOps)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any
from urllib.parse import quote

from rich.console import Console

from tthc_cli import __version__
from tthc_cli.reports.validate.base import write_raw
from tthc_cli.runtime.i18n import english_of
from tthc_cli.validation.findings import Finding, Severity
from tthc_cli.validation.results import RuleInfo, ValidationResult

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def _rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    body = rule.doc.strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": body.split("\n\n## ", 1)[0].strip()},
        "help": {"text": body, "markdown": body},
        "defaultConfiguration": {"level": _level(rule.severity)},
        "properties": {"tags": ["tthc"], "fixable": rule.fixable},
    }


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    """Stable across runs, languages and edits elsewhere in the file: rule, file, the English
    message, and which occurrence of that message in the file it is (equal ones stay distinct)."""
    message = str(english_of(finding.message))
    material = "\x1f".join([finding.rule, finding.file, message, str(occurrence)])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def _result(finding: Finding, rule_index: int, occurrence: int) -> dict[str, Any]:
    found: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _level(finding.severity),
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": quote(finding.file),
                        "uriBaseId": "%SRCROOT%",
                    },
                    "region": {
                        "startLine": finding.line,
                        "startColumn": finding.column,
                    },
                }
            }
        ],
        "partialFingerprints": {"tthcFinding/v1": fingerprint(finding, occurrence)},
    }
    if finding.suggestion is not None:
        # An offered fix, never applied: SARIF's `fixes` would need the exact region to
        # replace, so it travels in the result's property bag.
        found["properties"] = {"suggestion": finding.suggestion.as_dict()}
    return found


def as_data(result: ValidationResult) -> dict[str, Any]:
    rules = list(result.catalogue)
    index = {rule.code: number for number, rule in enumerate(rules)}
    results = []
    seen: Counter[tuple[str, str, str]] = Counter()
    for finding in result.findings:
        same = (finding.rule, finding.file, str(english_of(finding.message)))
        occurrence = seen[same]
        seen[same] += 1
        results.append(_result(finding, index[finding.rule], occurrence))
    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": quote(error.path)}}}],
        }
        for error in result.load_errors
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "tthc",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule_descriptor(rule) for rule in rules],
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not result.load_errors,
                "toolExecutionNotifications": notifications,
            }
        ],
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


class SarifReporter:
    def render(self, result: ValidationResult, console: Console) -> None:
        write_raw(console, json.dumps(as_data(result), ensure_ascii=False, indent=2) + "\n")
