"""Reading hamlet and street names from units YAML and from CSV/XLSX lists."""

from __future__ import annotations

from pathlib import Path

from helpers import UNITS_HEAD
from tthc_cli.names.lists import read_names

UNITS = (
    UNITS_HEAD
    + """\
  - code: "20194"
    name: Phường Hải Vân
    formed_from: [{code: "20194", name: Phường Hòa Hiệp Bắc}]
    hamlets:
      - {name: Tổ dân phố 1, from: Phường Hòa Hiệp Bắc}
      - {name: Tổ 2}
    streets:
      - {name: Đường Nguyễn Tất Thành}
  - code: "20197"
    name: Xã Hòa Bắc
"""
)


def test_units_yaml(tmp_path: Path) -> None:
    path = tmp_path / "units.yaml"
    path.write_text(UNITS, encoding="utf-8")
    names = read_names([path])
    assert names.errors == []
    assert [(e.commune, e.kind, e.name, e.origin, e.line) for e in names.entries] == [
        ("20194", "hamlet", "Tổ dân phố 1", "Phường Hòa Hiệp Bắc", 9),
        ("20194", "hamlet", "Tổ 2", None, 10),
        ("20194", "street", "Đường Nguyễn Tất Thành", None, 12),
    ]
    assert names.entries[0].ward is True
    assert names.communes == {("48", "20194"), ("48", "20197")}


def test_csv_with_bom_semicolons_and_vietnamese_headers(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    text = (
        "Tỉnh;Xã;Loại;Tên;Từ\n"
        "48;Phường Hải Vân;thôn;Thôn 1;Xã Hòa Bắc\n"
        "48;20194;street;Đường 2/9;\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    names = read_names([path])
    assert names.errors == []
    assert [
        (e.commune, e.commune_name, e.kind, e.name, e.origin, e.line) for e in names.entries
    ] == [
        ("Phường Hải Vân", "Phường Hải Vân", "hamlet", "Thôn 1", "Xã Hòa Bắc", 2),
        ("20194", "", "street", "Đường 2/9", None, 3),
    ]


def test_csv_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("province,commune,kind,name,from\n48,X,river,Sông Hàn,\n", encoding="utf-8")
    names = read_names([path])
    assert [(e.line, "unknown kind 'river'" in e.message) for e in names.errors] == [(2, True)]


def test_csv_without_header(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    assert "no header row" in read_names([path]).errors[0].message


def test_csv_in_wrong_encoding_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    # cp1258 cannot encode precomposed ệ: it writes ê plus a combining dot (0xF2).
    path.write_bytes(b"province,commune,kind,name\n48,X,hamlet,Th\xf4n Vi\xea\xf2t\n")
    assert "not valid UTF-8" in read_names([path]).errors[0].message


def test_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Danh sách thôn"])
    sheet.append(["province", "commune", "kind", "name", "from"])
    sheet.append(["48", "20194", "hamlet", '=HYPERLINK("x")', None])
    sheet.append(["48", "20194", "hamlet", "Thôn 01", "Xã Hòa Bắc"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    names = read_names([path])
    assert names.errors == []
    assert [(e.name, e.line) for e in names.entries] == [("Thôn 01", 4)]


def test_broken_xlsx_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"not a zip")
    assert "not a readable .xlsx" in read_names([path]).errors[0].message


def test_folder_with_yaml_and_lists_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "units.yaml").write_text(UNITS, encoding="utf-8")
    (tmp_path / "extra.csv").write_text(
        "province,commune,kind,name\n48,20197,hamlet,Thôn 1\n", encoding="utf-8"
    )
    names = read_names([tmp_path, tmp_path / "missing"])
    assert len(names.entries) == 4
    assert [e.message for e in names.errors] == ["no such file or directory"]


def test_invalid_units_file_is_an_error_with_a_line(tmp_path: Path) -> None:
    path = tmp_path / "units.yaml"
    path.write_text(UNITS.replace('code: "20197"', "code: 20197"), encoding="utf-8")
    names = read_names([path])
    assert "not a valid units file" in names.errors[0].message
    assert names.errors[0].line == 13


def test_quoted_fields_with_apostrophes_and_commas(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "province,commune,kind,name,from\n48,20194,hamlet,\"Thôn 'Đông', mới\",\n",
        encoding="utf-8",
    )
    assert [e.name for e in read_names([path]).entries] == ["Thôn 'Đông', mới"]


def test_own_reports_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "trung-ten.csv").write_text(
        "group,verdict,reason,province,commune,commune_name,kind,name,from,file,line,"
        "suggestion,rename_to,decision\nG0001,duplicate,x,48,20194,,hamlet,Thôn 1,,u.yaml,3,,,\n",
        encoding="utf-8",
    )
    (tmp_path / "list.csv").write_text(
        "province,commune,kind,name\n48,20194,hamlet,Thôn 1\n", encoding="utf-8"
    )
    names = read_names([tmp_path])
    assert names.errors == []
    assert len(names.entries) == 1


def test_a_bad_row_is_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "province,commune,kind,name\n48,4,river,Sông Hàn\n48,4,hamlet,Thôn 01\n", encoding="utf-8"
    )
    names = read_names([path])
    assert [(e.line, "unknown kind" in e.message) for e in names.errors] == [(2, True)]
    assert [(e.commune, e.name) for e in names.entries] == [("00004", "Thôn 01")]


def test_header_below_a_title_block_with_vietnamese_names(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    title = "".join(f"DANH SÁCH {n}\n" for n in range(7))
    path.write_text(title + "Tỉnh,Xã,Loại,Tên thôn,Từ\n48,20194,thôn,Thôn 1,\n", encoding="utf-8")
    names = read_names([path])
    assert names.errors == []
    assert [(e.name, e.line) for e in names.entries] == [("Thôn 1", 9)]
