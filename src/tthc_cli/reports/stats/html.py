"""`tthc stats --format html`: the table of every format, the shares and an online-level chart,
in one page that works offline and prints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console

from tthc_cli.index.result import Change, Figures, Stats
from tthc_cli.reports.htmlpage import ONLINE_LABELS, level_label, render_page
from tthc_cli.reports.stats.base import COLUMNS, cells, coverage_cells, percent, province_label
from tthc_cli.reports.stats.charts import ONLINE_KINDS, stacked
from tthc_cli.runtime.i18n import N_, _

LABELS = {
    "title": N_("Procedure figures"),
    "files": N_("Files"),
    "procedures": N_("Procedures"),
    "table": N_("Procedures, online levels, location independence, time limits and fees"),
    "chart": N_("Online level of the procedures"),
    "changes": N_("Before and after"),
    "coverage": N_("Against the reference"),
}
_LABEL_HEADINGS = (N_("Province"), N_("Level"), N_("Effective"), N_("Field"))
# The figures of base.COLUMNS after the labels, then the shares the reports quote.
_FIGURE_HEADINGS = (
    N_("Procedures"),
    N_("Full"),
    N_("Partial"),
    N_("Online, level not published"),
    N_("Not online"),
    N_("Not stated"),
    N_("Location-independent"),
    N_("Median (working days)"),
    N_("Median (days)"),
    N_("Free"),
    N_("Paid"),
    N_("Fees not stated"),
    N_("Full (share)"),
    N_("Partial (share)"),
    N_("Location-independent (share)"),
)
_COVERAGE_HEADINGS = (N_("Reference"), N_("Listed"), N_("Missing"), N_("Added"), N_("Differ"))
# Where the figures start in a row of base.COLUMNS (after the labels).
_FIRST_FIGURE = COLUMNS.index("procedures")
_CHANGE_HEADINGS = (
    N_("Before"),
    N_("After"),
    N_("Change"),
    N_("Online full"),
    N_("Loc.-indep."),
)


def label_columns(by: str, *, dated: bool) -> list[int]:
    """Which of province, level, effective and field label a group of this grouping."""
    kept = [0]
    if by != "province":
        kept += [1, 2] if dated else [1]
    if by == "field":
        kept.append(3)
    return kept


def group_label(by: str, province: str, level: str, effective: str, field: str | None) -> str:
    parts = [province]
    if by != "province":
        parts += [level_label(level), effective]
    if by == "field":
        parts.append(field or "")
    return " · ".join(p for p in parts if p)


def _figures_row(figures: Figures) -> list[str]:
    n = figures.procedures
    shares = [
        percent(figures.online["full"], n),
        percent(figures.online["partial"], n),
        percent(figures.location["yes"], n),
    ]
    return cells("", "", "", None, figures)[_FIRST_FIGURE:] + shares


def _changed(f: Figures | None) -> str:
    return percent(f.online["full"], f.procedures) if f else "–"


def _coverage(
    stats: Stats, kept: list[int], rows: list[list[str]], total: list[str]
) -> dict[str, Any]:
    """The table against the reference: the groups' labels, then the coverage columns."""
    labels = len(kept)
    return {
        "head": [_(_LABEL_HEADINGS[i]) for i in kept] + [_(h) for h in _COVERAGE_HEADINGS],
        "rows": [
            row[:labels] + [cell or "–" for cell in coverage_cells(g.coverage)]
            for row, g in zip(rows, stats.groups, strict=True)
        ],
        "total": total[:labels] + coverage_cells(stats.coverage),
    }


def stats_context(stats: Stats, changes: Sequence[Change] | None) -> dict[str, Any]:
    """What stats_body.html shows; the site's figures page renders the same."""
    context: dict[str, Any] = {"files": stats.files, "procedures": stats.total.procedures}
    if changes is None:
        kept = label_columns(stats.by, dated=True)
        rows = []
        for g in stats.groups:
            label = [
                province_label(g.province, g.effective),
                level_label(g.level),
                g.effective,
                g.field or "",
            ]
            rows.append([label[i] for i in kept] + _figures_row(g.figures))
        total = [str(_("Total"))] + [""] * (len(kept) - 1) + _figures_row(stats.total)
        items = [
            (
                group_label(
                    stats.by, province_label(g.province, g.effective), g.level, g.effective, g.field
                ),
                g.figures,
            )
            for g in stats.groups
        ]
        context |= {
            "head": [_(_LABEL_HEADINGS[i]) for i in kept] + [_(h) for h in _FIGURE_HEADINGS],
            "rows": rows,
            "total": total,
            "chart": stacked(items),
            "kinds": ONLINE_KINDS,
            "online_names": {k: _(v) for k, v in ONLINE_LABELS.items()},
        }
        if stats.coverage is not None:
            context["coverage"] = _coverage(stats, kept, rows, total)
    else:
        kept = label_columns(stats.by, dated=False)
        rows = []
        for c in changes:
            before = c.before.procedures if c.before else 0
            after = c.after.procedures if c.after else 0
            label = [province_label(c.province), level_label(c.level), "", c.field or ""]
            located = " → ".join(
                percent(f.location["yes"], f.procedures) if f else "–" for f in (c.before, c.after)
            )
            rows.append(
                [label[i] for i in kept]
                + [str(before), str(after), f"{after - before:+d}"]
                + [f"{_changed(c.before)} → {_changed(c.after)}", located]
            )
        context |= {
            "head": [_(_LABEL_HEADINGS[i]) for i in kept] + [_(h) for h in _CHANGE_HEADINGS],
            "rows": rows,
        }
    context |= {"changes": changes, "label_count": len(kept)}
    return context


class HtmlStatsReporter:
    summary = True

    def render(self, stats: Stats, changes: Sequence[Change] | None, console: Console) -> None:
        console.file.write(render_page("stats.html", LABELS, **stats_context(stats, changes)))
        console.file.flush()
