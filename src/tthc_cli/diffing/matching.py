"""Pair the procedures of two sides: pinned pairs, then national codes, then names.

Names are paired only when they say the same thing: after normalization (NFC, tone placement,
case, spacing, punctuation, a leading "Thủ tục") their content words must be the same words in
the same order; only function words (của, và, đối với…) may be added or dropped and a word may be
spelt with or without diacritics. So "Đăng ký kết hôn" never pairs with "Đăng ký lại kết hôn",
nor "Đăng ký giám hộ" with "Đăng ký chấm dứt giám hộ". Among the pairs allowed, an assignment that
maximizes the total similarity is chosen. Close pairs that were not made are kept as hints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from tthc_cli.diffing.result import Hint, SideProcedure
from tthc_cli.runtime.i18n import _
from tthc_cli.text.keys import fold_key, procedure_name_key
from tthc_cli.text.unicode import has_vietnamese_diacritics

MIN_NAME_SCORE = 70.0
HINT_SCORE = 80.0

# Words that do not change which procedure a name denotes.
FUNCTION_WORDS = frozenset(
    {
        "của",
        "và",
        "các",
        "những",
        "đối",
        "với",
        "cho",
        "tại",
        "trong",
        "được",
        "về",
        "việc",
        "có",
        "là",
        "theo",
        "ở",
        "từ",
        "thể",
        "thì",
        "mà",
        "do",
    }
)


@dataclass(frozen=True, slots=True)
class Pair:
    old: SideProcedure
    new: SideProcedure
    match: str  # code | name | pinned
    score: float


@dataclass
class Decisions:
    """A reviewer's decisions: pairs to make whatever the names say, and pairs never to make."""

    pin: list[tuple[str, str]] = field(default_factory=list)
    forbid: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Matching:
    pairs: list[Pair]
    removed: list[SideProcedure]
    added: list[SideProcedure]
    hints: list[Hint]
    unused: list[str] = field(default_factory=list)


def _refers(procedure: SideProcedure, ref: str) -> bool:
    """Whether a decision reference (a code, national or local, or a name) means procedure."""
    ref = ref.strip()
    if ref in (procedure.code, procedure.national):
        return True
    return procedure.name_key == procedure_name_key(ref)


def signature(name_key: str) -> tuple[str, ...]:
    """The content words of a normalized name, diacritics folded, in order."""
    return tuple(fold_key(word) for word in name_key.split() if word not in FUNCTION_WORDS)


def difference(old_key: str, new_key: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words a name adds and the words it drops."""
    old_words, new_words = old_key.split(), new_key.split()
    added = tuple(w for w in new_words if w not in old_words)
    dropped = tuple(w for w in old_words if w not in new_words)
    return added, dropped


def match(
    old: Sequence[SideProcedure],
    new: Sequence[SideProcedure],
    decisions: Decisions | None = None,
) -> Matching:
    decisions = decisions or Decisions()
    pairs: list[Pair] = []
    old_left = list(old)
    new_left = list(new)

    def forbidden(a: SideProcedure, b: SideProcedure) -> bool:
        return any(_refers(a, x) and _refers(b, y) for x, y in decisions.forbid)

    # Stage 0: the reviewer's pinned pairs.
    unused = _pin(decisions, old_left, new_left, pairs) + _unused_forbids(decisions, old, new)
    # Stage 1: the national code (the local suffix .000.00.00.Hxx does not count).
    by_code = {p.national: p for p in new_left if p.national is not None}
    still_old: list[SideProcedure] = []
    for a in old_left:
        b = by_code.get(a.national) if a.national is not None else None
        if b is not None and not forbidden(a, b):
            pairs.append(Pair(a, b, "code", 100.0))
            del by_code[a.national]  # type: ignore[arg-type]
        else:
            still_old.append(a)
    taken = {id(pair.new) for pair in pairs}
    still_new = [b for b in new_left if id(b) not in taken]
    # Stage 2: names with the same content words, best total similarity per group.
    by_name = _by_name(still_old, still_new, forbidden)
    pairs.extend(by_name)
    paired = {id(pair.old) for pair in by_name} | {id(pair.new) for pair in by_name}
    removed = [a for a in still_old if id(a) not in paired]
    added = [b for b in still_new if id(b) not in paired]
    return Matching(
        pairs=pairs, removed=removed, added=added, hints=_hints(removed, added), unused=unused
    )


def _pin(
    decisions: Decisions,
    old_left: list[SideProcedure],
    new_left: list[SideProcedure],
    pairs: list[Pair],
) -> list[str]:
    """Pair what the decisions pin (taking both out of the lists); notes on pins that missed."""
    unused: list[str] = []
    for ref_old, ref_new in decisions.pin:
        a = next((p for p in old_left if _refers(p, ref_old)), None)
        b = next((p for p in new_left if _refers(p, ref_new)), None)
        if a is not None and b is not None:
            pairs.append(Pair(a, b, "pinned", 100.0))
            old_left.remove(a)
            new_left.remove(b)
        else:
            missing = ref_old if a is None else ref_new
            # Translators: a pinned pair of a diff-decisions file that matched nothing; {old}
            # and {new} are procedure codes or names, {missing} the quoted one not found.
            note = _("pair {old} → {new}: {missing} names no procedure left").format(
                old=ref_old, new=ref_new, missing=repr(missing)
            )
            unused.append(note)
    return unused


def _unused_forbids(
    decisions: Decisions, old: Sequence[SideProcedure], new: Sequence[SideProcedure]
) -> list[str]:
    unused: list[str] = []
    for ref_old, ref_new in decisions.forbid:
        if not any(_refers(p, ref_old) for p in old) or not any(_refers(p, ref_new) for p in new):
            # Translators: a `forbid` entry of a diff-decisions file that matched nothing;
            # {old} and {new} are procedure codes or names.
            note = _("forbid {old} → {new}: names no procedure on its side").format(
                old=ref_old, new=ref_new
            )
            unused.append(note)
    return unused


def _by_name(
    olds_left: Sequence[SideProcedure],
    news_left: Sequence[SideProcedure],
    forbidden: Callable[[SideProcedure, SideProcedure], bool],
) -> list[Pair]:
    """Pairs by name: within each group of the same content words, the best total similarity."""
    groups: dict[tuple[str, ...], tuple[list[SideProcedure], list[SideProcedure]]] = defaultdict(
        lambda: ([], [])
    )
    for a in olds_left:
        groups[signature(a.name_key)][0].append(a)
    for b in news_left:
        groups[signature(b.name_key)][1].append(b)
    pairs: list[Pair] = []
    for olds, news in groups.values():
        if not olds or not news:
            continue
        weights = [[_weight(a, b, forbidden) for b in news] for a in olds]
        for i, j in assign(weights):
            if weights[i][j] >= MIN_NAME_SCORE:
                pairs.append(Pair(olds[i], news[j], "name", round(weights[i][j], 1)))
    return pairs


def _weight(
    a: SideProcedure,
    b: SideProcedure,
    forbidden: Callable[[SideProcedure, SideProcedure], bool],
) -> float:
    """Name similarity of an allowed pair; 0 for a pair that must not be made.

    Two names that both carry diacritics must have the same content words with their marks:
    "Miễn tiền thuê đất" (rent) and "Miễn tiền thuế đất" (tax) are different procedures. Only a
    name typed without any diacritics may match through the folded words.
    """
    if forbidden(a, b):
        return 0.0
    if (
        has_vietnamese_diacritics(a.name)
        and has_vietnamese_diacritics(b.name)
        and _content(a.name_key) != _content(b.name_key)
    ):
        return 0.0
    return fuzz.ratio(a.name_key, b.name_key)


def _content(name_key: str) -> tuple[str, ...]:
    return tuple(word for word in name_key.split() if word not in FUNCTION_WORDS)


def _hints(removed: Sequence[SideProcedure], added: Sequence[SideProcedure]) -> list[Hint]:
    """The closest unpaired counterpart of each removed procedure, when it is close."""
    if not removed or not added:
        return []
    choices = [b.name_key for b in added]
    hints = []
    for a in removed:
        best = process.extractOne(
            a.name_key, choices, scorer=fuzz.token_set_ratio, score_cutoff=HINT_SCORE
        )
        if best is None:
            continue
        b = added[best[2]]
        ratio = round(fuzz.ratio(a.name_key, b.name_key), 1)
        hints.append(Hint(a, b, ratio, *difference(a.name_key, b.name_key)))
    return hints


def assign(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """A maximum-weight one-to-one assignment (Hungarian method) of rows to columns."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    if rows == 1:
        j = max(range(cols), key=lambda c: weights[0][c])
        return [(0, j)]
    if cols == 1:
        i = max(range(rows), key=lambda r: weights[r][0])
        return [(i, 0)]
    transpose = rows > cols
    matrix = (
        [list(r) for r in zip(*weights, strict=True)] if transpose else [list(r) for r in weights]
    )
    n, m = len(matrix), len(matrix[0])
    top = max(max(row) for row in matrix)
    cost = [[top - value for value in row] for row in matrix]
    result = _hungarian(cost, n, m)
    return [(j, i) for i, j in result] if transpose else result


def _hungarian(cost: list[list[float]], n: int, m: int) -> list[tuple[int, int]]:
    """Minimum-cost assignment of n rows to m >= n columns (e-maxx formulation)."""
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return sorted((p[j] - 1, j - 1) for j in range(1, m + 1) if p[j] != 0)


def load_decisions(path: Path) -> Decisions:
    """Read a `kind: diff-decisions` file; raise CatalogLoadError with the reason otherwise."""
    from tthc_cli.catalog.decisions import read_decisions
    from tthc_cli.domain.models import DiffDecisions

    model = read_decisions(path, DiffDecisions)
    return Decisions(
        pin=[(p.old, p.new) for p in model.pairs],
        forbid=[(p.old, p.new) for p in model.forbid],
    )
