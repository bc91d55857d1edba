"""What a stats reporter is, and the cells every format shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rich.console import Console

from tthc_cli.index.result import Change, Figures, Stats

LEVEL_VI = {"tinh": "Tỉnh", "huyen": "Huyện", "xa": "Xã", "": ""}
COLUMNS = (
    "province",
    "level",
    "effective",
    "field",
    "procedures",
    "online_full",
    "online_partial",
    "online_available",
    "online_none",
    "online_unstated",
    "location_independent",
    "median_working_days",
    "median_calendar_days",
    "free",
    "paid",
    "fees_unstated",
)


class StatsReporter(Protocol):
    summary: bool

    def render(self, stats: Stats, changes: Sequence[Change] | None, console: Console) -> None: ...


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def days(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def cells(
    province: str, level: str, effective: str, field: str | None, figures: Figures
) -> list[str]:
    """The row of one group in the columns of COLUMNS, as text."""
    return [
        province,
        level,
        effective,
        field or "",
        str(figures.procedures),
        str(figures.online["full"]),
        str(figures.online["partial"]),
        str(figures.online["available"]),
        str(figures.online["none"]),
        str(figures.online["unstated"]),
        str(figures.location["yes"]),
        days(figures.median_working_days),
        days(figures.median_calendar_days),
        str(figures.fees["free"]),
        str(figures.fees["paid"]),
        str(figures.fees["unstated"]),
    ]


def median_text(figures: Figures) -> str:
    parts = []
    if figures.median_working_days is not None:
        parts.append(f"{days(figures.median_working_days)}wd")
    if figures.median_calendar_days is not None:
        parts.append(f"{days(figures.median_calendar_days)}d")
    return "/".join(parts) or "–"
