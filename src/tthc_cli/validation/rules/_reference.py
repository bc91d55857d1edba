"""What the TT15x rules share: the listings of a list, each with the reference's listings of
the same procedure, and the values they quote in their messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.catalog.reference import (
    Entry,
    Fee,
    Reference,
    ReferenceView,
    RefProcedure,
    date_text,
    entry_of,
)
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.rules.base import RuleContext


@dataclass(frozen=True, slots=True)
class Listing:
    """One procedure of a checked list and the reference's listings of it (empty: unknown)."""

    index: int
    entry: Entry
    refs: list[RefProcedure]
    level: str


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def checked_list(doc: Document, ctx: RuleContext) -> tuple[ReferenceView, str, str] | None:
    """The reference as the list sees it, its province and level; None when it is not checked:
    no reference, not a procedure list, one of the reference's own files, or a list the
    reference says nothing about (another province, or a date before every reference catalog
    of it: every code would be "unknown")."""
    reference = ctx.reference
    if reference is None or doc.kind != "procedure-catalog" or not isinstance(doc.data, dict):
        return None
    if reference.holds_file(doc.path):
        return None
    province, level = _text(doc.data.get("province")), _text(doc.data.get("level"))
    view = reference.for_list(province, date_text(doc.data.get("effective")))
    return (view, province, level) if view else None


# Seven rules walk the same list in turn: the last list's listings are kept for the next rule.
# Its data is part of the key, as a document that flips to its full parse is walked again.
_last: tuple[Document, Any, Reference | None, list[Listing]] | None = None


def listings(doc: Document, ctx: RuleContext) -> list[Listing]:
    """Each procedure of a checked list, with the reference's listings of the same procedure."""
    global _last
    checked = checked_list(doc, ctx)
    if checked is None:
        return []
    view, _province, level = checked
    reference = ctx.reference
    if _last is not None and _last[0] is doc and _last[1] is doc.data and _last[2] is reference:
        return _last[3]
    found = []
    for index, item in iter_items(doc, "procedures"):
        entry = entry_of(item)
        found.append(Listing(index, entry, view.find(entry), level))
    _last = (doc, doc.data, reference, found)
    return found


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def time_text(entry: Entry) -> str:
    """`5 working-days`, as a catalog writes it."""
    return f"{number(entry.time_value or 0)} {entry.time_unit}"


def fees_text(fees: tuple[Fee, ...]) -> str:
    """`free`, or each fee's amount in đồng (or that the provincial council sets it)."""
    if not fees:
        # Translators: what a list of fees says when it is empty.
        return _("free")
    parts: list[str] = []
    for name, amount in fees:
        if amount is None:
            # Translators: a fee without an amount; {name} is the fee's name ("Lệ phí").
            parts.append(_("{name}: set by the provincial council").format(name=name))
        else:
            parts.append(f"{name}: {number(amount)} đ")
    return "; ".join(parts)


def where(ref: RefProcedure) -> str:
    return f"{ref.file}:{ref.line}"
