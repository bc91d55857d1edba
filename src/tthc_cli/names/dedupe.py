"""Find hamlet and street names that collide in a commune (streets also across a province).

Names are parsed into type word, number, date and the rest (placenames.py); `compare` decides
each pair. Only candidates are compared, never every pair: names are blocked by scope (commune
or province), then by their folded core (same number, date and letters without diacritics),
by their sorted words (word order), and by their words with one syllable left open (close
spellings). Duplicate pairs are joined into groups; similar pairs make `similar` groups.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tthc_cli.catalog.loading import gc_paused
from tthc_cli.names.lists import NameEntry, NameList
from tthc_cli.names.placenames import (
    PlaceName,
    Verdict,
    blocking_keys,
    compare,
    format_name,
    join_or,
    parse_name,
)
from tthc_cli.names.types import ROAD_TYPES
from tthc_cli.runtime.i18n import N_, _
from tthc_cli.text.normalize import match_key
from tthc_cli.text.units import strip_unit_type

# A block larger than this is not searched for close spellings (the pairs would be too many
# and close spellings in such a crowd are noise); exact and folded blocks are always searched.
MAX_FUZZY_BLOCK = 400

# Below this many names a second process costs more (start, results sent back) than it saves.
PARALLEL_MIN_NAMES = 20_000


@dataclass(slots=True)
class Member:
    entry: NameEntry
    parsed: PlaceName


@dataclass
class Suggestion:
    member: Member
    rename_to: str


@dataclass
class Group:
    province: str
    commune: str | None
    commune_name: str | None
    kind: str
    verdict: str
    codes: list[str]
    reason: str
    members: list[Member]
    suggestions: list[Suggestion] = field(default_factory=list)


@dataclass
class DedupeResult:
    groups: list[Group]
    names: int
    communes: int
    names_list: NameList

    @property
    def duplicate_groups(self) -> int:
        return sum(1 for g in self.groups if g.verdict == "duplicate")

    @property
    def similar_groups(self) -> int:
        return sum(1 for g in self.groups if g.verdict == "similar")

    def exit_code(self, fail_on: str) -> int:
        if self.names_list.errors:
            return 2
        if fail_on == "duplicate" and self.duplicate_groups:
            return 1
        if fail_on == "similar" and self.groups:
            return 1
        return 0


class _Union:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def short_commune(name: str) -> str:
    """`Xã Hòa Bắc` → `Hòa Bắc`."""
    return strip_unit_type(name.strip()).strip() or name.strip()


@lru_cache(maxsize=1 << 18)
def _keys(p: PlaceName) -> tuple[tuple[Any, ...], Any, tuple[Any, ...]]:
    """A name's blocking keys: (folded core and parser keys, sorted words, words with one left
    open). Names repeat across communes (Thôn 1, Tân Lập), so each is worked out once."""
    core = (p.core_fold, *(("parser", key) for key in blocking_keys(p)))
    words = p.rest.split()
    if len(words) < 2:
        return core, None, ()
    head = (p.number, p.suffix, p.date)
    opened = tuple(
        (*head, (*words[:position], "*", *words[position + 1 :])) for position in range(len(words))
    )
    return core, (*head, tuple(sorted(words))), opened


def _blocks(members: Sequence[Member]) -> Iterable[list[int]]:
    """Index lists whose members may be compared: same folded core, same words in any order,
    the same words but one."""
    by_core: dict[Any, list[int]] = defaultdict(list)
    by_words: dict[Any, list[int]] = defaultdict(list)
    by_open: dict[Any, list[int]] = defaultdict(list)
    for index, member in enumerate(members):
        # The parser's own keys also catch word breaks (A Râng / Arâng), accepted variants and
        # a leading word that belongs to the name (Ấp Sóc Trăng / Sóc Trăng).
        core, sorted_words, opened = _keys(member.parsed)
        for key in core:
            by_core[key].append(index)
        if sorted_words is not None:
            by_words[sorted_words].append(index)
            for key in opened:
                by_open[key].append(index)
    yield from (b for b in by_core.values() if len(b) > 1)
    yield from (b for b in by_words.values() if len(b) > 1)
    yield from (b for b in by_open.values() if 1 < len(b) <= MAX_FUZZY_BLOCK)


def _pairs(
    members: Sequence[Member], cache: dict[tuple[int, int], Verdict | None] | None = None
) -> dict[tuple[int, int], Verdict]:
    """Verdicts for the candidate pairs, between the first copies of distinct spellings.

    cache: verdicts by the ids of the two parsed names, shared between scopes (the same pair of
    spellings recurs in many communes); its names must stay alive while it is used."""
    verdicts: dict[tuple[int, int], Verdict] = {}
    seen: set[tuple[int, int]] = set()
    known = {} if cache is None else cache
    for block in _blocks(members):
        first: dict[str, int] = {}
        for index in block:
            first.setdefault(members[index].entry.name, index)
        distinct = sorted(first.values())
        for i, a in enumerate(distinct):
            pa = members[a].parsed
            for b in distinct[i + 1 :]:
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                pb = members[b].parsed
                ids = (id(pa), id(pb))
                if ids in known:
                    verdict = known[ids]
                else:
                    verdict = known[ids] = compare(pa, pb)
                if verdict is not None:
                    verdicts[(a, b)] = verdict
    return verdicts


def _components(size: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    union = _Union(size)
    touched: set[int] = set()
    for a, b in edges:
        union.union(a, b)
        touched.update((a, b))
    groups: dict[int, list[int]] = defaultdict(list)
    for index in sorted(touched):
        groups[union.find(index)].append(index)
    return [g for g in groups.values() if len(g) > 1]


def _reason(codes: Counter[str], texts: dict[str, str], scope: str) -> str:
    parts = [texts[code] for code, _count in codes.most_common()]
    reason = "; ".join(dict.fromkeys(parts))
    if scope == "province":
        # Translators: {reasons} says why the streets are the same or similar names.
        reason = _(
            "{reasons} (in different communes of the province: if it is one street running "
            "through them, keep it; otherwise rename)"
        ).format(reasons=reason)
    return reason


def _scope_groups(
    members: list[Member],
    scope: str,
    kind: str,
    cache: dict[tuple[int, int], Verdict | None] | None = None,
) -> list[Group]:
    verdicts = _pairs(members, cache)
    # The same spelling twice (Thôn 1 from two former communes) is the plainest duplicate.
    copies: dict[str, list[int]] = defaultdict(list)
    for index, member in enumerate(members):
        copies[member.entry.name].append(index)
    same_spelling = Verdict("duplicate", "same-spelling", _("the same name, spelt the same way"))
    for indexes in copies.values():
        for other in indexes[1:]:
            verdicts[(indexes[0], other)] = same_spelling
    _split_ambiguous(members, verdicts)
    _split_untyped_bridges(members, verdicts)
    duplicate_edges = [k for k, v in verdicts.items() if v.verdict == "duplicate"]
    similar_edges = [k for k, v in verdicts.items() if v.verdict == "similar"]
    groups: list[Group] = []
    dup_components = _components(len(members), duplicate_edges)
    owner = {i: n for n, comp in enumerate(dup_components) for i in comp}
    codes, texts = _reasons(verdicts, owner, len(dup_components), "duplicate")
    for component, counted, worded in zip(dup_components, codes, texts, strict=True):
        if not counted:
            counted["same-after-normalization"] = 1
            worded["same-after-normalization"] = _("the same name")
        groups.append(_group(members, component, "duplicate", counted, worded, scope, kind))
    # Similar pairs between members that are not already in one duplicate group.
    similar = [(a, b) for a, b in similar_edges if owner.get(a, -1 - a) != owner.get(b, -1 - b)]
    similar_components = _components(len(members), similar)
    similar_owner = {i: n for n, comp in enumerate(similar_components) for i in comp}
    codes, texts = _reasons(verdicts, similar_owner, len(similar_components), "similar")
    for component, counted, worded in zip(similar_components, codes, texts, strict=True):
        groups.append(_group(members, component, "similar", counted, worded, scope, kind))
    return groups


def _reasons(
    verdicts: dict[tuple[int, int], Verdict], owner: dict[int, int], count: int, verdict: str
) -> tuple[list[Counter[str]], list[dict[str, str]]]:
    """For each of `count` components, the codes (and their wording) of the `verdict` pairs
    inside it, in one pass over the pairs (a pass per component was quadratic in a large
    province)."""
    codes: list[Counter[str]] = [Counter() for _ in range(count)]
    texts: list[dict[str, str]] = [{} for _ in range(count)]
    for (a, b), found in verdicts.items():
        if found.verdict != verdict:
            continue
        component = owner.get(a)
        if component is not None and owner.get(b) == component:
            codes[component][found.code] += 1
            texts[component][found.code] = found.reason
    return codes, texts


def _split_bridges(
    members: list[Member],
    verdicts: dict[tuple[int, int], Verdict],
    *,
    code: str,
    loose: Callable[[PlaceName], bool],
    reading: Callable[[PlaceName], Any],
    new_code: str,
    wording: str,
) -> None:
    """A loose name (typed without diacritics, or without a type word) that fits two names
    which are not the same as each other must not join them into one duplicate group: its
    pairs become `similar`, to be looked at."""
    partners: dict[int, set[int]] = defaultdict(set)
    for (a, b), verdict in verdicts.items():
        if verdict.verdict == "duplicate" and verdict.code == code:
            for plain, other in ((a, b), (b, a)):
                if loose(members[plain].parsed) and not loose(members[other].parsed):
                    partners[plain].add(other)
    for plain, others in partners.items():
        if len({reading(members[i].parsed) for i in others}) < 2:
            continue
        choices = join_or(sorted({members[i].entry.name for i in others}))
        for other in others:
            verdicts[(min(plain, other), max(plain, other))] = Verdict(
                "similar", new_code, _(wording).format(choices=choices)
            )


def _split_ambiguous(members: list[Member], verdicts: dict[tuple[int, int], Verdict]) -> None:
    # Tan Thanh: Tân Thành or Tân Thạnh?
    _split_bridges(
        members,
        verdicts,
        code="without-diacritics",
        loose=lambda p: p.ascii_only,
        reading=lambda p: p.core,
        new_code="ambiguous-without-diacritics",
        # Translators: {choices} are names, e.g. "Tân Thành or Tân Thạnh".
        wording=N_("typed without diacritics, it could be {choices}"),
    )


def _split_untyped_bridges(members: list[Member], verdicts: dict[tuple[int, int], Verdict]) -> None:
    # Phú Lộc: Thôn Phú Lộc or Tổ dân phố Phú Lộc (which are only `similar`)?
    _split_bridges(
        members,
        verdicts,
        code="missing-type-word",
        loose=lambda p: p.type_word is None,
        reading=lambda p: p.type_word,
        new_code="ambiguous-without-type-word",
        # Translators: {choices} are names, e.g. "Thôn Phú Lộc or Tổ dân phố Phú Lộc".
        wording=N_("without a type word, it could be {choices}"),
    )


def _group(
    members: list[Member],
    indexes: list[int],
    verdict: str,
    codes: Counter[str],
    texts: dict[str, str],
    scope: str,
    kind: str,
) -> Group:
    chosen = [
        members[i]
        for i in sorted(indexes, key=lambda i: (members[i].entry.file, members[i].entry.line))
    ]
    first = chosen[0].entry
    if scope == "province" and len({m.entry.commune for m in chosen}) == 1:
        scope = "commune"  # all in one commune: a commune's collision, renamed by former commune
    return Group(
        province=first.province,
        commune=first.commune if scope == "commune" else None,
        commune_name=(first.commune_name or first.commune) if scope == "commune" else None,
        kind=kind,
        verdict=verdict,
        codes=[code for code, _count in codes.most_common()],
        reason=_reason(codes, texts, scope),
        members=chosen,
    )


def _suggest(groups: list[Group], taken_by_commune: dict[tuple[str, str], set[Any]]) -> None:
    """Rename suggestions for every member of a duplicate group but the first, each unique in
    its commune (and, for streets, in the province): the former commune's name, else the next
    free number (hamlets), else a counter."""
    streets_by_province: dict[str, set[Any]] = defaultdict(set)
    for group in groups:
        for member in group.members:
            if member.entry.kind == "street":
                streets_by_province[member.entry.province].add(_taken_key(member.parsed))
    for group in groups:
        if group.verdict != "duplicate":
            continue
        for member in group.members[1:]:
            entry = member.entry
            taken = taken_by_commune[(entry.province, entry.commune)]
            wide = streets_by_province[entry.province] if entry.kind == "street" else set()
            for candidate in _candidates(member, taken, group.commune is None):
                key = _taken_key(parse_name(candidate, entry.kind, ward=entry.ward))
                if key not in taken and key not in wide:
                    taken.add(key)
                    if entry.kind == "street":
                        wide.add(key)
                    group.suggestions.append(Suggestion(member, candidate))
                    break


def _taken_key(parsed: PlaceName) -> Any:
    return parsed.core_fold


def _candidates(member: Member, taken: set[Any], province_scope: bool) -> Iterable[str]:
    entry, parsed = member.entry, member.parsed
    words = _display_rest(entry.name, parsed)
    tag = None
    if province_scope and (entry.commune_name or entry.commune):
        tag = short_commune(entry.commune_name or entry.commune)
    elif entry.origin:
        tag = short_commune(entry.origin)
    if tag and tag.isdigit():
        # "Phường 2" shortened is a bare number: keep the whole name.
        tag = entry.origin if not province_scope and entry.origin else entry.commune_name or tag
        if tag:
            yield f"{entry.name.strip()} ({tag})"
        tag = None
    if tag:
        if parsed.number is not None and not words and not province_scope:
            yield format_name(parsed.type_word, tag, parsed.number, parsed.suffix)
        else:
            yield f"{entry.name.strip()} ({tag})"
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
    for n in range(2, 100):
        yield f"{entry.name.strip()} {n}"


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


def find_duplicates(
    names: NameList,
    *,
    street_scope: str = "province",
    progress: Callable[[int, int], None] | None = None,
    accepted: Iterable[tuple[str, str, str, Iterable[str]]] = (),
) -> DedupeResult:
    """Group colliding names; street_scope is "province" or "commune".

    accepted: (province, commune, kind, names) a committee decided to keep or merge; a group
    whose names all belong to one accepted set is not reported again.
    """
    with gc_paused():
        result = _find_duplicates(names, street_scope=street_scope, progress=progress)
    sets = [
        (province, commune, kind, {match_key(n) for n in group_names})
        for province, commune, kind, group_names in accepted
    ]
    if sets:
        result.groups = [g for g in result.groups if not _is_accepted(g, sets)]
    return result


def _is_accepted(group: Group, sets: list[tuple[str, str, str, set[str]]]) -> bool:
    names = {match_key(m.entry.name) for m in group.members}
    communes = {m.entry.commune for m in group.members}
    for province, commune, kind, accepted in sets:
        same_scope = commune == "*" or commune in communes or group.commune is None
        if province == group.province and kind == group.kind and names <= accepted and same_scope:
            return True
    return False


def _find_duplicates(
    names: NameList,
    *,
    street_scope: str,
    progress: Callable[[int, int], None] | None,
) -> DedupeResult:
    buckets = _province_buckets(names.entries, _workers(len(names.entries)))
    if len(buckets) > 1:
        by_scope = _parallel_groups(names.entries, buckets, street_scope, progress)
    else:
        by_scope = _groups(names.entries, street_scope, progress)
    groups = [g for _key, scope_groups in by_scope for g in scope_groups]
    groups.sort(
        key=lambda g: (
            g.province,
            g.commune or "",
            g.kind,
            g.verdict != "duplicate",
            g.members[0].entry.file,
            g.members[0].entry.line,
        )
    )
    return DedupeResult(
        groups=groups,
        names=len(names.entries),
        communes=len(names.communes),
        names_list=names,
    )


def _workers(size: int) -> int:
    if size < PARALLEL_MIN_NAMES or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(2, available or 1)


def _province_buckets(entries: Sequence[NameEntry], workers: int) -> list[list[str]]:
    """Provinces shared out between `workers` processes, about the same number of names each.

    Provinces are independent: every scope (commune or province) and every rename suggestion
    (unique in its commune, streets in their province) stays inside one."""
    if workers < 2:
        return []
    sizes = Counter(entry.province for entry in entries)
    buckets: list[list[str]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for province, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
        lightest = loads.index(min(loads))
        buckets[lightest].append(province)
        loads[lightest] += size
    return [b for b in buckets if b]


# Set in the parent just before forking, read by the workers (fork shares it without pickling).
_WORK: tuple[Sequence[NameEntry], list[list[str]], str] | None = None


# A group as a worker sends it back: its fields, then members as (index of the entry, index of
# the parsed name in the worker's table) and suggestions as (position in members, new name).
# Sending Group objects whole cost as much as a third of the work saved (every entry pickled).
_Packed = tuple[
    str,
    str | None,
    str | None,
    str,
    str,
    list[str],
    str,
    list[tuple[int, int]],
    list[tuple[int, str]],
]
_WorkResult = tuple[int, list[PlaceName], list[tuple[tuple[str, ...], list[_Packed]]]]


def _work(bucket: int) -> _WorkResult:
    assert _WORK is not None
    entries, buckets, street_scope = _WORK
    provinces = set(buckets[bucket])
    where = {id(e): i for i, e in enumerate(entries) if e.province in provinces}
    by_scope = _groups([e for e in entries if e.province in provinces], street_scope, None)
    table: dict[int, int] = {}
    parsed: list[PlaceName] = []

    def parsed_index(name: PlaceName) -> int:
        index = table.get(id(name))
        if index is None:
            index = table[id(name)] = len(parsed)
            parsed.append(name)
        return index

    packed: list[tuple[tuple[str, ...], list[_Packed]]] = []
    for key, groups in by_scope:
        scope_groups: list[_Packed] = []
        for g in groups:
            position = {id(m): n for n, m in enumerate(g.members)}
            scope_groups.append(
                (
                    g.province,
                    g.commune,
                    g.commune_name,
                    g.kind,
                    g.verdict,
                    g.codes,
                    g.reason,
                    [(where[id(m.entry)], parsed_index(m.parsed)) for m in g.members],
                    [(position[id(s.member)], s.rename_to) for s in g.suggestions],
                )
            )
        packed.append((key, scope_groups))
    return bucket, parsed, packed


def _unpack(entries: Sequence[NameEntry], parsed: list[PlaceName], group: _Packed) -> Group:
    province, commune, commune_name, kind, verdict, codes, reason, members, suggestions = group
    chosen = [Member(entries[entry], parsed[name]) for entry, name in members]
    return Group(
        province=province,
        commune=commune,
        commune_name=commune_name,
        kind=kind,
        verdict=verdict,
        codes=codes,
        reason=reason,
        members=chosen,
        suggestions=[Suggestion(chosen[n], rename_to) for n, rename_to in suggestions],
    )


def _parallel_groups(
    entries: Sequence[NameEntry],
    buckets: list[list[str]],
    street_scope: str,
    progress: Callable[[int, int], None] | None,
) -> list[tuple[tuple[str, ...], list[Group]]]:
    """What `_groups` gives, province buckets worked out in forked processes; the scopes in the
    same order as one process would give them (the stable sort after relies on it)."""
    global _WORK
    _WORK = (entries, buckets, street_scope)
    results: list[tuple[tuple[str, ...], list[Group]]] = []
    try:
        with multiprocessing.get_context("fork").Pool(len(buckets)) as pool:
            pending = pool.imap_unordered(_work, range(len(buckets)))
            for done, (_bucket, parsed, packed) in enumerate(pending, start=1):
                for key, groups in packed:
                    results.append((key, [_unpack(entries, parsed, g) for g in groups]))
                if progress is not None:
                    progress(done, len(buckets))
    finally:
        _WORK = None
    # Scope keys are unique: each scope lies in one province, so in one bucket.
    return sorted(results, key=lambda item: item[0])


def _groups(
    entries: Sequence[NameEntry],
    street_scope: str,
    progress: Callable[[int, int], None] | None,
) -> list[tuple[tuple[str, ...], list[Group]]]:
    """Each scope's key and groups, in the order of the keys."""
    parsed_cache: dict[tuple[str, str, bool], PlaceName] = {}
    # Verdicts by the ids of two parsed names: parsed_cache keeps those names alive.
    verdict_cache: dict[tuple[int, int], Verdict | None] = {}

    def member(entry: NameEntry) -> Member:
        ward = entry.ward
        key = (entry.name, entry.kind, ward)
        parsed = parsed_cache.get(key)
        if parsed is None:
            parsed = parse_name(entry.name, entry.kind, ward=ward)
            parsed_cache[key] = parsed
        return Member(entry, parsed)

    scopes: dict[tuple[str, ...], list[Member]] = defaultdict(list)
    taken: dict[tuple[str, str], set[Any]] = defaultdict(set)
    for entry in entries:
        m = member(entry)
        taken[(entry.province, entry.commune)].add(_taken_key(m.parsed))
        if entry.kind == "street":
            # Numbered routes run through many communes: one route in two communes is one road.
            if street_scope == "province" and m.parsed.type_word not in ROAD_TYPES:
                scopes[("province", entry.province, "street")].append(m)
            else:
                scopes[("commune", entry.province, entry.commune, "street")].append(m)
        else:
            scopes[("commune", entry.province, entry.commune, "hamlet")].append(m)
    by_scope: list[tuple[tuple[str, ...], list[Group]]] = []
    total = len(scopes)
    for done, (key, members) in enumerate(sorted(scopes.items()), start=1):
        if len(members) > 1:
            by_scope.append((key, _scope_groups(members, key[0], key[-1], verdict_cache)))
        if progress is not None:
            progress(done, total)
    _suggest([g for _key, groups in by_scope for g in groups], taken)
    return by_scope
