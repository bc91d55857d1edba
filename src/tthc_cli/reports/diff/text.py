"""The readable diff: the level-transition matrix first, then procedures grouped by status."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tthc_cli.diffing.result import STATUSES, DiffEntry, DiffResult, transition_matrix
from tthc_cli.reports.diff.base import hint_reason, levels_text, show_change
from tthc_cli.runtime.i18n import _

_STYLE = {
    "moved": "bold cyan",
    "changed": "yellow",
    "added": "green",
    "removed": "red",
    "unchanged": "dim",
}


def matrix(result: DiffResult) -> Table:
    """Rows: where procedures were before; columns: where they are now; with totals."""
    data = transition_matrix(result)
    table = Table()
    # Translators: the corner of the level-transition table: rows are the levels before,
    # columns the levels after.
    table.add_column(_("before \\ after"))
    for col in data.cols:
        table.add_column(col, justify="right")
    table.add_column(_("total"), justify="right", style="bold")
    for row in data.rows:
        cells = [data.cells.get((row, col), 0) for col in data.cols]
        table.add_row(row, *[str(c) if c else "·" for c in cells], str(data.row_total(row)))
    table.add_section()
    table.add_row(
        _("total"), *[str(data.col_total(col)) for col in data.cols], str(data.total), style="bold"
    )
    return table


class TextDiffReporter:
    summary = True  # the sides, the matrix and the counts; off with `tthc --quiet`

    def render(self, result: DiffResult, entries: list[DiffEntry], console: Console) -> None:
        if self.summary:
            self._summary(result, console)
        self._entries(result, entries, console)

    def _summary(self, result: DiffResult, console: Console) -> None:
        summary = result.summary()
        # Translators: no procedures on a side of the diff.
        before = ", ".join(f"{lv} {n}" for lv, n in summary["old"].items()) or _("nothing")
        after = ", ".join(f"{lv} {n}" for lv, n in summary["new"].items()) or _("nothing")
        # Translators: {label} names the old catalogs (files or folders); {counts} are the
        # procedures per level, e.g. "tinh 120, xa 80". Keep the [bold]…[/] markup.
        line = _("[bold]Before[/] ({label}): {counts}")
        console.print(line.format(label=escape(result.old.label), counts=before), soft_wrap=True)
        # Translators: as "Before", for the new catalogs; the two spaces align the lines.
        line = _("[bold]After[/]  ({label}): {counts}")
        console.print(line.format(label=escape(result.new.label), counts=after), soft_wrap=True)
        console.print()
        console.print(matrix(result))
        counts = result.counts()
        console.print(
            "  ".join(f"[{_STYLE[s]}]{s} {counts[s]}[/]" for s in STATUSES), soft_wrap=True
        )

    def _entries(self, result: DiffResult, entries: list[DiffEntry], console: Console) -> None:
        shown = {e.status for e in entries}
        for status, group in groupby(entries, key=lambda e: e.status):
            items = list(group)
            console.print()
            console.print(f"[{_STYLE[status]}]{status.upper()}[/] ({len(items)})")
            if status == "unchanged" and len(shown) > 1:
                continue  # listing identical procedures helps nobody; --only unchanged does
            for entry in items:
                self._entry(entry, console)
        if result.hints:
            console.print()
            # Translators: a heading; "pin" and "forbid" are what a decisions file can say
            # (its keys are `pairs` and `forbid`). Keep the [bold]…[/] markup.
            console.print(_("[bold]Not paired, but close[/] (pin or forbid in a decisions file)"))
            for hint in result.hints:
                console.print(
                    f"  {escape(hint.old.code)} {escape(hint.old.name)}  ~  "
                    f"{escape(hint.new.code)} {escape(hint.new.name)}  "
                    f"[dim]({hint.score:g}; {escape(hint_reason(hint))})[/]",
                    soft_wrap=True,
                )

    @staticmethod
    def _entry(entry: DiffEntry, console: Console) -> None:
        code = entry.code
        if entry.old_code and entry.old_code != entry.code:
            code = f"{entry.old_code} → {entry.code}"
        levels = f"{levels_text(entry.old_levels)} → {levels_text(entry.new_levels)}"
        how = ""
        if entry.match == "name":
            # Translators: how a procedure was paired: {match} is the method (`name`), {score}
            # the similarity score out of 100.
            how = " [dim]{}[/]".format(
                _("by {match} {score}").format(match=entry.match, score=f"{entry.score:g}")
            )
        console.print(
            f"  [bold]{escape(code)}[/]  {escape(entry.name)}  [dim]{levels}[/]{how}",
            soft_wrap=True,
        )
        for change in entry.changes:
            console.print(f"      {escape(show_change(change))}", soft_wrap=True)
