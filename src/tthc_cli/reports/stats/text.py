"""`tthc stats` in a terminal: a table per run and a bar of online levels per group."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tthc_cli.index.result import Change, Figures, Stats
from tthc_cli.reports.stats.base import coverage_cells, median_text, percent, province_label
from tthc_cli.runtime.i18n import N_, _

BAR_WIDTH = 30
# How the groups were made, as the table title says it ("Procedures by level").
_GROUPINGS = {"province": N_("province"), "level": N_("level"), "field": N_("field")}
_SEGMENTS = (
    ("full", "█", "green"),
    ("partial", "▓", "yellow"),
    ("available", "▒", "cyan"),
    ("none", "░", "red"),
)


def bar(figures: Figures, width: int = BAR_WIDTH) -> Text:
    """full █, partial ▓, available ▒, none ░, unstated · — each in proportion to the procedures."""
    text = Text()
    used = 0
    for key, char, style in _SEGMENTS:
        size = round(width * figures.share(figures.online, key))
        size = min(size, width - used)
        text.append(char * size, style=style)
        used += size
    text.append("·" * (width - used), style="dim")
    return text


class TextStatsReporter:
    summary = True

    def render(self, stats: Stats, changes: Sequence[Change] | None, console: Console) -> None:
        if changes is not None:
            self._changes(stats, changes, console)
            return
        console.print(self._table(stats))
        self._bars(stats, console)
        if stats.coverage is not None:
            console.print(self._coverage(stats))
        if self.summary:
            console.print(
                _("{procedures} procedures in {files} files.").format(
                    procedures=stats.total.procedures, files=stats.files
                )
            )

    def _table(self, stats: Stats) -> Table:
        grouping = _(_GROUPINGS.get(stats.by, stats.by))
        # Ten columns fit 80 characters only without the outer border and the doubled padding.
        table = Table(
            title=_("Procedures by {by}").format(by=grouping),
            collapse_padding=True,
            show_edge=False,
        )
        labels = self._labels(stats.by, dated=True)
        for label in labels:
            table.add_column(label, no_wrap=True)
        headings = (
            _("Count"),
            _("Full"),
            _("Partial"),
            # Translators: an online channel exists but its level is not published.
            _("Avail."),
            _("Loc-ind"),
            _("Median"),
            _("Free"),
            _("Paid"),
        )
        rows = [
            (
                self._label(stats.by, g.province, g.level, g.field, g.effective),
                self._cells(g.figures),
            )
            for g in stats.groups
        ]
        total = self._cells(stats.total)
        for index, heading in enumerate(headings):
            # Figures are never cut short in a narrow terminal; headings wrap instead.
            widest = max(len(figures[index]) for figures in [total, *(c for _l, c in rows)])
            table.add_column(heading, justify="right", min_width=widest)
        for names, figures in rows:
            table.add_row(*names, *figures)
        blank = [""] * (len(labels) - 1)
        table.add_row(_("Total"), *blank, *total, style="bold")
        return table

    def _coverage(self, stats: Stats) -> Table:
        """The groups against the reference: its procedures of their province and level, how
        many they list and miss, how many they add and how many differ from it."""
        table = Table(title=_("Against the reference"), collapse_padding=True, show_edge=False)
        labels = self._labels(stats.by, dated=True)
        for label in labels:
            table.add_column(label, no_wrap=True)
        for heading in (_("Reference"), _("Listed"), _("Missing"), _("Added"), _("Differ")):
            table.add_column(heading, justify="right")
        for g in stats.groups:
            cells = [cell or "–" for cell in coverage_cells(g.coverage)]
            table.add_row(*self._label(stats.by, g.province, g.level, g.field, g.effective), *cells)
        blank = [""] * (len(labels) - 1)
        table.add_row(_("Total"), *blank, *coverage_cells(stats.coverage), style="bold")
        return table

    def _bars(self, stats: Stats, console: Console) -> None:
        console.print(
            _(
                "Online level (█ full, ▓ partial, ▒ available: online, level not published, "
                "░ none, · not stated):"
            )
        )
        texts = [
            " ".join(self._label(stats.by, g.province, g.level, g.field, g.effective))
            for g in stats.groups
        ]
        width = max((len(text) for text in texts), default=0)
        for g, text in zip(stats.groups, texts, strict=True):
            line = Text(text.ljust(width) + " ")
            line.append_text(bar(g.figures))
            f, n = g.figures, g.figures.procedures
            line.append(" " + " / ".join(percent(f.online[key], n) for key, _c, _s in _SEGMENTS))
            console.print(line)

    def _changes(self, stats: Stats, changes: Sequence[Change], console: Console) -> None:
        table = Table(title=_("Before and after"))
        labels = self._labels(stats.by)
        for label in labels:
            table.add_column(label, no_wrap=True)
        for heading in (_("Before"), _("After"), _("Change"), _("Online full"), _("Loc.-indep.")):
            table.add_column(heading, justify="right")
        for c in changes:
            before = c.before.procedures if c.before else 0
            after = c.after.procedures if c.after else 0
            full = " → ".join(
                percent(f.online["full"], f.procedures) if f else "–" for f in (c.before, c.after)
            )
            located = " → ".join(
                percent(f.location["yes"], f.procedures) if f else "–" for f in (c.before, c.after)
            )
            table.add_row(
                *self._label(stats.by, c.province, c.level, c.field),
                str(before),
                str(after),
                f"{after - before:+d}",
                full,
                located,
            )
        console.print(table)

    @staticmethod
    def _labels(by: str, *, dated: bool = False) -> list[str]:
        labels: list[str] = [_("Province")]
        if by != "province":
            labels.append(_("Level"))
            if dated:
                labels.append(_("Effective"))
        if by == "field":
            labels.append(_("Field"))
        return labels

    @staticmethod
    def _label(
        by: str, province: str, level: str, field: str | None, effective: str | None = None
    ) -> list[str]:
        label = [province_label(province, effective)]
        if by != "province":
            label.append(level)
            if effective is not None:
                label.append(effective)
        if by == "field":
            label.append(field or "")
        return label

    @staticmethod
    def _cells(f: Figures) -> list[str]:
        n = f.procedures
        return [
            str(n),
            percent(f.online["full"], n),
            percent(f.online["partial"], n),
            percent(f.online["available"], n),
            percent(f.location["yes"], n),
            median_text(f),
            str(f.fees["free"]),
            str(f.fees["paid"]),
        ]
