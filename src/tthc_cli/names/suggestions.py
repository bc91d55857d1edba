"""Rename suggestions for the members of duplicate groups, each unique in its commune."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from tthc_cli.names.placenames import PlaceName, format_name, parse_name
from tthc_cli.names.result import Group, Member, Suggestion
from tthc_cli.text.normalize import match_key
from tthc_cli.text.units import strip_unit_type


def short_commune(name: str) -> str:
    """`Xã Hòa Bắc` → `Hòa Bắc`."""
    return strip_unit_type(name.strip()).strip() or name.strip()


def suggest(groups: list[Group], taken_by_commune: dict[tuple[str, str], set[Any]]) -> None:
    """A suggestion for every member of a duplicate group but the first: a name a committee
    could adopt as it stands, unique in its commune (and, for streets, in the province): the
    former commune's name in place of a bare number ("Thôn 1" of Xã Hòa Bắc -> "Thôn Hòa Bắc
    1"), else the next free number of a numbered hamlet. A named street or hamlet gets no name
    (``rename_to`` empty: the committee chooses); the unit that tells the member apart is in
    ``former_unit``, never in brackets in the name."""
    streets_by_province: dict[str, set[Any]] = defaultdict(set)
    for group in groups:
        for member in group.members:
            if member.entry.kind == "street":
                streets_by_province[member.entry.province].add(taken_key(member.parsed))
    for group in groups:
        if group.verdict != "duplicate":
            continue
        province_scope = group.commune is None
        for member in group.members[1:]:
            entry = member.entry
            taken = taken_by_commune[(entry.province, entry.commune)]
            wide = streets_by_province[entry.province] if entry.kind == "street" else set()
            unit = former_unit(member, province_scope)
            rename_to = ""
            for candidate in _candidates(member, taken, province_scope, unit):
                key = taken_key(parse_name(candidate, entry.kind, ward=entry.ward))
                if key not in taken and key not in wide:
                    taken.add(key)
                    if entry.kind == "street":
                        wide.add(key)
                    rename_to = candidate
                    break
            group.suggestions.append(Suggestion(member, rename_to, unit))


def taken_key(parsed: PlaceName) -> Any:
    return parsed.core_fold


def former_unit(member: Member, province_scope: bool) -> str:
    """The unit that tells a member apart: its commune across a province, else its former
    commune; short ("Hòa Bắc") unless that is a bare number ("Phường 2")."""
    entry = member.entry
    full = (entry.commune_name or entry.commune) if province_scope else entry.origin
    if not full:
        return ""
    short = short_commune(full)
    return full.strip() if short.isdigit() else short


def _candidates(member: Member, taken: set[Any], province_scope: bool, unit: str) -> Iterable[str]:
    entry, parsed = member.entry, member.parsed
    words = _display_rest(entry.name, parsed)
    bare_number = parsed.number is not None and not words
    if unit and unit == short_commune(unit) and bare_number and not province_scope:
        yield format_name(parsed.type_word, unit, parsed.number, parsed.suffix)
    if parsed.number is not None and parsed.number.isdigit() and entry.kind == "hamlet":
        # The next number after every one used by a name of the same words in the commune.
        used = [
            int(number)
            for number, _suffix, date, rest in taken
            if rest == parsed.rest_fold and date is None and str(number).isdigit()
        ]
        start = max([int(parsed.number), *used]) + 1
        for n in range(start, start + 50):
            yield format_name(parsed.type_word, words, str(n), "")


def _display_rest(name: str, parsed: PlaceName) -> str:
    """The words of the name after its type word and without its number, as written."""
    words = name.split()
    if parsed.type_word:
        count = len(parsed.type_word.split())
        head = match_key(" ".join(words[:count]))
        words = words[count:] if head == parsed.type_word else words[1:]
    if parsed.number is not None:
        words = [w for w in words if match_key(w).lstrip("0") != parsed.number]
        words = [w for w in words if match_key(w) != "số"]
    return " ".join(words)
