"""What differs between a listed procedure and the reference's listing of it.

The rules TT151-TT156 report these differences one by one and `tthc stats --reference` counts
the procedures that have any of them, so both say the same thing. Each function answers False
(or nothing) when either side does not state the value: an unstated value is no difference.
"""

from __future__ import annotations

from collections import Counter
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


def _amounts(fees: Sequence[Fee]) -> tuple[Counter[float], int]:
    """The stated amounts above zero, and how many fees the council sets (no amount)."""
    stated: Counter[float] = Counter()
    council = 0
    for _name, amount in fees:
        if amount is None:
            council += 1
        elif amount != 0:
            stated[amount] += 1
    return stated, council


def fees_differ(entry: Entry, ref: RefProcedure) -> bool:
    """The fees differ: an amount the reference states is not stated alike, or the number of
    other fees differs. Names are not compared (they are worded every way); a zero amount is no
    fee; a fee the reference leaves to the provincial council (no amount) matches one fee of
    any amount or none stated (the council set it), so a free listing differs from it."""
    if entry.fees is None or ref.entry.fees is None:
        return False
    mine, my_council = _amounts(entry.fees)
    theirs, their_council = _amounts(ref.entry.fees)
    left = mine.copy()
    for amount, count in theirs.items():
        if left[amount] < count:
            return True
        left[amount] -= count
    return sum(left.values()) + my_council != their_council


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
