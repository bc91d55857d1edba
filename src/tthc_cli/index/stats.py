"""Figures of procedure catalogs: counts, online levels, location independence, time limits,
fees; per province, level and (optionally) field, and the change between two snapshots.

A procedure is counted once per province, level and date, however many files list it
(catalogs split by commune or by field); its values are those of the listing that states the
most of them (the first such listing). A value
a catalog does not state is counted as `unstated`, never as `none` or free: the shares are
of all procedures, so the unstated part stays visible.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from tthc_cli.index.result import Change, Coverage, Figures, Group, Row, Stats

if TYPE_CHECKING:
    from tthc_cli.catalog.reference import Reference

GROUPINGS = ("province", "level", "field")
LEVEL_ORDER = {"tinh": 0, "huyen": 1, "xa": 2}


def _stated(row: Row) -> int:
    """How many of the counted values a row states."""
    return (
        bool(row.online)
        + (row.location_independent is not None)
        + (row.time_value is not None)
        + (row.fees is not None)
    )


def compute(
    rows: Iterable[Row],
    by: str = "level",
    *,
    files: int = 0,
    reference: Reference | None = None,
) -> Stats:
    """Figures per province (by=province), per province and level (level), or per province,
    level and field (field). Catalogs of one level with different `effective` dates are
    different snapshots: they are kept apart (use `compare` to set two side by side). With a
    reference, each group also gets its coverage (`index.coverage`)."""
    chosen: dict[tuple[str, str, str, str], Row] = {}
    duplicates = 0
    with_level, with_field = by in ("level", "field"), by == "field"
    for row in rows:
        identity = (row.province, row.level, row.effective, row.key)
        kept = chosen.get(identity)
        if kept is None:
            chosen[identity] = row
            continue
        duplicates += 1
        if _stated(row) > _stated(kept):
            chosen[identity] = row
    unique = list(chosen.values())
    buckets: dict[tuple[str, str, str, str], list[Row]] = {}
    for row in unique:
        key = (
            row.province,
            row.level if with_level else "",
            row.effective if with_level else "",
            row.field if with_field else "",
        )
        bucket = buckets.get(key)
        if bucket is None:
            buckets[key] = [row]
        else:
            bucket.append(row)
    groups = [
        Group(key[0], key[1], key[2], key[3] if with_field else None, Figures.of(bucket))
        for key, bucket in buckets.items()
    ]
    if reference is not None:
        from tthc_cli.index.coverage import coverage

        for group, bucket in zip(groups, buckets.values(), strict=True):
            # The reference's own lists would only cover themselves: they get no coverage and
            # stay out of the total.
            if not all(reference.holds_file(file) for file in {row.file for row in bucket}):
                group.coverage = coverage(bucket, reference, field=group.field)
    groups.sort(
        key=lambda g: (g.province, LEVEL_ORDER.get(g.level, 9), g.level, g.effective, g.field or "")
    )
    stats = Stats(by, groups, Figures.combine(g.figures for g in groups), files, duplicates)
    if reference is not None:
        stats.coverage = Coverage.combine(g.coverage for g in groups if g.coverage is not None)
    return stats


def compare(before: Stats, after: Stats) -> list[Change]:
    old = {group.key(): group for group in before.groups}
    new = {group.key(): group for group in after.groups}
    keys = sorted(set(old) | set(new), key=lambda k: (k[0], LEVEL_ORDER.get(k[1], 9), k[1], k[2]))
    changes = []
    for key in keys:
        a, b = old.get(key), new.get(key)
        some = a or b
        assert some is not None
        changes.append(
            Change(
                some.province,
                some.level,
                some.field,
                a.figures if a else None,
                b.figures if b else None,
            )
        )
    return changes
