"""`tthc validate` through the CLI: exit codes, stdout/stderr split, options and config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import CATALOG_HEAD, PROCEDURE, REPO
from tthc_cli.cli.app import app

runner = CliRunner()
GOOD = CATALOG_HEAD + PROCEDURE
WARN = GOOD.replace("Đăng ký khai sinh", '"Đăng ký khai sinh "')
BAD = GOOD + PROCEDURE


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalogs").mkdir()
    return tmp_path


def _write(root: Path, name: str, text: str) -> Path:
    path = root / "catalogs" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_catalogs_exit_0_with_summary(project: Path) -> None:
    _write(project, "xa.yaml", GOOD)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "Checked 1 file, 1 procedure" in result.stdout
    assert "no problems" in result.stdout


def test_errors_exit_1(project: Path) -> None:
    _write(project, "xa.yaml", BAD)
    result = runner.invoke(app, ["validate", "catalogs"])
    assert result.exit_code == 1
    assert "TT101" in result.stdout
    assert "catalogs/xa.yaml" in result.stdout


def test_warnings_exit_0_unless_strict(project: Path) -> None:
    _write(project, "xa.yaml", WARN)
    assert runner.invoke(app, ["validate"]).exit_code == 0
    assert runner.invoke(app, ["validate", "--strict"]).exit_code == 1


def test_strict_from_config(project: Path) -> None:
    _write(project, "xa.yaml", WARN)
    (project / "tthc.toml").write_text("strict = true\n", encoding="utf-8")
    assert runner.invoke(app, ["validate"]).exit_code == 1
    assert runner.invoke(app, ["validate", "--no-config"]).exit_code == 0


def test_select_and_ignore_options(project: Path) -> None:
    _write(project, "xa.yaml", BAD)
    assert runner.invoke(app, ["validate", "--ignore", "TT101"]).exit_code == 0
    assert runner.invoke(app, ["validate", "--select", "TT2"]).exit_code == 0
    result = runner.invoke(app, ["validate", "--select", "TT999"])
    assert result.exit_code == 2
    assert "names no rule" in result.stderr


def test_missing_default_folder_is_exit_2_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "catalogs: no such file or directory" in result.stderr
    assert "Traceback" not in result.output


def test_bad_config_is_exit_2(project: Path) -> None:
    _write(project, "xa.yaml", GOOD)
    (project / "tthc.toml").write_text("selec = []\n", encoding="utf-8")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "unknown setting `selec` (did you mean `select`?)" in result.stderr
    missing = runner.invoke(app, ["validate", "--config", "nope.toml"])
    assert missing.exit_code == 2
    assert "nope.toml: configuration file not found" in missing.stderr


def test_unreadable_file_is_reported_and_the_rest_checked(project: Path) -> None:
    (project / "catalogs" / "a.yaml").write_bytes(b"\xff\xfek\x00")
    _write(project, "b.yaml", BAD)
    result = runner.invoke(app, ["validate", "--format", "json"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "catalogs/a.yaml: file is encoded as UTF-16-LE" in result.stderr
    data = json.loads(result.stdout)
    assert [f["rule"] for f in data["findings"]] == ["TT101"]
    assert data["summary"]["load_errors"] == 1


def test_malformed_yaml_is_a_finding_and_other_files_are_checked(project: Path) -> None:
    _write(project, "a.yaml", "kind: units\ncommunes: [\n")
    _write(project, "b.yaml", BAD)
    result = runner.invoke(app, ["validate", "--format", "json"])
    assert result.exit_code == 1
    rules = [(f["file"], f["rule"]) for f in json.loads(result.stdout)["findings"]]
    assert rules == [("catalogs/a.yaml", "TT001"), ("catalogs/b.yaml", "TT101")]


def test_output_file_is_written(project: Path) -> None:
    _write(project, "xa.yaml", BAD)
    result = runner.invoke(app, ["validate", "--format", "sarif", "-o", "out.sarif"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads((project / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_github_format_writes_step_summary(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(project, "xa.yaml", BAD)
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = runner.invoke(app, ["validate", "--format", "github"])
    assert result.stdout.startswith("::error file=catalogs/xa.yaml,line=14,col=11,")
    assert "TT101" in summary.read_text(encoding="utf-8")


def test_shipped_catalogs_validate_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = runner.invoke(app, ["validate"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "no problems" in result.stdout


def test_load_error_text_is_not_taken_for_markup(project: Path) -> None:
    (project / "catalogs" / "big.yaml").write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    (project / "tthc.toml").write_text("max-file-size = 1\n", encoding="utf-8")
    big = project / "catalogs" / "big.yaml"
    with big.open("ab") as handle:
        handle.truncate(2 * 1024 * 1024)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "[tool.tthc]" in result.stderr
