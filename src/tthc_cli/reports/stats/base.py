"""What a stats reporter is, and the cells every format shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rich.console import Console

from tthc_cli.domain.provinces import province_name, short_province_name
from tthc_cli.index.result import Change, Coverage, Figures, Stats
from tthc_cli.runtime.i18n import _

LEVEL_VI = {"tinh": "Tỉnh", "huyen": "Huyện", "xa": "Xã", "": ""}
COLUMNS = (
    "province",
    "province_name",
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


# With a reference: the coverage columns of the CSV, after COLUMNS.
COVERAGE_COLUMNS = ("reference_procedures", "published", "missing", "added", "differ")


def official_name(code: str, effective: str | None = None) -> str:
    """The province's official name on the date (today's when none), or "" for no province."""
    return province_name(code, effective or None) or ""


def province_label(code: str, effective: str | None = None) -> str:
    """ "48 Đà Nẵng": the code and the short name of the province on the date (today's when
    none); the code alone when no province had it then; "national" for a list without one
    (the ministries' national list)."""
    if not code:
        # Translators: a province column's value for the national list (no province).
        return _("national")
    name = province_name(code, effective or None)
    return f"{code} {short_province_name(name)}" if name else code


def coverage_cells(coverage: Coverage | None) -> list[str]:
    """The COVERAGE_COLUMNS of one group; empty for a province the reference says nothing of."""
    if coverage is None:
        return [""] * len(COVERAGE_COLUMNS)
    return [
        str(coverage.reference),
        str(coverage.published),
        str(coverage.missing),
        str(coverage.added),
        str(coverage.differ),
    ]


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
        official_name(province, effective),
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
