"""The readable report: one table per commune (or province, for streets), duplicates first."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tthc_cli.names.result import DedupeResult, Group
from tthc_cli.reports.dedupe.base import group_id, scope_label
from tthc_cli.runtime.i18n import _, ngettext

_STYLE = {"duplicate": "bold red", "similar": "yellow"}


class TextDedupeReporter:
    summary = True  # the closing count line; off with `tthc --quiet`

    def render(self, result: DedupeResult, console: Console) -> None:
        numbered = list(enumerate(result.groups))
        for _key, chunk in groupby(numbered, key=lambda item: (item[1].province, item[1].commune)):
            items = list(chunk)
            first = items[0][1]
            table = Table(
                title=f"{escape(scope_label(first))}", title_justify="left", show_lines=True
            )
            for column in (
                # Translators: column titles of the readable dedupe-names report.
                _("Group"),
                _("Verdict"),
                _("Names (former commune, file:line)"),
                _("Reason"),
                _("Rename to"),
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
        names = ngettext("{count:,} name", "{count:,} names", result.names)
        communes = ngettext("{count:,} commune", "{count:,} communes", result.communes)
        duplicates = ngettext(
            "{count:,} duplicate group", "{count:,} duplicate groups", result.duplicate_groups
        )
        similar = ngettext(
            "{count:,} similar group", "{count:,} similar groups", result.similar_groups
        )
        # Translators: the closing line of `tthc dedupe-names`; each field is a count with its
        # noun, e.g. "Checked 1,200 names in 30 communes: 4 duplicate groups, 2 similar groups".
        # Keep the [bold red]…[/] and [yellow]…[/] markup.
        line = _(
            "Checked {names} in {communes}: [bold red]{duplicates}[/], [yellow]{similar}[/]"
        ).format(
            names=names.format(count=result.names),
            communes=communes.format(count=result.communes),
            duplicates=duplicates.format(count=result.duplicate_groups),
            similar=similar.format(count=result.similar_groups),
        )
        console.print(line, soft_wrap=True)

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
                # Translators: the former commune a name comes from, e.g. "from Xã Hòa Bình".
                extra.append(_("from {commune}").format(commune=entry.origin))
            detail = f" ({', '.join(extra)})" if extra else ""
            lines.append(f"{escape(entry.name)}{escape(detail)} [dim]{escape(where)}[/]")
        return "\n".join(lines)

    @staticmethod
    def _renames(group: Group) -> str:
        lines = []
        for s in group.suggestions:
            name = escape(s.member.entry.name)
            if s.rename_to:
                lines.append(f"{name} → [bold]{escape(s.rename_to)}[/]")
            else:
                # Translators: no new name can be made for a name; the committee picks one.
                lines.append(f"{name} → [dim]{escape(_('no good name to suggest: choose one'))}[/]")
            if s.former_unit:
                # Translators: {unit} is the (former) commune that tells a name apart.
                unit = _("told apart by {unit}").format(unit=s.former_unit)
                lines[-1] += f" [dim]({escape(unit)})[/]"
        return "\n".join(lines)
