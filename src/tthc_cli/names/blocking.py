"""Which names of a scope are compared: never every pair, only candidates.

Names are blocked by their folded core (same number, date and letters without diacritics, plus
the parser's own keys), by their sorted words (word order) and by their words with one syllable
left open (close spellings); `compare` decides each candidate pair.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from tthc_cli.names.placenames import PlaceName, Verdict, blocking_keys, compare
from tthc_cli.names.result import Member

# A block larger than this is not searched for close spellings (the pairs would be too many
# and close spellings in such a crowd are noise); exact and folded blocks are always searched.
MAX_FUZZY_BLOCK = 400


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


def candidate_verdicts(
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
