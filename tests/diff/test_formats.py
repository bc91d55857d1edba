"""The markdown, csv and xlsx formats of `tthc diff`: golden files, the workbook read back,
formula-injection guards, filters and the CLI's --output handling.

Regenerate the golden files with TTHC_UPDATE_GOLDEN=1 pytest tests/diff/test_formats.py."""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from rich.console import Console
from typer.testing import CliRunner

from tthc_cli.catalog.sheets import guard  # the guard the CSV writer applies to every cell
from tthc_cli.cli.app import app
from tthc_cli.diffing.compare import diff_paths, filtered
from tthc_cli.diffing.result import DiffResult
from tthc_cli.reports.diff import BINARY_FORMATS, DIFF_REPORTERS
from tthc_cli.reports.diff.csvout import HEADER
from tthc_cli.reports.diff.markdown import FOLD_AFTER, cell
from tthc_cli.reports.diff.xlsx import HEADERS, XlsxDiffReporter, sheet_title

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "diff"
UPDATE = os.environ.get("TTHC_UPDATE_GOLDEN") == "1"
runner = CliRunner()

PIPE_NAME = "Chứng thực bản sao từ bản chính | giấy tờ, văn bản"
FORMULA_NAME = '=HYPERLINK("http://example.invalid";"Thủ tục thử nghiệm")'

OLD_HUYEN = """\
kind: procedure-catalog
province: "48"
level: huyen
effective: 2024-01-01
procedures:
  - code: "2.000806"
    name: Thủ tục đăng ký kết hôn có yếu tố nước ngoài
    field: Hộ tịch
    agency: Phòng Tư pháp
    time_limit: {value: 10, unit: working-days}
    fees: [{name: Lệ phí đăng ký kết hôn, amount: 1000000}]
    online: partial
"""

OLD_XA = """\
kind: procedure-catalog
province: "48"
level: xa
effective: 2024-01-01
procedures:
  - code: "1.001193"
    name: Đăng ký khai sinh
    field: Hộ tịch
    agency: Ủy ban nhân dân cấp xã
    time_limit: {value: 1, unit: working-days}
    fees: []
    online: full
  - code: "1.000656"
    name: Thủ tục đăng ký khai tử
    field: Hộ tịch
    agency: Ủy ban nhân dân cấp xã
    time_limit: {value: 1, unit: working-days}
    fees: []
  - code: "1.004873"
    name: Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    field: Hộ tịch
    time_limit: {value: 3, unit: working-days}
  - code: "1.003005"
    name: Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình
    field: Bảo trợ xã hội
    fees: []
  - code: "1.000894"
    name: Thủ tục đăng ký kết hôn
    field: Hộ tịch
  - code: "1.009999"
    name: '=HYPERLINK("http://example.invalid";"Thủ tục thử nghiệm")'
    field: Thử nghiệm
"""

NEW_XA = """\
kind: procedure-catalog
province: "48"
level: xa
effective: 2025-07-01
procedures:
  - code: "2.000806"
    name: Thủ tục đăng ký kết hôn có yếu tố nước ngoài
    field: Hộ tịch
    agency: Ủy ban nhân dân cấp xã
    time_limit: {value: 10, unit: working-days}
    fees: [{name: Lệ phí đăng ký kết hôn, amount: 1000000}]
    online: partial
  - code: "1.001193"
    name: Đăng ký khai sinh
    field: Hộ tịch
    agency: Ủy ban nhân dân cấp xã
    time_limit: {value: 0, unit: working-days, note: trong ngày}
    fees: [{name: Lệ phí đăng ký khai sinh quá hạn, amount: 5000}]
    online: full
  - code: "1.000656"
    name: Thủ tục đăng ký khai tử
    field: Hộ tịch
    agency: Ủy ban nhân dân cấp xã
    time_limit: {value: 1, unit: working-days}
    fees: []
  - code: "1.014001"
    name: Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    field: Hộ tịch
    time_limit: {value: 3, unit: working-days}
  - code: "1.003005"
    name: Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình
    field: Bảo trợ xã hội
    fees: [{name: Phí xác nhận, amount: 10000}]
  - code: "1.004746"
    name: Thủ tục đăng ký lại kết hôn
    field: Hộ tịch
  - code: "2.000815"
    name: Chứng thực bản sao từ bản chính | giấy tờ, văn bản
    field: Chứng thực
  - code: "1.013133"
    name: Thủ tục đăng ký nghĩa vụ quân sự lần đầu
    field: Nghĩa vụ quân sự
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    assert unicodedata.is_normalized("NFC", text)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def sides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Two small sides, old/ (huyen + xa) and new/ (xa), with relative paths for stable output."""
    _write(tmp_path / "old" / "huyen.yaml", OLD_HUYEN)
    _write(tmp_path / "old" / "xa.yaml", OLD_XA)
    _write(tmp_path / "new" / "xa.yaml", NEW_XA)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    return "old", "new"


@pytest.fixture
def result(sides: tuple[str, str]) -> DiffResult:
    return diff_paths([Path(sides[0])], [Path(sides[1])])


def _render(fmt: str, result: DiffResult, **filters: list[str]) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, color_system=None, highlight=False)
    DIFF_REPORTERS[fmt]().render(result, filtered(result, **filters), console)
    return buffer.getvalue()


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"regenerate with TTHC_UPDATE_GOLDEN=1 ({path})"


def _csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


# --- the test data is what the tests below assume -------------------------------------------


def test_fixture_covers_every_status(result: DiffResult) -> None:
    by_code = {e.code: e for e in result.entries}
    assert result.counts() == {
        "moved": 1,
        "changed": 3,
        "added": 3,
        "removed": 2,
        "unchanged": 1,
    }
    assert by_code["2.000806"].transition == "huyen->xa"
    assert by_code["1.014001"].old_code == "1.004873"
    assert by_code["1.014001"].match == "name"
    assert [c.field for c in by_code["1.001193"].changes] == ["time_limit", "fees"]
    assert by_code["1.004746"].status == "added"  # never paired with "đăng ký kết hôn"
    assert result.hints, "the look-alike pair is offered as a hint"


# --- golden files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "golden"),
    [("markdown", "markdown.md"), ("csv", "csv.csv"), ("text", "text.txt"), ("json", "json.json")],
)
def test_output_matches_golden(result: DiffResult, fmt: str, golden: str) -> None:
    _golden(golden, _render(fmt, result))


@pytest.mark.parametrize(
    ("fmt", "golden"), [("markdown", "markdown.md"), ("csv", "csv.csv"), ("json", "json.json")]
)
def test_cli_stdout_is_the_golden_output(sides: tuple[str, str], fmt: str, golden: str) -> None:
    run = runner.invoke(app, ["diff", *sides, "--format", fmt])
    assert run.exit_code == 1, run.stderr
    assert run.stdout_bytes == (GOLDEN / golden).read_bytes()  # .stdout would drop the \r


def test_markdown_filtered_matches_golden(result: DiffResult) -> None:
    _golden(
        "markdown-only-moved-removed.md", _render("markdown", result, only=["moved", "removed"])
    )


# --- markdown -------------------------------------------------------------------------------


def test_markdown_layout(result: DiffResult) -> None:
    text = _render("markdown", result)
    assert text.startswith("## ")
    assert "**Trước** (old): Huyện 1, Xã 6 → **Sau** (new): Xã 8" in text
    assert "| Huyện | 1 | · | **1** |" in text  # the matrix: rows before, columns after, totals
    assert "| **Tổng** | **8** | **2** | **10** |" in text
    assert "### Chuyển cấp (moved) — 1" in text
    assert "### Bãi bỏ / không còn (removed) — 2" in text
    assert "| Mã | Tên thủ tục | Trước | Sau | Thay đổi |" in text
    assert "1.004873 → 1.014001" in text
    assert "Thời hạn giải quyết: 1 ngày làm việc → trong ngày (trong ngày)" in text
    # unchanged procedures are counted, not listed, when other statuses are shown
    assert "### Không đổi (unchanged) — 1" in text
    assert "Thủ tục đăng ký khai tử" not in text
    assert "<details>" not in text  # few rows: no folding
    hints_at = text.index("### Không ghép được nhưng gần giống")
    assert hints_at > text.index("### Không đổi (unchanged)")
    assert "Thủ tục đăng ký lại kết hôn" in text[hints_at:]


def test_markdown_escapes_cells(result: DiffResult) -> None:
    text = _render("markdown", result)
    assert "Chứng thực bản sao từ bản chính \\| giấy tờ, văn bản" in text
    assert PIPE_NAME not in text
    for line in text.splitlines():
        if line.startswith("| ") and "bản chính" in line:
            assert line.replace("\\|", "").count("|") == 6  # five columns, none extra
    assert cell("a|b\nc\r\nd") == "a\\|b<br>c<br>d"
    assert cell("*đậm* `mã` <b>") == "\\*đậm\\* \\`mã\\` \\<b\\>"


def test_markdown_lists_unchanged_when_it_is_the_only_status(result: DiffResult) -> None:
    text = _render("markdown", result, only=["unchanged"])
    assert "| 1.000656 | Thủ tục đăng ký khai tử | Xã | Xã |  |" in text
    assert "_Đã lọc: hiển thị 1 trên 10 thủ tục._" in text
    assert "Chuyển cấp (moved)**: 1" in text  # the summary still counts everything


def test_markdown_folds_long_lists(tmp_path: Path) -> None:
    many = [
        f'  - code: "1.{900000 + i}"\n    name: Thủ tục thử nghiệm số {i}\n    field: Thử nghiệm\n'
        for i in range(FOLD_AFTER + 1)
    ]
    _write(tmp_path / "a.yaml", OLD_XA.split("procedures:")[0] + "procedures: []\n")
    _write(tmp_path / "b.yaml", NEW_XA.split("procedures:")[0] + "procedures:\n" + "".join(many))
    result = diff_paths([tmp_path / "a.yaml"], [tmp_path / "b.yaml"])
    text = _render("markdown", result)
    assert f"### Thêm mới (added) — {FOLD_AFTER + 1}" in text
    assert f"<details><summary>{FOLD_AFTER + 1} thủ tục</summary>\n\n| Mã |" in text
    assert text.rstrip().endswith("</details>")


# --- csv ------------------------------------------------------------------------------------


def test_csv_is_excel_friendly(result: DiffResult) -> None:
    text = _render("csv", result)
    assert text.startswith("\ufeffstatus,code,old_code,name,")
    assert text.count("\r\n") == len(result.entries) + 1
    assert "\n" not in text.replace("\r\n", "")
    rows = _csv_rows(text)
    assert list(rows[0]) == list(HEADER)
    assert len(rows) == len(result.entries)


def test_csv_cells(result: DiffResult) -> None:
    rows = {row["code"]: row for row in _csv_rows(_render("csv", result))}
    birth = rows["1.001193"]
    assert birth["status"] == "changed"
    assert birth["changed_fields"] == "time_limit | fees"
    assert birth["changes"] == (
        "time_limit: 1 working day → same day (trong ngày)"
        " | fees: none → Lệ phí đăng ký khai sinh quá hạn 5,000 đ"
    )
    assert birth["old_location"] == "old/xa.yaml:6"
    moved = rows["2.000806"]
    assert (moved["old_levels"], moved["new_levels"], moved["match"]) == ("huyen", "xa", "code")
    assert moved["score"] == "100"
    renamed = rows["1.014001"]
    assert (renamed["old_code"], renamed["match"]) == ("1.004873", "name")
    added = rows["1.013133"]
    assert (added["old_code"], added["old_levels"], added["score"]) == ("", "", "")
    assert rows["2.000815"]["name"] == PIPE_NAME


def test_csv_guards_against_formula_injection(result: DiffResult) -> None:
    rows = {row["code"]: row for row in _csv_rows(_render("csv", result))}
    assert rows["1.009999"]["name"] == "'" + FORMULA_NAME
    assert rows["1.009999"]["old_name"] == "'" + FORMULA_NAME
    for start in "=+-@":
        assert guard(start + "1") == "'" + start + "1"
    assert guard("Đăng ký - khai sinh") == "Đăng ký - khai sinh"


def test_csv_filters_rows(result: DiffResult) -> None:
    rows = _csv_rows(_render("csv", result, only=["moved", "removed"]))
    assert sorted(row["status"] for row in rows) == ["moved", "removed", "removed"]
    rows = _csv_rows(_render("csv", result, fields=["time_limit"]))
    assert [row["code"] for row in rows] == ["1.001193"]


# --- xlsx -----------------------------------------------------------------------------------


def test_xlsx_workbook(result: DiffResult, tmp_path: Path) -> None:
    path = tmp_path / "thay-doi.xlsx"
    XlsxDiffReporter().write(result, result.entries, path)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    wb = load_workbook(path)
    assert wb.sheetnames == [
        "Tổng hợp",
        "Chuyển cấp",
        "Thay đổi",
        "Thêm mới",
        "Bãi bỏ - không còn",
        "Không đổi",
        "Gợi ý",
    ]
    rows_per_sheet = {ws.title: ws.max_row - 1 for ws in wb.worksheets[1:6]}
    assert rows_per_sheet == {
        "Chuyển cấp": 1,
        "Thay đổi": 3,
        "Thêm mới": 3,
        "Bãi bỏ - không còn": 2,
        "Không đổi": 1,
    }
    for ws in wb.worksheets[1:6]:
        assert [c.value for c in ws[1]] == list(HEADERS)
        assert all(c.font.bold for c in ws[1])
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:L{ws.max_row}"
        widths = [ws.column_dimensions[letter].width for letter in "ABCDEFGHIJKL"]
        assert all(8 <= w <= 62 for w in widths), widths
    moved = wb["Chuyển cấp"]
    assert [c.value for c in moved[2]][:8] == [
        "2.000806",
        "2.000806",
        "Thủ tục đăng ký kết hôn có yếu tố nước ngoài",
        "Thủ tục đăng ký kết hôn có yếu tố nước ngoài",
        "Huyện",
        "Xã",
        "Mã",
        100,
    ]
    assert moved["I2"].value == "Cơ quan thực hiện"
    assert moved["J2"].value == "Cơ quan thực hiện: Phòng Tư pháp → Ủy ban nhân dân cấp xã"
    changed = wb["Thay đổi"]
    birth = next(r for r in changed.iter_rows(min_row=2) if r[0].value == "1.001193")
    assert str(birth[9].value).count("\n") == 1
    assert birth[9].alignment.wrap_text
    hints = wb["Gợi ý"]
    assert [c.value for c in hints[1]] == ["Mã cũ", "Tên cũ", "Mã mới", "Tên mới", "Điểm", "Lý do"]
    assert hints["B2"].value == "Thủ tục đăng ký kết hôn"


def test_xlsx_summary_sheet(result: DiffResult, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    XlsxDiffReporter().write(result, filtered(result, only=["moved"]), path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Tổng hợp", "Chuyển cấp", "Gợi ý"]
    values = [
        [c for c in row if c is not None] for row in wb["Tổng hợp"].iter_rows(values_only=True)
    ]
    assert ["Huyện", 1, 0] in values
    assert ["Xã", 6, 8] in values
    assert ["Trước \\ Sau", "Xã", "(bỏ)", "Tổng"] in values
    assert ["Huyện", 1, 0, 1] in values
    assert ["Tổng", 8, 2, 10] in values
    assert ["Thay đổi (changed)", 3] in values  # the summary describes the whole result
    assert ["Tổng", 10] in values
    assert any(str(row[0]).startswith("Tạo bởi tthc") for row in values if row)


def test_xlsx_guards_against_formulas(result: DiffResult, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    XlsxDiffReporter().write(result, result.entries, path)
    removed = load_workbook(path)["Bãi bỏ - không còn"]
    cell_ = next(r[2] for r in removed.iter_rows(min_row=2) if r[0].value == "1.009999")
    assert cell_.data_type == "s"
    assert cell_.value == FORMULA_NAME
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row)


def test_xlsx_sheet_titles() -> None:
    assert sheet_title("Bãi bỏ / không còn") == "Bãi bỏ - không còn"
    assert sheet_title("a[b]:c*d?e/f\\g") == "a-b--c-d-e-f-g"
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("Gợi ý", ["gợi ý"]) == "Gợi ý (2)"


# --- the CLI --------------------------------------------------------------------------------


def test_xlsx_needs_output(sides: tuple[str, str]) -> None:
    assert "xlsx" in BINARY_FORMATS
    run = runner.invoke(app, ["diff", *sides, "--format", "xlsx"])
    assert run.exit_code == 2
    assert "--output" in run.stderr
    assert run.stdout == ""


def test_cli_writes_xlsx(sides: tuple[str, str], tmp_path: Path) -> None:
    out = tmp_path / "bao-cao" / "thay-doi.xlsx"
    out.parent.mkdir()
    run = runner.invoke(
        app, ["diff", *sides, "--format", "xlsx", "--output", str(out), "--only", "moved,removed"]
    )
    assert run.exit_code == 1, run.stderr
    assert run.stdout == ""
    wb = load_workbook(out)
    assert wb.sheetnames == ["Tổng hợp", "Chuyển cấp", "Bãi bỏ - không còn", "Gợi ý"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["thay-doi.xlsx"]


@pytest.mark.parametrize(("fmt", "golden"), [("markdown", "markdown.md"), ("csv", "csv.csv")])
def test_cli_output_file(sides: tuple[str, str], tmp_path: Path, fmt: str, golden: str) -> None:
    out = tmp_path / f"report.{fmt}"
    run = runner.invoke(app, ["diff", *sides, "--format", fmt, "-o", str(out)])
    assert run.exit_code == 1, run.stderr
    assert run.stdout == ""
    assert out.read_bytes() == (GOLDEN / golden).read_bytes()


def test_cli_filters_rows_not_summary(sides: tuple[str, str]) -> None:
    run = runner.invoke(app, ["diff", *sides, "--format", "csv", "--only", "moved,removed"])
    assert run.exit_code == 1
    assert sorted(r["status"] for r in _csv_rows(run.stdout)) == ["moved", "removed", "removed"]

    run = runner.invoke(app, ["diff", *sides, "--format", "markdown", "--field", "time_limit"])
    assert run.exit_code == 1
    text = run.stdout
    assert "### Thay đổi (changed) — 1" in text
    assert "1.001193" in text
    assert "1.003005" not in text
    assert "### Chuyển cấp (moved)" not in text
    assert "**Chuyển cấp (moved)**: 1 · **Thay đổi (changed)**: 3" in text
    assert "| **Tổng** | **8** | **2** | **10** |" in text


def test_identical_sides_exit_zero(tmp_path: Path) -> None:
    _write(tmp_path / "a.yaml", NEW_XA)
    for fmt in ("markdown", "csv"):
        run = runner.invoke(
            app, ["diff", str(tmp_path / "a.yaml"), str(tmp_path / "a.yaml"), "-f", fmt]
        )
        assert run.exit_code == 0, run.stderr
    run = runner.invoke(
        app, ["diff", str(tmp_path / "a.yaml"), str(tmp_path / "a.yaml"), "-f", "markdown"]
    )
    assert "### Không đổi (unchanged) — 8" in run.stdout  # the only status: listed
    assert "| 1.013133 |" in run.stdout


def test_markdown_stays_under_the_github_comment_limit(tmp_path: Path) -> None:
    from rich.console import Console

    from helpers import catalog
    from tthc_cli.reports.diff.markdown import MAX_CHARS, MarkdownDiffReporter

    many = [
        {"code": f"1.{n:06d}", "name": f"Thủ tục thử nghiệm số {n} " + "x" * 80}
        for n in range(2000)
    ]
    (tmp_path / "old.yaml").write_text(catalog(many[:1]), encoding="utf-8")
    (tmp_path / "new.yaml").write_text(catalog(many), encoding="utf-8")
    result = diff_paths([tmp_path / "old.yaml"], [tmp_path / "new.yaml"])
    buffer = io.StringIO()
    MarkdownDiffReporter().render(result, result.entries, Console(file=buffer))
    text = buffer.getvalue()
    assert len(text) < 65_536
    assert len(text) > MAX_CHARS // 2
    assert "thủ tục nữa không hiện ở đây" in text
