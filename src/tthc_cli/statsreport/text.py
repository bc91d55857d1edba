"""`tthc stats` in a terminal: a table per run and a bar of online levels per group."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tthc_cli.i18n import _
from tthc_cli.stats import Change, Figures, Stats
from tthc_cli.statsreport.base import median_text, percent

BAR_WIDTH = 30
_SEGMENTS = (("full", "█", "green"), ("partial", "▓", "yellow"), ("none", "░", "red"))


def bar(figures: Figures, width: int = BAR_WIDTH) -> Text:
    """full █, partial ▓, none ░, unstated · — each in proportion to the procedures."""
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
        table = Table(title=_("Procedures by {by}").format(by=stats.by))
        labels = self._labels(stats.by)
        for label in labels:
            table.add_column(label, no_wrap=True)
        for heading in (
            _("Procedures"),
            _("Online full"),
            _("Partial"),
            _("Loc.-indep."),
            _("Median time"),
            _("Free"),
            _("Paid"),
        ):
            table.add_column(heading, justify="right")
        for g in stats.groups:
            table.add_row(
                *self._label(stats.by, g.province, g.level, g.field), *self._cells(g.figures)
            )
        table.add_row(
            _("Total"), *[""] * (len(labels) - 1), *self._cells(stats.total), style="bold"
        )
        console.print(table)
        console.print(_("Online level (█ full, ▓ partial, ░ none, · not stated):"))
        width = max(
            (
                len(" ".join(self._label(stats.by, g.province, g.level, g.field)))
                for g in stats.groups
            ),
            default=0,
        )
        for g in stats.groups:
            label = " ".join(self._label(stats.by, g.province, g.level, g.field))
            line = Text(label.ljust(width) + " ")
            line.append_text(bar(g.figures))
            line.append(f" {percent(g.figures.online['full'], g.figures.procedures)}")
            console.print(line)
        if self.summary:
            console.print(
                _("{procedures} procedures in {files} files.").format(
                    procedures=stats.total.procedures, files=stats.files
                )
            )

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
    def _labels(by: str) -> list[str]:
        labels = [_("Province")]
        if by != "province":
            labels.append(_("Level"))
        if by == "field":
            labels.append(_("Field"))
        return labels

    @staticmethod
    def _label(by: str, province: str, level: str, field: str | None) -> list[str]:
        label = [province]
        if by != "province":
            label.append(level)
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
            percent(f.location["yes"], n),
            median_text(f),
            str(f.fees["free"]),
            str(f.fees["paid"]),
        ]
