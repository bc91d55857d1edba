"""Vietnamese legal-document numbers (số, ký hiệu văn bản): parsing and the ASCII-Đ check."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tthc_cli.runtime.i18n import _

# number[/year]/SYMBOL, e.g. 123/2015/NĐ-CP, 60/2014/QH13, 66.7/2025/NQ-CP, 1390/QĐ-UBND,
# 47/2009/TTLT-BTC-BLĐTBXH, 267/VPCP-TTĐT, 41/VBHN-BNNMT, 1656/NQ-UBTVQH15, 15/QĐ-TTg.
_PART = r"[A-ZĐÐ][A-Za-zĐđÐƯ0-9]*"  # Ư as in UBTƯMTTQVN (Ủy ban Trung ương MTTQVN)
DOCUMENT_NUMBER = re.compile(
    rf"(?P<number>\d+(?:\.\d+)?[a-z]?)/(?:(?P<year>\d{{4}})/)?(?P<symbol>{_PART}(?:-{_PART})*)"
)
# Document types whose abbreviation contains Đ: nghị định, quyết định, and issuers like HĐND.
_ASCII_D = re.compile(r"(?<![A-Za-zĐ])(ND|QD|HDND|TTDT|TTD|BLDTBXH|DTN)(?![A-Za-z])")
_ASCII_FIX = {
    "ND": "NĐ",
    "QD": "QĐ",
    "HDND": "HĐND",
    "TTDT": "TTĐT",
    "TTD": "TTĐ",
    "BLDTBXH": "BLĐTBXH",
    "DTN": "ĐTN",
}
_ETH = str.maketrans({"Ð": "Đ", "ð": "đ", "Ɖ": "Đ"})


@dataclass(frozen=True, slots=True)
class DocumentNumber:
    number: str
    year: int | None
    symbol: str


def parse_document_number(text: str) -> DocumentNumber | None:
    match = DOCUMENT_NUMBER.fullmatch(text)
    if match is None:
        return None
    year = match.group("year")
    return DocumentNumber(match.group("number"), int(year) if year else None, match.group("symbol"))


def document_key(text: str) -> DocumentNumber | None:
    """The document a legal-basis entry names, whatever way its symbol is written: Unicode
    form, letter case, an ASCII D or a look-alike letter for Đ. None when it is no number."""
    head, slash, symbol = unicodedata.normalize("NFC", text.strip()).rpartition("/")
    cleaned = head.lower() + slash + symbol.upper()  # 12a/2020/tt-btc -> 12a/2020/TT-BTC
    return parse_document_number(ascii_d_fix(cleaned) or cleaned)


def why_unparsable(text: str) -> str:
    """A short hint on why text is not a document number."""
    stripped = text.strip()
    if stripped != text:
        return _("remove the spaces around it")
    if re.search(r"\s*/\s+|\s+/\s*|\s+-\s*|\s*-\s+", text):
        return _("remove the spaces around '/' and '-'")
    lowered = text.lower()
    for word in ("số ", "nghị định", "thông tư", "quyết định", "luật", "nghị quyết", "công văn"):
        if lowered.startswith(word):
            return _("write only the number and symbol, e.g. 123/2015/NĐ-CP")
    if "/" not in text:
        # Translators: NUMBER, YEAR, TYPE and ISSUER are the parts of a document number
        # (số/năm/loại văn bản-cơ quan ban hành); keep the examples as they are.
        return _("expected NUMBER/YEAR/TYPE-ISSUER or NUMBER/TYPE-ISSUER, e.g. 123/2015/NĐ-CP")
    return _("expected NUMBER/YEAR/TYPE-ISSUER or NUMBER/TYPE-ISSUER, e.g. 1390/QĐ-UBND")


def ascii_d_fix(text: str) -> str | None:
    """The corrected symbol when text writes Đ as ASCII D or as a look-alike letter; else None."""
    fixed = text.translate(_ETH)
    match = DOCUMENT_NUMBER.fullmatch(fixed)
    if match is None:
        return fixed if fixed != text else None
    symbol = match.group("symbol")
    new_symbol = _ASCII_D.sub(lambda m: _ASCII_FIX[m.group(1)], symbol)
    fixed = fixed[: match.start("symbol")] + new_symbol
    return fixed if fixed != text else None
