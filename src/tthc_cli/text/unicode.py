"""Unicode form and Vietnamese letters: NFC, the letter tables, and a word's tone marks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "TONE_MARKS",
    "VIETNAMESE_LETTERS",
    "has_vietnamese_diacritics",
    "is_nfc",
    "nfc",
    "tone_split",
]


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (cheap when it already is)."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def is_nfc(text: str) -> bool:
    """Tell whether ``text`` is already in Unicode NFC."""
    return unicodedata.is_normalized("NFC", text)


# ------------------------------------------------------------ letter decomposition

ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
#: The five combining tone marks (sắc, huyền, hỏi, ngã, nặng); the level tone has none.
TONE_MARKS = (ACUTE, GRAVE, HOOK, TILDE, DOT)
VOWELS = "aăâeêioôơuưy"
QUALITY_VOWELS = "ăâêôơư"
_CONSONANTS = "bcdđghklmnpqrstvx"


@dataclass(frozen=True, slots=True)
class Letter:
    base: str  # lowercase letter without tone, quality marks kept (ấ -> â)
    tone: str  # one of TONE_MARKS, or "" for level tone
    upper: bool


def _build_letter_tables() -> tuple[dict[str, Letter], dict[tuple[str, str, bool], str]]:
    # Derived from unicodedata rather than typed by hand so no letter can be missing or mistyped.
    split: dict[str, Letter] = {}
    join: dict[tuple[str, str, bool], str] = {}
    for base in VOWELS:
        for tone in ("", *TONE_MARKS):
            lower = unicodedata.normalize("NFC", base + tone)
            upper = unicodedata.normalize("NFC", base.upper() + tone)
            assert len(lower) == 1, (base, tone)
            assert len(upper) == 1, (base, tone)
            split[lower] = Letter(base, tone, upper=False)
            split[upper] = Letter(base, tone, upper=True)
            join[base, tone, False] = lower
            join[base, tone, True] = upper
    for base in _CONSONANTS + "fjwz":
        split[base] = Letter(base, "", upper=False)
        split[base.upper()] = Letter(base, "", upper=True)
    return split, join


#: Every Vietnamese letter (NFC) read into base, tone and case; and the way back.
SPLIT, JOIN = _build_letter_tables()

#: All 134 precomposed non-ASCII Vietnamese letters (both cases, đ/Đ included).
VIETNAMESE_LETTERS: frozenset[str] = frozenset(ch for ch in SPLIT if not ch.isascii())


def split_letters(word: str) -> list[Letter] | None:
    """The letters of ``word`` (NFC), or None when one is no Vietnamese letter."""
    out = []
    for ch in word:
        letter = SPLIT.get(ch)
        if letter is None:
            return None
        out.append(letter)
    return out


def chars_with(bases: str, *, toned: bool) -> str:
    """Every letter (both cases) whose base is in ``bases``, with or without a tone mark."""
    return "".join(
        sorted(ch for ch, lt in SPLIT.items() if lt.base in bases and (lt.tone != "") == toned)
    )


_VIETNAMESE_LETTER_RE = re.compile(f"[{''.join(sorted(VIETNAMESE_LETTERS))}]")


def has_vietnamese_diacritics(text: str) -> bool:
    """Tell whether ``text`` (any normal form) has a non-ASCII Vietnamese letter, đ included."""
    return _VIETNAMESE_LETTER_RE.search(nfc(text)) is not None


_TONE_MARK_SET = frozenset(TONE_MARKS)


@lru_cache(maxsize=1 << 14)
def tone_split(word: str) -> tuple[str, str]:
    """(the word without its tone marks, NFC; the tone marks): "hòang" -> ("hoang", "\u0300").

    Vowel-quality marks stay ("hoàng" -> "hoang", "Nguyễn" -> "Nguyên"), so two words with equal
    splits differ at most in where their tone mark sits.
    """
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in decomposed if ch in _TONE_MARK_SET)
    base = "".join(ch for ch in decomposed if ch not in _TONE_MARK_SET)
    return unicodedata.normalize("NFC", base), tones
