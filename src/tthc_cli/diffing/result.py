"""What `tthc diff` gives its reporters: the two sides, each procedure's status and changes,
and the close pairs that were not made.

Reporters import this module, never the engine: rendering a result needs no loader or matcher.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from tthc_cli.domain.codes import is_procedure_code, national_part
from tthc_cli.runtime.errors import CatalogLoadError

STATUSES = ("moved", "changed", "added", "removed", "unchanged")

LEVEL_ORDER = ("tinh", "huyen", "xa")


def level_sort(levels: frozenset[str] | set[str]) -> list[str]:
    return sorted(levels, key=lambda lv: LEVEL_ORDER.index(lv) if lv in LEVEL_ORDER else 9)


@dataclass(frozen=True, slots=True)
class Occurrence:
    file: str
    line: int
    level: str


@dataclass
class SideProcedure:
    """A procedure on one side: identity, the levels it appears at, its values where first seen."""

    key: str
    code: str
    name: str
    name_key: str
    levels: set[str]
    values: dict[str, Any]
    occurrences: list[Occurrence] = field(default_factory=list)

    @cached_property
    def national(self) -> str | None:
        # Asked for several times per procedure while matching; the code never changes.
        return national_part(self.code) if is_procedure_code(self.code) else None


@dataclass
class Side:
    label: str
    procedures: list[SideProcedure] = field(default_factory=list)
    files: int = 0
    errors: list[CatalogLoadError] = field(default_factory=list)

    def level_counts(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for procedure in self.procedures:
            counts.update(procedure.levels)
        return {level: counts[level] for level in level_sort(set(counts))}


@dataclass(frozen=True, slots=True)
class Hint:
    """A close pair that was not made, with the words the new name adds and drops."""

    old: SideProcedure
    new: SideProcedure
    score: float
    added: tuple[str, ...]
    dropped: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Change:
    field: str
    old: Any
    new: Any


@dataclass
class DiffEntry:
    status: str
    code: str
    old_code: str | None
    name: str
    old_name: str | None
    old_levels: list[str]
    new_levels: list[str]
    match: str | None
    score: float | None
    changes: list[Change] = field(default_factory=list)
    old_where: str | None = None
    new_where: str | None = None

    @property
    def transition(self) -> str:
        before = "+".join(self.old_levels) or "added"
        after = "+".join(self.new_levels) or "removed"
        return f"{before}->{after}"


@dataclass
class DiffResult:
    old: Side
    new: Side
    entries: list[DiffEntry]
    hints: list[Hint]
    unused_decisions: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[CatalogLoadError]:
        return [*self.old.errors, *self.new.errors]

    def counts(self) -> dict[str, int]:
        counter = Counter(entry.status for entry in self.entries)
        return {status: counter[status] for status in STATUSES}

    def transitions(self) -> dict[str, int]:
        counter = Counter(entry.transition for entry in self.entries)
        return dict(sorted(counter.items(), key=lambda item: _transition_order(item[0])))

    @property
    def differ(self) -> bool:
        return any(entry.status != "unchanged" for entry in self.entries)

    def exit_code(self) -> int:
        if self.errors:
            return 2
        return 1 if self.differ else 0

    def summary(self) -> dict[str, Any]:
        counts = self.counts()
        return {
            "old": self.old.level_counts(),
            "new": self.new.level_counts(),
            "transitions": self.transitions(),
            **{status: counts[status] for status in ("moved", "added", "removed", "changed")},
            "unchanged": counts["unchanged"],
        }


@dataclass(frozen=True)
class Matrix:
    """The level-transition matrix as data: rows are levels before, columns levels after."""

    rows: list[str]
    cols: list[str]
    cells: dict[tuple[str, str], int]

    def row_total(self, row: str) -> int:
        return sum(self.cells.get((row, col), 0) for col in self.cols)

    def col_total(self, col: str) -> int:
        return sum(self.cells.get((row, col), 0) for row in self.rows)

    @property
    def total(self) -> int:
        return sum(self.cells.values())


def transition_matrix(result: DiffResult) -> Matrix:
    """Rows: levels before (then `added`); columns: levels after (then `removed`)."""
    rows: list[str] = []
    cols: list[str] = []
    cells: dict[tuple[str, str], int] = {}
    for key, count in result.transitions().items():
        before, after = key.split("->")
        if before not in rows:
            rows.append(before)
        if after not in cols:
            cols.append(after)
        cells[(before, after)] = count
    cols = [c for c in cols if c != "removed"] + [c for c in cols if c == "removed"]
    return Matrix(rows, cols, cells)


def _transition_order(key: str) -> tuple[int, int, str]:
    before, after = key.split("->")
    rank = {lv: i for i, lv in enumerate(LEVEL_ORDER)}
    first = rank.get(before.split("+")[0], 8 if before == "added" else 7)
    second = rank.get(after.split("+")[0], 9 if after == "removed" else 7)
    return (first, second, key)
