"""Golden files for every validate reporter; regenerate with TTHC_UPDATE_GOLDEN=1 pytest."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tthc_cli.cli.app import app

GOLDEN = Path(__file__).parent / "golden" / "validate"
UPDATE = os.environ.get("TTHC_UPDATE_GOLDEN") == "1"
runner = CliRunner()


def _run(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(GOLDEN / "input")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    result = runner.invoke(app, ["validate", ".", "--no-config", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("fmt", "golden"),
    [
        ("text", "text.txt"),
        ("json", "json.json"),
        ("github", "github.txt"),
        ("sarif", "sarif.json"),
    ],
)
def test_reporter_output_matches_golden(
    monkeypatch: pytest.MonkeyPatch, fmt: str, golden: str
) -> None:
    code, out, err = _run(monkeypatch, "--format", fmt)
    assert code == 2  # legacy.yaml is unreadable: exit 2 although the rest was checked
    assert err.count("\n") == 1
    assert "legacy.yaml:2:8: not valid UTF-8 at byte offset 19" in err
    path = GOLDEN / golden
    if UPDATE:
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), f"regenerate with TTHC_UPDATE_GOLDEN=1 ({path})"


def test_json_and_sarif_report_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out_json, _ = _run(monkeypatch, "--format", "json")
    _, out_sarif, _ = _run(monkeypatch, "--format", "sarif")
    findings = json.loads(out_json)["findings"]
    results = json.loads(out_sarif)["runs"][0]["results"]
    as_json = [
        (f["rule"], f["file"], f["line"], f["column"], f["message"], f["path"]) for f in findings
    ]
    as_sarif = [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            r["message"]["text"],
            r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        )
        for r in results
    ]
    assert as_json == as_sarif
