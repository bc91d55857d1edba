"""`tthc import`: the portal's workbooks and JSON records are files from many hands too.

Damaged, empty, wrongly headed and zip-bomb workbooks, JSON nested past Python's stack, not
UTF-8 or not records, formulas in cells, and a target that cannot be written: each is a clear
error naming the file (exit 2), never a traceback; nothing in a cell is evaluated; the target
is never left half-written. (A class-by-class home for these would split one command's inputs
across five files; they are kept together here.)
"""

from __future__ import annotations

import errno
import json
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from adversarial._support import assert_handled, invoke
from tthc_cli.catalog.loading import load_text

HEADER = ("Mã số", "Tên", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực")
ROW = ("1.001193", "Đăng ký khai sinh", "Bộ Tư pháp", "Ủy ban nhân dân cấp xã", "Hộ tịch")


def _portal_xlsx(path: Path, rows: Sequence[tuple[str | None, ...]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(("DANH SÁCH THỦ TỤC HÀNH CHÍNH",))
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _import_xlsx(path: Path, out: Path) -> Any:
    args: list[str | Path] = ["import", "portal-xlsx", path, "--province", "48", "--level", "xa"]
    return invoke([*args, "--effective", "2025-07-01", "-o", out])


def _damaged(path: Path) -> None:
    good = _portal_xlsx(path.with_name("good.xlsx"), [ROW])
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = data[: len(data) // 2]
            out.writestr(item, data)


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("damaged.xlsx", _damaged, "not a readable .xlsx workbook"),
        ("not-a-zip.xlsx", lambda p: p.write_bytes(b"<html></html>"), "not a readable"),
        ("empty.xlsx", lambda p: __import__("openpyxl").Workbook().save(p), "no header row"),
        ("huge.xlsx", lambda p: os.truncate(p.touch() or p, 40 * 1024**2), "32 MiB limit"),
        ("missing.xlsx", lambda p: None, "not found"),
    ],
)
def test_a_bad_portal_workbook_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, make: Any, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / name
    make(path)
    result = _import_xlsx(path, tmp_path / "xa.yaml")
    assert_handled(result)
    assert name in result.stderr
    assert message in result.stderr, result.stderr
    assert not (tmp_path / "xa.yaml").exists()


def test_formulas_in_the_portal_workbook_are_never_evaluated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text_formula = ("1.000002", "=1+1", "Bộ Tư pháp", "Ủy ban nhân dân cấp xã", "@Hộ tịch")
    live_formula = ("1.000003", '=CONCAT("Đăng ký ","kết hôn")', "Bộ", "Ủy ban nhân dân", "X")
    path = _portal_xlsx(tmp_path / "list.xlsx", [ROW, text_formula, live_formula])
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet["B4"].data_type = "s"  # "=1+1" typed as text, as Excel keeps it with a quote prefix
    book.save(path)
    out = tmp_path / "xa.yaml"
    result = _import_xlsx(path, out)
    assert_handled(result, codes=(0, 1, 2))
    written = out.read_text(encoding="utf-8")
    data = load_text(written).data
    names = {p["code"]: p.get("name") for p in data["procedures"]}
    assert names["1.000002"] == "=1+1"  # text stays text, never 2
    assert "kết hôn" not in written  # the live formula has no cached value: never computed


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "maximum recursion depth"),
        ("not-utf8.json", b'{"ten_thu_tuc": "H\xb5 N\xe9i"}', "not valid UTF-8 at byte offset 18"),
        ("utf16.json", '{"a": 1}'.encode("utf-16"), "encoded as UTF-16-LE"),
        ("huge.json", b" " * (33 * 1024 * 1024), "larger than the 32 MiB limit"),
        ("truncated.json", b'{"ma_thu_tuc": "1.001193", "ten', "Unterminated string"),
        ("numbers.json", b'{"a": NaN, "b": 1e999999}', "not a portal procedure record"),
        ("list.json", b"[1, 2]", "not a portal procedure record"),
    ],
)
def test_bad_portal_json_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: bytes, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "json"
    folder.mkdir()
    (folder / name).write_bytes(content)
    result = invoke(["import", "portal-json", folder, "--province", "48", "-o", "xa.yaml"])
    assert_handled(result)
    assert name in result.stderr
    assert message in result.stderr, result.stderr


def test_a_deep_mapping_json_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    units = tmp_path / "units.csv"
    units.write_text("Mã TP,Tỉnh / Thành Phố,Mã,Tên,Cấp\n", encoding="utf-8")
    mapping = tmp_path / "merges.json"
    mapping.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    result = invoke(["import", "units", units, "--mapping", mapping, "-o", tmp_path / "out"])
    assert_handled(result)
    assert "merges.json" in result.stderr


def test_an_import_target_that_cannot_be_written_is_left_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = _portal_xlsx(tmp_path / "list.xlsx", [ROW])
    out = tmp_path / "xa.yaml"
    hand = 'kind: procedure-catalog\nprovince: "48"\nlevel: xa\neffective: 2025-07-01\n'
    out.write_text(hand + "procedures: []\n", encoding="utf-8")
    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        if Path(f"/proc/self/fd/{fd}").resolve().name.endswith(".tmp"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    result = _import_xlsx(path, out)
    assert_handled(result)
    assert "No space left on device" in result.stderr
    assert out.read_text(encoding="utf-8") == hand + "procedures: []\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    json.dumps(result.stderr)  # one readable line, nothing binary
