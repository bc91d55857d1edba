"""Legal bases as document numbers, from the portal's flattened "Căn cứ pháp lý" table.

Cells run together: "Luật Cư trú 202068/2020/QH14Thông tư 57/2021/TT-BCA57/2021/TT-BCA". A
year at the end of a document's name glues onto the number that follows ("2020" + "68/2020/
QH14"), and a number glues onto the symbol before it ("TT-BCA" + "57/2021/…"). Both joins are
undone before the numbers are read.
"""

from __future__ import annotations

import re

from tthc_cli.domain.documents import DOCUMENT_NUMBER, ascii_d_fix, parse_document_number

_HEADER = "Tên văn bản pháp lýMã văn bản"
# An upper-case symbol (or the Prime Minister's "TTg") directly followed by a number: a cell
# boundary ("QĐ-BTC601/QĐ-BTC", "NĐ-CP1040/QĐ-BHXH", "QĐ-TTg09/2023/QĐ-TTg").
# The National Assembly's term has two digits (QH13, UBTVQH15): digits after those start a number.
_GLUED_NUMBER = re.compile(
    r"(?:(?<=[A-ZĐ])(?<!QH)|(?<=-TTg)|(?<=QH\d\d))(?=\d+(?:\.\d+)?[a-z]?/(?:\d{4}/)?[A-ZĐ])"
)
# A year glued before a number: "202068/2020/QH14" -> "68/2020/QH14" when the years agree; a
# date's year before a number that has none: "ngày 12/6/20252418/QĐ-BNNMT" -> "2418/QĐ-BNNMT".
_YEAR_PREFIX = re.compile(r"^(?P<year>(?:19|20)\d\d)(?P<number>\d{1,4})$")


def numbers_in(text: str) -> tuple[list[str], list[str]]:
    """The document numbers in text, in order, each once; and the fragments left unresolved."""
    body = _GLUED_NUMBER.sub(" ", text.replace(_HEADER, " "))
    clean: list[tuple[int, str]] = []
    glued: list[tuple[int, str, str]] = []  # (where, number as matched, rest of the word)
    for match in DOCUMENT_NUMBER.finditer(body):
        value = _unglue_year(match)
        word = re.match(r"\w*", body[match.end() :])
        after = word.group(0) if word else ""
        if after[:1].isalpha() or (_WORD_TAIL.search(value) and not value.endswith("-TTg")):
            glued.append((match.start(), value, after))
        else:
            clean.append((match.start(), value))
    known = [value for _, value in clean]
    unresolved = []
    for where, value, after in glued:
        choice = _trim(value, after, known)
        if choice is None:
            unresolved.append(value + after)
        else:
            clean.append((where, choice))
    found: list[str] = []
    for _, value in sorted(clean):
        _add(found, value)
    # "60/2014/QH" cut short beside the full "60/2014/QH13": keep the full one.
    # "2222/QĐ-BHXHQUY" (a symbol glued to an upper-case title) beside the clean "2222/QĐ-BHXH".
    found = [
        v
        for v in found
        if not any(w != v and w.startswith(v) and w[len(v)].isdigit() for w in found)
        and not any(w != v and v.startswith(w) and v[len(w)].isalpha() for w in found)
    ]
    return found, unresolved


def _unglue_year(match: re.Match[str]) -> str:
    number, year, symbol = match.group("number"), match.group("year"), match.group("symbol")
    found = _YEAR_PREFIX.match(number)
    # A year of its own, or a number of six digits or more: no document number is that long.
    if found is not None and (year is None or found.group("year") == year or len(number) >= 6):
        number = found.group("number")
    return f"{number}/{year}/{symbol}" if year else f"{number}/{symbol}"


# Lower-case words that follow a number inside a document's name ("… 53/2025/TT-BCA ngày 01/7").
_LOWER_WORDS = frozenset({"ngày", "của", "về", "và", "quy", "sửa", "ban", "hướng", "năm", "do"})


# The start of a word glued after a symbol: "CPQuy", "CPquy", "QH14Th", "-Quy" ("TTg" is a symbol).
_WORD_TAIL = re.compile(r"(?<!TT)(?:[A-ZĐ][a-z]+|[a-z]+)$")


# The last part of common symbols: the Government, ministries, the Assembly's committee, etc.
_ISSUERS = frozenset(
    [
        "CP",
        "TTg",
        "BTP",
        "BCA",
        "BTC",
        "BXD",
        "BQP",
        "BNNMT",
        "BTNMT",
        "BNNPTNT",
        "BLĐTBXH",
        "BYT",
        "BGDĐT",
        "BNV",
        "BCT",
        "BKHĐT",
        "BGTVT",
        "BVHTTDL",
        "BTTTT",
        "BKHCN",
        "VPCP",
        "NHNN",
        "BHXH",
        "UBND",
        "HĐND",
        "TANDTC",
        "VKSNDTC",
    ]
)


def _trim(value: str, after: str, known: list[str]) -> str | None:
    """The number a symbol glued to the next word stands for: "…/TT-BCAng" + "ày" -> "…/TT-BCA".

    The word may start lower-case ("ngày") or upper-case ("Thông"): a number written cleanly
    elsewhere in the table wins, then the cut that leaves a known word.
    """
    prime_minister = re.search(r"-TTg(?=[A-Za-z])", value)
    if prime_minister is not None:  # Thủ tướng: the one symbol with a lower-case letter
        return value[: prime_minister.end()]
    run_match = re.search(r"[a-z]*$", value)
    run = run_match.group(0) if run_match else ""
    lower_cut = value[: len(value) - len(run)]
    upper_cut = lower_cut[:-1] if lower_cut[-1:].isupper() or lower_cut[-1:] == "Đ" else ""
    candidates = [v.rstrip("-") for v in (lower_cut, upper_cut) if v]
    candidates = [v for v in candidates if parse_document_number(v) is not None]
    for candidate in candidates:
        if candidate in known:
            return candidate
    if run and (run + after).lower() in _LOWER_WORDS:
        cut = lower_cut.rstrip("-")
        return cut if parse_document_number(cut) is not None else None
    # An upper-case title glued on ("NĐ-CPTH" + "ÔNG TƯ"): the cut that ends in an issuer.
    for size in range(1, 5):
        cut = lower_cut[:-size]
        if re.split(r"[-/]", cut)[-1] in _ISSUERS and parse_document_number(cut) is not None:
            return cut
    cut = upper_cut.rstrip("-")
    if cut and parse_document_number(cut) is not None:
        return cut
    return None


def _add(found: list[str], value: str) -> None:
    value = ascii_d_fix(value) or value
    value = re.sub(r"(?<=/N[ĐQ]-C)$", "P", value)  # the portal's "118/2025/NĐ-C": the Government
    if parse_document_number(value) is not None and value not in found:
        found.append(value)


_DATE_AFTER = re.compile(
    r"\s*,?\s*ngày\s*(?P<day>\d{1,2})\s*(?:/|-|tháng)\s*(?P<month>\d{1,2})\s*(?:/|-|năm)\s*"
    r"(?P<year>(?:19|20)\d\d)",
    re.IGNORECASE,
)


def issue_dates(text: str, numbers: list[str]) -> dict[str, str]:
    """The issue date (ISO) the text gives a number: "… 08/2025/TT-BTP ngày 12/6/2025 …"."""
    dates: dict[str, str] = {}
    for number in numbers:
        for written in {number, number.replace("Đ", "D")}:
            for match in re.finditer(re.escape(written), text):
                date = _DATE_AFTER.match(text, match.end())
                if date is not None and number not in dates:
                    dates[number] = iso_date(date["day"], date["month"], date["year"])
    return dates


def iso_date(day: str, month: str, year: str) -> str:
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def by_year(numbers: list[str]) -> list[str]:
    """numbers oldest first (the table's order within a year); numbers without a year last."""

    def year(number: str) -> int:
        parsed = parse_document_number(number)
        return parsed.year if parsed is not None and parsed.year is not None else 10_000

    return sorted(numbers, key=year)
