"""Vietnamese text normalization: NFC, tone-mark placement, whitespace and comparison keys."""

from __future__ import annotations

import collections
import enum
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "VIETNAMESE_LETTERS",
    "ToneStyle",
    "WhitespaceProblem",
    "canonical_tones",
    "clean_spaces",
    "fold_key",
    "has_vietnamese_diacritics",
    "is_nfc",
    "is_vietnamese_syllable",
    "match_key",
    "nfc",
    "procedure_name_key",
    "tone_styles",
    "whitespace_problems",
]


class ToneStyle(enum.StrEnum):
    """Where the tone mark sits on the open diphthongs oa, oe and uy."""

    FIRST_VOWEL = "first-vowel"  # hòa, thủy, khỏe
    SECOND_VOWEL = "second-vowel"  # hoà, thuỷ, khoẻ


# --------------------------------------------------------------------------- NFC


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (cheap when it already is)."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def is_nfc(text: str) -> bool:
    """Tell whether ``text`` is already in Unicode NFC."""
    return unicodedata.is_normalized("NFC", text)


# ------------------------------------------------------------ letter decomposition

_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_TONE_MARKS = (_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT)
_VOWELS = "aăâeêioôơuưy"
_QUALITY_VOWELS = "ăâêôơư"
_CONSONANTS = "bcdđghklmnpqrstvx"


@dataclass(frozen=True, slots=True)
class _Letter:
    base: str  # lowercase letter without tone, quality marks kept (ấ -> â)
    tone: str  # one of _TONE_MARKS, or "" for level tone
    upper: bool


def _build_letter_tables() -> tuple[dict[str, _Letter], dict[tuple[str, str, bool], str]]:
    # Derived from unicodedata rather than typed by hand so no letter can be missing or mistyped.
    split: dict[str, _Letter] = {}
    join: dict[tuple[str, str, bool], str] = {}
    for base in _VOWELS:
        for tone in ("", *_TONE_MARKS):
            lower = unicodedata.normalize("NFC", base + tone)
            upper = unicodedata.normalize("NFC", base.upper() + tone)
            assert len(lower) == 1, (base, tone)
            assert len(upper) == 1, (base, tone)
            split[lower] = _Letter(base, tone, upper=False)
            split[upper] = _Letter(base, tone, upper=True)
            join[base, tone, False] = lower
            join[base, tone, True] = upper
    for base in _CONSONANTS + "fjwz":
        split[base] = _Letter(base, "", upper=False)
        split[base.upper()] = _Letter(base, "", upper=True)
    return split, join


_SPLIT, _JOIN = _build_letter_tables()

#: All 134 precomposed non-ASCII Vietnamese letters (both cases, đ/Đ included).
VIETNAMESE_LETTERS: frozenset[str] = frozenset(ch for ch in _SPLIT if not ch.isascii())

_VOWEL_CHARS = "".join(sorted(ch for ch, letter in _SPLIT.items() if letter.base in _VOWELS))


def _chars_with(bases: str, *, toned: bool) -> str:
    return "".join(
        sorted(ch for ch, lt in _SPLIT.items() if lt.base in bases and (lt.tone != "") == toned)
    )


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
            if candidate in ("gi", "qu") and (len(bases) == n or bases[n] not in _VOWELS):
                continue
            onset = n
            break
    end = onset
    while end < len(bases) and bases[end] in _VOWELS:
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
        if ch in _QUALITY_VOWELS:
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


def _letters(word: str) -> list[_Letter] | None:
    letters = []
    for ch in word:
        letter = _SPLIT.get(ch)
        if letter is None:
            return None
        letters.append(letter)
    return letters


@lru_cache(maxsize=65536)
def _retone_word(word: str, style: ToneStyle) -> str:
    letters = _letters(word)
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
    chars[at] = _JOIN[letters[at].base, "", letters[at].upper]
    chars[target] = _JOIN[letters[target].base, tone, letters[target].upper]
    return "".join(chars)


@lru_cache(maxsize=65536)
def _word_style(word: str) -> ToneStyle | None:
    letters = _letters(word)
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
    rf"[{_chars_with('o', toned=False)}{_chars_with('o', toned=True)}]"
    rf"[{_chars_with('ae', toned=False)}{_chars_with('ae', toned=True)}]{_NOT_LETTER_AFTER}"
    rf"|[{_chars_with('u', toned=False)}{_chars_with('u', toned=True)}]"
    rf"[{_chars_with('y', toned=False)}{_chars_with('y', toned=True)}]{_NOT_LETTER_AFTER}"
    rf"|[qQ][{_chars_with('u', toned=True)}]"
    rf"|[gG][{_chars_with('i', toned=True)}][{_VOWEL_CHARS}]"
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
    rf"[{_chars_with('o', toned=False)}{_chars_with('o', toned=True)}]"
    rf"[{_chars_with('ae', toned=False)}{_chars_with('ae', toned=True)}]{_NOT_LETTER_AFTER}"
    rf"|[{_chars_with('u', toned=False)}{_chars_with('u', toned=True)}]"
    rf"[{_chars_with('y', toned=False)}{_chars_with('y', toned=True)}]{_NOT_LETTER_AFTER}"
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
    letters = _letters(nfc(word))
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
    if final in _STOP_FINALS and tone not in (_ACUTE, _DOT):
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


# -------------------------------------------------------------------- whitespace


@dataclass(frozen=True, slots=True)
class WhitespaceProblem:
    """One whitespace defect; ``offset`` is a code-point index into the checked text."""

    offset: int
    kind: str
    char: str


_NBSP = frozenset("\u00a0\u202f\u2007")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_ZERO_WIDTH_CLASS = "\u200b\u200c\u200d\u2060\ufeff"
# C0/C1 controls except \t and \n (tab gets its own kind, newline is legitimate).
_CONTROL_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_WS_SUSPECT_RE = re.compile(
    rf"\A\s|\s\Z|[^\S\n]\n|\n[^\S\n]|  |[^\S \n]|[{_ZERO_WIDTH_CLASS}{_CONTROL_CLASS}]"
)
_BLANK_RUN_RE = re.compile(r"[^\S\n]+")
_ODD_CHAR_RE = re.compile(rf"[^\S \n]|[{_ZERO_WIDTH_CLASS}{_CONTROL_CLASS}]")
# Controls that are not whitespace would glue words together if deleted, so they become spaces.
_CLEAN_TABLE: dict[int, str | None] = {
    **dict.fromkeys(map(ord, _ZERO_WIDTH), None),
    **dict.fromkeys((*range(0x00, 0x09), *range(0x0E, 0x1C), *range(0x7F, 0xA0)), " "),
}


def _odd_kind(ch: str) -> str:
    if ch in _NBSP:
        return "nbsp"
    if ch in _ZERO_WIDTH:
        return "zero-width"
    if ch == "\t":
        return "tab"
    if unicodedata.category(ch) == "Cc":
        return "control"
    return "other-space"


def whitespace_problems(text: str) -> list[WhitespaceProblem]:
    """List whitespace defects in ``text``, ordered by offset.

    Per line (lines split at ``\\n``): a blank run at a line start is "leading", at a line end
    "trailing", elsewhere two or more blanks are "double"; newlines at the very start or end of
    the text are "leading"/"trailing" too. Each NBSP, zero-width, tab, control (C0/C1 other
    than ``\\n``; a ``\\r`` counts) or other Unicode space character is reported on its own.
    """
    if not _WS_SUSPECT_RE.search(text):
        return []
    problems: list[WhitespaceProblem] = []
    end = len(text)
    if text.startswith("\n"):
        problems.append(WhitespaceProblem(0, "leading", "\n"))
    if end > 1 and text.endswith("\n"):
        problems.append(WhitespaceProblem(end - 1, "trailing", "\n"))
    for run in _BLANK_RUN_RE.finditer(text):
        start, stop = run.span()
        if start == 0 or text[start - 1] == "\n":
            kind = "leading"
        elif stop == end or text[stop] == "\n":
            kind = "trailing"
        elif stop - start >= 2:
            kind = "double"
        else:
            continue
        problems.append(WhitespaceProblem(start, kind, text[start]))
    for odd in _ODD_CHAR_RE.finditer(text):
        ch = odd.group()
        problems.append(WhitespaceProblem(odd.start(), _odd_kind(ch), ch))
    problems.sort(key=lambda p: p.offset)
    return problems


def clean_spaces(text: str) -> str:
    """Fix everything :func:`whitespace_problems` reports, keeping the line structure.

    Zero-width characters are removed; NBSP, tabs, controls and other spaces become a space;
    ``\\r\\n``/``\\r`` become ``\\n``; each line is collapsed and stripped; blank lines at the
    start and end are dropped.
    """
    if not _WS_SUSPECT_RE.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CLEAN_TABLE)
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip("\n")


# ---------------------------------------------------------------------- keys


class _KeyTable(dict[int, str]):
    """``str.translate`` table for match keys, filled lazily so no Unicode-wide scan is needed."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        category = unicodedata.category(ch)
        if ch in "ðÐɖƉ":
            out = "đ"  # look-alikes of đ seen in real data (DOMAIN A1)
        elif category[0] in "PSZ" or category == "Cc":
            out = " "
        elif category == "Cf":
            out = ""  # zero-width, BOM, soft hyphen: invisible, must not split a word
        else:
            out = ch
        self[cp] = out
        return out


class _FoldTable(dict[int, str]):
    """``str.translate`` table removing diacritics, filled lazily."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        if ch == "đ":
            out = "d"
        else:
            decomposed = unicodedata.normalize("NFD", ch)
            out = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[cp] = out
        return out


_KEY_TABLE = _KeyTable()
_FOLD_TABLE = _FoldTable()


def match_key(text: str) -> str:
    """Return the equality key: two names are the same text iff their match keys are equal.

    NFC, first-vowel tone placement, casefold, ð/Ð/Ɖ -> đ, punctuation and symbols -> space,
    whitespace collapsed and stripped. Diacritics are kept: "Mỹ Hòa" and "Mỹ Hóa" stay apart.
    """
    key = canonical_tones(text, ToneStyle.FIRST_VOWEL).casefold()
    return " ".join(nfc(key).translate(_KEY_TABLE).split())


def fold_key(text: str) -> str:
    """Return :func:`match_key` with every diacritic removed and đ -> d ("Đông Hòa" -> "dong hoa").

    For search and candidate generation ONLY. Never use it alone to decide that two names are
    equal: distinct communes of one province fold together (Văn Lang/Văn Lăng, Sơn Hà/Sơn Hạ,
    Tân Thành/Tân Thạnh; DOMAIN A4). Confirm candidates with :func:`match_key`.
    """
    key = match_key(text)
    if key.isascii():
        return key
    return " ".join(key.translate(_FOLD_TABLE).split())


_PROCEDURE_PREFIX = "thủ tục "


@lru_cache(maxsize=65536)
def procedure_name_key(text: str) -> str:
    """Return :func:`match_key` without a leading "thủ tục" ("Thủ tục đăng ký kết hôn")."""
    key = match_key(text)
    if key.startswith(_PROCEDURE_PREFIX):
        return key[len(_PROCEDURE_PREFIX) :]
    return key


_VIETNAMESE_LETTER_RE = re.compile(f"[{''.join(sorted(VIETNAMESE_LETTERS))}]")


def has_vietnamese_diacritics(text: str) -> bool:
    """Tell whether ``text`` (any normal form) has a non-ASCII Vietnamese letter, đ included."""
    return _VIETNAMESE_LETTER_RE.search(nfc(text)) is not None
