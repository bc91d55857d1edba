"""Hamlet and street names: parse them into parts, and tell whether two of them collide.

A name such as "TDP số 05" or "K25 Hùng Vương" is read into a :class:`PlaceName`: its type word
(tổ dân phố, kiệt), its number ("5", "25"), letter suffix, date ("30/4" = "30 tháng 4"), and the
remaining words as a match key. :func:`compare` then applies the rules of DESIGN.md
(dedupe-names): two names are the *same* when they differ only in case, spacing, punctuation,
Unicode form, tone placement, the way the type word or the number or the date is written, a
missing type word, or one of them being typed without any diacritic; they are *different* when a
number, letter suffix, date, syllable or tone differs, or a word is added. Fuzzy scores never
decide "duplicate": they only report a near miss as "similar".

All text normalization is :mod:`tthc_cli.text.normalize` (``match_key``/``fold_key``); this
module only
tokenizes the key and reads its structure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from tthc_cli.runtime.i18n import _, ngettext
from tthc_cli.text.normalize import (
    canonical_tones,
    fold_key,
    has_vietnamese_diacritics,
    is_vietnamese_syllable,
    match_key,
    nfc,
)

__all__ = [
    "DUPLICATE",
    "HAMLET",
    "KINDS",
    "REASON_CODES",
    "SIMILAR",
    "STREET",
    "PlaceName",
    "Verdict",
    "blocking_keys",
    "compare",
    "display_type",
    "format_name",
    "join_and",
    "join_or",
    "parse_name",
]

HAMLET = "hamlet"
STREET = "street"
KINDS = (HAMLET, STREET)
DUPLICATE = "duplicate"
SIMILAR = "similar"

#: Every reason code :func:`compare` can give, duplicates first, most specific first.
REASON_CODES: dict[str, str] = {
    "without-diacritics": DUPLICATE,
    "missing-type-word": DUPLICATE,
    "name-variant": DUPLICATE,
    "word-spacing": DUPLICATE,
    "type-word-written-differently": DUPLICATE,
    "number-written-differently": DUPLICATE,
    "date-written-differently": DUPLICATE,
    "tone-placement": DUPLICATE,
    "same-after-normalization": DUPLICATE,
    "different-type-word": SIMILAR,
    "tone-only": SIMILAR,
    "word-order": SIMILAR,
    "close-spelling": SIMILAR,
}
_CODE_RANK = {code: rank for rank, code in enumerate(REASON_CODES)}


# ------------------------------------------------------------------------------ the parts


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A hamlet or street name read into its parts (see the module docstring).

    ``written_type``, ``written_number`` and ``written_date`` keep how those parts were written
    (match-key form, "." kept in abbreviations) so that a verdict can say what differs; they do
    not take part in equality.
    """

    original: str
    kind: str
    type_word: str | None
    number: str | None
    suffix: str
    date: tuple[int, int] | None
    rest: str
    rest_fold: str
    ascii_only: bool
    written_type: str = field(default="", compare=False, repr=False)
    written_number: str = field(default="", compare=False, repr=False)
    written_date: str = field(default="", compare=False, repr=False)

    @property
    def core(self) -> tuple[str | None, str, tuple[int, int] | None, str]:
        """(number, suffix, date, rest): equal cores with equal type words are the same name."""
        return (self.number, self.suffix, self.date, self.rest)

    @property
    def core_fold(self) -> tuple[str | None, str, tuple[int, int] | None, str]:
        """(number, suffix, date, rest_fold): the blocking key; never a verdict on its own."""
        return (self.number, self.suffix, self.date, self.rest_fold)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What :func:`compare` says about two names: ``duplicate`` or ``similar``, and why."""

    verdict: str
    code: str
    reason: str


# ------------------------------------------------------------------------ type words

# (spelling in match-key form, canonical type word, form). Forms:
#   w  whole word(s), followed by a space, a digit, a dot or the end
#   a  abbreviation that is no Vietnamese syllable: dots between letters allowed ("T.D.P")
#   d  abbreviation that needs its dot ("Đ.", "P.")
#   n  abbreviation that needs its dot or a number right after it ("K.", "K25", "K 25")
_HAMLET_SPELLINGS: tuple[tuple[str, str, str], ...] = (
    ("thôn", "thôn", "w"),
    ("làng", "làng", "w"),
    ("ấp", "ấp", "w"),
    ("bản", "bản", "w"),
    ("buôn", "buôn", "w"),
    ("bon", "bon", "w"),
    ("plei", "plei", "w"),
    ("plây", "plei", "w"),
    ("xóm", "xóm", "w"),
    ("sóc", "sóc", "w"),
    ("phum", "phum", "w"),
    ("tổ dân phố", "tổ dân phố", "w"),
    ("tổ", "tổ", "w"),
    ("khu phố", "khu phố", "w"),
    ("khối phố", "khối phố", "w"),
    ("khối", "khối", "w"),
    ("khóm", "khóm", "w"),
    ("khu vực", "khu vực", "w"),
    ("tiểu khu", "tiểu khu", "w"),
    ("khu dân cư", "khu dân cư", "w"),
    ("cụm dân cư", "cụm dân cư", "w"),
    ("khu", "khu", "w"),
    ("đội", "đội", "w"),
    ("tdp", "tổ dân phố", "a"),
    ("kp", "khu phố", "a"),
    ("kv", "khu vực", "a"),
    ("kdc", "khu dân cư", "a"),
    ("th", "thôn", "n"),
    ("k", "khu", "n"),
)
_STREET_SPELLINGS: tuple[tuple[str, str, str], ...] = (
    ("đường", "đường", "w"),
    ("phố", "phố", "w"),
    ("đại lộ", "đại lộ", "w"),
    ("kiệt", "kiệt", "w"),
    ("hẻm xe hơi", "hẻm", "w"),
    ("hẻm", "hẻm", "w"),
    ("ngõ", "ngõ", "w"),
    ("ngách", "ngách", "w"),
    ("quốc lộ", "quốc lộ", "w"),
    ("tỉnh lộ", "tỉnh lộ", "w"),
    ("đường tỉnh", "đường tỉnh", "w"),
    ("hương lộ", "hương lộ", "w"),
    ("đường huyện", "đường huyện", "w"),
    ("hxh", "hẻm", "a"),
    ("ql", "quốc lộ", "a"),
    ("tl", "tỉnh lộ", "a"),
    ("đt", "đường tỉnh", "a"),
    ("dt", "đường tỉnh", "a"),
    ("hl", "hương lộ", "a"),
    ("đh", "đường huyện", "a"),
    ("dh", "đường huyện", "a"),
    ("đg", "đường", "a"),
    ("đ", "đường", "d"),
    ("p", "phố", "d"),
    ("k", "kiệt", "n"),
    ("h", "hẻm", "n"),
    ("ng", "ngõ", "n"),
)
# Typed without diacritics these also spell a common name syllable (Tô, Ngô, Đồi, Khôi), so
# in that form they count as a type word only before a number.
_ASCII_GUARDED = frozenset({"to", "ngo", "doi", "khoi"})
#: Road types after which a second type word replaces "Đường" ("Đường ĐT 741" = "ĐT 741").
_ROAD_TYPES = frozenset({"quốc lộ", "tỉnh lộ", "đường tỉnh", "hương lộ", "đường huyện"})
#: Types whose number comes right after the type word and may use slashes ("Hẻm 12/5").
_ALLEY_TYPES = frozenset({"kiệt", "hẻm", "ngõ", "ngách"})
_NUMBER_FIRST_TYPES = _ALLEY_TYPES | _ROAD_TYPES
#: Type words that name the same thing (Tỉnh lộ is the old name of Đường tỉnh).
_SYNONYM_TYPES = frozenset({frozenset({"tỉnh lộ", "đường tỉnh"})})
_STREET_WORDS = frozenset({"đường", "phố", "duong", "pho"})

_DOT, _SLASH, _DASH = "\ue001", "\ue002", "\ue003"
# Punctuation that carries structure is swapped for private-use letters before match_key (which
# keeps them), so the key still shows "K." / "30/4" / "30-4" after case and Unicode folding.
_STRUCTURE_TABLE = str.maketrans(
    {".": _DOT, "/": _SLASH, "-": _DASH, "\u2010": _DASH, "\u2011": _DASH, "\u2013": _DASH}
)
_SENTINELS_TO_SPACE = str.maketrans({_DOT: " ", _SLASH: " ", _DASH: " "})
_DIGIT_SLASH_RE = re.compile(f"(?<=\\d)[{_SLASH}{_DASH}](?=\\d)")


def _spelling_pattern(spelling: str, form: str) -> str:
    if form == "w":
        return re.escape(spelling) + f"(?=[ \\d{_DOT}]|$)"
    if form == "g":
        return re.escape(spelling) + "(?= ?(?:số |so )?\\d)"
    if form == "a":
        letters = f"{_DOT}?".join(re.escape(ch) for ch in spelling)
        return letters + f"(?:{_DOT}|(?=[ \\d]|$))"
    if form == "d":
        return re.escape(spelling) + _DOT
    return re.escape(spelling) + f"(?:{_DOT}|(?= ?(?:số |so )?\\d))"  # "n"


def _type_regex(
    spellings: Iterable[tuple[str, str, str]],
) -> tuple[re.Pattern[str], tuple[str, ...]]:
    entries: dict[tuple[str, str], str] = {}
    for spelling, canonical, form in spellings:
        entries.setdefault((spelling, form), canonical)
        folded = fold_key(spelling)
        if folded != spelling:
            ascii_form = "g" if form == "w" and folded in _ASCII_GUARDED else form
            # "d" after folding: "Đ." -> "D." keeps needing its dot, so a street "D1" stays a name.
            entries.setdefault((folded, ascii_form), canonical)
    ordered = sorted(entries.items(), key=lambda item: -len(item[0][0]))
    pattern = "^(?:" + "|".join(f"({_spelling_pattern(s, f)})" for (s, f), _c in ordered) + ")"
    return re.compile(pattern), tuple(canonical for _key, canonical in ordered)


_TYPE_RES = {
    HAMLET: _type_regex(_HAMLET_SPELLINGS),
    STREET: _type_regex(_STREET_SPELLINGS),
}
_ROAD_RE = _type_regex(s for s in _STREET_SPELLINGS if s[1] in _ROAD_TYPES)


# -------------------------------------------------------------------------- numbers

_UNITS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
    "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}  # fmt: skip


def _number_words() -> dict[str, int]:
    words = dict(_UNITS)
    words["mười"] = 10
    for unit, value in _UNITS.items():
        words[f"mười {unit}"] = 10 + value
    words["mười lăm"] = 15
    for tens, tens_word in ((2, "hai"), (3, "ba")):
        words[f"{tens_word} mươi"] = tens * 10
        for unit, value in (*_UNITS.items(), ("mốt", 1), ("lăm", 5)):
            words[f"{tens_word} mươi {unit}"] = tens * 10 + value
    return words


#: Vietnamese number words 1-39 ("mười lăm", "hai mươi mốt"), match-key form.
_NUMBER_WORDS = _number_words()
_MONTH_WORDS = {
    **{w: v for w, v in _NUMBER_WORDS.items() if v <= 12},
    "giêng": 1,
    "chạp": 12,
}
_ASCII_NUMBER_WORDS = {fold_key(w): v for w, v in _NUMBER_WORDS.items()}
_ASCII_MONTH_WORDS = {fold_key(w): v for w, v in _MONTH_WORDS.items()}
#: How a number after "tháng" (month) or "ngã" (crossroads) is written inside a name.
_NAME_NUMBER = {1: "một", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám"}
_NAME_NUMBER |= {9: "chín", 10: "mười", 11: "mười một", 12: "mười hai"}
_NAMES_NUMBER_AFTER = frozenset({"tháng", "ngã"})


def _roman(value: int) -> str:
    out = []
    for size, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= size:
            out.append(letters)
            value -= size
    return "".join(out)


_ROMAN = {_roman(v): v for v in range(1, 31)}
_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAY_PREFIXES = frozenset({"ngày", "mùng", "mồng", "ngay", "mung", "mong"})
_NUMBER_TOKEN_RE = re.compile(r"(\d+(?:[/-]\d+)*)([a-z]?)")
_SUFFIX_LETTERS = frozenset("abcdefgh")


def _canonical_number(text: str) -> str:
    return "/".join(str(int(part)) for part in re.split("[/-]", text))


def _valid_date(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month]


def _slash_date(token: str) -> tuple[int, int] | None:
    match = _NUMBER_TOKEN_RE.fullmatch(token)
    if match is None or match.group(2):
        return None
    parts = re.split("[/-]", match.group(1))
    if len(parts) != 2:
        return None
    day, month = int(parts[0]), int(parts[1])
    return (day, month) if _valid_date(day, month) else None


def _value(text: str, words: dict[str, int]) -> int | None:
    if text.isdigit():
        return int(text)
    return words.get(text)


def _names_number(toks: list[str], index: int, ascii_only: bool) -> bool:
    """Whether toks[index] makes the next number part of the name ("tháng 8", "ngã 4")."""
    if ascii_only:
        # Unaccented "thang"/"nga" are also Thắng/Nga: only "Cach Mang Thang 8" is safe.
        return toks[index] == "thang" and index >= 1 and toks[index - 1] == "mang"
    return toks[index] in _NAMES_NUMBER_AFTER


def _find_word_date(
    toks: list[str], start: int, ascii_only: bool
) -> tuple[int, int, int, int] | None:
    """(day, month, first index, end index) of a "30 tháng 4" / "Hai Tháng Chín" date."""
    month_word = "thang" if ascii_only else "tháng"
    day_words = _ASCII_NUMBER_WORDS if ascii_only else _NUMBER_WORDS
    month_words = _ASCII_MONTH_WORDS if ascii_only else _MONTH_WORDS
    for j in range(start + 1, len(toks) - 1):
        if toks[j] != month_word:
            continue
        month = None
        for size in (2, 1):
            if j + 1 + size <= len(toks):
                month = _value(" ".join(toks[j + 1 : j + 1 + size]), month_words)
                if month is not None:
                    end = j + 1 + size
                    break
        if month is None:
            continue
        for size in (3, 2, 1):
            first = j - size
            if first < start:
                continue
            day = _value(" ".join(toks[first:j]), day_words)
            if day is not None and _valid_date(day, month):
                if first > start and toks[first - 1] in _DAY_PREFIXES:
                    first -= 1
                return day, month, first, end
    return None


# -------------------------------------------------------------------------- parsing


def _key(name: str) -> str:
    return match_key(name.translate(_STRUCTURE_TABLE))


def _plain(key: str) -> str:
    """The match key of a structure-marked key (sentinels back to spaces)."""
    return " ".join(key.translate(_SENTINELS_TO_SPACE).split())


def _written(text: str) -> str:
    return " ".join(text.replace(_DOT, ".").translate(_SENTINELS_TO_SPACE).split())


def _read_type(key: str, kind: str) -> tuple[str | None, str, str]:
    """(canonical type word, as written, the key after it) of a structure-marked key."""
    regex, canonicals = _TYPE_RES[kind]
    match = regex.match(key)
    if match is None or match.lastindex is None:
        return None, "", key
    type_word = canonicals[match.lastindex - 1]
    written = match.group()
    remainder = key[match.end() :].lstrip(f" {_DOT}")
    if type_word == "đường":
        road = _ROAD_RE[0].match(remainder)
        if road is not None and road.lastindex is not None:
            type_word = _ROAD_RE[1][road.lastindex - 1]
            written += " " + road.group()
            remainder = remainder[road.end() :].lstrip(f" {_DOT}")
    return type_word, written, remainder


@dataclass(slots=True)
class _Reading:
    """The words after the type word, with the number and date taken out step by step."""

    toks: list[str]
    type_word: str | None
    ascii_only: bool
    number: str | None = None
    suffix: str = ""
    date: tuple[int, int] | None = None
    written_number: str = ""
    written_date: str = ""

    @property
    def alley(self) -> bool:
        return self.type_word in _ALLEY_TYPES

    def is_so(self, tok: str) -> bool:
        return tok == "số" or (self.ascii_only and tok == "so")

    def take_word_date(self) -> None:
        """ "30 tháng 4", "Hai Tháng Chín" anywhere."""
        found = _find_word_date(self.toks, 0, self.ascii_only)
        if found is not None:
            day, month, first, end = found
            self.date = (day, month)
            self.written_date = " ".join(self.toks[first:end])
            del self.toks[first:end]

    def take_leading_number(self) -> None:
        """A number right after the type word (or at the start of a name without one)."""
        toks = self.toks
        lead = 1 if len(toks) > 1 and self.is_so(toks[0]) and toks[1][:1].isdigit() else 0
        if lead >= len(toks) or not toks[lead][:1].isdigit():
            return
        match = _NUMBER_TOKEN_RE.fullmatch(toks[lead])
        if match is None:
            return
        slash_date = None if self.alley or self.date is not None else _slash_date(toks[lead])
        if slash_date is not None:
            self.date, self.written_date = slash_date, toks[lead]
            del toks[: lead + 1]
            return
        self.number = _canonical_number(match.group(1))
        self.suffix = match.group(2)
        self.written_number = " ".join([*toks[:lead], match.group(1)])
        del toks[: lead + 1]
        if not self.suffix and len(toks) == 1 and toks[0] in _SUFFIX_LETTERS:
            self.suffix = toks.pop()

    def take_slash_date(self) -> None:
        """A date written with a slash or dash elsewhere ("Kiệt 559 2/9")."""
        if self.date is not None:
            return
        for index, tok in enumerate(self.toks):
            if "/" not in tok and "-" not in tok:
                continue
            if self.alley and self.number is None and index == len(self.toks) - 1:
                return  # "Hẻm Lê Lợi 12/5": the alley's own number
            slash_date = _slash_date(tok)
            if slash_date is not None:
                self.date, self.written_date = slash_date, tok
                del self.toks[index]
                return

    def take_trailing_number(self) -> None:
        """A number at the end ("Ấp Tân An 1", "Thôn Vật Lại 3A", "Khu phố Tân An 5 A")."""
        toks = self.toks
        if self.number is not None or len(toks) < 2:
            return
        last = len(toks) - 1
        spaced = ""
        if toks[last] in _SUFFIX_LETTERS and len(toks) >= 3 and toks[last - 1].isdigit():
            spaced = toks[last]
            last -= 1
        match = _NUMBER_TOKEN_RE.fullmatch(toks[last])
        if match is None or last < 1 or (spaced and match.group(2)):
            return
        # "Cách Mạng Tháng 8" and "Ấp Ngã 4" end in a name word, not a number.
        if match.group(1).isdigit() and _names_number(toks, last - 1, self.ascii_only):
            return
        self.number = _canonical_number(match.group(1))
        self.suffix = match.group(2) or spaced
        first = last - 1 if last >= 2 and self.is_so(toks[last - 1]) else last
        self.written_number = " ".join([*toks[first:last], match.group(1)])
        del toks[first:]

    def take_number_words(self) -> None:
        """Roman numerals and number words, only as the whole rest after a type word."""
        toks = self.toks
        if self.type_word is None or self.number is not None or self.date is not None or not toks:
            return
        lead = 1 if len(toks) > 1 and self.is_so(toks[0]) else 0
        words = " ".join(toks[lead:])
        # Unaccented number words are other words too (nam = south, tam, sau): not read.
        value = None if self.ascii_only else _NUMBER_WORDS.get(words)
        if value is None and len(toks) == lead + 1:
            value = _ROMAN.get(words)
        if value is not None:
            self.number = str(value)
            self.written_number = " ".join(toks)
            toks.clear()

    def rest(self) -> str:
        toks = self.toks
        # "Ngõ 327 Đường Vân Trì" is "Ngõ 327 Vân Trì".
        numbered_alley = self.alley and self.number is not None
        if numbered_alley and toks and toks[0] in _STREET_WORDS and (toks[1:] or self.date):
            del toks[0]
        # "Cách Mạng Tháng 8" is "Cách Mạng Tháng Tám", "Ngã 4" is "Ngã Tư": written as words.
        for index in range(len(toks) - 1):
            if _names_number(toks, index, self.ascii_only):
                words = _ASCII_MONTH_WORDS if self.ascii_only else _MONTH_WORDS
                value = _value(toks[index + 1], words)
                if value is not None and 1 <= value <= 12:
                    word = _NAME_NUMBER[value]
                    toks[index + 1] = fold_key(word) if self.ascii_only else word
        rest = " ".join(toks)
        if "/" in rest or "-" in rest:
            rest = " ".join(rest.replace("/", " ").replace("-", " ").split())
        return rest


def _parse(name: str, kind: str, ward: bool, detect_type: bool) -> PlaceName:
    if kind not in KINDS:
        raise ValueError(f"kind must be {HAMLET!r} or {STREET!r}, not {kind!r}")
    ascii_only = name.isascii() or not has_vietnamese_diacritics(name)
    key = _key(name)
    type_word, written_type, remainder = _read_type(key, kind) if detect_type else (None, "", key)
    if _SLASH in remainder or _DASH in remainder:
        remainder = _DIGIT_SLASH_RE.sub(lambda m: "/" if m.group() == _SLASH else "-", remainder)
    reading = _Reading(remainder.translate(_SENTINELS_TO_SPACE).split(), type_word, ascii_only)
    if "tháng" in remainder or (ascii_only and "thang" in remainder):
        reading.take_word_date()
    reading.take_leading_number()
    reading.take_slash_date()
    reading.take_trailing_number()
    reading.take_number_words()
    rest = reading.rest()
    number, date = reading.number, reading.date
    if type_word is not None and not rest and number is None and date is None:
        # A type word alone ("Phố", "Làng") is the name itself.
        type_word, written_type, rest = None, "", _plain(key)
    if type_word == "tổ" and ward:
        type_word = "tổ dân phố"
    return PlaceName(
        original=name,
        kind=kind,
        type_word=type_word,
        number=number,
        suffix=reading.suffix,
        date=date,
        rest=rest,
        rest_fold=rest if rest.isascii() else fold_key(rest),
        ascii_only=ascii_only,
        written_type=_written(written_type) if written_type else "",
        written_number=reading.written_number,
        written_date=reading.written_date,
    )


@lru_cache(maxsize=1 << 18)
def parse_name(name: str, kind: str, *, ward: bool = False) -> PlaceName:
    """Read a hamlet (``kind="hamlet"``) or street (``kind="street"``) name into its parts.

    ``ward`` is True when the commune is a phường (or an urban đặc khu): there a bare "Tổ" is a
    "Tổ dân phố". Case, spacing, punctuation, Unicode form and tone placement do not matter;
    names typed without diacritics ("To dan pho 5", "Duong Hung Vuong") are read too.
    Raises ValueError for an unknown kind.
    """
    return _parse(name, kind, ward, detect_type=True)


@lru_cache(maxsize=1 << 18)
def _untyped(name: str, kind: str) -> PlaceName:
    """The other reading of a name: its first word is part of the name ("Sóc Trăng")."""
    return _parse(name, kind, False, detect_type=False)


# ------------------------------------------------------------------------ formatting


def display_type(type_word: str | None) -> str:
    """The type word as it starts a name: "thôn" -> "Thôn", "tổ dân phố" -> "Tổ dân phố"."""
    if not type_word:
        return ""
    return type_word[0].upper() + type_word[1:]


def format_name(
    type_word: str | None, words: str, number: str | None = None, suffix: str = ""
) -> str:
    """Write a name from its parts: ("thôn", "Hòa Bắc", "1") -> "Thôn Hòa Bắc 1".

    ``words`` is kept as given. Alleys and numbered roads put the number first
    ("Kiệt 25 Hùng Vương", "Quốc lộ 1A"); every other name puts it last.
    """
    numbered = f"{number or ''}{suffix.upper()}"
    words = " ".join(words.split())
    # A lone letter after the number would read as its suffix ("Kiệt 1 A" is Kiệt 1A), a month
    # after it as a date ("1 tháng ba"); words that start with a number keep the name's own
    # number in front.
    key = match_key(words)
    number_first = (
        type_word in _NUMBER_FIRST_TYPES
        and key not in _SUFFIX_LETTERS
        and not key.startswith(("tháng ", "thang "))
    )
    if number_first or words[:1].isdigit():
        parts = [display_type(type_word), numbered, words]
    else:
        parts = [display_type(type_word), words, numbered]
    return " ".join(part for part in parts if part)


# --------------------------------------------------------------------------- verdicts

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
_VARIANT_OF = {name: min(group) for group in _NAME_VARIANTS for name in group}
_VARIANT_OF |= {fold_key(name): fold_key(min(group)) for group in _NAME_VARIANTS for name in group}
_I_Y = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")
_LONE_I_Y_RE = re.compile("^(?:qu|[bcdđghklmnprstvx]+)([iíìỉĩịyýỳỷỹỵ])$")
_WORD_RE = re.compile(r"[^\W_]+")
_MAX_SIMILAR_SYLLABLE_EDIT = 1
_CLOSE_RATIO = 85.0
_EMPTY_CORE: tuple[str | None, str, tuple[int, int] | None, str] = (None, "", None, "")


def _variant(rest: str) -> str:
    return _VARIANT_OF.get(rest, rest)


def _i_y(word: str) -> str:
    """ "lý" -> "lí", "quý" -> "quí": the i/y spelling of a syllable whose only vowel is i/y."""
    if _LONE_I_Y_RE.match(word):
        return word.translate(_I_Y)
    return word


def _shown(name: str) -> str:
    return " ".join(nfc(name).split())


def _pair(a: str, b: str) -> str:
    x, y = sorted((a, b))
    return f"'{x}' / '{y}'"


def join_and(items: Iterable[str]) -> str:
    """ "a and b and c", in the current language."""
    joined = ""
    for item in items:
        # Translators: joins two reasons or names: "A and B" (repeated for longer lists).
        joined = _("{first} and {second}").format(first=joined, second=item) if joined else item
    return joined


def join_or(items: Iterable[str]) -> str:
    """ "a or b or c", in the current language."""
    joined = ""
    for item in items:
        # Translators: joins two names: "A or B" (repeated for longer lists).
        joined = _("{first} or {second}").format(first=joined, second=item) if joined else item
    return joined


_ABBREVIATION_DISPLAY = {"th.": "Th.", "ng.": "Ng.", "đg.": "Đg.", "đg": "Đg"}


def _show_type(written: str) -> str:
    if written in _ABBREVIATION_DISPLAY:
        return _ABBREVIATION_DISPLAY[written]
    bare = written.replace(".", "")
    if bare and " " not in written and len(bare) <= 3 and not is_vietnamese_syllable(bare):
        return written.upper()
    return display_type(written)


def _show_number(written: str) -> str:
    if written.replace(" ", "").isalpha() and written in _ROMAN:
        return written.upper()
    return written if written.isdigit() else f"'{written}'"


def _same_type(a: str | None, b: str | None) -> bool:
    return a == b or frozenset({a, b}) in _SYNONYM_TYPES


def _tone_example(a: PlaceName, b: PlaceName) -> tuple[str, str] | None:
    """A word written with its tone mark in another place (hoà / hòa), if there is one."""
    words_a = set(_WORD_RE.findall(nfc(a.original).casefold()))
    words_b = set(_WORD_RE.findall(nfc(b.original).casefold()))
    only_a, only_b = words_a - words_b, words_b - words_a
    pairs = [
        (min(x, y), max(x, y))
        for x in only_a
        for y in only_b
        if canonical_tones(x) == canonical_tones(y)
    ]
    return min(pairs) if pairs else None


def _duplicate_parts(a: PlaceName, b: PlaceName, how: str) -> list[tuple[str, str]]:
    """(code, reason part) for each way two same names are written differently."""
    parts: list[tuple[str, str]] = []
    if how == "fold":
        parts.append(("without-diacritics", _("one is typed without diacritics")))
    elif how == "variant":
        parts.append(("name-variant", _("two accepted spellings of one name")))
    elif how == "spacing":
        parts.append(("word-spacing", _("the words are split differently")))
    elif how == "tone":
        x, y = _misplaced_tone(a.rest, b.rest) or ("", "")
        # Translators: one reason two names are the same; {x} and {y} are the two spellings
        # of a word, e.g. 'hoà' / 'hòa'.
        tone = _("the tone mark sits elsewhere in '{x}' / '{y}'").format(x=x, y=y)
        parts.append(("tone-placement", tone))
    if (a.type_word is None) != (b.type_word is None):
        typed = a if a.type_word is not None else b
        # Translators: one reason two names are the same; {type} is a type word such as
        # "Thôn" or "Tổ dân phố".
        missing = _("one is written without '{type}'").format(type=display_type(typed.type_word))
        parts.append(("missing-type-word", missing))
    elif a.type_word is not None and b.type_word is not None:
        wa, wb = a.written_type.replace(".", ""), b.written_type.replace(".", "")
        if wa != wb:
            if fold_key(wa) == fold_key(wb):
                if how != "fold":
                    parts.append(("without-diacritics", _("one is typed without diacritics")))
            elif a.type_word != b.type_word:
                x, y = sorted((display_type(a.type_word), display_type(b.type_word)))
                # Translators: {x} and {y} are type words, e.g. 'Ấp' is another name of 'Thôn'.
                other = _("'{x}' is another name of '{y}'").format(x=x, y=y)
                parts.append(("type-word-written-differently", other))
            else:
                canonical = display_type(a.type_word)
                shown = sorted(
                    {_show_type(w) for w in (a.written_type, b.written_type)} - {canonical}
                )
                # Translators: {written} lists quoted spellings of a type word ('TDP' or
                # 'TDP' and 'T.D.P'); {canonical} is its full form, e.g. Tổ dân phố.
                same = ngettext(
                    "{written} is '{canonical}'", "{written} are both '{canonical}'", len(shown)
                ).format(written=join_and(f"'{s}'" for s in shown), canonical=canonical)
                parts.append(("type-word-written-differently", same))
    if a.number is not None and a.written_number != b.written_number:
        shown = sorted({_show_number(w) for w in (a.written_number, b.written_number)})
        shown = [s for s in shown if s != a.number] or shown
        # Translators: {written} lists spellings of a number (IV, or '04' and IV); {number}
        # is the number, e.g. 4.
        number = ngettext(
            "{written} is {number}", "{written} are both {number}", len(shown)
        ).format(written=join_and(shown), number=a.number)
        parts.append(("number-written-differently", number))
    if a.date is not None and a.written_date != b.written_date:
        x, y = sorted((a.written_date, b.written_date))
        # Translators: {x} and {y} are two spellings of a date ('30/4' and '30 tháng 4');
        # {day}/{month} is the date.
        date = _("'{x}' and '{y}' are both {day}/{month}").format(
            x=x, y=y, day=a.date[0], month=a.date[1]
        )
        parts.append(("date-written-differently", date))
    example = _tone_example(a, b)
    if example is not None:
        tone = _("the tone mark sits elsewhere in '{x}' / '{y}'").format(x=example[0], y=example[1])
        parts.append(("tone-placement", tone))
    if not parts:
        parts.append(("same-after-normalization", _("only case, spacing or punctuation differ")))
    return parts


_NAMES_SHOWN_FOR = frozenset(
    {"without-diacritics", "missing-type-word", "name-variant", "word-spacing"}
)


def _duplicate(a: PlaceName, b: PlaceName, how: str) -> Verdict:
    parts = _duplicate_parts(a, b, how)
    codes = [c for c, _text in parts]
    code = min(codes, key=_CODE_RANK.__getitem__)
    reasons = join_and(dict.fromkeys(text for _code, text in parts))
    if _NAMES_SHOWN_FOR.intersection(codes):
        # Translators: {reasons} says how two names are the same name written differently;
        # {names} are the two names, e.g. 'Thôn 1' / 'Thon 1'.
        reason = _("same name: {reasons} ({names})").format(
            reasons=reasons, names=_pair(_shown(a.original), _shown(b.original))
        )
    else:
        # Translators: {reasons} says how two names are the same name written differently.
        reason = _("same name: {reasons}").format(reasons=reasons)
    return Verdict(DUPLICATE, code, reason)


def _close_spelling(ra: str, rb: str) -> tuple[str, str, str] | None:
    """Why two rests of one syllable count are near misses (i/y spelling or a typo), or None.

    Only one syllable may differ, the difference must not be tone-only, a direction/part word
    or a number, and when it is no i/y spelling at least one side must be no Vietnamese syllable
    at all (a typo: "Nguyễ" / "Nguyễn"). Two real syllables (Hòa / Hà, Tổ / Tông, Lợi / Lai)
    are different names whatever the score. Returns ("i-y" or "typo", syllable, syllable).
    """
    wa, wb = ra.split(), rb.split()
    if len(wa) != len(wb) or not wa:
        return None
    diffs = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(diffs) != 1:
        return None
    x, y = diffs[0]
    if _i_y(x) == _i_y(y):
        return ("i-y", min(x, y), max(x, y))
    fx, fy = _fold_word(x), _fold_word(y)
    if _has_digit(x) or _has_digit(y) or fx == fy:
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


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


@lru_cache(maxsize=1 << 14)
def _tone_split(word: str) -> tuple[str, str]:
    """(letters with their vowel marks, tone marks) of a word: "hòang" -> ("hoang", "\u0300")."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in decomposed if ch in _TONE_MARKS)
    base = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", base), tones


def _misplaced_tone(ra: str, rb: str) -> tuple[str, str] | None:
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
        if _tone_split(x) != _tone_split(y) or (
            is_vietnamese_syllable(x) and is_vietnamese_syllable(y)
        ):
            return None
        found = found or (min(x, y), max(x, y))
    return found


def _worth_a_look(a: PlaceName, b: PlaceName) -> bool:
    """Whether one name under two type words is worth a look (Thôn 1 / Tổ dân phố 1).

    Streets number their levels separately: "Ngõ 6" / "Ngách 6" / "Quốc lộ 6" / "Đường số 6"
    are different streets, so only named streets under two type words are reported, and never
    a numbered road (quốc lộ, đường tỉnh...) against another type.
    """
    if a.kind != STREET:
        return True
    if a.type_word in _ROAD_TYPES or b.type_word in _ROAD_TYPES:
        return False
    return bool(a.rest and b.rest)


def _compare(a: PlaceName, b: PlaceName) -> Verdict | None:
    if (a.number, a.suffix, a.date) != (b.number, b.suffix, b.date):
        return None
    if a.core == b.core == _EMPTY_CORE and a.type_word is None and b.type_word is None:
        return None  # two empty names: nothing to say
    one_ascii = a.ascii_only != b.ascii_only
    how = ""
    if a.rest == b.rest:
        how = "same"
    elif one_ascii and a.rest_fold == b.rest_fold:
        how = "fold"
    elif _misplaced_tone(a.rest, b.rest) is not None:
        how = "tone"
    elif _variant(a.rest) == _variant(b.rest) or (
        one_ascii and _variant(a.rest_fold) == _variant(b.rest_fold)
    ):
        how = "variant"
    elif not (_has_digit(a.rest) or _has_digit(b.rest)) and (
        a.rest.replace(" ", "") == b.rest.replace(" ", "")
        or (one_ascii and a.rest_fold.replace(" ", "") == b.rest_fold.replace(" ", ""))
    ):
        # Only letters may be split differently: "DA1-1" and "DA11", "N3-9" and "N39" differ.
        how = "spacing"
    types_differ = (
        a.type_word is not None
        and b.type_word is not None
        and not _same_type(a.type_word, b.type_word)
    )
    if how:
        if types_differ and not _worth_a_look(a, b):
            return None
        if types_differ:
            x, y = sorted((display_type(a.type_word), display_type(b.type_word)))
            return Verdict(
                SIMILAR,
                "different-type-word",
                # Translators: {x} and {y} are type words, e.g. 'Thôn' / 'Tổ dân phố'.
                _(
                    "same name under two type words ('{x}' / '{y}'): "
                    "check whether they are one unit"
                ).format(x=x, y=y),
            )
        return _duplicate(a, b, how)
    if types_differ:
        return None
    if not a.ascii_only and not b.ascii_only and a.rest_fold == b.rest_fold:
        names = _pair(_shown(a.original), _shown(b.original))
        return Verdict(
            SIMILAR,
            "tone-only",
            # Translators: {names} are two names, e.g. 'Thôn Hòa' / 'Thôn Hà'.
            _(
                "the names differ only in tone or accent marks ({names}): usually different places"
            ).format(names=names),
        )
    ra, rb = (a.rest_fold, b.rest_fold) if one_ascii else (a.rest, b.rest)
    if sorted(ra.split()) == sorted(rb.split()):
        names = _pair(_shown(a.original), _shown(b.original))
        return Verdict(
            SIMILAR,
            "word-order",
            # Translators: {names} are two names, e.g. 'Phú Lộc' / 'Lộc Phú'.
            _("the same words in another order ({names}): different names").format(names=names),
        )
    close = _close_spelling(ra, rb)
    if close is not None:
        how, x, y = close
        names = _pair(_shown(a.original), _shown(b.original))
        if how == "i-y":
            # Translators: {names} are two names; {x} and {y} the syllables that differ.
            reason = _("very close spellings ({names}): '{x}' and '{y}' differ only in i / y")
        else:
            # Translators: {names} are two names; {x} and {y} the syllables that differ.
            reason = _("very close spellings ({names}): '{x}' / '{y}' looks like a typo")
        return Verdict(SIMILAR, "close-spelling", reason.format(names=names, x=x, y=y))
    return None


def _better(x: Verdict | None, y: Verdict | None) -> Verdict | None:
    if x is None:
        return y
    if y is None:
        return x
    return min(x, y, key=lambda v: (_CODE_RANK[v.code], v.reason))


def compare(a: PlaceName, b: PlaceName) -> Verdict | None:
    """The verdict on two parsed names of one kind, or None when they are different names.

    Symmetric: ``compare(a, b)`` and ``compare(b, a)`` give the same verdict, code and reason.
    A duplicate may also come from reading a leading type word as part of the name
    ("Sóc Trăng" = "Ấp Sóc Trăng", "Duong Quang Ham" = "Dương Quảng Hàm").
    """
    if a.kind != b.kind:
        return None
    if _bare_number_and_route(a, b) or _bare_number_and_route(b, a):
        # "Số 9" (a numbered street) and "Quốc lộ 9" (a national route) are different roads.
        return None
    verdict = _compare(a, b)
    if verdict is not None and verdict.verdict == DUPLICATE:
        return verdict
    alternative: Verdict | None = None
    # Only a duplicate from the other reading counts, so readings that cannot give one are
    # not compared (most candidate pairs of a large province).
    if a.type_word is not None:
        untyped = _untyped(a.original, a.kind)
        if _may_be_duplicate(untyped, b):
            alternative = _better(alternative, _compare(untyped, b))
    if b.type_word is not None:
        untyped = _untyped(b.original, b.kind)
        if _may_be_duplicate(a, untyped):
            alternative = _better(alternative, _compare(a, untyped))
    if alternative is not None and alternative.verdict == DUPLICATE:
        return alternative
    return verdict


def _may_be_duplicate(x: PlaceName, y: PlaceName) -> bool:
    """A cheap necessary condition for `_compare(x, y)` to say duplicate: each way it finds
    two rests the same (same, fold, tone placement, spacing) leaves their folded letters equal
    once spaces are dropped, and accepted variants are listed names."""
    if (x.number, x.suffix, x.date) != (y.number, y.suffix, y.date):
        return False
    if x.rest_fold.replace(" ", "") == y.rest_fold.replace(" ", ""):
        return True
    return any(rest in _VARIANT_OF for rest in (x.rest, y.rest, x.rest_fold, y.rest_fold))


def _bare_number_and_route(a: PlaceName, b: PlaceName) -> bool:
    """A name without a type word is never the same as an alley or a numbered route:
    "48" is no "Kiệt 48", "Ngô Quyền" no "Hẻm Ngô Quyền", "Số 9" no "Quốc lộ 9"."""
    return a.type_word is None and b.type_word in (_ROAD_TYPES | _ALLEY_TYPES)


@lru_cache(maxsize=1 << 16)
def _has_digit(text: str) -> bool:
    return any(map(str.isdigit, text))


def blocking_keys(p: PlaceName) -> tuple[Hashable, ...]:
    """Keys to find candidate pairs with: every pair :func:`compare` can call duplicate, and every
    tone-only / word-order / i-y similar pair, shares at least one key. (Typo near misses do not
    always: find those with fuzzy search on ``rest_fold``.)"""
    keys: list[Hashable] = []
    readings = [p]
    if p.type_word is not None:
        readings.append(_untyped(p.original, p.kind))
    for reading in readings:
        words = [_i_y(w) for w in _variant(reading.rest_fold).split()]
        head = (reading.number, reading.suffix, reading.date)
        keys.append((*head, "".join(words)))
        keys.append((*head, " ".join(sorted(words))))
    return tuple(dict.fromkeys(keys))
