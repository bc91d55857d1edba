"""`tthc diff --format html`: the level-transition matrix and every list of the other formats,
in one page that works offline and prints. The site's "what changed" page shows the same body.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console

from tthc_cli.diffing.result import STATUSES, Change, DiffEntry, DiffResult, transition_matrix
from tthc_cli.reports.diff.base import hint_reason, show_change
from tthc_cli.reports.htmlpage import field_label, level_label, render_page
from tthc_cli.runtime.i18n import N_, _, current_language

LABELS = {
    "title": N_("Catalog comparison"),
    "matrix": N_("Level of government: before → after"),
    "matrix_caption": N_("Rows: the level before; columns: the level after."),
    "before_after": N_("before \\ after"),
    "no_procedures": N_("No procedure on either side."),
    "show": N_("Show the list"),
    "code": N_("Code"),
    "name": N_("Name"),
    "before": N_("Before"),
    "after": N_("After"),
    "changes": N_("Changes"),
    "was": N_("before"),
    "by_name": N_("paired by name, score"),
    "hints": N_("Not paired, but close"),
    "hints_help": N_("Pin or forbid these pairs in a decisions file (--decisions)."),
    "old_code": N_("Old code"),
    "old_name": N_("Old name"),
    "new_code": N_("New code"),
    "new_name": N_("New name"),
    "score": N_("Score"),
    "reason": N_("Reason"),
    "unreadable": N_("Files that could not be read"),
}
STATUS_LABELS = {
    "moved": N_("Moved to another level"),
    "changed": N_("Changed"),
    "added": N_("Added"),
    "removed": N_("Removed"),
    "unchanged": N_("Unchanged"),
}
_SIDE_LEVELS = {"added": N_("(new)"), "removed": N_("(gone)")}


def change_text(change: Change) -> str:
    """A change in the words of the page's language."""
    return show_change(change, current_language(), field_label(change.field))


def diff_context(result: DiffResult, entries: list[DiffEntry]) -> dict[str, Any]:
    """What diff_body.html shows; the site's "what changed" page renders the same."""
    matrix = transition_matrix(result)
    names = {level: level_label(level) for level in {*matrix.rows, *matrix.cols}}
    names |= {key: str(_(text)) for key, text in _SIDE_LEVELS.items()}
    groups: dict[str, list[DiffEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.status, []).append(entry)
    sides = [
        {
            "title": _(title),
            "label": side.label,
            "counts": [(level_label(lv), n) for lv, n in side.level_counts().items()],
        }
        for title, side in ((N_("Before"), result.old), (N_("After"), result.new))
    ]
    filtered = ""
    if len(entries) != len(result.entries):
        filtered = _("Filtered: {shown} of {total} procedures shown.").format(
            shown=len(entries), total=len(result.entries)
        )
    return {
        "sides": sides,
        "matrix": matrix,
        "level_names": names,
        "counts": list(result.counts().items()),
        "status_names": {key: _(text) for key, text in STATUS_LABELS.items()},
        "filtered": filtered,
        "groups": [(status, groups[status]) for status in STATUSES if status in groups],
        "hints": result.hints,
        "errors": result.errors,
        "levels": lambda levels: "+".join(level_label(lv) for lv in levels) or "—",
        "change": change_text,
        "reason": lambda hint: hint_reason(hint, current_language()),
        "link": None,
    }


class HtmlDiffReporter:
    def render(self, result: DiffResult, entries: list[DiffEntry], console: Console) -> None:
        page = render_page("diff.html", LABELS, **diff_context(result, entries))
        console.file.write(page)
        console.file.flush()
