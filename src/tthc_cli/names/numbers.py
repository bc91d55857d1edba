"""Numbers and dates inside place names: number words (mười lăm), Roman numerals, day/month
dates (30/4, 30 tháng 4), and the words after which a number is part of the name."""

from __future__ import annotations

import re

from tthc_cli.text.keys import fold_key

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
NUMBER_WORDS = _number_words()
MONTH_WORDS = {
    **{w: v for w, v in NUMBER_WORDS.items() if v <= 12},
    "giêng": 1,
    "chạp": 12,
}
_ASCII_NUMBER_WORDS = {fold_key(w): v for w, v in NUMBER_WORDS.items()}
ASCII_MONTH_WORDS = {fold_key(w): v for w, v in MONTH_WORDS.items()}
#: How a number after "tháng" (month) or "ngã" (crossroads) is written inside a name.
NAME_NUMBER = {1: "một", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám"}
NAME_NUMBER |= {9: "chín", 10: "mười", 11: "mười một", 12: "mười hai"}
_NAMES_NUMBER_AFTER = frozenset({"tháng", "ngã"})


def _roman(value: int) -> str:
    out = []
    for size, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= size:
            out.append(letters)
            value -= size
    return "".join(out)


ROMAN = {_roman(v): v for v in range(1, 31)}
_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAY_PREFIXES = frozenset({"ngày", "mùng", "mồng", "ngay", "mung", "mong"})
NUMBER_TOKEN_RE = re.compile(r"(\d+(?:[/-]\d+)*)([a-z]?)")
SUFFIX_LETTERS = frozenset("abcdefgh")


def canonical_number(text: str) -> str:
    return "/".join(str(int(part)) for part in re.split("[/-]", text))


def _valid_date(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month]


def read_slash_date(token: str) -> tuple[int, int] | None:
    match = NUMBER_TOKEN_RE.fullmatch(token)
    if match is None or match.group(2):
        return None
    parts = re.split("[/-]", match.group(1))
    if len(parts) != 2:
        return None
    day, month = int(parts[0]), int(parts[1])
    return (day, month) if _valid_date(day, month) else None


def value_of(text: str, words: dict[str, int]) -> int | None:
    if text.isdigit():
        return int(text)
    return words.get(text)


def names_number(toks: list[str], index: int, ascii_only: bool) -> bool:
    """Whether toks[index] makes the next number part of the name ("tháng 8", "ngã 4")."""
    if ascii_only:
        # Unaccented "thang"/"nga" are also Thắng/Nga: only "Cach Mang Thang 8" is safe.
        return toks[index] == "thang" and index >= 1 and toks[index - 1] == "mang"
    return toks[index] in _NAMES_NUMBER_AFTER


def find_word_date(
    toks: list[str], start: int, ascii_only: bool
) -> tuple[int, int, int, int] | None:
    """(day, month, first index, end index) of a "30 tháng 4" / "Hai Tháng Chín" date."""
    month_word = "thang" if ascii_only else "tháng"
    day_words = _ASCII_NUMBER_WORDS if ascii_only else NUMBER_WORDS
    month_words = ASCII_MONTH_WORDS if ascii_only else MONTH_WORDS
    for j in range(start + 1, len(toks) - 1):
        if toks[j] != month_word:
            continue
        month = None
        for size in (2, 1):
            if j + 1 + size <= len(toks):
                month = value_of(" ".join(toks[j + 1 : j + 1 + size]), month_words)
                if month is not None:
                    end = j + 1 + size
                    break
        if month is None:
            continue
        for size in (3, 2, 1):
            first = j - size
            if first < start:
                continue
            day = value_of(" ".join(toks[first:j]), day_words)
            if day is not None and _valid_date(day, month):
                if first > start and toks[first - 1] in _DAY_PREFIXES:
                    first -= 1
                return day, month, first, end
    return None


def show_number(written: str) -> str:
    if written.replace(" ", "").isalpha() and written in ROMAN:
        return written.upper()
    return written if written.isdigit() else f"'{written}'"
