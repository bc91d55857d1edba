"""The readable report: one table per commune (or province, for streets), duplicates first."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tthc_cli.dedupe import DedupeResult, Group
from tthc_cli.dedupereport.base import group_id, scope_label

_STYLE = {"duplicate": "bold red", "similar": "yellow"}


class TextDedupeReporter:
    summary = True  # the closing count line; off with `tthc --quiet`

    def render(self, result: DedupeResult, console: Console) -> None:
        numbered = list(enumerate(result.groups))
        for _, chunk in groupby(numbered, key=lambda item: (item[1].province, item[1].commune)):
            items = list(chunk)
            first = items[0][1]
            table = Table(
                title=f"{escape(scope_label(first))}", title_justify="left", show_lines=True
            )
            for column in (
                "Group",
                "Verdict",
                "Names (former commune, file:line)",
                "Reason",
                "Rename to",
            ):
                table.add_column(column, overflow="fold")
            for index, group in items:
                table.add_row(
                    group_id(index),
                    f"[{_STYLE[group.verdict]}]{group.verdict}[/]\n[dim]{group.kind}[/]",
                    self._members(group),
                    escape(group.reason),
                    self._renames(group),
                )
            console.print(table)
        if not self.summary:
            return
        console.print(
            f"Checked {result.names:,} names in {result.communes:,} communes: "
            f"[bold red]{result.duplicate_groups:,} duplicate groups[/], "
            f"[yellow]{result.similar_groups:,} similar groups[/]",
            soft_wrap=True,
        )

    @staticmethod
    def _members(group: Group) -> str:
        lines = []
        for member in group.members:
            entry = member.entry
            where = f"{entry.file}:{entry.line}"
            extra = []
            if group.commune is None:
                extra.append(entry.commune_name or entry.commune)
            if entry.origin:
                extra.append(f"from {entry.origin}")
            detail = f" ({', '.join(extra)})" if extra else ""
            lines.append(f"{escape(entry.name)}{escape(detail)} [dim]{escape(where)}[/]")
        return "\n".join(lines)

    @staticmethod
    def _renames(group: Group) -> str:
        return "\n".join(
            f"{escape(s.member.entry.name)} → [bold]{escape(s.rename_to)}[/]"
            for s in group.suggestions
        )
