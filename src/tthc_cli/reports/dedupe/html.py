"""`tthc dedupe-names --format html`: one table per commune (or province, for streets), in one
page that works offline and prints. The site's units page shows the same groups."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from rich.console import Console

from tthc_cli.names.result import DedupeResult
from tthc_cli.reports.dedupe.base import group_id, scope_label
from tthc_cli.reports.htmlpage import render_page
from tthc_cli.runtime.i18n import N_, _, ngettext

LABELS = {
    "title": N_("Colliding hamlet and street names"),
    "group": N_("Group"),
    "verdict": N_("Verdict"),
    "names": N_("Names (former commune, file:line)"),
    "reason": N_("Reason"),
    "rename_to": N_("Rename to"),
    "from": N_("from"),
    "no_name": N_("no good name to suggest: choose one"),
    "unreadable": N_("Files that could not be read"),
}
VERDICT_LABELS = {"duplicate": N_("Same name"), "similar": N_("Similar name")}
KIND_LABELS = {"hamlet": N_("Hamlet or residential group"), "street": N_("Street")}


def dedupe_status(result: DedupeResult) -> str:
    """The closing line of the text report, without its terminal markup."""
    names = ngettext("{count:,} name", "{count:,} names", result.names)
    communes = ngettext("{count:,} commune", "{count:,} communes", result.communes)
    duplicates = ngettext(
        "{count:,} duplicate group", "{count:,} duplicate groups", result.duplicate_groups
    )
    similar = ngettext("{count:,} similar group", "{count:,} similar groups", result.similar_groups)
    return _("Checked {names} in {communes}: {duplicates}, {similar}").format(
        names=names.format(count=result.names),
        communes=communes.format(count=result.communes),
        duplicates=duplicates.format(count=result.duplicate_groups),
        similar=similar.format(count=result.similar_groups),
    )


def dedupe_context(result: DedupeResult, province: str | None = None) -> dict[str, Any]:
    """What dedupe_body.html shows; the site's units page renders the groups of one province
    (numbered as in every format)."""
    numbered = [
        (group_id(i), g)
        for i, g in enumerate(result.groups)
        if province is None or g.province == province
    ]
    scopes = [
        (scope_label(items[0][1]), items)
        for items in (
            list(chunk)
            for _key, chunk in groupby(numbered, lambda x: (x[1].province, x[1].commune))
        )
    ]
    return {
        "status": dedupe_status(result),
        "scopes": scopes,
        "verdicts": {key: _(text) for key, text in VERDICT_LABELS.items()},
        "kinds": {key: _(text) for key, text in KIND_LABELS.items()},
        "told_apart": _("told apart by {unit}"),
        "errors": result.names_list.errors,
    }


class HtmlDedupeReporter:
    summary = True

    def render(self, result: DedupeResult, console: Console) -> None:
        console.file.write(render_page("dedupe.html", LABELS, **dedupe_context(result)))
        console.file.flush()
