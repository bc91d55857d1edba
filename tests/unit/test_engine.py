"""The engine: selection, severities, inline and per-file ignores, sorting, counts, exit codes."""

from __future__ import annotations

from pathlib import Path

from helpers import CATALOG_HEAD, PROCEDURE, run
from tthc_cli.validation.config import Settings
from tthc_cli.validation.engine import validate_paths
from tthc_cli.validation.findings import Severity

BAD = CATALOG_HEAD + PROCEDURE.replace("Đăng ký khai sinh", "Đăng ký  khai sinh") + PROCEDURE


def test_findings_are_sorted_by_position() -> None:
    findings = run(BAD)
    assert [(f.line, f.rule) for f in findings] == [(7, "TT202"), (14, "TT101")]


def test_select_and_ignore_by_code_prefix_and_name() -> None:
    assert {f.rule for f in run(BAD, select="TT2")} == {"TT202"}
    assert {f.rule for f in run(BAD, ignore=["duplicate-code"])} == {"TT202"}
    assert run(BAD, ignore=["ALL"]) == []


def test_severity_override_most_specific_wins() -> None:
    findings = run(BAD, severity={"ALL": "warning", "TT101": "error"})
    assert {(f.rule, f.severity) for f in findings} == {
        ("TT202", Severity.WARNING),
        ("TT101", Severity.ERROR),
    }


def test_inline_ignore_on_the_line() -> None:
    text = BAD.replace("Đăng ký  khai sinh", "Đăng ký  khai sinh  # tthc: ignore[TT202]")
    assert [f.rule for f in run(text)] == ["TT101"]


def test_inline_ignore_without_codes_silences_everything_on_the_line() -> None:
    lines = BAD.splitlines()
    lines[13] += "  # tthc: ignore"
    assert [f.rule for f in run("\n".join(lines) + "\n")] == ["TT202"]


def test_inline_ignore_of_another_rule_does_not_apply() -> None:
    text = BAD.replace("Đăng ký  khai sinh", "Đăng ký  khai sinh  # tthc: ignore[TT101]")
    assert [f.rule for f in run(text)] == ["TT202", "TT101"]


def test_file_level_ignore() -> None:
    text = "# tthc: ignore-file[TT202, TT1]\n" + BAD
    assert run(text) == []


def test_per_file_ignores_by_glob() -> None:
    findings = run({"catalogs/x/2024/xa.yaml": BAD}, per_file_ignores={"*/2024/*": ["TT202"]})
    assert [f.rule for f in findings] == ["TT101"]


def test_validate_paths_counts_and_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(CATALOG_HEAD + PROCEDURE, encoding="utf-8")
    warn = tmp_path / "sub" / "warn.yaml"
    warn.parent.mkdir()
    warn.write_text(
        CATALOG_HEAD
        + PROCEDURE.replace("Đăng ký khai sinh", '"Đăng ký kết hôn "').replace(
            "1.001193", "1.000894"
        ),
        encoding="utf-8",
    )
    result = validate_paths([tmp_path], Settings())
    assert (result.files, result.procedures, result.errors, result.warnings) == (2, 2, 0, 1)
    assert result.exit_code() == 0
    assert result.exit_code(strict=True) == 1


def test_unreadable_file_is_a_load_error_and_others_are_still_checked(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes("kind: units\n".encode("utf-16"))
    (tmp_path / "b.yaml").write_text(BAD, encoding="utf-8")
    result = validate_paths([tmp_path], Settings())
    assert [e.path.endswith("a.yaml") for e in result.load_errors] == [True]
    assert {f.rule for f in result.findings} == {"TT101", "TT202"}
    assert result.exit_code() == 2


def test_missing_path_and_empty_folder_are_load_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = validate_paths([tmp_path / "nope", empty], Settings())
    messages = [e.message for e in result.load_errors]
    assert messages == [
        "no such file or directory",
        "no catalog files (*.yaml, *.yml) in this folder",
    ]


def test_symlink_loop_is_not_followed_forever(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(CATALOG_HEAD + PROCEDURE, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    result = validate_paths([tmp_path], Settings())
    assert result.files == 1


def test_exclude_and_hidden_folders(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.yaml").write_text("kind: junk\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.yaml").write_text("kind: junk\n", encoding="utf-8")
    (tmp_path / "ok.yml").write_text(CATALOG_HEAD + PROCEDURE, encoding="utf-8")
    result = validate_paths([tmp_path], Settings(exclude=["*/drafts/*"]))
    assert result.files == 1
    assert result.findings == []
