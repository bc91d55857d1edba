"""`tthc --quiet` drops summaries (problems stay); `tthc --verbose` adds the time taken."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import CATALOG_HEAD, PROCEDURE, REPO
from tthc_cli.cli.app import app

runner = CliRunner()


def test_quiet_validate_prints_findings_but_no_summary(tmp_path: Path) -> None:
    path = tmp_path / "xa.yaml"
    path.write_text(CATALOG_HEAD + PROCEDURE + PROCEDURE, encoding="utf-8")
    loud = runner.invoke(app, ["validate", str(path), "--no-config"])
    quiet = runner.invoke(app, ["-q", "validate", str(path), "--no-config"])
    assert "Checked" in loud.stdout
    assert "Checked" not in quiet.stdout
    assert "TT101" in quiet.stdout
    assert quiet.exit_code == loud.exit_code == 1


def test_quiet_clean_run_prints_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = runner.invoke(app, ["--quiet", "validate"])
    assert result.exit_code == 0
    assert result.stdout == ""


def test_quiet_diff_and_dedupe_drop_their_summaries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    diff = runner.invoke(app, ["-q", "diff", "catalogs/da-nang/2024", "catalogs/da-nang/2025"])
    assert "before \\ after" not in diff.stdout
    assert "MOVED (19)" in diff.stdout
    dedupe = runner.invoke(app, ["-q", "dedupe-names"], env={"COLUMNS": "200"})
    assert "Checked" not in dedupe.stdout
    assert "duplicate" in dedupe.stdout


def test_verbose_reports_the_time_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = runner.invoke(app, ["-v", "validate"])
    assert result.exit_code == 0
    assert "tthc validate: " in result.stderr
    assert result.stderr.strip().endswith(" s")
