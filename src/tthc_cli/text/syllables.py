"""Vietnamese as people really type it: which syllables can be written without marks, the
marked spellings of an unmarked word, and the spellings of one syllable that regions and
conventions differ on (s/x, ch/tr, d/gi/r, l/n; i/y).

A syllable that ends in p, t, c or ch always carries the sắc or nặng tone ("tuc" can only be
"túc" or "tục"), and a rhyme such as "uyên", "ương", "uân" or "iêu" needs its circumflex or horn:
"nguyen", "phuong", "duan", "thieu" are no Vietnamese syllables. "ia", "kon", "sa", "tan",
"hoang" are, so a name made only of such syllables ("Ia Bang", "Tan An") can be a real name
written without marks.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from itertools import product

from tthc_cli.text.keys import fold_key, i_y_spelling
from tthc_cli.text.tones import is_vietnamese_syllable
from tthc_cli.text.unicode import ACUTE, DOT, GRAVE, HOOK, SPLIT, TILDE, VOWELS, nfc

__all__ = [
    "can_be_unmarked",
    "marked_spellings",
    "needs_marks",
    "regional_spelling",
    "same_i_y",
    "suggest_marked",
    "unmarked_name_possible",
]

_LETTERS_RE = re.compile("[a-z]+")
# The letters a mark can turn an unmarked letter into (quality marks; đ).
_MARKED_BASES = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư", "d": "dđ"}
_TONES = ("", ACUTE, GRAVE, HOOK, TILDE, DOT)
_VOWELS = VOWELS


@lru_cache(maxsize=1 << 14)
def can_be_unmarked(word: str) -> bool:
    """Tell whether ``word`` (any case) is a Vietnamese syllable written with no mark at all."""
    lower = word.casefold()
    return _LETTERS_RE.fullmatch(lower) is not None and is_vietnamese_syllable(lower)


@lru_cache(maxsize=1 << 14)
def marked_spellings(word: str) -> tuple[str, ...]:
    """Every Vietnamese syllable (lower case, NFC, tone placed by the rules) that ``word``
    becomes once marks are added, ``word`` itself included when it can be unmarked; sorted.

    "tuc" -> ("túc", "tục"); "nguyen" -> ("nguyên", "nguyến", "nguyền", ...); "krong" -> ().
    """
    lower = word.casefold()
    if _LETTERS_RE.fullmatch(lower) is None or len(lower) > 8:
        return ()
    found: set[str] = set()
    choices = [_MARKED_BASES.get(ch, ch) for ch in lower]
    for letters in product(*choices):
        bases = "".join(letters)
        vowels = [i for i, ch in enumerate(bases) if ch in _VOWELS]
        if not vowels:
            continue
        for tone in _TONES:
            for at in vowels if tone else vowels[:1]:
                spelled = nfc(bases[: at + 1] + tone + bases[at + 1 :])
                if is_vietnamese_syllable(spelled):
                    found.add(spelled)
    return tuple(sorted(found))


@lru_cache(maxsize=1 << 14)
def needs_marks(word: str) -> bool:
    """Tell whether ``word``, written without marks, is no Vietnamese syllable but becomes one
    with marks ("tuc", "nguyen", "phuong"): proof that it was typed without them. A word that is
    no syllable either way ("Krong", "Hla") proves nothing."""
    lower = word.casefold()
    if not lower.isascii() or can_be_unmarked(lower):
        return False
    return bool(marked_spellings(lower))


@lru_cache(maxsize=1 << 16)
def unmarked_name_possible(text: str) -> bool:
    """Tell whether unmarked ``text`` may be a real name as written: no word of it needs marks.

    "Ia Bang", "Tan An", "Kon Tum" may; "Nguyen Trai", "Le Duan", "Phuong Lam" may not.
    """
    return not any(needs_marks(word) for word in _LETTERS_RE.findall(text.casefold()))


# One consonant spelt two ways by region (the north merges s/x, ch/tr, d/gi/r; parts of the
# north l/n): each pair maps both onsets to one.
_REGIONAL_ONSETS = (("ch", "tr", "ch/tr"), ("s", "x", "s/x"), ("l", "n", "l/n"))
_D_GI_R = ("gi", "d", "r")


def _starts_with_vowel(text: str) -> bool:
    letter = SPLIT.get(text[:1])
    return letter is not None and letter.base in _VOWELS


def _onset_swap(x: str, y: str) -> str | None:
    for p, q, name in _REGIONAL_ONSETS:
        for a, b in ((p, q), (q, p)):
            if x.startswith(a) and y.startswith(b) and x[len(a) :] == y[len(b) :]:
                return name
    for a in _D_GI_R:
        for b in _D_GI_R:
            if a == b or not (x.startswith(a) and y.startswith(b)):
                continue
            rest_x, rest_y = x[len(a) :], y[len(b) :]
            # "gi" + "a" is "gia": its i belongs to the onset, so "da" / "gia" and "dang" /
            # "giang" are the one-consonant pairs.
            if rest_x == rest_y and _starts_with_vowel(rest_x):
                return "d/gi/r"
    return None


@lru_cache(maxsize=1 << 16)
def regional_spelling(x: str, y: str) -> str | None:
    """ "s/x", "ch/tr", "d/gi/r" or "l/n" when two syllables (match-key form: lower case, NFC)
    differ only in that one consonant at the start ("xuân" / "suân", "trung" / "chung",
    "giang" / "dang"); None otherwise. Marks must match: "ninh" / "lĩnh" differ in tone too."""
    if x == y or not (is_vietnamese_syllable(x) and is_vietnamese_syllable(y)):
        return None
    return _onset_swap(x, y)


def same_i_y(x: str, y: str) -> bool:
    """Tell whether two words are one syllable by the older and newer i/y convention ("quí" /
    "quý", "kì" / "kỳ", "lí" / "lý", "mĩ" / "mỹ")."""
    return x != y and i_y_spelling(x) == i_y_spelling(y)


@cache
def _known_words() -> dict[str, tuple[tuple[str, int], ...]]:
    """Unmarked spelling -> (word with marks, uses) of national procedure text that fold to it,
    most used first (`data/marked-words.txt`, built by `build_backend/national_fields.py`)."""
    text = (
        resources.files("tthc_cli.text")
        .joinpath("data/marked-words.txt")
        .read_text(encoding="utf-8")
    )
    found: dict[str, list[tuple[str, int]]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _tab, count = line.partition("\t")
            found.setdefault(fold_key(word), []).append((word, int(count or 1)))
    return {plain: tuple(sorted(words, key=lambda w: -w[1])) for plain, words in found.items()}


# The share of uses one spelling must have to be suggested: "tuc" is "tục" (thủ tục) nearly
# always in procedure text, "dang" is đăng, đang or dạng.
_DOMINANT = 0.8


def suggest_marked(word: str) -> str | None:
    """The marked spelling of an unmarked ``word`` when one word of national procedure text fits
    it (has most of the uses: "tuc" -> "tục", "tich" -> "tịch"), in the case of ``word``; else
    None."""
    fits = _known_words().get(word.casefold(), ())
    total = sum(count for _word, count in fits)
    if not fits or fits[0][1] < _DOMINANT * total:
        return None
    marked = fits[0][0]
    if word.isupper() and len(word) > 1:
        return marked.upper()
    if word[:1].isupper():
        return marked[:1].upper() + marked[1:]
    return marked
