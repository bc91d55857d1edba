"""The columns of the dedupe-names sheets: what the CSV and workbook reports write and what
`tthc apply-renames` reads back, so both sides agree on one definition."""

from __future__ import annotations

# The column keys, in order: the CSV header and the workbook's hidden key row.
HEADER = (
    "group",
    "verdict",
    "reason",
    "province",
    "commune",
    "commune_name",
    "kind",
    "name",
    "from",
    "file",
    "line",
    "suggestion",
    "former_unit",
    "rename_to",
    "decision",
)
# Column key (the CSV header, in its order) → the label the committee reads.
HEADERS: dict[str, str] = {
    "group": "Nhóm",
    "verdict": "Kết luận",
    "reason": "Lý do",
    "province": "Tỉnh",
    "commune": "Mã xã",
    "commune_name": "Tên xã",
    "kind": "Loại",
    "name": "Tên hiện tại",
    "from": "Thuộc xã cũ",
    "file": "Tệp",
    "line": "Dòng",
    "suggestion": "Gợi ý tên mới",
    "former_unit": "Phân biệt theo đơn vị",
    "rename_to": "Tên mới",
    "decision": "Quyết định",
}
# The columns the committee fills; every other column comes from the report.
COMMITTEE_COLUMNS = ("rename_to", "decision")
DECISIONS = ("rename", "keep", "merge")
