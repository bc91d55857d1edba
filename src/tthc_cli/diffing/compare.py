"""Compare two sides: each procedure's status and its changed fields."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tthc_cli.diffing.matching import Decisions, Pair, match
from tthc_cli.diffing.result import (
    STATUSES,
    Change,
    DiffEntry,
    DiffResult,
    Side,
    SideProcedure,
    level_sort,
)
from tthc_cli.diffing.sides import load_side, open_store
from tthc_cli.runtime.perf import aged, collector_paused
from tthc_cli.text.normalize import nfc

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
    use_cache: bool = False,
) -> DiffResult:
    """The diff of two sets of catalogs; with use_cache, the procedures of unchanged files
    come from the one catalog cache."""
    store = open_store(use_cache)
    with collector_paused():
        result = diff_sides(
            load_side(old, store=store),
            load_side(new, store=store),
            decisions,
            include_unstated=include_unstated,
        )
        store.save()
        # What was loaded lives as long as the result: move it to the oldest generation, or
        # the first collection once the collector is back on walks all of it as young objects
        # (a quarter of a second for two 10,000-procedure snapshots).
        return aged(result)


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
