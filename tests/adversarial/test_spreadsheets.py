"""CSV and XLSX, read and written: formulas are never evaluated and are neutralized on export;
huge, damaged, merged, empty and wrongly headed sheets give clear errors or the right reading.

Reading: `dedupe-names` reads lists (CSV/XLSX), `apply-renames` reads the committee's report.
Writing: `dedupe-names` and `diff` write CSV and XLSX. The guard's unit tests are in
tests/dedupe/test_dedupe_formats.py and tests/diff/test_formats.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from adversarial._support import GOOD_CATALOG, Tree, assert_handled, invoke, run_tthc
from tthc_cli.catalog.sheets import FORMULA_START

FORMULAS = [
    '=HYPERLINK("http://example.com/x","Thôn 1")',
    "=1+1",
    "+84 912",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "=cmd|' /C calc'!A0",
]


def _units_with(names: list[str]) -> str:
    hamlets = "".join(
        f"      - {{name: {json.dumps(name, ensure_ascii=False)}, from: {origin}}}\n"
        for name in names
        for origin in ("Xã Hòa Bắc", "Xã Hòa Liên")  # each name twice: a duplicate group
    )
    return (
        "kind: units\n"
        'province: {code: "48", name: Thành phố Đà Nẵng}\n'
        "effective: 2025-07-01\n"
        "communes:\n"
        '  - code: "20194"\n'
        "    name: Phường Hải Vân\n"
        "    hamlets:\n" + hamlets
    )


def _assert_no_formula_cells(path: Path) -> list[str]:
    """Every cell of every sheet is data; returns the texts that look like formulas."""
    from openpyxl import load_workbook

    book = load_workbook(path)  # not data_only: a formula would show as one
    looking = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)
                    looking.append(cell.value)
    return looking


def _assert_csv_guarded(text: str) -> list[str]:
    cells = [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]
    return [cell for cell in cells if cell.startswith("'")]


def test_dedupe_exports_never_hold_a_formula(tree: Tree) -> None:
    units = tree.root / "formulas.yaml"
    units.write_text(_units_with(FORMULAS), encoding="utf-8")
    result = invoke(["dedupe-names", units, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    names = {m["name"] for g in json.loads(result.stdout)["groups"] for m in g["members"]}
    assert set(FORMULAS) <= names  # read as text, never evaluated (no "2" for "=1+1")

    assert invoke(["dedupe-names", units, "-f", "csv", "-o", "r.csv"]).exit_code == 0
    guarded = _assert_csv_guarded((tree.root / "r.csv").read_text(encoding="utf-8"))
    assert {"'" + name for name in FORMULAS} <= set(guarded)

    assert invoke(["dedupe-names", units, "-f", "xlsx", "-o", "r.xlsx"]).exit_code == 0
    assert set(FORMULAS) <= set(_assert_no_formula_cells(tree.root / "r.xlsx"))


def test_diff_exports_never_hold_a_formula(tree: Tree) -> None:
    old = tree.root / "old.yaml"
    new = tree.root / "new.yaml"
    procedures = "".join(
        f'  - code: "1.{900000 + i}"\n    name: {json.dumps(name, ensure_ascii=False)}\n'
        "    field: Hộ tịch\n"
        for i, name in enumerate(FORMULAS)
    )
    head = GOOD_CATALOG.split("procedures:\n")[0] + "procedures:\n"
    old.write_text(head + procedures, encoding="utf-8")
    new.write_text(head + procedures.replace("1.9", "2.9"), encoding="utf-8")  # all changed

    assert invoke(["diff", old, new, "-f", "csv", "-o", "d.csv"]).exit_code == 1
    guarded = _assert_csv_guarded((tree.root / "d.csv").read_text(encoding="utf-8"))
    assert {"'" + name for name in FORMULAS} <= set(guarded)
    assert invoke(["diff", old, new, "-f", "xlsx", "-o", "d.xlsx"]).exit_code == 1
    assert set(FORMULAS) <= set(_assert_no_formula_cells(tree.root / "d.xlsx"))


def _list_workbook(path: Path, rows: Sequence[list[str | None]], merge: Sequence[str] = ()) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["province", "commune", "kind", "name", "from"])
    for row in rows:
        sheet.append(row)
    for cells in merge:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def test_a_formula_in_a_list_is_never_evaluated(tree: Tree) -> None:
    path = _list_workbook(
        tree.root / "list.xlsx",
        [
            ["48", "20194", "hamlet", '=CONCAT("Thôn ","1")'],
            ["48", "20194", "hamlet", "Thôn 1"],
        ],
    )
    result = invoke(["dedupe-names", path, "--format", "json"])
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    # No cached value: the cell is empty to tthc, never computed into a second "Thôn 1".
    assert out["summary"]["names"] == 1
    assert out["groups"] == []


def test_a_formula_in_a_committee_report_is_refused(tree: Tree) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["group", "province", "commune", "kind", "name", "from", "decision", "rename_to"])
    sheet.append(["G1", "48", "20194", "hamlet", "Thôn Quang  Nam", "", "rename", '=A1&"x"'])
    path = tree.root / "report.xlsx"
    book.save(path)
    result = invoke(["apply-renames", path, tree.units])
    assert_handled(result)
    assert "report.xlsx:2: cell H2 holds a formula" in result.stderr
    assert "Thôn Quang  Nam" in tree.units.read_text(encoding="utf-8")


def test_merged_commune_cells_cover_their_rows(tree: Tree) -> None:
    # Official lists merge the commune cell over its hamlets.
    path = _list_workbook(
        tree.root / "merged.xlsx",
        [
            ["48", "20194", "hamlet", "Thôn 1"],
            [None, None, "hamlet", "Thôn  1"],
            ["48", "20195", "hamlet", "Thôn 1"],
        ],
        merge=["A2:A3", "B2:B3"],
    )
    result = invoke(["dedupe-names", path, "--format", "json"])
    assert result.exit_code == 0
    groups = json.loads(result.stdout)["groups"]
    assert [(g["commune"], g["verdict"], len(g["members"])) for g in groups] == [
        ("20194", "duplicate", 2)
    ]


def _sparse(path: Path, size: int) -> None:
    path.touch()
    os.truncate(path, size)


def _corrupt_sheet(path: Path) -> None:
    good = _list_workbook(path.with_name("good.xlsx"), [["48", "20194", "hamlet", "Thôn 1"]])
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = data[: len(data) // 2]
            out.writestr(item, data)


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("empty.csv", lambda p: p.write_bytes(b""), "no header row"),
        ("header-only.xlsx", lambda p: _list_workbook(p, []), None),
        ("empty.xlsx", lambda p: __import__("openpyxl").Workbook().save(p), "no header row"),
        ("wrong-header.csv", lambda p: p.write_text("a,b,c\n1,2,3\n"), "no header row"),
        ("not-a-zip.xlsx", lambda p: p.write_bytes(b"<html>Excel 2003</html>"), "not a readable"),
        ("truncated.xlsx", lambda p: p.write_bytes(b"PK\x03\x04" + b"\0" * 40), "not a readable"),
        ("corrupt-sheet.xlsx", _corrupt_sheet, "not a readable .xlsx workbook"),
        ("huge.csv", lambda p: _sparse(p, 40 * 1024**2), "larger than the 32 MiB"),
        ("huge.xlsx", lambda p: _sparse(p, 40 * 1024**2), "larger than the 32 MiB"),
    ],
)
def test_a_bad_sheet_is_a_clear_error_and_the_rest_is_read(
    tree: Tree, name: str, make: object, message: str | None
) -> None:
    path = tree.root / name
    make(path)  # type: ignore[operator]
    result = invoke(["dedupe-names", path, tree.units, "--format", "json"])
    out = json.loads(result.stdout)
    assert "Thôn Quang" in result.stdout  # the good units file was still read
    if message is None:  # a header and no rows is an empty list, not an error
        assert result.exit_code == 0
        return
    assert_handled(result)
    assert f"{name}: " in result.stderr
    assert message in result.stderr, result.stderr
    assert [Path(e["file"]).name for e in out["errors"]] == [name]
    if name.endswith(".xlsx") or name in ("empty.csv", "wrong-header.csv"):
        # The same file given as a committee's report is refused before anything is written.
        result = invoke(["apply-renames", path, tree.units])
        assert_handled(result)
        assert name in result.stderr


def test_a_zip_bomb_workbook_is_refused_unread(tree: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    from tthc_cli.catalog import sheets

    path = _list_workbook(tree.root / "list.xlsx", [["48", "20194", "hamlet", "Thôn 1"]])
    # A real bomb is in the heavy suite; here any workbook counts as one.
    monkeypatch.setattr(sheets, "MAX_UNPACKED_RATIO", 1e-6)
    result = invoke(["dedupe-names", path])
    assert_handled(result)
    assert "(a zip bomb?)" in result.stderr


@pytest.mark.adversarial_heavy
def test_a_real_zip_bomb_and_a_huge_sheet_are_bounded(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    good = _list_workbook(tmp_path / "good.xlsx", [["48", "20194", "hamlet", "Thôn 1"]])
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            if item.filename.endswith("sheet1.xml"):
                with out.open(item.filename, "w") as handle:  # 600 MiB of one row, repeated
                    row = b'<row><c t="inlineStr"><is><t>Thon 1</t></is></c></row>' * 1000
                    for _ in range(600 * 1024**2 // len(row)):
                        handle.write(row)
            else:
                out.writestr(item, src.read(item.filename))
    measured = run_tthc(["dedupe-names", bomb], tmp_path, timeout=120)
    assert measured.returncode == 2, measured.stderr
    assert "(a zip bomb?)" in measured.stderr
    assert measured.peak_mib < 300

    # A whole province's hamlets and streets are about this many rows.
    rows: list[list[str | None]] = [
        ["48", f"{20000 + n % 500:05d}", "hamlet", f"Thôn {n}"] for n in range(50_000)
    ]
    huge = _list_workbook(tmp_path / "huge.xlsx", rows)
    measured = run_tthc(["dedupe-names", huge, "-f", "json"], tmp_path, timeout=240)
    print(f"50,000-row sheet: {measured.seconds:.1f} s, peak {measured.peak_mib:.0f} MiB")
    assert measured.returncode == 0, measured.stderr[-500:]
    assert measured.peak_mib < 1024


def test_formula_text_in_a_csv_list_is_read_as_text(tree: Tree) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["province", "commune", "kind", "name", "from"])
    for name in FORMULAS:
        for origin in ("Xã Hòa Bắc", "Xã Hòa Liên"):
            writer.writerow(["48", "20194", "hamlet", name, origin])
    path = tree.root / "list.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    result = invoke(["dedupe-names", path, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    names = {m["name"] for g in json.loads(result.stdout)["groups"] for m in g["members"]}
    assert {name.strip() for name in FORMULAS} <= names  # cells are trimmed, never evaluated
    assert invoke(["dedupe-names", path, "-f", "csv", "-o", "r.csv"]).exit_code == 0
    _assert_csv_guarded((tree.root / "r.csv").read_text(encoding="utf-8"))
