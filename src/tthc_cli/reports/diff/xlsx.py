"""Excel workbook of `tthc diff`: a summary sheet, then one sheet per status, for officials."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from tthc_cli import __version__
from tthc_cli.catalog.sheets import MAX_WIDTH, column_letter, fit_widths, set_cell, text_width
from tthc_cli.diffing.result import STATUSES, DiffEntry, DiffResult, Matrix, transition_matrix
from tthc_cli.reports.diff.base import (
    FIELD_VI,
    STATUS_VI,
    change_vi,
    hint_reason,
    level_vi,
    status_title,
)
from tthc_cli.runtime.atomic import write_bytes_atomic

SUMMARY_SHEET = "Tổng hợp"
HINTS_SHEET = "Gợi ý"
HEADERS = (
    "Mã thủ tục",
    "Mã cũ",
    "Tên thủ tục",
    "Tên cũ",
    "Cấp trước",
    "Cấp sau",
    "Ghép theo",
    "Điểm",
    "Các trường thay đổi",
    "Chi tiết thay đổi",
    "Vị trí cũ",
    "Vị trí mới",
)
HINT_HEADERS = ("Mã cũ", "Tên cũ", "Mã mới", "Tên mới", "Điểm", "Lý do")
MATCH_VI = {"code": "Mã", "name": "Tên"}

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class _Styles:
    """openpyxl styles, made when a workbook is (openpyxl is imported only for xlsx output)."""

    def __init__(self) -> None:
        from openpyxl.styles import (  # type: ignore[import-untyped, unused-ignore]
            Alignment,
            Font,
            PatternFill,
        )

        self.bold = Font(bold=True)
        self.italic = Font(italic=True)
        self.title = Font(bold=True, size=14)
        self.header_fill = PatternFill("solid", fgColor="DDEBF7")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")


def sheet_title(text: str, taken: Sequence[str] = ()) -> str:
    """A valid, unused worksheet name: no []:*?/\\ characters, at most 31 characters."""
    base = _SHEET_FORBIDDEN.sub("-", text).strip("'")[:31] or "Sheet"
    title, n = base, 2
    lowered = {t.casefold() for t in taken}
    while title.casefold() in lowered:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    return title


def _entry_values(entry: DiffEntry) -> list[Any]:
    return [
        entry.code,
        entry.old_code or "",
        entry.name,
        entry.old_name or "",
        level_vi(entry.old_levels),
        level_vi(entry.new_levels),
        MATCH_VI.get(entry.match or "", entry.match or ""),
        entry.score,
        ", ".join(FIELD_VI.get(change.field, change.field) for change in entry.changes),
        "\n".join(change_vi(change) for change in entry.changes),
        entry.old_where or "",
        entry.new_where or "",
    ]


def _table_sheet(
    ws: Any, st: _Styles, headers: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """A header row (bold, frozen, filterable), the rows, and column widths from the content."""
    widths = [len(h) for h in headers]
    for col, header in enumerate(headers, start=1):
        cell = set_cell(ws, 1, col, header)
        cell.font = st.bold
        cell.fill = st.header_fill
        cell.alignment = st.top
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            cell = set_cell(ws, r, col, value)
            longest = text_width(value)
            widths[col - 1] = max(widths[col - 1], longest)
            multiline = isinstance(value, str) and "\n" in value
            cell.alignment = st.wrap if (longest > MAX_WIDTH or multiline) else st.top
    fit_widths(ws, widths)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{column_letter(len(headers))}{max(len(rows) + 1, 1)}"


def _summary_sheet(ws: Any, st: _Styles, result: DiffResult, entries: Sequence[DiffEntry]) -> None:
    set_cell(ws, 1, 1, "So sánh danh mục thủ tục hành chính").font = st.title
    row = _level_counts(ws, st, result, 3) + 1
    matrix = transition_matrix(result)
    row = _transitions(ws, st, matrix, row) + 2
    row = _status_counts(ws, st, result, row) + 2
    if len(entries) != len(result.entries):
        set_cell(
            ws,
            row,
            1,
            f"Đã lọc: các trang sau chỉ có {len(entries)} trên {len(result.entries)} thủ tục.",
        )
        row += 1
    for error in result.errors:
        set_cell(ws, row, 1, f"Lỗi đọc tệp: {error.describe()}")
        row += 1
    stamp = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    set_cell(ws, row, 1, f"Tạo bởi tthc {__version__} (tthc diff) lúc {stamp}").font = st.italic

    ws.column_dimensions["A"].width = 34
    for col in range(2, len(matrix.cols) + 3):
        ws.column_dimensions[column_letter(col)].width = 14
    label_width = max(len(result.old.label), len(result.new.label))
    ws.column_dimensions["B"].width = ws.column_dimensions["C"].width = min(
        max(14, label_width + 2), MAX_WIDTH
    )


def _level_counts(ws: Any, st: _Styles, result: DiffResult, row: int) -> int:
    """Procedures per level before and after, from `row`; returns the next free row."""
    old_counts, new_counts = result.old.level_counts(), result.new.level_counts()
    levels = list(dict.fromkeys([*old_counts, *new_counts]))
    for col, text in enumerate(("Cấp thực hiện", "Trước", "Sau"), start=1):
        set_cell(ws, row, col, text).font = st.bold
    row += 1
    set_cell(ws, row, 1, "Nguồn")
    set_cell(ws, row, 2, result.old.label)
    set_cell(ws, row, 3, result.new.label)
    row += 1
    for level in levels:
        set_cell(ws, row, 1, level_vi(level))
        set_cell(ws, row, 2, old_counts.get(level, 0))
        set_cell(ws, row, 3, new_counts.get(level, 0))
        row += 1
    return row


def _transitions(ws: Any, st: _Styles, matrix: Matrix, row: int) -> int:
    """The level-transition matrix with totals, from `row`; returns its last row."""
    set_cell(ws, row, 1, "Chuyển cấp thực hiện (hàng: trước, cột: sau)").font = st.bold
    row += 1
    header = ["Trước \\ Sau", *(level_vi(c) for c in matrix.cols), "Tổng"]
    for col, text in enumerate(header, start=1):
        set_cell(ws, row, col, text).font = st.bold
    row += 1
    for level in matrix.rows:
        set_cell(ws, row, 1, level_vi(level))
        for col, after in enumerate(matrix.cols, start=2):
            set_cell(ws, row, col, matrix.cells.get((level, after), 0))
        set_cell(ws, row, len(matrix.cols) + 2, matrix.row_total(level)).font = st.bold
        row += 1
    set_cell(ws, row, 1, "Tổng").font = st.bold
    for col, after in enumerate(matrix.cols, start=2):
        set_cell(ws, row, col, matrix.col_total(after)).font = st.bold
    set_cell(ws, row, len(matrix.cols) + 2, matrix.total).font = st.bold
    return row


def _status_counts(ws: Any, st: _Styles, result: DiffResult, row: int) -> int:
    """Procedures per status with the total, from `row`; returns the total's row."""
    for col, text in enumerate(("Trạng thái", "Số thủ tục"), start=1):
        set_cell(ws, row, col, text).font = st.bold
    row += 1
    counts = result.counts()
    for status in STATUSES:
        set_cell(ws, row, 1, status_title(status))
        set_cell(ws, row, 2, counts[status])
        row += 1
    set_cell(ws, row, 1, "Tổng").font = st.bold
    set_cell(ws, row, 2, len(result.entries)).font = st.bold
    return row


def workbook(result: DiffResult, entries: Sequence[DiffEntry]) -> Any:
    from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]

    st = _Styles()
    wb = Workbook()
    summary = wb.worksheets[0]
    summary.title = SUMMARY_SHEET
    _summary_sheet(summary, st, result, entries)

    groups: dict[str, list[DiffEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.status, []).append(entry)
    for status in (s for s in STATUSES if s in groups):
        ws = wb.create_sheet(sheet_title(STATUS_VI[status], wb.sheetnames))
        _table_sheet(ws, st, HEADERS, [_entry_values(entry) for entry in groups[status]])

    if result.hints:
        ws = wb.create_sheet(sheet_title(HINTS_SHEET, wb.sheetnames))
        rows = [
            [h.old.code, h.old.name, h.new.code, h.new.name, h.score, hint_reason(h, "vi")]
            for h in result.hints
        ]
        _table_sheet(ws, st, HINT_HEADERS, rows)
    return wb


class XlsxDiffReporter:
    def write(self, result: DiffResult, entries: list[DiffEntry], path: Path) -> None:
        """Save the workbook to path, atomically (a temporary file beside it, then a rename)."""
        buffer = io.BytesIO()
        workbook(result, entries).save(buffer)
        write_bytes_atomic(path, buffer.getvalue())
