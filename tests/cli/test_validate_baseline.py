"""`tthc validate --baseline`: recording today's findings, failing only on new ones, fixed
entries, survival of edits above a finding and of reordering, SARIF baselineState."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from helpers import CATALOG_HEAD, PROCEDURE, SHARED
from tthc_cli.cli.app import app
from tthc_cli.validation.baseline import read_baseline

runner = CliRunner()
SARIF_SCHEMA = SHARED / "data" / "spec" / "sarif-schema-2.1.0.json"

# Two procedures each missing `agency` (TT110), one with a double space (TT202).
FIRST = PROCEDURE.replace("    agency: Ủy ban nhân dân cấp xã\n", "")
SECOND = FIRST.replace("1.001193", "2.000720").replace("khai sinh", "kết  hôn")
# A third procedure with both problems again, under another code and name.
THIRD = SECOND.replace("2.000720", "1.000002").replace("kết  hôn", "nhận  con nuôi")
TEXT = CATALOG_HEAD + FIRST + SECOND
BASELINE = "tthc-baseline.json"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "xa.yaml").write_text(TEXT, encoding="utf-8")
    return tmp_path


def _validate(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", "catalogs", "--no-config", *args])
    return result.exit_code, result.stdout + result.stderr


def _record(findings: int = 3) -> None:
    code, out = _validate("--baseline", BASELINE, "--update-baseline", "--strict")
    assert code == 0, out
    assert f"baseline tthc-baseline.json written: {findings} findings" in out


def test_update_records_sorted_entries_keyed_by_file_path_and_rule(project: Path) -> None:
    _record()
    text = (project / BASELINE).read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == 1
    keys = [(e["file"], e["path"], e["rule"]) for e in data["findings"]]
    assert keys == sorted(keys)
    assert keys == [
        ("catalogs/xa.yaml", "procedures[code=1.001193]", "TT110"),
        ("catalogs/xa.yaml", "procedures[code=2.000720]", "TT110"),
        ("catalogs/xa.yaml", "procedures[code=2.000720].name", "TT202"),
    ]
    assert all("line" not in entry for entry in data["findings"])
    assert len(text.splitlines()) == 4 + 3 + 2  # one line per entry: short diffs
    assert not list(project.glob("*.tmp*"))


def test_known_findings_pass_and_new_ones_fail(project: Path) -> None:
    _record()
    code, out = _validate("--baseline", BASELINE, "--strict")
    assert code == 0, out
    assert "3 known findings left out (in the baseline tthc-baseline.json)" in out
    catalog = project / "catalogs" / "xa.yaml"
    clean = PROCEDURE.replace("1.001193", "1.000001").replace("khai sinh", "giám hộ")
    catalog.write_text(TEXT + clean, encoding="utf-8")
    code, out = _validate("--baseline", BASELINE, "--format", "json")
    data = json.loads(out[: out.rindex("}") + 1])
    assert code == 0  # the new procedure is clean
    assert data["baseline"]["known"] == 3
    catalog.write_text(TEXT + THIRD, encoding="utf-8")
    code, out = _validate("--baseline", BASELINE, "--strict")
    assert code == 1
    assert "procedures[2]" in out
    assert "3 known findings left out" in out


def test_entries_survive_100_lines_above_and_reordered_procedures(project: Path) -> None:
    _record()
    filler = "".join(f"# ghi chú {n}\n" for n in range(100))
    moved = CATALOG_HEAD.replace("kind:", filler + "kind:") + SECOND + FIRST
    (project / "catalogs" / "xa.yaml").write_text(moved, encoding="utf-8")
    code, out = _validate("--baseline", BASELINE, "--strict")
    assert code == 0, out
    assert "3 known findings left out" in out


def test_fixed_entries_are_reported_and_fail_only_with_strict(project: Path) -> None:
    _record()
    fixed = TEXT.replace("kết  hôn", "kết hôn")
    (project / "catalogs" / "xa.yaml").write_text(fixed, encoding="utf-8")
    code, out = _validate("--baseline", BASELINE)
    assert code == 0, out
    assert "Fixed since the baseline tthc-baseline.json:" in out
    assert "catalogs/xa.yaml  TT202 irregular-whitespace  @ procedures[code=2.000720].name" in out
    assert "1 baseline entry is fixed: run --update-baseline" in out
    code, _ = _validate("--baseline", BASELINE, "--strict")
    assert code == 1
    _validate("--baseline", BASELINE, "--update-baseline")
    assert len(read_baseline(project / BASELINE)) == 2  # the baseline only shrinks
    assert _validate("--baseline", BASELINE, "--strict")[0] == 0


def test_a_run_over_some_files_or_rules_judges_only_their_entries(project: Path) -> None:
    other = project / "catalogs" / "other.yaml"
    other.write_text(TEXT.replace("1.001193", "1.009999").replace("2.000720", "2.009999"))
    _record(6)
    assert len(read_baseline(project / BASELINE)) == 6
    result = runner.invoke(
        app, ["validate", "catalogs/xa.yaml", "--no-config", "--baseline", BASELINE, "--strict"]
    )
    assert result.exit_code == 0, result.output
    code, out = _validate("--baseline", BASELINE, "--strict", "--select", "TT110")
    assert code == 0, out
    # Updating with part of the tree keeps the entries of the rest.
    other.write_text(TEXT.replace("1.001193", "1.009999"), encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "validate",
            "catalogs/xa.yaml",
            "--no-config",
            "--baseline",
            BASELINE,
            "--update-baseline",
        ],
    )
    assert result.exit_code == 0, result.output
    assert len(read_baseline(project / BASELINE)) == 6


def test_entries_hold_when_run_from_another_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _record()
    monkeypatch.chdir(project / "catalogs")
    code = runner.invoke(
        app, ["validate", ".", "--no-config", "--baseline", "../tthc-baseline.json", "--strict"]
    ).exit_code
    assert code == 0


def test_sarif_sets_baseline_state_and_validates(project: Path) -> None:
    _record()
    fixed = TEXT.replace("kết  hôn", "kết hôn") + THIRD
    (project / "catalogs" / "xa.yaml").write_text(fixed, encoding="utf-8")
    code, out = _validate("--baseline", BASELINE, "--format", "sarif")
    assert code == 0  # the new findings are warnings
    data = json.loads(out[: out.rindex("}") + 1])
    states = sorted(
        (r["baselineState"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"])
        for r in data["runs"][0]["results"]
    )
    assert states == [
        ("absent", "procedures[code=2.000720].name"),
        ("new", "procedures[2]"),
        ("new", "procedures[2].name"),
        ("unchanged", "procedures[0]"),
        ("unchanged", "procedures[1]"),
    ]
    if SARIF_SCHEMA.is_file():
        jsonschema.validate(data, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def test_bad_baseline_use_is_one_line_and_exit_2(project: Path) -> None:
    code, out = _validate("--update-baseline")
    assert code == 2
    assert "--update-baseline needs --baseline FILE" in out
    code, out = _validate("--baseline", "missing.json")
    assert code == 2
    assert "missing.json: baseline file not found; create it with --update-baseline" in out
    (project / "broken.json").write_text('{"version": 1, "findings": [{"file": 1}]}')
    code, out = _validate("--baseline", "broken.json")
    assert code == 2
    assert "broken.json: a baseline entry needs file, path and rule" in out
    assert "Traceback" not in out


def test_messages_in_vietnamese(project: Path) -> None:
    from tthc_cli.runtime.i18n import catalog_available

    if not catalog_available("vi"):
        pytest.skip("the Vietnamese catalog is compiled at install")
    _record()
    result = runner.invoke(
        app, ["--lang", "vi", "validate", "catalogs", "--no-config", "--baseline", BASELINE]
    )
    assert "3 phát hiện đã biết được bỏ qua (có trong baseline tthc-baseline.json)" in (
        result.stdout
    )


def test_a_baseline_that_cannot_be_written_is_one_line_and_exit_2(project: Path) -> None:
    code, out = _validate("--baseline", "no-such-folder/bl.json", "--update-baseline")
    assert code == 2
    assert "no-such-folder/bl.json: cannot write" in out
    assert "Traceback" not in out
    assert "internal error" not in out
