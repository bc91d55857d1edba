"""Tone marks: where they sit in a syllable, and what is spelled like one Vietnamese syllable."""

from __future__ import annotations

import collections
import enum
import re
from functools import lru_cache

from tthc_cli.text.unicode import (
    ACUTE,
    DOT,
    JOIN,
    QUALITY_VOWELS,
    SPLIT,
    VOWELS,
    chars_with,
    nfc,
    split_letters,
)

__all__ = ["ToneStyle", "canonical_tones", "is_vietnamese_syllable", "tone_styles"]


class ToneStyle(enum.StrEnum):
    """Where the tone mark sits on the open diphthongs oa, oe and uy."""

    FIRST_VOWEL = "first-vowel"  # hòa, thủy, khỏe
    SECOND_VOWEL = "second-vowel"  # hoà, thuỷ, khoẻ


_VOWEL_CHARS = "".join(sorted(ch for ch, letter in SPLIT.items() if letter.base in VOWELS))


# ------------------------------------------------------------------ syllable model

_ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)  # fmt: skip
# "k" is not standard Vietnamese but occurs in ethnic-minority place names (Đắk Lắk, Krông Búk).
_FINALS = frozenset({"", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"})
# Only native stop finals restrict the tone; "k" names are often written toneless (Đăk, Đak).
_STOP_FINALS = frozenset({"c", "ch", "p", "t"})

_OPEN, _CLOSED, _ANY = 0, 1, 2
_NUCLEI: dict[str, int] = {
    **dict.fromkeys(
        ("a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy"), _ANY
    ),
    **dict.fromkeys(
        (
            "ia", "ua", "ưa", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu", "oi",
            "ôi", "ơi", "ui", "ưi", "ưu", "uơ", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi",
            "ươu", "uya", "uyu", "iêu", "yêu",
        ),
        _OPEN,
    ),
    **dict.fromkeys(("ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo"), _CLOSED),
}  # fmt: skip
_OPEN_DIPHTHONGS = frozenset({"oa", "oe", "uy"})


@lru_cache(maxsize=8192)
def _parse(bases: str) -> tuple[int, int] | None:
    """Split lowercase tone-less ``bases`` into (onset length, nucleus length), or None."""
    onset = 0
    for candidate in _ONSETS:
        if bases.startswith(candidate):
            n = len(candidate)
            # gi/qu are consonants only before another vowel: "gìn" keeps i as its nucleus.
            if candidate in ("gi", "qu") and (len(bases) == n or bases[n] not in VOWELS):
                continue
            onset = n
            break
    end = onset
    while end < len(bases) and bases[end] in VOWELS:
        end += 1
    nucleus, final = bases[onset:end], bases[end:]
    kind = _NUCLEI.get(nucleus)
    if kind is None or final not in _FINALS:
        return None
    if (kind == _OPEN and final) or (kind == _CLOSED and not final):
        return None
    return onset, end - onset


def _standard_tone_index(nucleus: str, final: str, style: ToneStyle) -> int:
    """Index inside ``nucleus`` that carries the tone mark (DOMAIN A2 rules 2-5)."""
    if "ươ" in nucleus:
        return nucleus.index("ươ") + 1
    for i, ch in enumerate(nucleus):
        if ch in QUALITY_VOWELS:
            return i
    if len(nucleus) == 1:
        return 0
    if len(nucleus) == 3:
        return 1
    if final:
        return len(nucleus) - 1
    if nucleus in _OPEN_DIPHTHONGS and style is ToneStyle.SECOND_VOWEL:
        return 1
    return 0


@lru_cache(maxsize=65536)
def _retone_word(word: str, style: ToneStyle) -> str:
    letters = split_letters(word)
    if letters is None:
        return word
    toned = [i for i, lt in enumerate(letters) if lt.tone]
    if len(toned) != 1:
        return word
    bases = "".join(lt.base for lt in letters)
    parsed = _parse(bases)
    if parsed is None:
        return word
    onset, size = parsed
    nucleus, final = bases[onset : onset + size], bases[onset + size :]
    at = toned[0]
    if at < onset:
        # Only the u of qu / i of gi can carry a (misplaced) tone inside an onset.
        if at != onset - 1 or bases[:onset] not in ("qu", "gi"):
            return word
        target = onset + _standard_tone_index(nucleus, final, style)
    elif not final and nucleus in _OPEN_DIPHTHONGS and at < onset + size:
        target = onset + _standard_tone_index(nucleus, final, style)
    else:
        return word
    if target == at:
        return word
    tone = letters[at].tone
    chars = list(word)
    chars[at] = JOIN[letters[at].base, "", letters[at].upper]
    chars[target] = JOIN[letters[target].base, tone, letters[target].upper]
    return "".join(chars)


@lru_cache(maxsize=65536)
def _word_style(word: str) -> ToneStyle | None:
    letters = split_letters(word)
    if letters is None:
        return None
    toned = [i for i, lt in enumerate(letters) if lt.tone]
    if len(toned) != 1:
        return None
    bases = "".join(lt.base for lt in letters)
    parsed = _parse(bases)
    if parsed is None:
        return None
    onset, size = parsed
    if onset + size != len(bases) or bases[onset:] not in _OPEN_DIPHTHONGS:
        return None
    if toned[0] == onset:
        return ToneStyle.FIRST_VOWEL
    if toned[0] == onset + 1:
        return ToneStyle.SECOND_VOWEL
    return None


_LETTER_RUN = r"(?:[^\W\d_]|[\u0300-\u036f])"
_WORD_RE = re.compile(_LETTER_RUN + "+")
_NOT_LETTER_AFTER = rf"(?!{_LETTER_RUN})"
# A cheap pre-filter: only texts with an oa/oe/uy pair ending a word, or a toned u/i after q/g,
# can need a rewrite, so everything else skips the per-word work.
_CANDIDATE_RE = re.compile(
    rf"[{chars_with('o', toned=False)}{chars_with('o', toned=True)}]"
    rf"[{chars_with('ae', toned=False)}{chars_with('ae', toned=True)}]{_NOT_LETTER_AFTER}"
    rf"|[{chars_with('u', toned=False)}{chars_with('u', toned=True)}]"
    rf"[{chars_with('y', toned=False)}{chars_with('y', toned=True)}]{_NOT_LETTER_AFTER}"
    rf"|[qQ][{chars_with('u', toned=True)}]"
    rf"|[gG][{chars_with('i', toned=True)}][{_VOWEL_CHARS}]"
)


def canonical_tones(text: str, style: ToneStyle = ToneStyle.FIRST_VOWEL) -> str:
    """Return NFC ``text`` with tone marks of open oa/oe/uy syllables placed in ``style``.

    Also moves marks misplaced on the u of ``qu`` or the i of ``gi`` (Qúy -> Quý, Gíup -> Giúp).
    Every other syllable, and everything that is not a syllable, is returned untouched.
    """
    text = nfc(text)
    if not _CANDIDATE_RE.search(text):
        return text
    return _WORD_RE.sub(lambda m: _retone_word(m.group(), style), text)


# A word with a style ends in oa, oe or uy: find those endings, then the word before each
# (so a long text costs one regex scan, not a look at every word).
_OPEN_END_RE = re.compile(
    rf"[{chars_with('o', toned=False)}{chars_with('o', toned=True)}]"
    rf"[{chars_with('ae', toned=False)}{chars_with('ae', toned=True)}]{_NOT_LETTER_AFTER}"
    rf"|[{chars_with('u', toned=False)}{chars_with('u', toned=True)}]"
    rf"[{chars_with('y', toned=False)}{chars_with('y', toned=True)}]{_NOT_LETTER_AFTER}"
)
_LETTER_RE = re.compile(_LETTER_RUN)


def tone_styles(text: str) -> collections.Counter[ToneStyle]:
    """Count the toned open oa/oe/uy syllables of ``text`` written in each style."""
    counts: collections.Counter[ToneStyle] = collections.Counter()
    text = nfc(text)
    for end in _OPEN_END_RE.finditer(text):
        stop = start = end.end()
        while start > 0 and _LETTER_RE.fullmatch(text[start - 1]):
            start -= 1  # back to the start of the run of letters that ends here
        style = _word_style(text[start:stop])
        if style is not None:
            counts[style] += 1
    return counts


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """Tell whether ``word`` is spelled like one Vietnamese syllable (not whether it is a word).

    Checks letters, case (lower, Title or UPPER), onset/nucleus/final structure, at most one tone
    mark placed by the rules (either style for open oa/oe/uy), and that c/ch/p/t finals carry
    only the sắc or nặng tone.
    """
    letters = split_letters(nfc(word))
    if not letters:
        return False
    uppers = [lt.upper for lt in letters]
    if any(uppers[1:]) and not all(uppers):
        return False
    toned = [i for i, lt in enumerate(letters) if lt.tone]
    if len(toned) > 1:
        return False
    bases = "".join(lt.base for lt in letters)
    parsed = _parse(bases)
    if parsed is None:
        return False
    onset, size = parsed
    onset_str, nucleus, final = bases[:onset], bases[onset : onset + size], bases[onset + size :]
    if toned and toned[0] - onset not in {
        _standard_tone_index(nucleus, final, style) for style in ToneStyle
    }:
        return False
    tone = letters[toned[0]].tone if toned else ""
    if final in _STOP_FINALS and tone not in (ACUTE, DOT):
        return False
    if final in ("ch", "nh") and nucleus[-1] not in "aêiy":
        return False
    if nucleus == "oo" and final not in ("ng", "c"):
        return False
    front = nucleus[0] in "eêiy"
    # k before a/o/u is off-standard but real in names (Bắc Kạn, Kon Tum), so only gh/ngh are held
    # to the spelling rule.
    if onset_str in ("gh", "ngh") and not front:
        return False
    if onset_str in ("c", "ng") and front:
        return False
    return not (onset_str == "g" and nucleus[0] in "eê")
