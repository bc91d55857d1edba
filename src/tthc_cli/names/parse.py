"""Read a hamlet or street name into a :class:`PlaceName`: type word, number, letter suffix,
date, and the remaining words as a match key."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from tthc_cli.names.numbers import (
    ASCII_MONTH_WORDS,
    MONTH_WORDS,
    NAME_NUMBER,
    NUMBER_TOKEN_RE,
    NUMBER_WORDS,
    ROMAN,
    SUFFIX_LETTERS,
    canonical_number,
    find_word_date,
    names_number,
    read_slash_date,
    value_of,
)
from tthc_cli.names.types import (
    ALLEY_TYPES,
    DASH,
    DIGIT_SLASH_RE,
    DOT,
    HAMLET,
    KINDS,
    NUMBER_FIRST_TYPES,
    SENTINELS_TO_SPACE,
    SLASH,
    STREET,
    STREET_WORDS,
    STRUCTURE_TABLE,
    display_type,
    read_type,
)
from tthc_cli.text.keys import fold_key, match_key
from tthc_cli.text.tones import is_vietnamese_syllable
from tthc_cli.text.unicode import has_vietnamese_diacritics


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
    #: The words after the type word carry no mark ("Đường Nguyen Trai": True).
    rest_unmarked: bool = field(default=False, compare=False, repr=False)
    #: Its list shows it was typed without marks (set by the caller that knows the list).
    typed_unmarked: bool = field(default=False, compare=False, repr=False)

    @property
    def core(self) -> tuple[str | None, str, tuple[int, int] | None, str]:
        """(number, suffix, date, rest): equal cores with equal type words are the same name."""
        return (self.number, self.suffix, self.date, self.rest)

    @property
    def core_fold(self) -> tuple[str | None, str, tuple[int, int] | None, str]:
        """(number, suffix, date, rest_fold): the blocking key; never a verdict on its own."""
        return (self.number, self.suffix, self.date, self.rest_fold)


def _key(name: str) -> str:
    return match_key(name.translate(STRUCTURE_TABLE))


def _plain(key: str) -> str:
    """The match key of a structure-marked key (sentinels back to spaces)."""
    return " ".join(key.translate(SENTINELS_TO_SPACE).split())


def _written(text: str) -> str:
    return " ".join(text.replace(DOT, ".").translate(SENTINELS_TO_SPACE).split())


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
        return self.type_word in ALLEY_TYPES

    def is_so(self, tok: str) -> bool:
        return tok == "số" or (self.ascii_only and tok == "so")

    def take_word_date(self) -> None:
        """ "30 tháng 4", "Hai Tháng Chín" anywhere."""
        found = find_word_date(self.toks, 0, self.ascii_only)
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
        match = NUMBER_TOKEN_RE.fullmatch(toks[lead])
        if match is None:
            return
        slash_date = None if self.alley or self.date is not None else read_slash_date(toks[lead])
        if slash_date is not None:
            self.date, self.written_date = slash_date, toks[lead]
            del toks[: lead + 1]
            return
        self.number = canonical_number(match.group(1))
        self.suffix = match.group(2)
        self.written_number = " ".join([*toks[:lead], match.group(1)])
        del toks[: lead + 1]
        if not self.suffix and len(toks) == 1 and toks[0] in SUFFIX_LETTERS:
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
            slash_date = read_slash_date(tok)
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
        if toks[last] in SUFFIX_LETTERS and len(toks) >= 3 and toks[last - 1].isdigit():
            spaced = toks[last]
            last -= 1
        match = NUMBER_TOKEN_RE.fullmatch(toks[last])
        if match is None or last < 1 or (spaced and match.group(2)):
            return
        # "Cách Mạng Tháng 8" and "Ấp Ngã 4" end in a name word, not a number.
        if match.group(1).isdigit() and names_number(toks, last - 1, self.ascii_only):
            return
        self.number = canonical_number(match.group(1))
        self.suffix = match.group(2) or spaced
        first = last - 1 if last >= 2 and self.is_so(toks[last - 1]) else last
        self.written_number = " ".join([*toks[first:last], match.group(1)])
        del toks[first:]

    def take_trailing_roman(self) -> None:
        """A Roman numeral after the name words ("Thôn Tân Lập II" = "Thôn Tân Lập 2"). "vi"
        and "xi" are syllables of names (Tường Vi, Trại Xi), and a lone V or X after a name is a
        letter as often as a number (Lê Văn V): those stay words; I is 1."""
        toks = self.toks
        if self.number is not None or self.date is not None or len(toks) < 2:
            return
        last = toks[-1]
        value = ROMAN.get(last)
        if value is None or (last != "i" and (len(last) < 2 or is_vietnamese_syllable(last))):
            return
        self.number = str(value)
        self.written_number = last
        del toks[-1]

    def take_number_words(self) -> None:
        """Roman numerals and number words, only as the whole rest after a type word."""
        toks = self.toks
        if self.type_word is None or self.number is not None or self.date is not None or not toks:
            return
        lead = 1 if len(toks) > 1 and self.is_so(toks[0]) else 0
        words = " ".join(toks[lead:])
        # Unaccented number words are other words too (nam = south, tam, sau): not read.
        value = None if self.ascii_only else NUMBER_WORDS.get(words)
        if value is None and len(toks) == lead + 1:
            value = ROMAN.get(words)
        if value is not None:
            self.number = str(value)
            self.written_number = " ".join(toks)
            toks.clear()

    def rest(self) -> str:
        toks = self.toks
        # "Ngõ 327 Đường Vân Trì" is "Ngõ 327 Vân Trì".
        numbered_alley = self.alley and self.number is not None
        if numbered_alley and toks and toks[0] in STREET_WORDS and (toks[1:] or self.date):
            del toks[0]
        # "Cách Mạng Tháng 8" is "Cách Mạng Tháng Tám", "Ngã 4" is "Ngã Tư": written as words.
        for index in range(len(toks) - 1):
            if names_number(toks, index, self.ascii_only):
                words = ASCII_MONTH_WORDS if self.ascii_only else MONTH_WORDS
                value = value_of(toks[index + 1], words)
                if value is not None and 1 <= value <= 12:
                    word = NAME_NUMBER[value]
                    toks[index + 1] = fold_key(word) if self.ascii_only else word
        rest = " ".join(toks)
        if "/" in rest or "-" in rest:
            rest = " ".join(rest.replace("/", " ").replace("-", " ").split())
        return rest


def written_without_marks(name: str) -> bool:
    """Whether a name carries no Vietnamese mark at all ("Tan An", not "Tân An")."""
    return name.isascii() or not has_vietnamese_diacritics(name)


def _parse(name: str, kind: str, ward: bool, detect_type: bool) -> PlaceName:
    if kind not in KINDS:
        raise ValueError(f"kind must be {HAMLET!r} or {STREET!r}, not {kind!r}")
    ascii_only = written_without_marks(name)
    key = _key(name)
    type_word, written_type, remainder = read_type(key, kind) if detect_type else (None, "", key)
    if SLASH in remainder or DASH in remainder:
        remainder = DIGIT_SLASH_RE.sub(lambda m: "/" if m.group() == SLASH else "-", remainder)
    reading = _Reading(remainder.translate(SENTINELS_TO_SPACE).split(), type_word, ascii_only)
    if "tháng" in remainder or (ascii_only and "thang" in remainder):
        reading.take_word_date()
    reading.take_leading_number()
    reading.take_slash_date()
    reading.take_trailing_number()
    reading.take_trailing_roman()
    reading.take_number_words()
    rest = reading.rest()
    number, date = reading.number, reading.date
    if type_word is not None and not rest and number is None and date is None:
        # A type word alone ("Phố", "Làng") is the name itself.
        type_word, written_type, rest = None, "", _plain(key)
    if type_word == "tổ" and ward:
        type_word = "tổ dân phố"
    rest_fold = rest if rest.isascii() else fold_key(rest)
    return PlaceName(
        original=name,
        kind=kind,
        type_word=type_word,
        number=number,
        suffix=reading.suffix,
        date=date,
        rest=rest,
        rest_fold=rest_fold,
        ascii_only=ascii_only,
        written_type=_written(written_type) if written_type else "",
        written_number=reading.written_number,
        written_date=reading.written_date,
        # A match key without diacritics is its own fold: no second scan of the text.
        rest_unmarked=rest_fold == rest,
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
def untyped_reading(name: str, kind: str) -> PlaceName:
    """The other reading of a name: its first word is part of the name ("Sóc Trăng")."""
    return _parse(name, kind, False, detect_type=False)


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
        type_word in NUMBER_FIRST_TYPES
        and key not in SUFFIX_LETTERS
        and not key.startswith(("tháng ", "thang "))
    )
    if number_first or words[:1].isdigit():
        parts = [display_type(type_word), numbered, words]
    else:
        parts = [display_type(type_word), words, numbered]
    return " ".join(part for part in parts if part)
