"""From compared pairs to groups: duplicate pairs join into `duplicate` groups, the similar
pairs left between them into `similar` groups, each with its reasons.

A loose name (typed without diacritics, or without a type word) that fits two names which are
not the same as each other does not join them: its pairs become `similar`, to be looked at.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from tthc_cli.names.blocking import candidate_verdicts
from tthc_cli.names.placenames import PlaceName, Verdict, join_or
from tthc_cli.names.result import Group, Member
from tthc_cli.runtime.i18n import N_, _


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


def scope_groups(
    members: list[Member],
    scope: str,
    kind: str,
    cache: dict[tuple[int, int], Verdict | None] | None = None,
) -> list[Group]:
    """The groups of one scope (a commune's hamlets or streets, a province's streets); cache as
    for `candidate_verdicts`."""
    verdicts = candidate_verdicts(members, cache)
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
        loose=lambda p: p.rest_unmarked,
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
