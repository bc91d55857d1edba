"""`tthc validate` against a reference list: the setting, `--reference`, the cache and the
offered fix in every output."""

from __future__ import annotations

import json
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
    ],
    province="00",
)
LIST = catalog(
    [
        {"code": "1.001193", "name": "Đăng kí khai sinh", "online": "full"},
        {"code": "1.000894", "name": "Đăng ký kết hôn"},
    ]
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "national").mkdir()
    (tmp_path / "national" / "xa.yaml").write_text(NATIONAL, encoding="utf-8")
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "xa.yaml").write_text(LIST, encoding="utf-8")
    return tmp_path


def _rules(output: str) -> list[str]:
    return [f["rule"] for f in json.loads(output)["findings"]]


def _json(*args: str) -> list[str]:
    result = runner.invoke(
        app, ["validate", "catalogs", "--format", "json", "--select", "TT15", *args]
    )
    assert result.exit_code == 0, result.output
    return _rules(result.stdout)


def test_no_reference_no_reference_findings(project: Path) -> None:
    assert _json() == []


def test_reference_option(project: Path) -> None:
    assert _json("--reference", "national") == ["TT151"]


def test_reference_setting_is_relative_to_the_configuration(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "tthc.toml").write_text('reference = ["national"]\n', encoding="utf-8")
    assert _json() == ["TT151"]
    monkeypatch.chdir(project / "catalogs")
    result = runner.invoke(app, ["validate", ".", "--format", "json", "--select", "TT15"])
    assert result.exit_code == 0, result.output
    assert _rules(result.stdout) == ["TT151"]


def test_the_option_replaces_the_setting(project: Path) -> None:
    (project / "tthc.toml").write_text('reference = ["nowhere"]\n', encoding="utf-8")
    assert _json("--reference", "national") == ["TT151"]


def test_a_misspelt_setting_is_refused_with_a_suggestion(project: Path) -> None:
    (project / "tthc.toml").write_text('referense = ["national"]\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", "catalogs"])
    assert result.exit_code == 2
    assert "unknown setting `referense` (did you mean `reference`?)" in result.stderr


def test_reference_files_are_not_validated_unless_checked(project: Path) -> None:
    # The national file has no agency, time limit or fees (TT110) and province "00" (TT302).
    result = runner.invoke(
        app, ["validate", "catalogs", "--format", "json", "--reference", "national"]
    )
    files = {f["file"] for f in json.loads(result.stdout)["findings"]}
    assert files == {"catalogs/xa.yaml"}
    result = runner.invoke(
        app, ["validate", "catalogs", "national", "--format", "json", "--reference", "national"]
    )
    findings = json.loads(result.stdout)["findings"]
    assert {f["file"] for f in findings} == {"catalogs/xa.yaml", "national/xa.yaml"}
    # Checked, but not against itself.
    assert not [
        f
        for f in findings
        if f["file"] == "national/xa.yaml" and f["rule"] >= "TT150" and f["rule"] < "TT160"
    ]


def test_an_unreadable_reference_file_is_one_error_and_the_rest_counts(project: Path) -> None:
    (project / "national" / "broken.yaml").write_text("kind: [", encoding="utf-8")
    result = runner.invoke(app, ["validate", "catalogs", "--reference", "national"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert errors[0].startswith("error: national/broken.yaml:")
    assert "TT151" in result.stdout


def test_the_cache_notices_a_changed_reference(project: Path) -> None:
    args = [
        "validate",
        "catalogs",
        "--format",
        "json",
        "--select",
        "TT15",
        "--reference",
        "national",
    ]
    assert _rules(runner.invoke(app, args).stdout) == ["TT151"]
    assert _rules(runner.invoke(app, args).stdout) == ["TT151"]  # from the cache
    (project / "national" / "xa.yaml").write_text(
        NATIONAL.replace("Đăng ký khai sinh", "Đăng kí khai sinh"), encoding="utf-8"
    )
    assert _rules(runner.invoke(app, args).stdout) == []


def test_the_offered_fix_in_text_json_and_sarif(project: Path) -> None:
    base = ["validate", "catalogs", "--select", "TT151", "--reference", "national"]
    text = runner.invoke(app, base).stdout
    assert "[suggestion: take the reference name: Đăng ký khai sinh]" in text
    (finding,) = json.loads(runner.invoke(app, [*base, "--format", "json"]).stdout)["findings"]
    assert finding["suggestion"] == {
        "description": "take the reference name: Đăng ký khai sinh",
        "replacement": "Đăng ký khai sinh",
    }
    sarif = json.loads(runner.invoke(app, [*base, "--format", "sarif"]).stdout)
    (result,) = sarif["runs"][0]["results"]
    assert result["properties"]["suggestion"]["replacement"] == "Đăng ký khai sinh"


def test_fmt_and_fix_leave_the_name_alone(project: Path) -> None:
    (project / "tthc.toml").write_text('reference = ["national"]\n', encoding="utf-8")
    before = (project / "catalogs" / "xa.yaml").read_text(encoding="utf-8")
    assert runner.invoke(app, ["fmt", "catalogs"]).exit_code == 0
    runner.invoke(app, ["validate", "catalogs", "--fix"])
    assert (project / "catalogs" / "xa.yaml").read_text(encoding="utf-8") == before


def test_findings_in_vietnamese(project: Path) -> None:
    result = runner.invoke(
        app,
        ["--lang", "vi", "validate", "catalogs", "--select", "TT151", "--reference", "national"],
    )
    assert "khác tên trong danh mục tham chiếu" in result.stdout
