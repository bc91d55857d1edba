"""What an import could not use, record by record, and what it left out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing about one source record that could not be read as it stands."""

    source: str  # file (and row) the record came from
    record: str  # the record's code, or "" when it has none
    reason: str  # a stable key, e.g. "time-without-unit"
    detail: str  # the text concerned, for a person to look at


@dataclass
class ImportResult:
    """Procedures (or communes) read, with what was skipped and why."""

    items: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # whole files that could not be read
    read: int = 0  # records seen
    filtered: int = 0  # records left out by the filters
    missing: Counter[str] = field(default_factory=Counter)  # field -> records that lack it

    def problem(self, source: str, record: str, reason: str, detail: str) -> None:
        self.problems.append(Problem(source, record, reason, detail[:160]))

    def reasons(self) -> dict[str, int]:
        counts = Counter(problem.reason for problem in self.problems)
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
