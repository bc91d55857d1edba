"""Excel workbook of `tthc dedupe-names`, for the committees that rename hamlets and streets.

Sheets, in this order:

- "Trùng tên" (`NAMES_SHEET`): one row per member of every group, duplicate groups first, then
  similar ones (within each, the order of the other formats; group ids are the same as in the
  JSON and CSV output). Rows of one group share a background, alternating from group to group.
- "Hướng dẫn" (`GUIDE_SHEET`): how to fill the workbook, in Vietnamese.
- "Tổng hợp" (`SUMMARY_SHEET`): the counts, per commune (or province, for streets) and in all.

Layout of "Trùng tên", for a program reading it back (`tthc apply-renames`):

- Row 1 (`KEY_ROW`, hidden) holds the English column keys, the same as the CSV header:
  group, verdict, reason, province, commune, commune_name, kind, name, from, file, line,
  suggestion, former_unit, rename_to, decision. Find columns by these keys, not by position or
  label: they move with their column when someone inserts, deletes or reorders columns. A
  reader that finds no key row may fall back to the Vietnamese labels of row 2 (`HEADERS` maps
  key → label).
- Row 2 (`HEADER_ROW`) holds the Vietnamese labels; it is bold, frozen and carries the filter.
- Rows from 3 (`FIRST_DATA_ROW`) are the members. Codes (province, commune) are text cells, so
  leading zeros stay; `line` is a number. `verdict` and `kind` cells hold the Vietnamese labels
  of `VERDICT_VI` and `KIND_VI` (`VERDICT_KEYS` and `KIND_KEYS` map them back); `reason` is in
  Vietnamese (`REASON_VI`, from the group's reason codes), not the CSV's English. Text is stored
  as it is (a name starting with "=" is a text cell with Excel's quote prefix, never a formula).
- `rename_to` (Tên mới) and `decision` (Quyết định) are empty, on a yellow background, for the
  committee; `decision` has a drop-down (data validation) of `DECISIONS`: rename, keep, merge.
  rename with an empty `rename_to` means "take the suggestion"; an empty decision: nothing yet.
- `suggestion` is a name the committee could adopt as it stands; it is empty where none can be
  made (a named street or hamlet: the committee chooses). `former_unit` (Phân biệt theo đơn vị)
  is the former commune, or the commune across a province, that tells the member apart.
"""

from __future__ import annotations

import io
from collections import Counter
from copy import copy
from datetime import datetime
from pathlib import Path
from typing import Any

from tthc_cli import __version__
from tthc_cli.catalog.sheets import MAX_WIDTH, column_letter, fit_widths, set_cell, text_width
from tthc_cli.names.columns import DECISIONS, HEADERS
from tthc_cli.names.result import DedupeResult, Group
from tthc_cli.reports.dedupe.base import KIND_VI, VERDICT_VI, group_id, member_rows
from tthc_cli.runtime.atomic import write_bytes_atomic

NAMES_SHEET = "Trùng tên"
GUIDE_SHEET = "Hướng dẫn"
SUMMARY_SHEET = "Tổng hợp"

KEY_ROW = 1
HEADER_ROW = 2
FIRST_DATA_ROW = 3

# The reason in Vietnamese, from the group's reason codes (placenames.REASON_CODES, and
# dedupe's "same-spelling"); the CSV and JSON keep the detailed English reason.
REASON_VI: dict[str, str] = {
    "without-diacritics": "một tên viết không dấu",
    "missing-type-word": "một tên thiếu chữ chỉ loại (thôn, tổ dân phố, đường…)",
    "name-variant": "hai cách viết được chấp nhận của cùng một tên",
    "word-spacing": "cách tách chữ khác nhau",
    "type-word-written-differently": "chữ chỉ loại viết khác nhau (TDP / Tổ dân phố…)",
    "number-written-differently": "số viết khác nhau (05 / số 5 / V…)",
    "date-written-differently": "ngày tháng viết khác nhau (2/9 / 2 Tháng 9…)",
    "tone-placement": "dấu thanh đặt ở vị trí khác (hòa / hoà…)",
    "i-y-spelling": "một âm tiết viết bằng i và bằng y (quí / quý, kì / kỳ…)",
    "same-spelling": "cùng một tên, viết giống hệt nhau",
    "same-after-normalization": "cùng một tên, chỉ khác chữ hoa, khoảng trắng hoặc dấu câu",
    "different-type-word": "cùng tên nhưng khác chữ chỉ loại (Thôn / Tổ dân phố…): "
    "xem có phải là một đơn vị không",
    "tone-only": "chỉ khác dấu thanh hoặc dấu chữ: thường là hai nơi khác nhau",
    "word-order": "cùng các chữ nhưng khác thứ tự: là hai tên khác nhau",
    "without-diacritics-real-name": "một tên viết không dấu, mà viết như vậy cũng có thể là "
    "một tên thật (Ia Bang / Ia Băng): xem có phải là một nơi không",
    "regional-spelling": "một phụ âm viết theo hai cách của các vùng (s/x, ch/tr, d/gi/r, l/n)",
    "close-spelling": "viết gần giống nhau (có thể gõ sai)",
    "ambiguous-without-diacritics": "một tên viết không dấu có thể là một trong các tên này",
    "ambiguous-without-type-word": "một tên thiếu chữ chỉ loại có thể là một trong các tên này",
}
PROVINCE_SCOPE_VI = (
    "ở các xã khác nhau trong tỉnh: nếu là một con đường chạy qua các xã đó thì giữ nguyên, "
    "nếu không thì đổi tên"
)

VERDICT_KEYS = {label: key for key, label in VERDICT_VI.items()}
KIND_KEYS = {label: key for key, label in KIND_VI.items()}

_TEXT_COLUMNS = ("province", "commune")  # codes: keep leading zeros
_MIN_WIDTHS = {"rename_to": 24, "decision": 14, "suggestion": 16}
_MAX_WIDTHS = {"reason": 50}

GUIDE_TITLE = "Cách điền bảng trùng tên"
GUIDE_LINES = (
    "Mỗi dòng ở trang “Trùng tên” là một tên thôn, tổ dân phố hoặc đường, phố trùng hay gần "
    "giống với tên khác; các dòng cùng Nhóm (cùng màu nền) xem cùng nhau.",
    "Nhóm “Trùng tên”: phải đổi tên hoặc gộp để trong xã không còn hai tên trùng nhau (thường "
    "giữ một tên, đổi các tên còn lại). Nhóm “Gần giống”: xem lại, có thể giữ nguyên.",
    "Đường cùng tên ở các xã khác nhau trong tỉnh: nếu là một con đường chạy qua các xã đó thì "
    "chọn keep.",
    "Cột Quyết định (chọn trong danh sách): rename = đổi tên, keep = giữ nguyên, "
    "merge = gộp vào một tên khác trong nhóm (cùng là một nơi).",
    "Đổi tên: ghi tên mới vào cột Tên mới; để trống Tên mới là đồng ý với Gợi ý tên mới.",
    "Tên mới không được trùng với tên khác trong cùng xã, phường.",
    "Dòng để trống Quyết định thì chưa thay đổi gì.",
    "Chỉ điền hai cột nền vàng (Tên mới, Quyết định). Không sửa các cột Nhóm, Tên hiện tại, "
    "Tệp, Dòng và không xóa dòng 1 (ẩn): chương trình dùng chúng để tìm lại tên trong danh mục.",
    "Có thể lọc, sắp xếp, thêm cột ghi chú ở bên phải.",
    "Lưu ở định dạng .xlsx và gửi lại cho người phụ trách để chạy lệnh "
    "`tthc apply-renames <tệp>.xlsx`.",
)


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
        self.key = Font(italic=True, color="808080")
        self.title = Font(bold=True, size=14)
        self.header_fill = PatternFill("solid", fgColor="DDEBF7")
        self.committee_header_fill = PatternFill("solid", fgColor="FFE699")
        self.committee_fill = PatternFill("solid", fgColor="FFF2CC")
        self.group_fill = PatternFill("solid", fgColor="EDEDED")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")


def _cell_value(key: str, value: Any) -> Any:
    if key == "verdict":
        return VERDICT_VI.get(value, value)
    if key == "kind":
        return KIND_VI.get(value, value)
    if key == "line":
        return value if isinstance(value, int) else None
    return "" if value is None else value


def reason_vi(group: Group) -> str:
    """The group's reason in Vietnamese; the English one when a reason code is not known."""
    if not group.codes or any(code not in REASON_VI for code in group.codes):
        return group.reason
    reason = "; ".join(dict.fromkeys(REASON_VI[code] for code in group.codes))
    if group.commune is None:
        reason += f" ({PROVINCE_SCOPE_VI})"
    return reason[:1].upper() + reason[1:]


def ordered_rows(result: DedupeResult) -> list[dict[str, Any]]:
    """member_rows with duplicate groups first, each group's members together, and the reason
    in Vietnamese."""
    reasons = {group_id(i): reason_vi(group) for i, group in enumerate(result.groups)}
    rows = [{**row, "reason": reasons[row["group"]]} for row in member_rows(result)]
    return sorted(rows, key=lambda row: row["verdict"] != "duplicate")  # stable


def _names_sheet(ws: Any, st: _Styles, rows: list[dict[str, Any]]) -> None:
    keys = list(HEADERS)
    committee = {keys.index(k) + 1 for k in ("rename_to", "decision")}
    widths = [len(label) for label in HEADERS.values()]
    for col, (key, label) in enumerate(HEADERS.items(), start=1):
        set_cell(ws, KEY_ROW, col, key).font = st.key
        cell = set_cell(ws, HEADER_ROW, col, label)
        cell.font = st.bold
        cell.fill = st.committee_header_fill if col in committee else st.header_fill
        cell.alignment = st.top
    ws.row_dimensions[KEY_ROW].hidden = True

    # Cells of one look share one style: set it on the first, copy it to the rest (setting font,
    # fill and alignment cell by cell is most of the time of a large workbook).
    styles: dict[tuple[int, bool, bool, bool], Any] = {}
    shade, previous = True, None
    for r, row in enumerate(rows, start=FIRST_DATA_ROW):
        if row["group"] != previous:
            shade, previous = not shade, row["group"]  # the first group unshaded
        for col, key in enumerate(keys, start=1):
            value = _cell_value(key, row.get(key))
            cell = set_cell(ws, r, col, value)
            width = text_width(value)
            widths[col - 1] = max(widths[col - 1], width)
            wrap = width > _MAX_WIDTHS.get(key, MAX_WIDTH) or "\n" in str(value)
            look = (col, shade, wrap, bool(cell.quotePrefix))
            style = styles.get(look)
            if style is not None:
                cell._style = copy(style)
                continue
            if key in _TEXT_COLUMNS:
                cell.number_format = "@"
            if col in committee:
                cell.fill = st.committee_fill
                cell.number_format = "@"
            elif shade:
                cell.fill = st.group_fill
            cell.alignment = st.wrap if wrap else st.top
            styles[look] = copy(cell._style)
    for key, width in _MIN_WIDTHS.items():
        widths[keys.index(key)] = max(widths[keys.index(key)], width)
    for key, width in _MAX_WIDTHS.items():
        widths[keys.index(key)] = min(widths[keys.index(key)], width)
    fit_widths(ws, widths)

    last_row = max(FIRST_DATA_ROW - 1 + len(rows), HEADER_ROW)
    last_col = column_letter(len(keys))
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{last_row}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    if rows:
        _decision_dropdown(ws, column_letter(keys.index("decision") + 1), last_row)


def _decision_dropdown(ws: Any, col: str, last_row: int) -> None:
    from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped, unused-ignore]
        DataValidation,
    )

    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(DECISIONS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle="Quyết định",
        error="Chọn rename (đổi tên), keep (giữ nguyên) hoặc merge (gộp), hoặc để trống.",
        promptTitle="Quyết định",
        prompt="rename = đổi tên, keep = giữ nguyên, merge = gộp",
    )
    ws.add_data_validation(validation)
    validation.add(f"{col}{FIRST_DATA_ROW}:{col}{last_row}")


def _guide_sheet(ws: Any, st: _Styles) -> None:
    set_cell(ws, 1, 1, GUIDE_TITLE).font = st.title
    for number, line in enumerate(GUIDE_LINES, start=1):
        set_cell(ws, number + 2, 1, f"{number}.").alignment = st.top
        set_cell(ws, number + 2, 2, line).alignment = st.wrap
    ws.column_dimensions["A"].width = 4
    ws.column_dimensions["B"].width = 100


def _summary_sheet(ws: Any, st: _Styles, result: DedupeResult, rows: int) -> None:
    row = 1
    set_cell(ws, row, 1, "Tên thôn, tổ dân phố, đường phố trùng nhau").font = st.title
    row += 2
    counts = (
        ("Số tên đã kiểm tra", result.names),
        ("Số xã, phường", result.communes),
        ("Nhóm trùng tên", result.duplicate_groups),
        ("Nhóm gần giống", result.similar_groups),
        ("Số dòng ở trang “Trùng tên”", rows),
        ("Số gợi ý tên mới", sum(bool(s.rename_to) for g in result.groups for s in g.suggestions)),
        ("Tệp không đọc được", len(result.names_list.errors)),
    )
    for label, value in counts:
        set_cell(ws, row, 1, label)
        set_cell(ws, row, 2, value)
        row += 1
    row += 1

    headers = ("Tỉnh", "Mã xã", "Tên xã", "Loại", "Trùng tên", "Gần giống")
    for col, text in enumerate(headers, start=1):
        set_cell(ws, row, col, text).font = st.bold
    row += 1
    per_scope: Counter[tuple[str, str, str, str, str]] = Counter()
    for group in result.groups:
        name = (group.commune_name or "") if group.commune is not None else "(cả tỉnh)"
        per_scope[(group.province, group.commune or "", name, group.kind, group.verdict)] += 1
    scopes = dict.fromkeys(key[:4] for key in per_scope)
    for scope in scopes:
        province, commune, name, kind = scope
        set_cell(ws, row, 1, province)
        set_cell(ws, row, 2, commune)
        set_cell(ws, row, 3, name)
        set_cell(ws, row, 4, KIND_VI.get(kind, kind))
        set_cell(ws, row, 5, per_scope[(*scope, "duplicate")])
        set_cell(ws, row, 6, per_scope[(*scope, "similar")])
        row += 1
    row += 1

    for error in result.names_list.errors:
        set_cell(ws, row, 1, f"Lỗi đọc tệp: {error.describe()}")
        row += 1
    stamp = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    set_cell(
        ws, row, 1, f"Tạo bởi tthc {__version__} (tthc dedupe-names) lúc {stamp}"
    ).font = st.italic
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 10
    ws.column_dimensions["C"].width = 30
    ws.column_dimensions["D"].width = 18
    ws.column_dimensions["E"].width = ws.column_dimensions["F"].width = 12


def workbook(result: DedupeResult) -> Any:
    from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]

    st = _Styles()
    wb = Workbook()
    names = wb.worksheets[0]
    names.title = NAMES_SHEET
    rows = ordered_rows(result)
    _names_sheet(names, st, rows)
    _guide_sheet(wb.create_sheet(GUIDE_SHEET), st)
    _summary_sheet(wb.create_sheet(SUMMARY_SHEET), st, result, len(rows))
    wb.active = 0
    return wb


class XlsxDedupeReporter:
    def write(self, result: DedupeResult, path: Path) -> None:
        """Save the workbook to path, atomically (a temporary file beside it, then a rename)."""
        buffer = io.BytesIO()
        workbook(result).save(buffer)
        write_bytes_atomic(path, buffer.getvalue())
