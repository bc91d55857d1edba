"""`--format html` of validate, diff, dedupe-names and stats: golden files, the same content as
the other formats, escaping, and a page that fetches nothing.

Regenerate the golden files with
TTHC_UPDATE_GOLDEN=1 pytest tests/htmlreports/test_reports_html.py."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from htmlpages import assert_sound
from tthc_cli.cli.app import app

TESTS = Path(__file__).resolve().parents[1]
GOLDEN = TESTS / "golden"
UPDATE = os.environ.get("TTHC_UPDATE_GOLDEN") == "1"
runner = CliRunner()
XSS = "<script>alert(1)</script>"

OLD = """\
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
  - code: "1.000656"
    name: Thủ tục đăng ký khai tử
    field: Hộ tịch
"""
NEW = """\
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
    online: full
  - code: "1.009999"
    name: "<script>alert(1)</script>"
    field: Thử nghiệm
"""
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
    hamlets:
      - {name: Thôn 1, from: Xã Hòa Bắc}
      - {name: Thôn 1, from: Phường Hòa Hiệp Bắc}
      - {name: "<script>alert(1)</script>", from: Xã Hòa Bắc}
      - {name: "<script>alert(1)</script>", from: Phường Hòa Hiệp Bắc}
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    assert unicodedata.is_normalized("NFC", text)
    path.write_text(text, encoding="utf-8")


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"regenerate with TTHC_UPDATE_GOLDEN=1 ({path})"
    )


def _invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "100", "TTHC_NO_CACHE": "1"})
    return result.exit_code, result.stdout


@pytest.fixture
def sides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _write(tmp_path / "old" / "huyen.yaml", OLD)
    _write(tmp_path / "new" / "xa.yaml", NEW)
    _write(tmp_path / "units" / "units.yaml", UNITS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_validate_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(GOLDEN / "validate" / "input")
    code, page = _invoke("validate", ".", "--no-config", "--format", "html")
    assert code == 2  # the unreadable file, as in every format
    sound = assert_sound(page, "en")
    _golden("validate/html.html", page)
    _code, data = _invoke("validate", ".", "--no-config", "--format", "json")
    for finding in json.loads(data)["findings"]:
        assert " ".join(finding["message"].split()) in sound.words
    assert "legacy.yaml" in sound.words


def test_stats_html_in_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(GOLDEN / "stats" / "input")
    code, page = _invoke("--lang", "vi", "stats", ".", "--format", "html")
    assert code == 0
    sound = assert_sound(page, "vi")
    assert "Số liệu thủ tục hành chính" in sound.words
    assert "<svg" in page
    _golden("stats/html.html", page)
    _code, data = _invoke("stats", ".", "--format", "json")
    assert str(json.loads(data)["summary"]["procedures"]) in sound.words


def test_stats_html_before_after(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(GOLDEN / "stats" / "input")
    code, page = _invoke("stats", "--before", "48/2024", "48/2025", "--format", "html")
    assert code == 0
    assert "+7" in assert_sound(page, "en").words
    _golden("stats/before-after.html", page)


def test_diff_html_escapes_names(sides: Path) -> None:
    code, page = _invoke("diff", "old", "new", "--format", "html")
    assert code == 1
    sound = assert_sound(page, "en")
    assert sound.scripts == 0
    assert XSS not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert XSS in sound.words  # shown as text
    _code, data = _invoke("diff", "old", "new", "--format", "json")
    for entry in json.loads(data)["procedures"]:
        assert entry["code"] in sound.words
    _golden("diff/html.html", page)


def test_dedupe_html_escapes_names(sides: Path) -> None:
    code, page = _invoke("--lang", "vi", "dedupe-names", "units", "--format", "html")
    assert code == 0
    sound = assert_sound(page, "vi")
    assert XSS not in page
    assert XSS in sound.words
    assert "Trùng tên" in sound.words
    _golden("dedupe/html.html", page)


def test_html_writes_the_file_given(sides: Path) -> None:
    code, _out = _invoke("diff", "old", "new", "--format", "html", "-o", "report.html")
    assert code == 1
    assert_sound((sides / "report.html").read_text(encoding="utf-8"), "en")
