"""What `tthc stats` and `tthc search` give their reporters: procedure rows, search hits, and
the figures of groups of procedures.

Reporters import this module, never the index: rendering a result needs no catalog reader.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

Fee = tuple[str, "float | None"]  # (name, amount in đồng or None when not stated)


class Row(NamedTuple):
    """One procedure of one catalog file, with the values stats and search use."""

    file: str
    line: int
    province: str
    level: str
    effective: str
    code: str
    name: str
    field: str
    agency: str
    time_value: float | None
    time_unit: str
    fees: tuple[Fee, ...] | None  # None: not stated; (): free
    online: str  # full | partial | available | none | "" (not stated)
    location_independent: bool | None
    legal_basis: tuple[str, ...]
    key: str  # text.keys.procedure_key: the national code, else "name:" and the name's key


@dataclass(frozen=True, slots=True)
class Hit:
    row: Row
    score: float
    match: str  # code | exact | phrase | words | partial
    also: int  # other catalogs listing the same procedure at the same level and province


@dataclass
class Figures:
    """The figures of one group of procedures."""

    procedures: int = 0
    online: Counter[str] = field(default_factory=Counter)  # ONLINE_LEVELS, unstated
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

        online_keys = ("full", "partial", "available", "none", "unstated")
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
class Coverage:
    """A group's procedures against the reference's procedures of its province and level."""

    reference: int = 0  # the reference's procedures of this province and level (and field)
    published: int = 0  # of those, the ones the group lists
    added: int = 0  # listed procedures that are none of the reference's at this level
    # listed procedures the reference knows whose name, level, time limit, fees or online
    # level differ from it (as the rules TT151-TT155 say)
    differ: int = 0

    @property
    def missing(self) -> int:
        return self.reference - self.published

    @classmethod
    def combine(cls, parts: Iterable[Coverage]) -> Coverage:
        total = cls()
        for part in parts:
            total.reference += part.reference
            total.published += part.published
            total.added += part.added
            total.differ += part.differ
        return total

    def as_dict(self) -> dict[str, int]:
        return {
            "procedures": self.reference,
            "published": self.published,
            "missing": self.missing,
            "added": self.added,
            "differ": self.differ,
        }


@dataclass
class Group:
    province: str
    level: str
    effective: str
    field: str | None
    figures: Figures
    # Against the reference (`tthc stats --reference`); None without one, or for a province
    # the reference says nothing about.
    coverage: Coverage | None = None

    def key(self) -> tuple[str, str, str]:
        return (self.province, self.level, self.field or "")


@dataclass
class Stats:
    by: str
    groups: list[Group]
    total: Figures
    files: int = 0
    duplicates: int = 0  # rows not counted again (same procedure, province and level)
    # The groups' coverage added up; None when no reference was given.
    coverage: Coverage | None = None


@dataclass
class Change:
    """One group before and after (either side may be missing); groups are paired by
    province, level and field, whatever their dates."""

    province: str
    level: str
    field: str | None
    before: Figures | None
    after: Figures | None
