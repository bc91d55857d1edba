"""What every spreadsheet `tthc` writes needs: cells a spreadsheet never runs as formulas,
characters an xlsx file can hold, and column widths that fit the content.

openpyxl is imported by the callers, and only when they write a workbook; nothing here needs it.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import Any

from tthc_cli.catalog.reading import DEFAULT_MAX_BYTES
from tthc_cli.domain.codes import pad_code as pad_code  # the readers of sheets import it here
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _

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


def csv_reader(text: str) -> Any:
    """A csv.reader over text with the delimiter of its first line (Excel in a Vietnamese
    locale saves with ";"). Quoting is always the standard double quote: sniffing it goes
    wrong on apostrophes in names."""
    first_line = text.split("\n", 1)[0]
    return csv.reader(io.StringIO(text), delimiter=max(",;\t", key=first_line.count))


# ------------------------------------------------------------------ reading xlsx

# A workbook's XML compresses about 10:1; far more than that is a zip bomb, not a list.
MAX_UNPACKED_RATIO = 16
_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"')
# What openpyxl and the XML and zip layers beneath it raise on a damaged workbook.
_BROKEN = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    SyntaxError,  # xml.etree.ElementTree.ParseError
    EOFError,
    OSError,
)


def sheet_rows(
    path: Path,
    display: str,
    *,
    refuse_formulas: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[tuple[int, list[Any]]]:
    """The rows of the first worksheet of an .xlsx file as (row number, cell values).

    Bounded: a file over max_bytes, or one that unpacks to more than MAX_UNPACKED_RATIO times
    that, is refused before it is read. A merged cell gives its value to every cell it covers
    (an official list merges the commune cell over its hamlets). A formula is never
    evaluated: by default a formula cell gives the value Excel saved with it; with
    ``refuse_formulas`` it is an error naming the cell. A damaged workbook is a
    CatalogLoadError, whatever layer notices it.
    """
    book = _open_workbook(path, display, refuse_formulas, max_bytes)
    rows: Any = None
    try:
        if not book.worksheets:
            raise CatalogLoadError(display, _("the workbook has no worksheet"))
        sheet = book.worksheets[0]
        merged = _merged_ranges(book, sheet)
        active: list[tuple[int, int, int, int]] = []
        values_above: dict[tuple[int, int], Any] = {}
        rows = sheet.iter_rows(values_only=not refuse_formulas)
        for number, cells in enumerate(rows, 1):
            values = _formula_free(cells, number, display) if refuse_formulas else list(cells)
            while merged and merged[-1][0] == number:
                active.append(merged.pop())
            if active:
                values = _fill_merged(values, number, active, values_above)
            yield number, values
    except CatalogLoadError:
        raise
    except _BROKEN as exc:
        raise _unreadable(display, exc) from None
    finally:
        # A read-only sheet holds its XML open until its row generator ends: end it here too
        # when reading stops early (a refused formula), not whenever the collector runs.
        if isinstance(rows, Generator):
            rows.close()
        book.close()


def _open_workbook(path: Path, display: str, refuse_formulas: bool, max_bytes: int) -> Any:
    """The workbook, read-only, after its size and unpacked size are found bounded."""
    from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise CatalogLoadError(
                display,
                _(
                    "file is {size:.1f} MiB, larger than the {limit:.0f} MiB limit for one list"
                ).format(size=size / 1_048_576, limit=max_bytes / 1_048_576),
            )
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > max_bytes * MAX_UNPACKED_RATIO:
            raise CatalogLoadError(
                display,
                _(
                    "the workbook unpacks to {size:.0f} MiB, more than a list of names can hold "
                    "(a zip bomb?)"
                ).format(size=unpacked / 1_048_576),
            )
        return load_workbook(path, read_only=True, data_only=not refuse_formulas)
    except CatalogLoadError:
        raise
    except _BROKEN as exc:
        raise _unreadable(display, exc) from None


def _formula_free(cells: Any, number: int, display: str) -> list[Any]:
    """The row's values; a formula cell is an error naming the cell (formulas never run)."""
    values = []
    for column, cell in enumerate(cells, 1):
        if getattr(cell, "data_type", None) == "f":
            raise CatalogLoadError(
                display,
                # Translators: {cell} is a cell name such as H2.
                _(
                    "cell {cell} holds a formula ({formula}); tthc never evaluates "
                    "formulas: type the text itself, or paste the cells as values"
                ).format(
                    cell=f"{column_letter(column)}{number}",
                    formula=str(cell.value)[:40],
                ),
                line=number,
            )
        values.append(getattr(cell, "value", None))
    return values


def _unreadable(display: str, exc: Exception) -> CatalogLoadError:
    return CatalogLoadError(
        # Translators: {reason} is the spreadsheet reader's explanation (in English).
        display,
        _("not a readable .xlsx workbook ({reason})").format(reason=exc),
    )


def _merged_ranges(book: Any, sheet: Any) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column) of each merged range, the range that
    starts last first. read_only mode does not read them, so they are found in the XML."""
    part = getattr(sheet, "_worksheet_path", None)
    archive = getattr(book, "_archive", None)
    if part is None or archive is None:
        return []
    found = []
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            for match in _MERGE_RE.finditer(data):
                first_col, first_row, last_col, last_row = match.groups()
                found.append(
                    (
                        int(first_row),
                        _column_number(first_col.decode()),
                        int(last_row),
                        _column_number(last_col.decode()),
                    )
                )
            tail = data[-256:]  # a range cut by a chunk boundary; found twice is found once
    return sorted(set(found), reverse=True)


def _fill_merged(
    values: list[Any],
    row: int,
    active: list[tuple[int, int, int, int]],
    values_above: dict[tuple[int, int], Any],
) -> list[Any]:
    for merged in list(active):
        first_row, first_col, last_row, last_col = merged
        if row > last_row:
            active.remove(merged)
            values_above.pop((first_row, first_col), None)
            continue
        if row == first_row:
            top_left = values[first_col - 1] if first_col <= len(values) else None
            values_above[(first_row, first_col)] = top_left
        else:
            top_left = values_above.get((first_row, first_col))
        if len(values) < last_col:
            values = values + [None] * (last_col - len(values))
        for col in range(first_col, last_col + 1):
            if values[col - 1] is None:
                values[col - 1] = top_left
    return values


def _column_number(letters: str) -> int:
    """A → 1, AA → 27."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number
