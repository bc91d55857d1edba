"""`tthc diff` through the CLI: exit codes, filters, decisions file, bad input."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from typer.testing import CliRunner

from helpers import catalog
from tthc_cli.cli.app import app

runner = CliRunner()
OLD = [
    {"code": "1.008903", "name": "Cấp phép xây dựng nhà ở riêng lẻ (cũ)"},
    {"code": "1.001193", "name": "Đăng ký khai sinh"},
]
NEW = [
    {"code": "1.013225", "name": "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ"},
    {"code": "1.001193", "name": "Đăng ký khai sinh"},
]


def files(
    tmp_path: Path, old: Sequence[Mapping[str, object]], new: Sequence[Mapping[str, object]]
) -> tuple[str, str]:
    a, b = tmp_path / "old.yaml", tmp_path / "new.yaml"
    a.write_text(catalog(old, effective="2024-07-01"), encoding="utf-8")
    b.write_text(catalog(new), encoding="utf-8")
    return str(a), str(b)


def test_same_is_exit_0(tmp_path: Path) -> None:
    a, b = files(tmp_path, NEW, NEW)
    result = runner.invoke(app, ["diff", a, b])
    assert result.exit_code == 0, result.output
    assert "unchanged 2" in result.stdout


def test_different_is_exit_1_and_json_has_the_design_shape(tmp_path: Path) -> None:
    a, b = files(tmp_path, OLD, NEW)
    result = runner.invoke(app, ["diff", a, b, "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert set(data["summary"]) >= {
        "old",
        "new",
        "transitions",
        "added",
        "removed",
        "changed",
        "unchanged",
    }
    assert {p["status"] for p in data["procedures"]} == {"added", "removed", "unchanged"}
    first = data["procedures"][0]
    assert set(first) >= {
        "status",
        "code",
        "old_code",
        "name",
        "old_levels",
        "new_levels",
        "match",
        "score",
        "changes",
    }


def test_decisions_file_pins_a_pair(tmp_path: Path) -> None:
    a, b = files(tmp_path, OLD, NEW)
    decisions = tmp_path / "pairs.yaml"
    decisions.write_text(
        'kind: diff-decisions\npairs:\n  - {old: "1.008903", new: "1.013225", '
        "note: thay thế theo QĐ 1077/QĐ-BXD}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["diff", a, b, "--format", "json", "--decisions", str(decisions)])
    procedures = json.loads(result.stdout)["procedures"]
    pinned = [p for p in procedures if p["match"] == "pinned"]
    assert [(p["old_code"], p["code"], p["status"]) for p in pinned] == [
        ("1.008903", "1.013225", "changed")
    ]
    # The decisions file is itself a valid catalog file for `tthc validate`.
    check = runner.invoke(app, ["validate", str(decisions), "--no-config"])
    assert check.exit_code == 0, check.stdout


def test_decisions_file_forbids_a_pair(tmp_path: Path) -> None:
    a, b = files(tmp_path, NEW, NEW)
    decisions = tmp_path / "pairs.yaml"
    decisions.write_text(
        'kind: diff-decisions\nforbid:\n  - {old: Đăng ký khai sinh, new: "1.001193"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["diff", a, b, "--format", "json", "--decisions", str(decisions)])
    statuses = sorted(p["status"] for p in json.loads(result.stdout)["procedures"])
    assert statuses == ["added", "removed", "unchanged"]


def test_bad_decisions_file_is_exit_2(tmp_path: Path) -> None:
    a, b = files(tmp_path, OLD, NEW)
    decisions = tmp_path / "pairs.yaml"
    decisions.write_text("kind: diff-decisions\npairs: [{old: x}]\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", a, b, "--decisions", str(decisions)])
    assert result.exit_code == 2
    assert "pairs.yaml" in result.stderr
    assert "invalid decisions file" in result.stderr


def test_only_and_field_filters(tmp_path: Path) -> None:
    a, b = files(tmp_path, OLD, NEW)
    result = runner.invoke(app, ["diff", a, b, "--format", "json", "--only", "added,removed"])
    data = json.loads(result.stdout)
    assert {p["status"] for p in data["procedures"]} == {"added", "removed"}
    assert data["summary"]["unchanged"] == 1  # the summary describes the whole diff
    bad = runner.invoke(app, ["diff", a, b, "--only", "moveed"])
    assert bad.exit_code == 2
    assert "unknown status 'moveed'" in bad.stderr


def test_missing_side_is_exit_2(tmp_path: Path) -> None:
    a, _ = files(tmp_path, OLD, NEW)
    result = runner.invoke(app, ["diff", a, str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or directory" in result.stderr
    assert "Traceback" not in result.output


def test_text_report_opens_with_the_matrix(tmp_path: Path) -> None:
    a, b = files(tmp_path, OLD, NEW)
    result = runner.invoke(app, ["diff", a, b], env={"COLUMNS": "120"})
    out = result.stdout
    assert out.index("before \\ after") < out.index("ADDED")
    assert "Not paired, but close" not in out or "~" in out


def test_unknown_field_is_a_usage_error(tmp_path: Path) -> None:
    a, b = files(tmp_path, OLD, NEW)
    result = runner.invoke(app, ["diff", a, b, "--field", "time-limit"])
    assert result.exit_code == 2
    assert "did you mean `time_limit`?" in result.stderr


def test_unquoted_code_in_decisions_gets_a_hint(tmp_path: Path) -> None:
    a, b = files(tmp_path, OLD, NEW)
    decisions = tmp_path / "pairs.yaml"
    decisions.write_text('kind: diff-decisions\npairs: [{old: 1.008903, new: "1.013225"}]\n')
    result = runner.invoke(app, ["diff", a, b, "--decisions", str(decisions)])
    assert result.exit_code == 2
    assert "write codes in quotes" in result.stderr


def test_decisions_naming_nothing_are_warned_about(tmp_path: Path) -> None:
    a, b = files(tmp_path, OLD, NEW)
    decisions = tmp_path / "pairs.yaml"
    decisions.write_text('kind: diff-decisions\npairs: [{old: "9.999999", new: "1.013225"}]\n')
    result = runner.invoke(app, ["diff", a, b, "--decisions", str(decisions)])
    assert "warning:" in result.stderr
    assert "names no procedure" in result.stderr
