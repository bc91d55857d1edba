"""dedupe-names over several processes: provinces shared out between forked workers, and the
compact form in which a worker's groups travel back.

Provinces are independent: every scope (commune or province) and every rename suggestion
(unique in its commune, streets in their province) stays inside one. A worker sends its groups
with each member as the position of its entry in the list both processes hold, and each parsed
name once: sending Group objects whole cost as much as a third of the work saved (every entry
pickled), and even with entries sent by position, pickling the objects cost twice these tuples.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from tthc_cli.names.lists import NameEntry
from tthc_cli.names.placenames import PlaceName
from tthc_cli.names.result import Group, Member, Suggestion
from tthc_cli.runtime.perf import fork_map

ScopeGroups = list[tuple[tuple[str, ...], list[Group]]]

# A group as a worker sends it back: its fields, then members as (position of the entry, index
# of the parsed name in the sent table) and suggestions as (position in members, new name).
_Packed = tuple[
    str,
    str | None,
    str | None,
    str,
    str,
    list[str],
    str,
    list[tuple[int, int]],
    list[tuple[int, str, str]],
]
_Sent = tuple[list[PlaceName], list[tuple[tuple[str, ...], list[_Packed]]]]


def province_buckets(entries: Sequence[NameEntry], workers: int) -> list[list[str]]:
    """Provinces shared out between `workers` processes, about the same number of names each."""
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


def parallel_groups(
    entries: Sequence[NameEntry],
    buckets: list[list[str]],
    groups_of: Callable[[Sequence[NameEntry]], ScopeGroups],
    progress: Callable[[int, int], None] | None,
) -> ScopeGroups:
    """What groups_of(entries) gives, each bucket's provinces worked out in a forked process;
    the scopes in the same order as one process would give them (the stable sort after relies
    on it)."""

    def bucket_groups(provinces: frozenset[str]) -> _Sent:
        return _pack(entries, provinces, groups_of([e for e in entries if e.province in provinces]))

    parts = fork_map(
        bucket_groups,
        [frozenset(bucket) for bucket in buckets],
        workers=len(buckets),
        after=lambda sent: _unpack(entries, sent),
        progress=progress,
    )
    found = [item for part in parts for item in part]
    # Scope keys are unique: each scope lies in one province, so in one bucket.
    return sorted(found, key=lambda item: item[0])


def _pack(entries: Sequence[NameEntry], provinces: frozenset[str], by_scope: ScopeGroups) -> _Sent:
    where = {id(e): i for i, e in enumerate(entries) if e.province in provinces}
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
        scope: list[_Packed] = []
        for g in groups:
            position = {id(m): n for n, m in enumerate(g.members)}
            scope.append(
                (
                    g.province,
                    g.commune,
                    g.commune_name,
                    g.kind,
                    g.verdict,
                    g.codes,
                    g.reason,
                    [(where[id(m.entry)], parsed_index(m.parsed)) for m in g.members],
                    [(position[id(s.member)], s.rename_to, s.former_unit) for s in g.suggestions],
                )
            )
        packed.append((key, scope))
    return parsed, packed


def _unpack(entries: Sequence[NameEntry], sent: _Sent) -> ScopeGroups:
    parsed, packed = sent
    return [(key, [_group(entries, parsed, g) for g in groups]) for key, groups in packed]


def _group(entries: Sequence[NameEntry], parsed: list[PlaceName], group: _Packed) -> Group:
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
        suggestions=[Suggestion(chosen[n], rename, unit) for n, rename, unit in suggestions],
    )
