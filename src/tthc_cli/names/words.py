"""How the words of two place names compare: accepted variants, i/y spellings, a misplaced
tone mark, a typo-like near miss."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from tthc_cli.text.keys import fold_key, i_y_spelling
from tthc_cli.text.syllables import regional_spelling
from tthc_cli.text.tones import is_vietnamese_syllable
from tthc_cli.text.unicode import tone_split

_DIRECTION_WORDS = frozenset(
    ["đông", "tây", "nam", "bắc", "đoài", "thượng", "hạ", "trung", "trong", "ngoài", "trên", "dưới"]
)
_DIRECTION_FOLDS = frozenset(fold_key(w) for w in _DIRECTION_WORDS)
#: Accepted variants of one name (DOMAIN A4 row 20); each set is one name.
_NAME_VARIANTS: tuple[frozenset[str], ...] = (
    frozenset({"phan châu trinh", "phan chu trinh"}),
    frozenset({"ngô thì nhậm", "ngô thời nhiệm", "ngô thời nhậm"}),
    frozenset({"cách mạng tháng tám", "cmt8", "cmt 8"}),
)
VARIANT_OF = {name: min(group) for group in _NAME_VARIANTS for name in group}
VARIANT_OF |= {fold_key(name): fold_key(min(group)) for group in _NAME_VARIANTS for name in group}
_MAX_SIMILAR_SYLLABLE_EDIT = 1
_CLOSE_RATIO = 85.0


def variant(rest: str) -> str:
    return VARIANT_OF.get(rest, rest)


@lru_cache(maxsize=1 << 16)
def i_y_rest(rest: str) -> str:
    """``rest`` with each syllable whose only vowel is i or y spelt with i ("quý phú" ->
    "quí phú"): two rests with equal i/y forms are one name in the older and newer spelling."""
    return " ".join(i_y_spelling(word) for word in rest.split())


def close_spelling(ra: str, rb: str) -> tuple[str, str, str] | None:
    """Why two rests of one syllable count are near misses, or None: ("s/x", "ch/tr", "d/gi/r"
    or "l/n", syllable, syllable) for one consonant spelt the two ways regions write it
    ("Xuân" / "Suân"), ("typo", syllable, syllable) for a typo.

    Only one syllable may differ, the difference must not be tone-only, a direction/part word
    or a number, and for a typo at least one side must be no Vietnamese syllable at all
    ("Nguyễ" / "Nguyễn"). Two real syllables (Hòa / Hà, Tổ / Tông, Lợi / Lai) are different names
    whatever the score, a regional spelling of one consonant aside.
    """
    wa, wb = ra.split(), rb.split()
    if len(wa) != len(wb) or not wa:
        return None
    diffs = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(diffs) != 1:
        return None
    x, y = diffs[0]
    regional = regional_spelling(x, y)
    if regional is not None:
        return (regional, min(x, y), max(x, y))
    fx, fy = _fold_word(x), _fold_word(y)
    if has_digit(x) or has_digit(y) or fx == fy:
        return None
    if {x, y} & _DIRECTION_WORDS or {fx, fy} & _DIRECTION_FOLDS:
        return None
    if min(len(x), len(y)) < 3 or Levenshtein.distance(x, y) > _MAX_SIMILAR_SYLLABLE_EDIT:
        return None
    if is_vietnamese_syllable(x) and is_vietnamese_syllable(y):
        return None
    if fuzz.ratio(ra, rb) < _CLOSE_RATIO:
        return None
    return ("typo", min(x, y), max(x, y))


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    # Pairs of close names compare the same few thousand syllables over and over.
    return fold_key(word)


def misplaced_tone(ra: str, rb: str) -> tuple[str, str] | None:
    """The first word pair of two rests that differ only by where one tone mark sits ("Hòang" /
    "Hoàng"), provided every differing pair is such a pair; else None.

    A syllable has one right place for its tone (open oa/oe/uy aside, which match_key already
    settles), so when one of the two is no valid syllable the other is the same word.
    """
    wa, wb = ra.split(), rb.split()
    if len(wa) != len(wb):
        return None
    found: tuple[str, str] | None = None
    for x, y in zip(wa, wb, strict=True):
        if x == y:
            continue
        if tone_split(x) != tone_split(y) or (
            is_vietnamese_syllable(x) and is_vietnamese_syllable(y)
        ):
            return None
        found = found or (min(x, y), max(x, y))
    return found


@lru_cache(maxsize=1 << 16)
def has_digit(text: str) -> bool:
    return any(map(str.isdigit, text))
