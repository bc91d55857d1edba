"""How much of the reference a list publishes (`tthc stats --reference`): per group, the
reference's procedures of its province and level that it lists, those it adds, and those that
differ from the reference as the rules TT151-TT155 say (`catalog.refcompare`)."""

from __future__ import annotations

from collections.abc import Sequence

from tthc_cli.catalog.refcompare import differences
from tthc_cli.catalog.reference import Entry, Reference
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
    """The coverage of rows (distinct procedures of one province), each level and date apart;
    with field, only the reference's procedures of that field count. None when the reference
    says nothing about the province."""
    if not rows or not reference.covers(rows[0].province):
        return None
    by_level: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        by_level.setdefault((row.level, row.effective), []).append(row)
    return Coverage.combine(
        _one_level(part, level, reference, field) for (level, _date), part in by_level.items()
    )


def _one_level(
    rows: Sequence[Row], level: str, reference: Reference, field: str | None
) -> Coverage:
    province = rows[0].province
    wanted = reference.at_level(province, level)
    if field is not None:
        wanted = [ref for ref in wanted if match_key(ref.entry.field) == match_key(field)]
    found = Coverage(reference=len(wanted))
    listed: set[str] = set()
    for row in rows:
        entry = entry_of_row(row)
        listed.add(entry.key)
        refs = reference.find(entry, province)
        if all(ref.level != level for ref in refs):
            found.added += 1
        if refs and differences(entry, level, refs):
            found.differ += 1
    found.published = sum(
        1 for ref in wanted if ref.key in listed or "name:" + ref.name_key in listed
    )
    return found
