"""The context of each kind of page, from the catalogs and the results of the features."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from typing import Any

from tthc_cli.diffing.result import DiffEntry
from tthc_cli.domain.codes import is_procedure_code, national_part
from tthc_cli.domain.provinces import PROVINCES_2025
from tthc_cli.index.result import Row, fee_kind
from tthc_cli.reports.diff.base import show_value
from tthc_cli.reports.diff.html import change_text
from tthc_cli.reports.htmlpage import field_label, level_label, online_label
from tthc_cli.runtime.i18n import _, current_language
from tthc_cli.site.labels import FEE_LABELS
from tthc_cli.site.load import Listing, ProcList, segment
from tthc_cli.site.searchindex import stated

# The fields of a procedure page, in the order an official reads them; others follow.
FIELD_ORDER = (
    "code",
    "name",
    "field",
    "agency",
    "type",
    "subjects",
    "time_limit",
    "fees",
    "online",
    "location_independent",
    "documents",
    "steps",
    "conditions",
    "result",
    "legal_basis",
    "decision",
    "notes",
)


def slug(row: Row) -> str:
    """The file name of a procedure's page in its list: its code, else a digest of its key."""
    if is_procedure_code(row.code):
        return national_part(row.code)
    return "n-" + hashlib.sha1(row.key.encode(), usedforsecurity=False).hexdigest()[:12]


def province_name(code: str, names: dict[str, str]) -> str:
    """The province's name as its units file writes it, else its official name; "national"
    (the label of every report) for the ministries' list, which has no province."""
    if not code:
        # Translators: a province column's value for the national list (no province).
        return str(_("national"))
    return names.get(code) or PROVINCES_2025.get(code) or code


def province_folder(code: str) -> str:
    """The folder of a province's pages: its code; `national` for the list without one."""
    return segment(code) if code else "national"


def show_date(iso: str) -> str:
    """2025-07-01 as Vietnamese write it (01/07/2025), or as it is in English."""
    if current_language() == "vi" and len(iso) == 10 and iso[4] == "-" and iso[7] == "-":
        return f"{iso[8:]}/{iso[5:7]}/{iso[:4]}"
    return iso


@functools.cache
def _yes_no_in(lang: str) -> tuple[str, str]:
    return show_value(True, lang), show_value(False, lang)


def _yes_no() -> tuple[str, str]:
    return _yes_no_in(current_language())


def fact(key: str, value: Any) -> str | list[str]:
    """A value as a procedure page shows it: text, or a list of lines."""
    lang = current_language()
    if key == "online" and isinstance(value, str):
        return online_label(value)
    if key == "fees" and isinstance(value, list):
        return [show_value([item], lang) for item in value] or [str(_(FEE_LABELS["free"]))]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [str(item) for item in value]
    return show_value(value, lang)


def facts(values: dict[str, Any]) -> list[tuple[str, str | list[str]]]:
    keys = [k for k in FIELD_ORDER if k in values] + [k for k in values if k not in FIELD_ORDER]
    return [(field_label(k), fact(k, values[k])) for k in keys if values[k] is not None]


def origin(entry: DiffEntry | None, effective: str) -> dict[str, Any] | None:
    """Where a procedure came from, by the diff with --before: "Huyện → Xã từ 01/07/2025"."""
    if entry is None:
        return None
    date = show_date(effective)
    if entry.status == "added":
        text = _("New in the list in force from {date}.").format(date=date)
    elif entry.old_levels != entry.new_levels:
        text = _("{before} → {after} from {date}.").format(
            before=level_label("+".join(entry.old_levels)),
            after=level_label("+".join(entry.new_levels)),
            date=date,
        )
    elif entry.changes:
        text = _("Changed in the list in force from {date}.").format(date=date)
    else:
        text = _("Unchanged in the list in force from {date}.").format(date=date)
    return {"text": text, "changes": [change_text(c) for c in entry.changes]}


def list_row(plist: ProcList, listing: Listing) -> dict[str, Any]:
    """A procedure in the filterable table of its province."""
    row = listing.row
    located = row.location_independent
    fee = fee_kind(row)
    time = show_value(listing.values.get("time_limit"), current_language())
    return {
        "list": plist.slug,
        "level": row.level,
        "effective": row.effective,
        "level_name": level_label(row.level),
        "field": row.field,
        "online": row.online or "unstated",
        "online_name": online_label(row.online),
        "loc": "unstated" if located is None else ("yes" if located else "no"),
        "fee": fee,
        "fee_name": _(FEE_LABELS[fee]),
        "stated": stated(row),
        "code": row.code,
        "national": national_part(row.code) if is_procedure_code(row.code) else row.code,
        "key": row.key,
        "name": row.name,
        "url": f"{plist.slug}/{listing.slug}.html",
        "time": "" if listing.values.get("time_limit") is None else time,
    }


def list_summary(plist: ProcList, count: int) -> dict[str, Any]:
    return {
        "slug": plist.slug,
        "level": plist.level,
        "level_name": level_label(plist.level),
        "effective": plist.effective,
        "count": count,
        "decisions": plist.decisions,
        "titles": plist.titles,
    }


def unit_rows(communes: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each commune with what it was formed from, its hamlets and its streets, as text."""

    def names(items: Any, part: bool = False) -> list[str]:
        out = []
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict) or not item.get("name"):
                continue
            text = str(item["name"])
            if part and item.get("part"):
                text += " " + _("(part)")
            if not part and item.get("from"):
                text += f" ({_('from')} {item['from']})"
            out.append(text)
        return out

    return [
        {
            "code": str(c.get("code", "")),
            "name": str(c.get("name", "")),
            "formed_from": names(c.get("formed_from"), part=True),
            "hamlets": names(c.get("hamlets")),
            "streets": names(c.get("streets")),
        }
        for c in communes
    ]
