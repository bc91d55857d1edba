"""Compare two sides: each procedure's status, its changed fields, and the summary matrix."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc_cli.catalog.loading import gc_paused
from tthc_cli.diffing.matching import Decisions, Hint, Pair, match
from tthc_cli.diffing.sides import LEVEL_ORDER, Side, SideProcedure, level_sort, load_side
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.text.unicode import nfc

STATUSES = ("moved", "changed", "added", "removed", "unchanged")

# The fields compared, in report order; anything else a procedure carries is compared after.
FIELDS = (
    "code",
    "name",
    "field",
    "agency",
    "time_limit",
    "fees",
    "online",
    "location_independent",
    "legal_basis",
    "decision",
    "type",
    "subjects",
    "documents",
    "steps",
    "result",
    "conditions",
    "notes",
)
# Lists whose order carries no meaning.
_UNORDERED = frozenset({"legal_basis", "subjects"})


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


def _normal(field_name: str, value: Any) -> Any:
    """The value as compared: NFC text (decomposed accents are no change), unordered lists
    sorted."""
    value = _nfc_deep(value)
    if isinstance(value, list) and field_name in _UNORDERED:
        return sorted(value, key=repr)
    return value


def _nfc_deep(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_deep(item) for item in value]
    if isinstance(value, dict):
        return {key: _nfc_deep(item) for key, item in value.items()}
    return value


def compare_fields(
    old: dict[str, Any], new: dict[str, Any], *, include_unstated: bool = False
) -> list[Change]:
    """The fields whose values differ; a field one side does not state is not compared unless
    include_unstated (in a catalog, a missing key means "not stated", not "none")."""
    if old == new:
        # Most pairs are equal; the two sides never share a NaN object, so no value that
        # compares unequal to itself can hide behind the identity shortcut of `==` here.
        return []
    names = list(FIELDS) + sorted((set(old) | set(new)) - set(FIELDS))
    changes = []
    for name in names:
        a, b = old.get(name), new.get(name)
        if (a is None or b is None) and not include_unstated:
            continue
        if a != b and _normal(name, a) != _normal(name, b):
            changes.append(Change(name, a, b))
    return changes


def _where(procedure: SideProcedure) -> str:
    first = procedure.occurrences[0]
    return f"{first.file}:{first.line}"


def _entry(pair: Pair, include_unstated: bool) -> DiffEntry:
    old, new = pair.old, pair.new
    changes = compare_fields(old.values, new.values, include_unstated=include_unstated)
    moved = old.levels != new.levels
    status = "moved" if moved else ("changed" if changes else "unchanged")
    return DiffEntry(
        status=status,
        code=new.code,
        old_code=old.code,
        name=new.name,
        old_name=old.name,
        old_levels=level_sort(old.levels),
        new_levels=level_sort(new.levels),
        match=pair.match,
        score=pair.score,
        changes=changes,
        old_where=_where(old),
        new_where=_where(new),
    )


def diff_sides(
    old: Side, new: Side, decisions: Decisions | None = None, *, include_unstated: bool = False
) -> DiffResult:
    matching = match(old.procedures, new.procedures, decisions)
    entries = [_entry(pair, include_unstated) for pair in matching.pairs]
    for procedure in matching.removed:
        entries.append(
            DiffEntry(
                status="removed",
                code=procedure.code,
                old_code=procedure.code,
                name=procedure.name,
                old_name=procedure.name,
                old_levels=level_sort(procedure.levels),
                new_levels=[],
                match=None,
                score=None,
                old_where=_where(procedure),
            )
        )
    for procedure in matching.added:
        entries.append(
            DiffEntry(
                status="added",
                code=procedure.code,
                old_code=None,
                name=procedure.name,
                old_name=None,
                old_levels=[],
                new_levels=level_sort(procedure.levels),
                match=None,
                score=None,
                new_where=_where(procedure),
            )
        )
    entries.sort(key=lambda e: (STATUSES.index(e.status), e.transition, e.code, e.name))
    return DiffResult(
        old=old, new=new, entries=entries, hints=matching.hints, unused_decisions=matching.unused
    )


def diff_paths(
    old: Sequence[Path],
    new: Sequence[Path],
    decisions: Decisions | None = None,
    *,
    include_unstated: bool = False,
) -> DiffResult:
    with gc_paused():
        result = diff_sides(
            load_side(old), load_side(new), decisions, include_unstated=include_unstated
        )
        # What was loaded lives as long as the result: move it to the oldest generation, or
        # the first collection once the collector is back on walks all of it as young objects
        # (a quarter of a second for two 10,000-procedure snapshots).
        gc.freeze()
        gc.unfreeze()
    return result


def filtered(
    result: DiffResult, *, only: Sequence[str] = (), fields: Sequence[str] = ()
) -> list[DiffEntry]:
    """The entries a report shows: some statuses only, or only those where a field changed."""
    entries = result.entries
    if only:
        entries = [e for e in entries if e.status in only]
    if fields:
        entries = [e for e in entries if any(c.field in fields for c in e.changes)]
    return entries
