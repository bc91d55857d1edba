"""The committee's filled-in dedupe report (XLSX or CSV), read back row by row."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tthc_cli.catalog.reading import display_path, read_text
from tthc_cli.catalog.sheets import csv_reader, pad_code, sheet_rows, unguard
from tthc_cli.names.columns import DECISIONS, HEADERS
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _
from tthc_cli.text.normalize import nfc

_REQUIRED = {"province", "commune", "kind", "name", "decision"}


@dataclass(frozen=True, slots=True)
class Row:
    """One member row of the report, as the committee left it."""

    line: int  # the row in the sheet (1-based), for messages
    source_line: int | None  # where the report saw the name in its units file
    group: str
    province: str
    commune: str
    kind: str
    name: str
    origin: str
    decision: str
    rename_to: str
    suggestion: str


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def read_report(path: Path) -> list[Row]:
    """Rows of a dedupe report saved as .xlsx or .csv (by Excel or LibreOffice)."""
    display = display_path(path)
    is_xlsx = path.suffix.lower() == ".xlsx"
    records = list(_xlsx_records(path) if is_xlsx else _csv_records(path))
    rows = []
    for line, record in records:

        def get(key: str, record: dict[str, Any] = record) -> str:
            value = record.get(key)
            if value is None:
                return ""
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            # Only the CSV guards formula-like cells with a quote; xlsx cells are plain text.
            text = str(value) if is_xlsx else unguard(str(value))
            return nfc(text.strip())

        if not any(get(key) for key in ("name", "rename_to", "decision")):
            continue  # trailing empty rows
        decision = get("decision").lower()
        if decision and decision not in DECISIONS:
            raise CatalogLoadError(
                display,
                # Translators: {decision} is the quoted cell text; rename, keep and merge are the
                # values the `decision` column takes and stay in English.
                _("decision {decision} is not rename, keep or merge").format(
                    decision=repr(decision)
                ),
                line=line,
            )
        kind = get("kind").lower()
        kind = {"thôn, tổ dân phố": "hamlet", "đường, phố": "street"}.get(kind, kind)
        rows.append(
            Row(
                line=line,
                source_line=_int(get("line")),
                group=get("group"),
                province=pad_code(get("province"), 2),
                commune=pad_code(get("commune"), 5),
                kind=kind,
                name=get("name"),
                origin=get("from"),
                decision=decision,
                rename_to=get("rename_to"),
                suggestion=get("suggestion"),
            )
        )
    return rows


def _csv_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    text = read_text(path)
    reader = csv_reader(text)
    header: list[str] | None = None
    for cells in reader:
        if header is None:
            keys = [c.strip() for c in cells]
            if set(keys) >= _REQUIRED:
                header = keys
            continue
        yield reader.line_num, dict(zip(header, cells, strict=False))
    if header is None:
        raise CatalogLoadError(
            # Translators: group and name are column keys; keep them in English.
            path,
            _("no header row with the report's columns (group, name, …)"),
        )


def _xlsx_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    # A formula in the committee's report is refused, not read as an empty cell: an empty
    # rename_to means "accept the suggestion".
    display = display_path(path)
    header: list[str] | None = None
    for number, cells in sheet_rows(path, display, refuse_formulas=True):
        if header is None:
            # The hidden first row holds the English keys; Vietnamese labels may move.
            keys = [str(c).strip() if c is not None else "" for c in cells]
            if set(keys) >= _REQUIRED:
                header = keys
            elif number > 5:
                break
            continue
        record = dict(zip(header, cells, strict=False))
        if _is_label_row(record):
            continue  # the Vietnamese labels under the hidden key row
        yield number, record
    if header is None:
        raise CatalogLoadError(
            path,
            # Translators: group and name are column keys; keep them in English.
            _(
                "no row with the report's column keys (group, name, …): is it a "
                "workbook made by `tthc dedupe-names --format xlsx`?"
            ),
        )


def _is_label_row(record: dict[str, Any]) -> bool:
    return any(
        record.get(key) is not None and str(record.get(key)).strip() == label
        for key, label in HEADERS.items()
        if key in ("name", "decision", "group")
    )
