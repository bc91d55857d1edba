"""`tthc stats --reference`: how much of the reference each list publishes, adds and changes,
in every format; and provinces by name."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import catalog
from tthc_cli.cli.app import app

runner = CliRunner()
NATIONAL = catalog(
    [
        {"code": "1.001193", "name": "Đăng ký khai sinh", "online": "full"},
        {"code": "1.000894", "name": "Đăng ký kết hôn"},
        {"code": "2.000635", "name": "Công nhận hòa giải viên"},
        {"code": "1.000001", "name": "Cấp phép ở Mỹ Hòa"},
    ],
    province="00",
)
LIST = catalog(
    [
        # Listed as the reference has it: NFD and the other tone placement are the same name.
        {"code": "1.001193", "name": unicodedata.normalize("NFD", "Đăng ký khai sinh")},
        {"code": "2.000635", "name": "Công nhận hoà giải viên"},
        # A name that differs by a tone differs.
        {"code": "1.000001", "name": "Cấp phép ở Mỹ Hóa"},
        # Not in the reference: added.
        {"code": "3.000412", "name": "Thủ tục riêng của tỉnh"},
    ],
    province="01",
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for folder, text in (("national", NATIONAL), ("catalogs", LIST)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "xa.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _stats(*args: str) -> str:
    result = runner.invoke(app, ["stats", "catalogs", "--no-cache", *args], env={"COLUMNS": "110"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_coverage_per_group_and_in_total(project: Path) -> None:
    doc = json.loads(_stats("--reference", "national", "--format", "json"))
    (group,) = doc["groups"]
    assert group["province"] == "01"
    assert group["province_name"] == "Thành phố Hà Nội"
    expected = {"procedures": 4, "published": 3, "missing": 1, "added": 1, "differ": 1}
    assert group["reference"] == expected
    assert doc["total"]["reference"] == expected


def test_the_configured_reference_is_used(project: Path) -> None:
    (project / "tthc.toml").write_text('reference = ["national"]\n', encoding="utf-8")
    doc = json.loads(_stats("--format", "json"))
    assert doc["groups"][0]["reference"]["published"] == 3
    assert "reference" not in json.loads(_stats("--format", "json", "--no-config"))["groups"][0]


def test_a_differing_online_level_counts_once(project: Path) -> None:
    # Besides the name that differs by a tone, the birth registration is now only partly online.
    birth = unicodedata.normalize("NFD", '"Đăng ký khai sinh"')
    changed = LIST.replace(birth, birth + '\n    online: "partial"')
    (project / "catalogs" / "xa.yaml").write_text(changed, encoding="utf-8")
    doc = json.loads(_stats("--reference", "national", "--format", "json"))
    assert doc["groups"][0]["reference"]["differ"] == 2


def test_csv_columns(project: Path) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(_stats("--reference", "national", "--format", "csv").lstrip("\ufeff"))
        )
    )
    assert rows[0]["province_name"] == "Thành phố Hà Nội"
    assert [
        rows[0][key] for key in ("reference_procedures", "published", "missing", "added", "differ")
    ] == [
        "4",
        "3",
        "1",
        "1",
        "1",
    ]


def test_text_and_markdown_tables(project: Path) -> None:
    text = _stats("--reference", "national")
    table = text.split("Against the reference")[1]
    line = next(line for line in table.splitlines() if "01 Hà Nội" in line)
    assert [cell.strip() for cell in line.split("│")][-5:] == ["4", "3", "1", "1", "1"]
    markdown = _stats("--reference", "national", "--format", "markdown")
    assert "| 01 Hà Nội | Xã | 2025-07-01 | 4 | 3 | 1 | 1 | 1 |" in markdown


def test_without_a_reference_nothing_is_added(project: Path) -> None:
    assert "Against the reference" not in _stats()
    assert "reference_procedures" not in _stats("--format", "csv")
    assert "Tham chiếu" not in _stats("--format", "markdown")


def test_a_province_the_reference_does_not_cover(project: Path) -> None:
    (project / "national" / "xa.yaml").write_text(
        NATIONAL.replace('"00"', '"48"'), encoding="utf-8"
    )
    doc = json.loads(_stats("--reference", "national", "--format", "json"))
    assert doc["groups"][0]["reference"] is None
    assert "| 01 Hà Nội | Xã | 2025-07-01 | – | – | – | – | – |" in _stats(
        "--reference", "national", "--format", "markdown"
    )


def test_an_unreadable_reference_file_exits_2_and_still_counts(project: Path) -> None:
    (project / "national" / "bad.yaml").write_bytes(b"kind: procedure-catalog\nx: \xff\n")
    result = runner.invoke(app, ["stats", "catalogs", "--no-cache", "--reference", "national"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: national/bad.yaml")
    assert "Against the reference" in result.stdout


def test_provinces_by_name_of_their_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.yaml").write_text(
        catalog([{"code": "1.001193", "name": "X"}], province="52", effective="2024-07-01"),
        encoding="utf-8",
    )
    (tmp_path / "new.yaml").write_text(
        catalog([{"code": "1.001193", "name": "X"}], province="52"), encoding="utf-8"
    )
    result = runner.invoke(app, ["stats", ".", "--no-cache", "--format", "markdown"])
    assert "| 52 Bình Định | Xã | 2024-07-01 |" in result.stdout
    assert "| 52 Gia Lai | Xã | 2025-07-01 |" in result.stdout


def test_the_reference_among_the_counted_lists_does_not_cover_itself(project: Path) -> None:
    result = runner.invoke(
        app,
        ["stats", "catalogs", "national", "--no-cache", "--reference=national", "-f", "json"],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    national = [g for g in doc["groups"] if g["province"] == "00"]
    assert national
    assert all(g.get("reference") is None for g in national)
    assert doc["total"]["reference"]["procedures"] == 4  # the province list's reference only
