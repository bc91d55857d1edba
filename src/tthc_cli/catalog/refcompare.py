"""What differs between a listed procedure and the reference's listing of it.

The rules TT151-TT156 report these differences one by one and `tthc stats --reference` counts
the procedures that have any of them, so both say the same thing. Each function answers False
(or nothing) when either side does not state the value: an unstated value is no difference.
"""

from __future__ import annotations

from collections.abc import Sequence

from tthc_cli.catalog.reference import ONLINE_VALUES, Entry, Fee, RefProcedure
from tthc_cli.domain.documents import document_key

# The kinds of difference `tthc stats --reference` counts ("differ"); legal bases are left out:
# a list may rightly cite more, and TT156 reports only what it omits.
DIFFERENCES = ("name", "level", "time_limit", "fees", "online")


def pick(refs: Sequence[RefProcedure], level: str) -> RefProcedure | None:
    """The reference listing to compare a listing of this level with: the one of the same
    level, else the first."""
    for ref in refs:
        if ref.level == level:
            return ref
    return refs[0] if refs else None


def name_differs(entry: Entry, ref: RefProcedure) -> bool:
    """The names differ beyond Unicode form, tone placement (hòa/hoà), case, spacing,
    punctuation and a leading "Thủ tục"; a different tone is a different name."""
    return bool(entry.name_key and ref.entry.name_key) and entry.name_key != ref.entry.name_key


def level_unlisted(level: str, refs: Sequence[RefProcedure]) -> bool:
    """The reference knows the procedure but does not publish it at this level."""
    return bool(refs) and all(ref.level != level for ref in refs)


def time_longer(entry: Entry, ref: RefProcedure) -> bool:
    """The listing gives more time than the reference. Days of one unit compare directly; a
    number of working days above the reference's calendar days is longer whatever the calendar;
    calendar days against working days cannot be told without a calendar and never count."""
    mine, theirs = entry.time_value, ref.entry.time_value
    if mine is None or theirs is None:
        return False
    unit, their_unit = entry.time_unit, ref.entry.time_unit
    if unit == their_unit and unit in ("working-days", "calendar-days"):
        return mine > theirs
    return unit == "working-days" and their_unit == "calendar-days" and mine > theirs


def _amounts(fees: Sequence[Fee]) -> tuple[set[float], bool]:
    """The amounts above zero the fees state, and whether the council sets one (no amount)."""
    return {amount for _name, amount in fees if amount}, any(a is None for _n, a in fees)


def fees_differ(entry: Entry, ref: RefProcedure) -> bool:
    """The fees differ: an amount the reference states is not among the listing's, the listing
    states an amount the reference does not, or one side says free where the other charges.

    Fees are compared as sets of amounts: names are not compared (they are worded every way),
    a zero amount is no fee, and one amount stated twice (once per way of filing) is one. A fee
    the reference leaves to the provincial council (no amount) may be stated with any amount
    (the council set it) or left to the council; a listing that says free then differs.
    """
    if entry.fees is None or ref.entry.fees is None:
        return False
    mine, my_council = _amounts(entry.fees)
    theirs, their_council = _amounts(ref.entry.fees)
    if not theirs <= mine:
        return True
    if their_council:
        return not (mine or my_council)
    return mine != theirs or my_council


def online_lower(entry: Entry, ref: RefProcedure) -> bool:
    """The online level is below the reference's (none < partial < full); an unknown level on
    either side (not stated, or `available`: a channel exists, its level not published) never
    counts."""
    if entry.online not in ONLINE_VALUES or ref.entry.online not in ONLINE_VALUES:
        return False
    return ONLINE_VALUES.index(entry.online) < ONLINE_VALUES.index(ref.entry.online)


def omitted_documents(entry: Entry, ref: RefProcedure) -> list[str]:
    """The dated documents the reference cites that the listing omits and that are newer than
    every dated document the listing cites (all of them when it cites none with a year).

    Documents are the same when their numbers are (`domain.documents.document_key`: Unicode
    form, case and an ASCII D for Đ do not count). A document without a year (1390/QĐ-UBND)
    cannot be dated and is never reported. A listing that states no legal basis is not checked.
    """
    if entry.legal_basis is None or ref.entry.legal_basis is None:
        return []
    cited = {key for key in map(document_key, entry.legal_basis) if key is not None}
    latest = max((key.year for key in cited if key.year is not None), default=None)
    omitted = []
    for text in ref.entry.legal_basis:
        key = document_key(text)
        if key is None or key.year is None or key in cited:
            continue
        if latest is None or key.year > latest:
            omitted.append(text)
    return omitted


def differences(entry: Entry, level: str, refs: Sequence[RefProcedure]) -> frozenset[str]:
    """The kinds of DIFFERENCES between a listing at level and the reference's listings of it."""
    ref = pick(refs, level)
    if ref is None:
        return frozenset()
    found = set()
    if name_differs(entry, ref):
        found.add("name")
    if level_unlisted(level, refs):
        found.add("level")
    if time_longer(entry, ref):
        found.add("time_limit")
    if fees_differ(entry, ref):
        found.add("fees")
    if online_lower(entry, ref):
        found.add("online")
    return frozenset(found)
