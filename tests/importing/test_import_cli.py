"""`tthc import …` through the CLI: write, merge, dry run, reports and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from portal_records import RAW, make_records
from test_xlsx_and_units import MAPPING, UNIT_LIST, make_xlsx
from typer.testing import CliRunner

from tthc_cli.cli.app import app

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def test_portal_json_writes_a_catalog_that_validates(tmp_path: Path) -> None:
    records = make_records(tmp_path)
    out = tmp_path / "xa.yaml"
    code, stdout, _ = invoke(
        "import", "portal-json", str(records), "--province", "48",
        "--effective", "2025-07-01", "--exclude-field", "hải quan", "-o", str(out),
    )  # fmt: skip
    assert code == 0
    assert f"wrote {out}: 3 procedures" in stdout
    assert "Read 5 records: 3 procedures imported, 2 left out by the filters." in stdout
    code, stdout, _ = invoke("validate", str(out), "--no-config", "--format", "json")
    findings = json.loads(stdout)["findings"]
    assert [f for f in findings if f["severity"] == "error"] == []


def test_merge_dry_run_shows_a_diff_and_writes_nothing(tmp_path: Path) -> None:
    records = make_records(tmp_path)
    out = tmp_path / "xa.yaml"
    hand = (
        'kind: procedure-catalog  # by hand\nprovince: "48"\nlevel: xa\neffective: 2025-07-01\n'
        'procedures:\n  - code: "1.004222"\n    name: Đăng ký thường trú\n    field: Cư trú\n'
        "    fees: []  # checked\n"
    )
    out.write_text(hand, encoding="utf-8")
    code, stdout, stderr = invoke(
        "import", "portal-json", str(records), "-o", str(out), "--dry-run"
    )
    assert code == 0
    assert out.read_text(encoding="utf-8") == hand
    assert stdout.startswith(f"--- a/{out}\n+++ b/{out}\n")
    assert "+    time_limit: {value: 7, unit: working-days}" in stdout
    assert "-    fees: []  # checked" not in stdout
    assert "3 procedures added" in stderr
    assert "fields differ and were kept" in stderr
    code, _, _ = invoke("import", "portal-json", str(records), "-o", str(out))
    assert code == 0
    merged = out.read_text(encoding="utf-8")
    assert merged.startswith(hand)  # every hand-written line first, unchanged
    assert "    fees: []  # checked\n" in merged


def test_json_report_lists_problems_record_by_record(tmp_path: Path) -> None:
    records = make_records(tmp_path)
    (records / "broken.json").write_text("[", encoding="utf-8")
    out = tmp_path / "xa.yaml"
    code, stdout, _ = invoke(
        "import", "portal-json", str(records), "--province", "48", "--effective",
        "2025-07-01", "-o", str(out), "--format", "json",
    )  # fmt: skip
    assert code == 2  # one file could not be read; the others were imported
    doc = json.loads(stdout)
    assert doc["summary"]["imported"] == 4
    # Three records list an online channel (online: available); the BQP one lists none.
    assert doc["summary"]["not_stated"]["online"] == 1
    assert doc["errors"][0].startswith(f"{records / 'broken.json'}: cannot read")
    assert out.exists()


def test_new_catalog_needs_province_and_date(tmp_path: Path) -> None:
    records = make_records(tmp_path)
    code, _, stderr = invoke("import", "portal-json", str(records), "-o", str(tmp_path / "n.yaml"))
    assert code == 2
    assert "--province" in stderr
    code, _, stderr = invoke(
        "import", "portal-json", str(records), "--province", "48", "-o", str(tmp_path / "n.yaml")
    )
    assert code == 2
    assert "--effective" in stderr
    code, _, stderr = invoke(
        "import", "portal-json", str(records), "--province", "4", "-o", str(tmp_path / "n.yaml")
    )
    assert code == 2
    assert "2-digit" in stderr


def test_merge_refuses_a_file_that_is_not_a_catalog(tmp_path: Path) -> None:
    records = make_records(tmp_path)
    out = tmp_path / "units.yaml"
    out.write_text("kind: units\ncommunes: []\n", encoding="utf-8")
    code, _, stderr = invoke("import", "portal-json", str(records), "-o", str(out))
    assert code == 2
    assert "is not a procedure catalog" in stderr
    assert "Traceback" not in stderr


def test_portal_xlsx(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "list.xlsx",
        [("1.001193", "Đăng ký khai sinh", "Bộ Tư pháp", "Ủy ban nhân dân cấp xã", "Hộ tịch")],
    )
    out = tmp_path / "xa.yaml"
    code, stdout, _ = invoke(
        "import", "portal-xlsx", str(path), "--province", "48", "--effective", "2025-07-01",
        "-o", str(out),
    )  # fmt: skip
    assert code == 0
    assert "1  time_limit" in stdout
    assert 'code: "1.001193"' in out.read_text(encoding="utf-8")


def test_units(tmp_path: Path) -> None:
    (tmp_path / "units.csv").write_text(UNIT_LIST, encoding="utf-8")
    (tmp_path / "map.csv").write_text(MAPPING, encoding="utf-8")
    out = tmp_path / "catalogs"
    args = ["import", "units", str(tmp_path / "units.csv"), "--mapping", str(tmp_path / "map.csv")]
    code, stdout, stderr = invoke(*args, "-o", str(out))
    assert code == 0
    target = out / "da-nang" / "units.yaml"
    assert f"wrote {target}: 2 communes" in stdout
    assert "old-code-not-in-unit-list" in stderr
    code, _, _ = invoke("validate", str(target), "--no-config")
    assert code == 0
    code, _, stderr = invoke(*args, "-o", str(out))
    assert "exists (use --overwrite)" in stderr


CHATBOT = RAW / "chatbot-tthc" / "cap-xa-json"


@pytest.mark.skipif(not CHATBOT.is_dir(), reason=f"real portal records not present: {CHATBOT}")
def test_real_records_import_and_validate(tmp_path: Path) -> None:
    out = tmp_path / "xa.yaml"
    code, _, _ = invoke(
        "import", "portal-json", str(CHATBOT), "--province", "48", "--effective",
        "2025-07-01", "-o", str(out),
    )  # fmt: skip
    assert code == 0
    code, stdout, _ = invoke("validate", str(out), "--no-config", "--format", "json")
    errors = [f for f in json.loads(stdout)["findings"] if f["severity"] == "error"]
    # Only findings that reflect the source: the scrape stored one page under several codes.
    assert {f["rule"] for f in errors} == {"TT104"}
    assert len(errors) == 17


def test_merge_keeps_a_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    records = make_records(tmp_path)
    out = tmp_path / "xa.yaml"
    hand = (
        'kind: procedure-catalog\r\nprovince: "48"\r\nlevel: xa\r\neffective: 2025-07-01\r\n'
        'procedures:\r\n  - code: "1.004222"\r\n    name: Đăng ký thường trú\r\n'
        "    field: Cư trú\r\n"
    )
    out.write_bytes(b"\xef\xbb\xbf" + hand.encode())
    code, _, _ = invoke("import", "portal-json", str(records), "-o", str(out))
    assert code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + hand.encode())
    assert b"\n" not in data.replace(b"\r\n", b"")


GSO = RAW / "vietnamadminunits" / "danhmuchanhchinh.gso.gov.vn_ward_2025-07-18.csv"
MERGES = RAW / "dvhcvn-20250701" / "mapping" / "merges.json"


@pytest.mark.skipif(
    not (GSO.is_file() and MERGES.is_file()), reason=f"real unit list or mapping not present: {GSO}"
)
def test_real_units_import_and_validate(tmp_path: Path) -> None:
    out = tmp_path / "catalogs"
    code, stdout, _ = invoke("import", "units", str(GSO), "--mapping", str(MERGES), "-o", str(out))
    assert code == 0
    assert f"wrote {out / 'da-nang' / 'units.yaml'}: 94 communes" in stdout
    assert len(list(out.glob("*/units.yaml"))) == 34
    code, stdout, _ = invoke("validate", str(out), "--no-config", "--format", "json")
    doc = json.loads(stdout)
    assert code == 0
    assert doc["findings"] == []
    assert doc["summary"]["communes"] == 3321
