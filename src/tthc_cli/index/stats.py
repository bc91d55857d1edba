"""Figures of procedure catalogs: counts, online levels, location independence, time limits,
fees; per province, level and (optionally) field, and the change between two snapshots.

A procedure is counted once per province, level and date, however many files list it
(catalogs split by commune or by field); its values are those of the listing that states the
most of them (the first such listing). A value
a catalog does not state is counted as `unstated`, never as `none` or free: the shares are
of all procedures, so the unstated part stays visible.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tthc_cli.index.procindex import Row

GROUPINGS = ("province", "level", "field")
LEVEL_ORDER = {"tinh": 0, "huyen": 1, "xa": 2}


@dataclass
class Figures:
    """The figures of one group of procedures."""

    procedures: int = 0
    online: Counter[str] = field(default_factory=Counter)  # full, partial, none, unstated
    location: Counter[str] = field(default_factory=Counter)  # yes, no, unstated
    fees: Counter[str] = field(default_factory=Counter)  # free, paid, unstated
    working_days: list[float] = field(default_factory=list)
    calendar_days: list[float] = field(default_factory=list)

    @classmethod
    def of(cls, rows: Sequence[Row]) -> Figures:
        """The figures of rows (each a different procedure)."""
        figures = cls(procedures=len(rows))
        figures.online = Counter([row.online or "unstated" for row in rows])
        figures.location = Counter(
            [
                "unstated"
                if r.location_independent is None
                else ("yes" if r.location_independent else "no")
                for r in rows
            ]
        )
        figures.fees = Counter([fee_kind(row) for row in rows])
        figures.working_days = [
            r.time_value for r in rows if r.time_value is not None and r.time_unit == "working-days"
        ]
        figures.calendar_days = [
            r.time_value
            for r in rows
            if r.time_value is not None and r.time_unit == "calendar-days"
        ]
        return figures

    @classmethod
    def combine(cls, parts: Iterable[Figures]) -> Figures:
        total = cls()
        for part in parts:
            total.procedures += part.procedures
            total.online.update(part.online)
            total.location.update(part.location)
            total.fees.update(part.fees)
            total.working_days.extend(part.working_days)
            total.calendar_days.extend(part.calendar_days)
        return total

    def share(self, counter: Counter[str], key: str) -> float:
        return counter[key] / self.procedures if self.procedures else 0.0

    @property
    def median_working_days(self) -> float | None:
        return statistics.median(self.working_days) if self.working_days else None

    @property
    def median_calendar_days(self) -> float | None:
        return statistics.median(self.calendar_days) if self.calendar_days else None

    def as_dict(self) -> dict[str, Any]:
        def shares(counter: Counter[str], keys: Sequence[str]) -> dict[str, float]:
            return {key: round(self.share(counter, key), 4) for key in keys}

        online_keys = ("full", "partial", "none", "unstated")
        location_keys = ("yes", "no", "unstated")
        fee_keys = ("free", "paid", "unstated")
        return {
            "procedures": self.procedures,
            "online": {key: self.online[key] for key in online_keys},
            "online_share": shares(self.online, online_keys),
            "location_independent": {key: self.location[key] for key in location_keys},
            "location_independent_share": round(self.share(self.location, "yes"), 4),
            "time_limit": {
                "median_working_days": _number(self.median_working_days),
                "median_calendar_days": _number(self.median_calendar_days),
                "stated": len(self.working_days) + len(self.calendar_days),
            },
            "fees": {key: self.fees[key] for key in fee_keys},
        }


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 1)


def fee_kind(row: Row) -> str:
    """free: no fee or only zero amounts; paid: an amount above zero or one left to the
    provincial council (no amount); unstated: the catalog says nothing about fees."""
    if row.fees is None:
        return "unstated"
    if all(amount is not None and amount == 0 for _name, amount in row.fees):
        return "free"
    return "paid"


@dataclass
class Group:
    province: str
    level: str
    effective: str
    field: str | None
    figures: Figures

    def key(self) -> tuple[str, str, str]:
        return (self.province, self.level, self.field or "")


@dataclass
class Stats:
    by: str
    groups: list[Group]
    total: Figures
    files: int = 0
    duplicates: int = 0  # rows not counted again (same procedure, province and level)


def _stated(row: Row) -> int:
    """How many of the counted values a row states."""
    return (
        bool(row.online)
        + (row.location_independent is not None)
        + (row.time_value is not None)
        + (row.fees is not None)
    )


def compute(rows: Iterable[Row], by: str = "level", *, files: int = 0) -> Stats:
    """Figures per province (by=province), per province and level (level), or per province,
    level and field (field). Catalogs of one level with different `effective` dates are
    different snapshots: they are kept apart (use `compare` to set two side by side)."""
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
    groups.sort(
        key=lambda g: (g.province, LEVEL_ORDER.get(g.level, 9), g.level, g.effective, g.field or "")
    )
    return Stats(by, groups, Figures.combine(g.figures for g in groups), files, duplicates)


@dataclass
class Change:
    """One group before and after (either side may be missing); groups are paired by
    province, level and field, whatever their dates."""

    province: str
    level: str
    field: str | None
    before: Figures | None
    after: Figures | None


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
