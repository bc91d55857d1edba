"""Reporter details beyond the golden files: GitHub escaping and limits, SARIF validity."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from rich.console import Console

from helpers import SHARED
from tthc_cli.reports.validate import REPORTERS
from tthc_cli.reports.validate.github import (
    MAX_ANNOTATIONS,
    GithubReporter,
    annotation,
    escape_data,
    escape_property,
)
from tthc_cli.reports.validate.sarif import as_data, fingerprint
from tthc_cli.validation.findings import Finding, Severity
from tthc_cli.validation.results import ValidationResult

SARIF_SCHEMA = SHARED / "data" / "spec" / "sarif-schema-2.1.0.json"


def _finding(**kwargs: object) -> Finding:
    base: dict[str, object] = {
        "rule": "TT101",
        "name": "duplicate-code",
        "severity": Severity.ERROR,
        "message": "code 1.001193 is already used at line 6",
        "file": "catalogs/da-nang/2025/xa.yaml",
        "line": 14,
        "column": 11,
    }
    base.update(kwargs)
    return Finding(**base)  # type: ignore[arg-type]


def _render(result: ValidationResult, fmt: str) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, color_system=None)
    REPORTERS[fmt]().render(result, console)
    return buffer.getvalue()


def test_workflow_command_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = annotation(_finding(file="dir,x:y.yaml", message="bad: 100%\nmore"))
    assert line == (
        "::error file=dir%2Cx%3Ay.yaml,line=14,col=11,title=TT101 duplicate-code"
        "::bad: 100%25%0Amore"
    )
    assert annotation(_finding(severity=Severity.WARNING)).startswith("::warning ")


def test_at_most_ten_annotations_then_a_notice_and_the_step_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    findings = [_finding(line=n, message=f"problem | {n}") for n in range(1, 16)]
    result = ValidationResult(findings=findings, files=1)
    out = _render(result, "github")
    annotations = [line for line in out.splitlines() if line.startswith("::error")]
    assert len(annotations) == MAX_ANNOTATIONS
    assert "::notice title=tthc::5 more findings" in out
    assert "see the step summary" in out
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## tthc validate")
    assert text.count("| catalogs/da-nang/2025/xa.yaml |") == 15
    assert "problem \\| 15" in text  # pipes escaped inside the Markdown table


def test_errors_are_annotated_before_warnings() -> None:
    findings = [_finding(line=n, severity=Severity.WARNING) for n in range(1, 12)]
    findings.append(_finding(line=99))
    out = _render(ValidationResult(findings=findings), "github")
    assert out.splitlines()[0].startswith("::error ")


def test_no_step_summary_without_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Where the summary would go with the variable set; unset, nothing may be written anywhere
    # (the run's working directory included) and the overflow notice points elsewhere.
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    monkeypatch.chdir(tmp_path)
    findings = [_finding(line=n) for n in range(1, 16)]
    buffer = io.StringIO()
    GithubReporter().render(ValidationResult(findings=findings, files=1), Console(file=buffer))
    out = buffer.getvalue()
    assert not summary.exists()
    assert list(tmp_path.iterdir()) == []
    assert "::notice title=tthc::5 more findings" in out
    assert "see the output of --format text" in out
    assert "step summary" not in out
    assert capsys.readouterr().err == ""  # no "cannot write the step summary" warning either


def test_fingerprint_is_stable_and_ignores_line_moves() -> None:
    assert fingerprint(_finding()) == fingerprint(_finding(line=40))
    assert fingerprint(_finding()) != fingerprint(_finding(file="other.yaml"))
    # The second finding with the same message in a file is a different alert.
    assert fingerprint(_finding(), 0) != fingerprint(_finding(), 1)


@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason=f"{SARIF_SCHEMA} is not present")
def test_sarif_validates_against_the_published_schema() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    result = ValidationResult(
        findings=[
            _finding(),
            _finding(severity=Severity.WARNING, rule="TT202", name="irregular-whitespace"),
        ],
        files=1,
    )
    data = as_data(result)
    jsonschema.validate(data, schema)
    driver = data["runs"][0]["tool"]["driver"]
    assert all(
        {"id", "name", "shortDescription", "help", "defaultConfiguration"} <= set(rule)
        for rule in driver["rules"]
    )
    results = data["runs"][0]["results"]
    assert results[0]["ruleId"] == "TT101"
    assert driver["rules"][results[0]["ruleIndex"]]["id"] == "TT101"
    assert results[1]["level"] == "warning"
