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
from tthc_cli.runtime.i18n import _, english_of
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


def logical_location(path: str) -> dict[str, str]:
    """The finding's YAML path as a SARIF logical location: a key is a `property`, a list item
    an `element`, the whole document (`$`) an `object`."""
    if not path or path == "$":
        kind = "object"
    elif path.endswith("]") and not path.endswith('"]'):
        kind = "element"
    else:
        kind = "property"
    return {"fullyQualifiedName": path or "$", "kind": kind}


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    """Stable across runs, languages and edits elsewhere in the file: rule, file, the English
    message, and which occurrence of that message in the file it is (equal ones stay distinct)."""
    message = str(english_of(finding.message))
    material = "\x1f".join([finding.rule, finding.file, message, str(occurrence)])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def _location(file: str, finding: Finding | None, path: str) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": quote(file), "uriBaseId": "%SRCROOT%"},
    }
    if finding is not None:
        physical["region"] = {"startLine": finding.line, "startColumn": finding.column}
    return {"physicalLocation": physical, "logicalLocations": [logical_location(path)]}


def _results(result: ValidationResult, index: dict[str, int]) -> list[dict[str, Any]]:
    """The findings; with a baseline, the known ones too (`unchanged`) and the fixed entries
    (`absent`), which is what code scanning reads."""
    outcome = result.baseline
    judged = outcome is not None and outcome.written is None
    shown = [(f, "new") for f in result.findings]
    if judged and outcome is not None:
        shown += [(f, "unchanged") for f in outcome.known]
        shown.sort(key=lambda pair: pair[0].sort_key())
    results = []
    seen: Counter[tuple[str, str, str]] = Counter()
    for finding, state in shown:
        same = (finding.rule, finding.file, str(english_of(finding.message)))
        occurrence = seen[same]
        seen[same] += 1
        item: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": _level(finding.severity),
            "message": {"text": finding.message},
            "locations": [_location(finding.file, finding, finding.path)],
            "partialFingerprints": {"tthcFinding/v1": fingerprint(finding, occurrence)},
        }
        if finding.suggestion is not None:
            # An offered fix, never applied: SARIF's `fixes` would need the exact region to
            # replace, so it travels in the result's property bag.
            item["properties"] = {"suggestion": finding.suggestion.as_dict()}
        if judged:
            item["baselineState"] = state
        results.append(item)
    for entry, file in outcome.fixed if judged and outcome is not None else []:
        absent: dict[str, Any] = {"ruleId": entry.rule}
        if entry.rule in index:  # a rule tthc no longer has keeps only its id
            absent["ruleIndex"] = index[entry.rule]
        absent |= {
            "level": "none",
            # Translators: the message of a SARIF result for a baseline entry no longer found.
            "message": {"text": _("fixed since the baseline")},
            "locations": [_location(file, None, entry.path)],
            "baselineState": "absent",
        }
        results.append(absent)
    return results


def as_data(result: ValidationResult) -> dict[str, Any]:
    rules = list(result.catalogue)
    index = {rule.code: number for number, rule in enumerate(rules)}
    results = _results(result, index)
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
