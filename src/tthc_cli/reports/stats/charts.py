"""Charts of stats figures as geometry for inline SVG (templates/charts.html draws them).

No chart library and nothing fetched: a page that shows a chart works offline, and the numbers
stay in the page as text for screen readers and for print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tthc_cli.index.result import Figures

WIDTH = 640  # the drawing's own units; the SVG scales to the page
BAR_X = 0
BAR_WIDTH = 520
ROW_HEIGHT = 38
ONLINE_KINDS = ("full", "partial", "available", "none", "unstated")


@dataclass(frozen=True)
class Segment:
    kind: str
    x: float
    width: float
    count: int


@dataclass(frozen=True)
class Bar:
    label: str
    y: int
    segments: tuple[Segment, ...]
    total: int
    note: str  # what the bar says in figures, beside it


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    width: int
    height: int


def _x(value: float) -> float:
    return round(value, 2)  # short, stable numbers in the file


def stacked(items: Sequence[tuple[str, Figures]], kinds: Sequence[str] = ONLINE_KINDS) -> Chart:
    """One bar per group: its procedures split by online level, each part to scale."""
    bars = []
    for index, (label, figures) in enumerate(items):
        x = float(BAR_X)
        segments = []
        for kind in kinds:
            count = figures.online[kind]
            width = BAR_WIDTH * figures.share(figures.online, kind)
            if count:
                segments.append(Segment(kind, _x(x), _x(width), count))
            x += width
        total = figures.procedures
        note = f"{100 * figures.share(figures.online, 'full'):.0f}%" if total else "–"
        bars.append(Bar(label, index * ROW_HEIGHT, tuple(segments), total, note))
    return Chart(tuple(bars), WIDTH, max(len(bars) * ROW_HEIGHT, ROW_HEIGHT))


def columns(items: Sequence[tuple[str, int]]) -> Chart:
    """One horizontal bar per item, to scale against the largest."""
    largest = max((count for _label, count in items), default=0)
    bars = []
    for index, (label, count) in enumerate(items):
        width = BAR_WIDTH * count / largest if largest else 0.0
        segment = Segment("bar", float(BAR_X), _x(width), count)
        bars.append(Bar(label, index * ROW_HEIGHT, (segment,) if count else (), count, str(count)))
    return Chart(tuple(bars), WIDTH, max(len(bars) * ROW_HEIGHT, ROW_HEIGHT))
