"""What every spreadsheet `tthc` writes needs: cells a spreadsheet never runs as formulas,
characters an xlsx file can hold, and column widths that fit the content.

openpyxl is imported by the callers, and only when they write a workbook; nothing here needs it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Any

# A spreadsheet takes a cell starting with one of these for a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Control characters an xlsx file cannot hold (openpyxl raises IllegalCharacterError on them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

MIN_WIDTH = 8
MAX_WIDTH = 60


def guard(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: a quote before a leading formula character.

    A leading quote is doubled too, so `unguard` gives back exactly the text that was guarded.
    """
    return "'" + text if text.startswith((*FORMULA_START, "'")) else text


def unguard(text: str) -> str:
    """The text `guard` was given: without the one quote it may have added."""
    return text[1:] if text.startswith("'") else text


def xlsx_text(value: str) -> str:
    """Text without the control characters an xlsx file cannot hold."""
    return _ILLEGAL.sub("", value)


def set_cell(ws: Any, row: int, col: int, value: Any) -> Any:
    """Write a value as data, never as a formula, without characters Excel cannot store.

    Text that looks like a formula is stored as text and marked with Excel's quote prefix,
    so editing the cell in Excel keeps it text; the stored value is the text itself.
    """
    if isinstance(value, str):
        value = xlsx_text(value)
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"  # openpyxl would otherwise write "=..." as a formula
        cell.quotePrefix = True
    return cell


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def text_width(value: Any) -> int:
    """The length of the longest line of a value as a cell shows it."""
    text = "" if value is None else str(value)
    return max((len(line) for line in text.split("\n")), default=0)


def fit_widths(
    ws: Any, widths: Sequence[int], minimum: int = MIN_WIDTH, maximum: int = MAX_WIDTH
) -> None:
    """Column widths (in characters) from the longest content, within [minimum, maximum]."""
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[column_letter(col)].width = min(max(width, minimum), maximum) + 2


def pad_code(code: str, width: int) -> str:
    """A digit code with the leading zeros Excel drops from numbers put back ("4" → "00004")."""
    return code.zfill(width) if code.isdigit() and len(code) < width else code


def csv_reader(text: str) -> Any:
    """A csv.reader over text with the delimiter of its first line (Excel in a Vietnamese
    locale saves with ";"). Quoting is always the standard double quote: sniffing it goes
    wrong on apostrophes in names."""
    first_line = text.split("\n", 1)[0]
    return csv.reader(io.StringIO(text), delimiter=max(",;\t", key=first_line.count))
