"""Find hamlet and street names that collide in a commune (streets also across a province).

Names are parsed into type word, number, date and the rest (placenames.py) and gathered by
scope: a commune's hamlets, a commune's streets, or a province's streets. In each scope,
blocking.py picks the candidate pairs and `compare` decides them; grouping.py joins the pairs
into groups and suggestions.py proposes renames. Provinces are independent, so parallel.py
shares a national list out between forked processes by province.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

from tthc_cli.names.grouping import scope_groups
from tthc_cli.names.lists import NameEntry, NameList
from tthc_cli.names.parallel import parallel_groups, province_buckets
from tthc_cli.names.parse import written_without_marks
from tthc_cli.names.placenames import PlaceName, Verdict, parse_name
from tthc_cli.names.result import DedupeResult, Group, Member
from tthc_cli.names.suggestions import suggest, taken_key
from tthc_cli.names.types import ROAD_TYPES
from tthc_cli.runtime.perf import collector_paused, fork_workers
from tthc_cli.text.normalize import match_key
from tthc_cli.text.syllables import unmarked_name_possible

# Below this many names a second process costs more (start, results sent back) than it saves.
PARALLEL_MIN_NAMES = 20_000


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
    with collector_paused():
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
    # Judged on whole files before the names are split by province, so that a verdict never
    # depends on how many processes share the work.
    unmarked_lists = typed_without_marks(names.entries)
    buckets = province_buckets(names.entries, _workers(len(names.entries)))
    if len(buckets) > 1:
        groups_of = partial(
            _groups, street_scope=street_scope, progress=None, unmarked_lists=unmarked_lists
        )
        by_scope = parallel_groups(names.entries, buckets, groups_of, progress)
    else:
        by_scope = _groups(names.entries, street_scope, progress, unmarked_lists)
    groups = [g for _key, found in by_scope for g in found]
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


def typed_without_marks(entries: Iterable[NameEntry]) -> set[str]:
    """The lists (files) that show they were typed without marks: most of their names carry no
    mark, and most of those have a word that needs one ("Nguyen", "Tuc"). There a name that
    could be real as written ("Tan An") is the marked name all the same."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for entry in entries:
        count = counts[entry.file]
        count[0] += 1
        if written_without_marks(entry.name):
            count[1] += 1
            count[2] += not unmarked_name_possible(entry.name)
    return {
        file
        for file, (names, unmarked, proven) in counts.items()
        if unmarked * 2 > names and proven * 2 >= unmarked and proven > 0
    }


def _workers(size: int) -> int:
    return fork_workers(size, min_items=PARALLEL_MIN_NAMES, most=2)


def _groups(
    entries: Sequence[NameEntry],
    street_scope: str,
    progress: Callable[[int, int], None] | None,
    unmarked_lists: set[str],
) -> list[tuple[tuple[str, ...], list[Group]]]:
    """Each scope's key and groups, in the order of the keys; unmarked_lists: the files typed
    without marks (`typed_without_marks` of every name, not only of these)."""
    parsed_cache: dict[tuple[str, str, bool, bool], PlaceName] = {}
    # Verdicts by the ids of two parsed names: parsed_cache keeps those names alive.
    verdict_cache: dict[tuple[int, int], Verdict | None] = {}

    def member(entry: NameEntry) -> Member:
        ward = entry.ward
        key = (entry.name, entry.kind, ward, False)
        parsed = parsed_cache.get(key)
        if parsed is None:
            parsed = parse_name(entry.name, entry.kind, ward=ward)
            parsed_cache[key] = parsed
        return Member(entry, parsed)

    def typed_unmarked(m: Member) -> Member:
        key = (m.entry.name, m.entry.kind, m.entry.ward, True)
        parsed = parsed_cache.get(key)
        if parsed is None:
            parsed = parsed_cache[key] = replace(m.parsed, typed_unmarked=True)
        return Member(m.entry, parsed)

    scopes: dict[tuple[str, ...], list[Member]] = defaultdict(list)
    taken: dict[tuple[str, str], set[Any]] = defaultdict(set)
    members = [member(entry) for entry in entries]
    if unmarked_lists:
        members = [
            typed_unmarked(m) if m.entry.file in unmarked_lists and m.parsed.rest_unmarked else m
            for m in members
        ]
    for m in members:
        entry = m.entry
        taken[(entry.province, entry.commune)].add(taken_key(m.parsed))
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
            by_scope.append((key, scope_groups(members, key[0], key[-1], verdict_cache)))
        if progress is not None:
            progress(done, total)
    suggest([g for _key, groups in by_scope for g in groups], taken)
    return by_scope
