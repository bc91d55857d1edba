"""`tthc fmt` and `tthc validate --fix` through the CLI: writing, --check, --diff, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import CATALOG_HEAD, PROCEDURE
from tthc_cli.cli.app import app

runner = CliRunner()
CLEAN = CATALOG_HEAD + PROCEDURE
DIRTY = CLEAN.replace("Đăng ký khai sinh", '"Đăng ký  khai sinh "').replace(
    "123/2015/NĐ-CP", "123/2015/ND-CP"
)
FIXED = CLEAN.replace("Đăng ký khai sinh", '"Đăng ký khai sinh"')
LEGACY = CLEAN.replace("Hộ tịch", "Hé tÞch")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalogs").mkdir()
    return tmp_path


def _write(root: Path, name: str, text: str) -> Path:
    path = root / "catalogs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_fmt_fixes_files_and_reports_each(project: Path) -> None:
    dirty = _write(project, "a.yaml", DIRTY)
    _write(project, "b.yaml", CLEAN)
    result = runner.invoke(app, ["fmt"])
    assert result.exit_code == 0, result.output
    assert dirty.read_text(encoding="utf-8") == FIXED
    assert result.stdout.splitlines() == [
        "fixed catalogs/a.yaml: 2 values (spaces 1, document-symbol 1)",
        "Fixed 2 values in 1 file, 1 already formatted.",
    ]
    again = runner.invoke(app, ["fmt"])
    assert again.exit_code == 0
    assert again.stdout == "2 files already formatted.\n"


def test_check_writes_nothing_and_exits_1_when_something_would_change(project: Path) -> None:
    dirty = _write(project, "a.yaml", DIRTY)
    _write(project, "b.yaml", CLEAN)
    result = runner.invoke(app, ["fmt", "--check"])
    assert result.exit_code == 1
    assert "would fix catalogs/a.yaml: 2 values" in result.stdout
    assert "1 file would be fixed, 1 already formatted." in result.stdout
    assert "b.yaml" not in result.stdout
    assert dirty.read_text(encoding="utf-8") == DIRTY
    clean = runner.invoke(app, ["fmt", "--check", "catalogs/b.yaml"])
    assert clean.exit_code == 0
    assert clean.stdout == "1 file already formatted.\n"


def test_diff_prints_a_unified_diff_and_writes_nothing(project: Path) -> None:
    dirty = _write(project, "a.yaml", DIRTY)
    result = runner.invoke(app, ["fmt", "--diff"])
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/catalogs/a.yaml\n+++ b/catalogs/a.yaml\n@@ ")
    assert '-    name: "Đăng ký  khai sinh "\n+    name: "Đăng ký khai sinh"\n' in result.stdout
    assert '+    legal_basis: ["60/2014/QH13", "123/2015/NĐ-CP"]\n' in result.stdout
    # The summary goes to stderr so the diff can be piped to patch.
    assert "would fix catalogs/a.yaml" in result.stderr
    assert dirty.read_text(encoding="utf-8") == DIRTY
    assert runner.invoke(app, ["fmt", "--diff", "--check"]).exit_code == 1
    runner.invoke(app, ["fmt"])
    nothing = runner.invoke(app, ["fmt", "--diff"])
    assert nothing.exit_code == 0
    assert nothing.stdout == ""


def test_diff_applies_with_patch(project: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("patch") is None:
        pytest.skip("no patch(1) here")
    dirty = _write(project, "a.yaml", DIRTY.replace("\n", "\r\n"))
    result = runner.invoke(app, ["fmt", "--diff"])
    subprocess.run(["patch", "-p1", "--quiet"], input=result.stdout_bytes, check=True)
    assert dirty.read_bytes() == FIXED.replace("\n", "\r\n").encode()


def test_fix_encoding_converts_and_lists_each_conversion(project: Path) -> None:
    legacy = _write(project, "a.yaml", LEGACY)
    plain = runner.invoke(app, ["fmt", "--check"])
    assert plain.exit_code == 0  # mojibake is converted only when asked for
    result = runner.invoke(app, ["fmt", "--fix-encoding"])
    assert result.exit_code == 0, result.output
    assert legacy.read_text(encoding="utf-8") == CLEAN
    assert '  catalogs/a.yaml:8: "Hé tÞch" → "Hộ tịch" (TCVN3)' in result.stdout.splitlines()


def test_unreadable_and_invalid_files_exit_2_and_the_rest_is_fixed(project: Path) -> None:
    _write(project, "bad.yaml", "kind: units\nx: [a\n")
    (project / "catalogs" / "latin.yaml").write_bytes(b"kind: units\nname: H\xe0\n")
    dirty = _write(project, "ok.yaml", DIRTY)
    result = runner.invoke(app, ["fmt"])
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("error: catalogs/bad.yaml:")
    assert "cannot format: YAML syntax error" in errors[0]
    assert errors[1].startswith("error: catalogs/latin.yaml:2:8: not valid UTF-8")
    assert "Traceback" not in result.output
    assert dirty.read_text(encoding="utf-8") == FIXED
    assert runner.invoke(app, ["fmt", "--check"]).exit_code == 2


def test_missing_paths_exit_2(project: Path) -> None:
    result = runner.invoke(app, ["fmt", "nowhere.yaml"])
    assert result.exit_code == 2
    assert "nowhere.yaml: no such file or directory" in result.stderr


def test_files_that_are_not_catalogs_are_left_alone(project: Path) -> None:
    other = _write(project, "workflow.yml", "on: push\nname: 'x  y'\n")
    result = runner.invoke(app, ["fmt", "--check"])
    assert result.exit_code == 0
    assert "catalogs/workflow.yml: not a catalog" in result.stderr
    assert other.read_text(encoding="utf-8") == "on: push\nname: 'x  y'\n"


def test_settings_tone_style_and_exclude(project: Path) -> None:
    first = _write(project, "a.yaml", CLEAN.replace("Hộ tịch", "Hòa giải"))
    drafts = _write(project, "drafts/b.yaml", DIRTY)
    (project / "tthc.toml").write_text(
        'tone-style = "second-vowel"\nexclude = ["*/drafts/*"]\n', encoding="utf-8"
    )
    result = runner.invoke(app, ["fmt"])
    assert result.exit_code == 0, result.output
    assert "Hoà giải" in first.read_text(encoding="utf-8")
    assert drafts.read_text(encoding="utf-8") == DIRTY
    runner.invoke(app, ["fmt", "--no-config"])
    assert "Hòa giải" in first.read_text(encoding="utf-8")
    assert drafts.read_text(encoding="utf-8") == FIXED


def test_bad_config_exits_2(project: Path) -> None:
    (project / "tthc.toml").write_text('tone-style = "middle"\n', encoding="utf-8")
    result = runner.invoke(app, ["fmt"])
    assert result.exit_code == 2
    assert "tone-style" in result.stderr


def test_help_has_examples() -> None:
    result = runner.invoke(app, ["fmt", "--help"])
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert "tthc fmt --check" in result.stdout or "tthc fmt catalogs" in result.stdout


# ------------------------------------------------------------------- validate --fix


def test_validate_fix_applies_the_safe_fixes_then_reports_what_remains(project: Path) -> None:
    # the other tone style (TT204) in the agency: the field stays a national one (TT111)
    text = DIRTY.replace("cấp xã", "cấp xã hoà", 1) + PROCEDURE  # + a duplicate code (TT101)
    target = _write(project, "xa.yaml", text)
    before = runner.invoke(app, ["validate", "--format", "json"])
    rules_before = {f["rule"] for f in json.loads(before.stdout)["findings"]}
    assert {"TT101", "TT109", "TT202", "TT204"} <= rules_before
    result = runner.invoke(app, ["validate", "--fix", "--format", "json"])
    assert result.exit_code == 1  # TT101 is an error no fix can remove
    report = json.loads(result.stdout)  # stdout stays the report alone
    assert {f["rule"] for f in report["findings"]} == {"TT101"}
    assert result.stderr.startswith("fixed catalogs/xa.yaml: ")
    assert "hòa" in target.read_text(encoding="utf-8")


def test_validate_fix_applies_only_enabled_rules(project: Path) -> None:
    target = _write(project, "xa.yaml", DIRTY)
    result = runner.invoke(app, ["validate", "--fix", "--ignore", "TT109"])
    assert result.exit_code == 0
    fixed = target.read_text(encoding="utf-8")
    assert '"Đăng ký khai sinh"' in fixed
    assert "123/2015/ND-CP" in fixed  # TT109 is not enabled, so its fix is not applied
    assert "TT202" not in result.stdout


def test_validate_fix_respects_inline_ignores(project: Path) -> None:
    text = DIRTY.replace('"Đăng ký  khai sinh "', '"Đăng ký  khai sinh "  # tthc: ignore[TT202]')
    target = _write(project, "xa.yaml", text)
    runner.invoke(app, ["validate", "--fix"])
    assert '"Đăng ký  khai sinh "  # tthc: ignore[TT202]' in target.read_text(encoding="utf-8")


def test_validate_fix_leaves_unreadable_files_to_the_report(project: Path) -> None:
    _write(project, "bad.yaml", "kind: units\nx: [a\n")
    (project / "catalogs" / "latin.yaml").write_bytes(b"kind: units\nname: H\xe0\n")
    result = runner.invoke(app, ["validate", "--fix"])
    assert result.exit_code == 2
    assert result.stderr.count("latin.yaml") == 1  # reported once, by validate
    assert "TT001" in result.stdout
