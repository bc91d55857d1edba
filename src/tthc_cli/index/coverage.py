"""How much of the reference a list publishes (`tthc stats --reference`): per group, the
reference's procedures of its province and level that it lists, those it adds, and those that
differ from the reference as the rules TT151-TT155 say (`catalog.refcompare`)."""

from __future__ import annotations

from collections.abc import Sequence

from tthc_cli.catalog.refcompare import differences
from tthc_cli.catalog.reference import Entry, Reference, ReferenceView
from tthc_cli.index.result import Coverage, Row
from tthc_cli.text.keys import match_key


def entry_of_row(row: Row) -> Entry:
    return Entry(
        code=row.code,
        name=row.name,
        field=row.field,
        time_value=row.time_value,
        time_unit=row.time_unit,
        fees=row.fees,
        online=row.online,
        legal_basis=row.legal_basis or None,
    )


def coverage(
    rows: Sequence[Row], reference: Reference, *, field: str | None = None
) -> Coverage | None:
    """The coverage of rows (distinct procedures of one province), each level and date apart
    against the reference in force on that date; with field, only the reference's procedures
    of that field count. None when the reference says nothing to any of them."""
    by_level: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        by_level.setdefault((row.level, row.effective), []).append(row)
    parts = []
    for (level, effective), part in by_level.items():
        view = reference.for_list(part[0].province, effective)
        if view:
            parts.append(_one_level(part, level, view, field))
    return Coverage.combine(parts) if parts else None


def _one_level(rows: Sequence[Row], level: str, view: ReferenceView, field: str | None) -> Coverage:
    wanted = view.at_level(level)
    if field is not None:
        wanted = [ref for ref in wanted if match_key(ref.entry.field) == match_key(field)]
    found = Coverage(reference=len(wanted))
    listed: set[str] = set()
    for row in rows:
        entry = entry_of_row(row)
        listed.add(entry.key)
        refs = view.find(entry)
        if all(ref.level != level for ref in refs):
            found.added += 1
        if refs and differences(entry, level, refs):
            found.differ += 1
    found.published = sum(
        1 for ref in wanted if ref.key in listed or "name:" + ref.name_key in listed
    )
    return found
