"""Stats figures against hand counts on a fixture, and every format against golden files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tthc_cli.cli.app import app
from tthc_cli.index.procindex import load_index
from tthc_cli.index.stats import compare, compute

GOLDEN = Path(__file__).parents[1] / "golden" / "stats"
INPUT = GOLDEN / "input"
UPDATE = os.environ.get("TTHC_UPDATE_GOLDEN") == "1"
runner = CliRunner()


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path / "cache"))


def test_hand_counts_per_level() -> None:
    index = load_index([INPUT])
    stats = compute(index.rows, "level", files=index.files)
    assert [(g.province, g.level, g.effective, g.figures.procedures) for g in stats.groups] == [
        ("48", "huyen", "2024-07-01", 1),
        ("48", "xa", "2024-07-01", 1),
        ("48", "xa", "2025-07-01", 8),
    ]
    assert stats.duplicates == 1  # 1.001193 with its local suffix in the split file
    figures = stats.groups[2].figures
    # full: 1.001193, 1.000002; partial: 1.000894, 1.004222; available (an online channel,
    # level not published): 1.000004; none: 2.000815; others unstated
    assert dict(figures.online) == {
        "full": 2,
        "partial": 2,
        "available": 1,
        "none": 1,
        "unstated": 2,
    }
    assert dict(figures.location) == {"yes": 2, "no": 1, "unstated": 5}
    # working days 1, 1, 7, 0, 3 -> median 1; calendar days 15
    assert figures.median_working_days == 1
    assert figures.median_calendar_days == 15
    # free: two []; paid: 20000, 2000 and an amount left to the council; the rest unstated
    assert dict(figures.fees) == {"free": 2, "paid": 3, "unstated": 3}
    assert stats.total.procedures == 10


def test_hand_counts_per_field() -> None:
    stats = compute(load_index([INPUT / "48" / "2025"]).rows, "field")
    assert [(g.field, g.figures.procedures) for g in stats.groups] == [
        ("Chứng thực", 2),
        ("Cư trú", 1),
        ("Hòa giải", 1),
        ("Hộ tịch", 3),
        ("Khác", 1),
    ]


def test_before_and_after() -> None:
    before = compute(load_index([INPUT / "48" / "2024"]).rows)
    after = compute(load_index([INPUT / "48" / "2025"]).rows)
    changes = compare(before, after)
    assert [
        (
            c.level,
            c.before.procedures if c.before else None,
            c.after.procedures if c.after else None,
        )
        for c in changes
    ] == [("huyen", 1, None), ("xa", 1, 8)]


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        (["--format", "text"], "text.txt"),
        (["--format", "json"], "json.json"),
        (["--format", "csv"], "csv.csv"),
        (["--format", "markdown", "--by", "field"], "markdown-field.md"),
        (["--before", "48/2024", "48/2025", "--format", "text"], "before-after.txt"),
        (["--before", "48/2024", "48/2025", "--format", "json"], "before-after.json"),
    ],
)
def test_formats_match_golden(
    monkeypatch: pytest.MonkeyPatch, args: list[str], golden: str
) -> None:
    monkeypatch.chdir(INPUT)
    paths = [] if "--before" in args else ["."]
    result = runner.invoke(app, ["stats", *paths, *args], env={"COLUMNS": "110"})
    assert result.exit_code == 0, result.stderr
    path = GOLDEN / golden
    if UPDATE:
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")


def test_json_is_the_documented_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INPUT)
    doc = json.loads(runner.invoke(app, ["stats", ".", "--format", "json"]).stdout)
    assert doc["version"] == 1
    group = doc["groups"][2]
    assert group["online_share"]["full"] == 0.25
    assert group["time_limit"] == {
        "median_working_days": 1,
        "median_calendar_days": 15,
        "stated": 6,
    }


def test_unreadable_files_are_reported_and_the_rest_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bad.yaml").write_text("kind: [unclosed\n", encoding="utf-8")
    (tmp_path / "good.yaml").write_text(
        (INPUT / "48" / "2024" / "xa.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = runner.invoke(app, ["stats", str(tmp_path), "--format", "json"])
    assert result.exit_code == 2
    assert "bad.yaml" in result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["total"]["procedures"] == 1


def test_cache_follows_changes(tmp_path: Path) -> None:
    target = tmp_path / "c.yaml"
    source = (INPUT / "48" / "2024" / "xa.yaml").read_text(encoding="utf-8")
    target.write_text(source, encoding="utf-8")
    first = load_index([tmp_path])
    again = load_index([tmp_path])
    assert (first.cached, again.cached) == (0, 1)
    assert again.rows == first.rows
    target.write_text(source.replace("value: 3", "value: 12"), encoding="utf-8")
    changed = load_index([tmp_path])
    assert changed.cached == 0
    assert changed.rows[0].time_value == 12


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"\x00\x01", "binary file"),
        (b"", "no known `kind`"),
        (b"title: x\n", "no known `kind`"),
        (b"kind: procedure-catalog\nprocedures: 5\n", "no `procedures` list"),
        (b"kind: [unclosed\n", "bad.yaml"),
    ],
)
def test_bad_files_are_one_line_each(tmp_path: Path, text: bytes, message: str) -> None:
    (tmp_path / "bad.yaml").write_bytes(text)
    (tmp_path / "units.yaml").write_text(
        'kind: units\nprovince: {code: "48", name: X}\neffective: 2025-07-01\ncommunes: []\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["stats", str(tmp_path), "--format", "json"])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "units.yaml" not in result.stderr  # a units file simply has no procedures
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["total"]["procedures"] == 0
