"""The csv and xlsx formats of `tthc dedupe-names`: a golden file, the workbook read back, and
the columns the committee fills for `tthc apply-renames`.

Regenerate the golden file with TTHC_UPDATE_GOLDEN=1 pytest tests/dedupe/test_dedupe_formats.py."""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from rich.console import Console
from typer.testing import CliRunner

from tthc_cli.catalog.sheets import guard, unguard
from tthc_cli.cli.app import app
from tthc_cli.names.columns import DECISIONS, HEADER, HEADERS
from tthc_cli.names.dedupe import find_duplicates
from tthc_cli.names.lists import read_names
from tthc_cli.names.placenames import REASON_CODES
from tthc_cli.names.result import DedupeResult
from tthc_cli.reports.dedupe import DEDUPE_REPORTERS, DEDUPE_WRITERS
from tthc_cli.reports.dedupe.xlsx import (
    FIRST_DATA_ROW,
    GUIDE_LINES,
    HEADER_ROW,
    KEY_ROW,
    KIND_KEYS,
    REASON_VI,
    VERDICT_KEYS,
    XlsxDedupeReporter,
)

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "dedupe"
UPDATE = os.environ.get("TTHC_UPDATE_GOLDEN") == "1"
runner = CliRunner()

UNITS = """\
kind: units
province: {code: "48", name: Thành phố Đà Nẵng}
effective: "2025-07-01"
communes:
  - code: "20194"
    name: Phường Hải Vân
    formed_from:
      - {code: "20194", name: Phường Hòa Hiệp Bắc}
      - {code: "20293", name: Xã Hòa Bắc}
      - {code: "20296", name: Xã Hòa Liên, part: true}
    hamlets:
      - {name: Thôn 1, from: Xã Hòa Bắc}
      - {name: Thôn 1, from: Xã Hòa Liên}
      - {name: TDP số 5, from: Phường Hòa Hiệp Bắc}
      - {name: Tổ dân phố 05, from: Xã Hòa Liên}
      - {name: Tổ dân phố 1, from: Phường Hòa Hiệp Bắc}
      - {name: Thôn 2, from: Xã Hòa Bắc}
      - {name: "=Thôn 2", from: Xã Hòa Liên}
      - {name: Thôn 11, from: Xã Hòa Bắc}
    streets:
      - {name: Đường Hùng Vương, from: Phường Hòa Hiệp Bắc}
  - code: "20197"
    name: Phường Liên Chiểu
    formed_from:
      - {code: "20197", name: Phường Hòa Khánh Bắc}
    hamlets:
      - {name: Tổ dân phố 1}
    streets:
      - {name: Đường Hùng Vương, from: Phường Hòa Khánh Bắc}
      - {name: Đường Lạc Long Quân}
"""
FORMULA_NAME = "=Thôn 2"


@pytest.fixture
def units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The units file, named relative to the working folder for stable file columns."""
    assert unicodedata.is_normalized("NFC", UNITS)
    (tmp_path / "units.yaml").write_text(UNITS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    return "units.yaml"


@pytest.fixture
def result(units: str) -> DedupeResult:
    return find_duplicates(read_names([Path(units)]))


def _render_csv(result: DedupeResult) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, color_system=None, highlight=False)
    DEDUPE_REPORTERS["csv"]().render(result, console)
    return buffer.getvalue()


def _csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def _workbook(result: DedupeResult, path: Path) -> Any:
    XlsxDedupeReporter().write(result, path)
    return load_workbook(path)


def _sheet_rows(ws: Any) -> list[dict[str, Any]]:
    """The member rows of "Trùng tên", keyed by the English keys of the hidden row."""
    keys = [c.value for c in ws[KEY_ROW]]
    return [
        dict(zip(keys, values, strict=True))
        for values in ws.iter_rows(min_row=FIRST_DATA_ROW, values_only=True)
    ]


# --- the test data is what the tests below assume -------------------------------------------


def test_fixture_has_duplicates_similar_and_province_streets(result: DedupeResult) -> None:
    assert result.names_list.errors == []
    assert result.duplicate_groups >= 4  # Thôn 1, TDP 5, Thôn 2, Đường Hùng Vương
    assert result.similar_groups >= 1  # Thôn 1 / Tổ dân phố 1
    names = {tuple(sorted(m.entry.name for m in g.members)): g for g in result.groups}
    assert names[("Thôn 1", "Thôn 1")].verdict == "duplicate"
    assert names[("TDP số 5", "Tổ dân phố 05")].verdict == "duplicate"
    assert names[(FORMULA_NAME, "Thôn 2")].verdict == "duplicate"
    assert names[("Đường Hùng Vương", "Đường Hùng Vương")].commune is None
    assert any(g.verdict == "similar" for g in result.groups)
    assert not any("Thôn 11" in n for n in names)


# --- csv ------------------------------------------------------------------------------------


def test_csv_matches_golden(result: DedupeResult) -> None:
    text = _render_csv(result)
    path = GOLDEN / "csv.csv"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == path.read_bytes(), (
        f"regenerate with TTHC_UPDATE_GOLDEN=1 ({path})"
    )


def test_cli_csv_stdout_is_the_golden_output(units: str) -> None:
    run = runner.invoke(app, ["dedupe-names", units, "--format", "csv"])
    assert run.exit_code == 0, run.stderr
    assert run.stdout_bytes == (GOLDEN / "csv.csv").read_bytes()  # .stdout would drop the \r


def test_csv_is_excel_friendly(result: DedupeResult) -> None:
    text = _render_csv(result)
    assert text.startswith("\ufeffgroup,verdict,reason,")
    lines = text[1:].split("\r\n")
    assert lines[0] == ",".join(HEADER)
    assert lines[-1] == ""  # every line ends in CRLF, and there is no bare LF
    assert "\n" not in text.replace("\r\n", "")
    assert HEADER[-2:] == ("rename_to", "decision")


def test_csv_rows(result: DedupeResult) -> None:
    rows = _csv_rows(_render_csv(result))
    assert len(rows) == sum(len(g.members) for g in result.groups)
    assert all(row["rename_to"] == "" and row["decision"] == "" for row in rows)
    thon1 = [row for row in rows if row["name"] == "Thôn 1" and row["verdict"] == "duplicate"]
    assert [row["from"] for row in thon1] == ["Xã Hòa Bắc", "Xã Hòa Liên"]
    assert thon1[0]["group"] == thon1[1]["group"]
    assert thon1[0]["suggestion"] == ""  # the first keeps its name
    assert thon1[1]["suggestion"] not in ("", "Thôn 1")
    assert [row["line"] for row in thon1] == ["12", "13"]
    assert {row["file"] for row in rows} == {"units.yaml"}
    assert {row["province"] for row in rows} == {"48"}
    streets = [row for row in rows if row["name"] == "Đường Hùng Vương"]
    assert [row["commune"] for row in streets] == ["20194", "20197"]
    assert {row["kind"] for row in streets} == {"street"}
    assert {row["verdict"] for row in rows} == {"duplicate", "similar"}


def test_csv_guards_against_formula_injection(result: DedupeResult) -> None:
    rows = _csv_rows(_render_csv(result))
    formula = next(row for row in rows if row["name"].endswith(FORMULA_NAME))
    assert formula["name"] == "'" + FORMULA_NAME
    assert unguard(formula["name"]) == FORMULA_NAME
    for row in rows:
        assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())


@given(st.text())
def test_guard_is_undone_by_unguard(text: str) -> None:
    guarded = guard(text)
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unguard(guarded) == text


def test_cli_csv_to_a_file(units: str, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao" / "trung-ten.csv"
    out.parent.mkdir()
    run = runner.invoke(app, ["dedupe-names", units, "--format", "csv", "-o", str(out)])
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    assert out.read_bytes() == (GOLDEN / "csv.csv").read_bytes()
    assert [p.name for p in out.parent.iterdir()] == ["trung-ten.csv"]


def test_cli_csv_fail_on_duplicate_still_writes(units: str) -> None:
    run = runner.invoke(app, ["dedupe-names", units, "--format", "csv", "--fail-on", "duplicate"])
    assert run.exit_code == 1
    assert run.stdout_bytes == (GOLDEN / "csv.csv").read_bytes()


# --- xlsx -----------------------------------------------------------------------------------


def test_one_column_layout_for_csv_and_xlsx() -> None:
    assert tuple(HEADERS) == HEADER
    assert DECISIONS == ("rename", "keep", "merge")
    assert "csv" in DEDUPE_REPORTERS
    assert set(DEDUPE_WRITERS) == {"xlsx"}


def test_xlsx_workbook(result: DedupeResult, tmp_path: Path) -> None:
    path = tmp_path / "trung-ten.xlsx"
    wb = _workbook(result, path)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert wb.sheetnames == ["Trùng tên", "Hướng dẫn", "Tổng hợp"]
    assert wb.active.title == "Trùng tên"
    ws = wb["Trùng tên"]
    assert [c.value for c in ws[KEY_ROW]] == list(HEADER)
    assert ws.row_dimensions[KEY_ROW].hidden
    assert [c.value for c in ws[HEADER_ROW]] == [
        "Nhóm",
        "Kết luận",
        "Lý do",
        "Tỉnh",
        "Mã xã",
        "Tên xã",
        "Loại",
        "Tên hiện tại",
        "Thuộc xã cũ",
        "Tệp",
        "Dòng",
        "Gợi ý tên mới",
        "Phân biệt theo đơn vị",
        "Tên mới",
        "Quyết định",
    ]
    assert all(c.font.bold for c in ws[HEADER_ROW])
    assert ws.freeze_panes == "A3"
    members = sum(len(g.members) for g in result.groups)
    assert ws.max_row == HEADER_ROW + members
    assert ws.auto_filter.ref == f"A2:O{ws.max_row}"
    widths = {letter: ws.column_dimensions[letter].width for letter in "ABCDEFGHIJKLMNO"}
    assert all(8 <= w <= 62 for w in widths.values()), widths
    assert widths["C"] <= 52  # reasons wrap instead of making a very wide column
    assert widths["N"] >= 24  # room to write a new name
    assert widths["H"] >= len("Tổ dân phố 05")


def test_xlsx_rows(result: DedupeResult, tmp_path: Path) -> None:
    ws = _workbook(result, tmp_path / "out.xlsx")["Trùng tên"]
    rows = _sheet_rows(ws)
    verdicts = [row["verdict"] for row in rows]
    assert set(verdicts) == {"Trùng tên", "Gần giống"}
    assert verdicts == sorted(verdicts, key=lambda v: v != "Trùng tên")  # duplicates first
    assert {VERDICT_KEYS[v] for v in verdicts} == {"duplicate", "similar"}
    assert {KIND_KEYS[row["kind"]] for row in rows} == {"hamlet", "street"}
    thon1 = [row for row in rows if row["name"] == "Thôn 1" and row["verdict"] == "Trùng tên"]
    assert [(row["from"], row["line"]) for row in thon1] == [
        ("Xã Hòa Bắc", 12),
        ("Xã Hòa Liên", 13),
    ]
    assert thon1[0]["province"] == "48"
    assert thon1[0]["commune"] == "20194"
    assert thon1[0]["commune_name"] == "Phường Hải Vân"
    assert thon1[1]["suggestion"]
    assert all(row["rename_to"] is None and row["decision"] is None for row in rows)
    # Members of a group sit together, and the same ids as the csv
    groups = [row["group"] for row in rows]
    assert len(set(groups)) == len(result.groups)
    for group in set(groups):
        first = groups.index(group)
        assert groups[first : first + groups.count(group)] == [group] * groups.count(group)
    csv_ids = {(row["group"], unguard(row["name"])) for row in _csv_rows(_render_csv(result))}
    assert {(row["group"], row["name"]) for row in rows} == csv_ids


def test_xlsx_reasons_are_vietnamese(result: DedupeResult, tmp_path: Path) -> None:
    assert set(REASON_CODES) <= set(REASON_VI)  # a new reason code needs its Vietnamese text
    assert all(set(group.codes) <= set(REASON_VI) for group in result.groups)
    rows = _sheet_rows(_workbook(result, tmp_path / "out.xlsx")["Trùng tên"])
    reasons = {row["name"]: row["reason"] for row in rows}
    assert reasons["TDP số 5"].startswith("Chữ chỉ loại viết khác nhau")
    assert "ở các xã khác nhau trong tỉnh" in reasons["Đường Hùng Vương"]
    assert "khác chữ chỉ loại" in reasons["Tổ dân phố 1"]
    assert all(not str(reason).startswith("same name") for reason in reasons.values())


def test_xlsx_codes_are_text(result: DedupeResult, tmp_path: Path) -> None:
    ws = _workbook(result, tmp_path / "out.xlsx")["Trùng tên"]
    for row in ws.iter_rows(min_row=FIRST_DATA_ROW, max_col=5):
        for cell in row[3:5]:  # Tỉnh, Mã xã
            assert cell.data_type == "s"
            assert cell.number_format == "@"


def test_xlsx_fills_group_by_group(result: DedupeResult, tmp_path: Path) -> None:
    ws = _workbook(result, tmp_path / "out.xlsx")["Trùng tên"]
    fills: dict[str, set[str]] = {}
    order: list[str] = []
    for row in ws.iter_rows(min_row=FIRST_DATA_ROW):
        group = row[0].value
        if group not in fills:
            order.append(group)
        fills.setdefault(group, set()).add(str(row[0].fill.fgColor.rgb))
        committee = {str(c.fill.fgColor.rgb) for c in row[13:15]}
        assert committee == {"00FFF2CC"}  # the columns to fill stand out
    assert all(len(colors) == 1 for colors in fills.values())  # one background per group
    colors = [next(iter(fills[g])) for g in order]
    assert all(a != b for a, b in pairwise(colors))  # alternating


def test_xlsx_decision_dropdown(result: DedupeResult, tmp_path: Path) -> None:
    ws = _workbook(result, tmp_path / "out.xlsx")["Trùng tên"]
    validations = ws.data_validations.dataValidation
    assert len(validations) == 1
    dv = validations[0]
    assert dv.type == "list"
    assert dv.formula1 == '"rename,keep,merge"'
    assert dv.allow_blank
    assert str(dv.sqref) == f"O{FIRST_DATA_ROW}:O{ws.max_row}"


def test_xlsx_guards_against_formulas(result: DedupeResult, tmp_path: Path) -> None:
    wb = _workbook(result, tmp_path / "out.xlsx")
    ws = wb["Trùng tên"]
    cell = next(r[7] for r in ws.iter_rows(min_row=FIRST_DATA_ROW) if r[7].value == FORMULA_NAME)
    assert cell.data_type == "s"
    assert cell.quotePrefix
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row)


def test_xlsx_guide_and_summary(result: DedupeResult, tmp_path: Path) -> None:
    wb = _workbook(result, tmp_path / "out.xlsx")
    guide = [row[1] for row in wb["Hướng dẫn"].iter_rows(min_row=3, values_only=True)]
    assert 6 <= len(guide) <= 10
    assert guide == list(GUIDE_LINES)
    text = "\n".join(guide)
    for word in ("Tên mới", "Gợi ý", "rename", "keep", "merge", "Nhóm", "Tệp", "Dòng"):
        assert word in text
    assert "tthc apply-renames" in text
    values = [
        [c for c in row if c is not None] for row in wb["Tổng hợp"].iter_rows(values_only=True)
    ]
    assert ["Số tên đã kiểm tra", result.names] in values
    assert ["Nhóm trùng tên", result.duplicate_groups] in values
    assert ["Nhóm gần giống", result.similar_groups] in values
    assert ["48", "(cả tỉnh)", "Đường, phố", 1, 0] in values
    assert any(str(row[0]).startswith("Tạo bởi tthc") for row in values if row)


def test_xlsx_round_trip(result: DedupeResult, tmp_path: Path) -> None:
    """What `apply-renames` will do: find columns by key, read what the committee wrote."""
    path = tmp_path / "out.xlsx"
    wb = _workbook(result, path)
    ws = wb["Trùng tên"]
    ws.insert_cols(1)  # the committee adds a column of its own
    keys = {c.value: c.column for c in ws[KEY_ROW] if c.value}
    target = next(
        r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, keys["suggestion"]).value
    )
    ws.cell(target, keys["rename_to"], "Thôn Hòa Liên 1")
    ws.cell(target, keys["decision"], "rename")
    wb.save(path)

    back = load_workbook(path, read_only=True, data_only=True)
    rows = list(back["Trùng tên"].iter_rows(values_only=True))
    back.close()
    header = {key: i for i, key in enumerate(rows[KEY_ROW - 1]) if key}
    assert list(header) == list(HEADER)
    decided = [row for row in rows[FIRST_DATA_ROW - 1 :] if row[header["decision"]] in DECISIONS]
    assert len(decided) == 1
    row = decided[0]
    assert row[header["rename_to"]] == "Thôn Hòa Liên 1"
    assert row[header["file"]] == "units.yaml"
    assert isinstance(row[header["line"]], int)


def test_xlsx_with_no_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "units.yaml").write_text(
        UNITS.split("    hamlets:")[0] + "    hamlets: [{name: Thôn 1}]\n", encoding="utf-8"
    )
    result = find_duplicates(read_names([Path("units.yaml")]))
    assert result.groups == []
    ws = _workbook(result, tmp_path / "out.xlsx")["Trùng tên"]
    assert ws.max_row == HEADER_ROW
    assert ws.data_validations.dataValidation == []


# --- the CLI --------------------------------------------------------------------------------


def test_xlsx_needs_output(units: str) -> None:
    run = runner.invoke(app, ["dedupe-names", units, "--format", "xlsx"])
    assert run.exit_code == 2
    assert "--output" in run.stderr
    assert run.stdout == ""


def test_cli_writes_xlsx(units: str, tmp_path: Path) -> None:
    out = tmp_path / "trung-ten.xlsx"
    run = runner.invoke(app, ["dedupe-names", units, "--format", "xlsx", "-o", str(out)])
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    wb = load_workbook(out)
    assert wb.sheetnames == ["Trùng tên", "Hướng dẫn", "Tổng hợp"]
    assert [c.value for c in wb["Trùng tên"][KEY_ROW]] == list(HEADER)
