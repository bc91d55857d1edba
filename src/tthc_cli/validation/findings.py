"""Findings: what a validation rule reports, where, and how serious it is."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def rank(self) -> int:
        return 0 if self is Severity.ERROR else 1


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An offered fix: a change a reviewer may choose to make. Unlike a rule's safe fix it is
    never applied by `tthc fmt` or `validate --fix`; reports show it beside the finding."""

    description: str  # what to do, in the user's language
    replacement: str | None = None  # the value to write instead, when there is one

    def as_dict(self) -> dict[str, object]:
        return {"description": self.description, "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place in one file; lines and columns are 1-based."""

    rule: str
    name: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    fixable: bool = field(default=False, compare=False)
    # The YAML path of the node (`procedures[12].fees[0].amount`, `$` for the whole file),
    # and the same with list items named by their code where they have one
    # (`procedures[code=1.000123].fees[0].amount`), which baselines key on.
    path: str = field(default="", compare=False)
    stable_path: str = field(default="", compare=False)
    suggestion: Suggestion | None = field(default=None, compare=False)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
        } | ({"suggestion": self.suggestion.as_dict()} if self.suggestion is not None else {})
