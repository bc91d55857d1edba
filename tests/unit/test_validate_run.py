"""validation/run.py: the settings, --fix, --changed-only and the cache wired for validate."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CATALOG_HEAD, PROCEDURE
from tthc_cli.fixing.formatting import apply_rule_fixes
from tthc_cli.runtime.errors import ConfigError
from tthc_cli.validation.run import ValidateOptions, load_config, run_validate

GOOD = CATALOG_HEAD + PROCEDURE
WARN = GOOD.replace("Đăng ký khai sinh", '"Đăng ký khai sinh "')


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # the cache folder is relative to the working directory
    monkeypatch.delenv("TTHC_CACHE_DIR")  # by default
    (tmp_path / "catalogs").mkdir()
    return tmp_path


def test_a_missing_config_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "none.toml", False, tmp_path)


def test_the_nearest_config_file_is_read_unless_no_config(tmp_path: Path) -> None:
    (tmp_path / "tthc.toml").write_text("strict = true\n", encoding="utf-8")
    assert load_config(None, False, tmp_path).strict
    assert not load_config(None, True, tmp_path).strict


def test_warnings_fail_only_with_strict(project: Path) -> None:
    (project / "catalogs" / "xa.yaml").write_text(WARN, encoding="utf-8")
    paths = [project / "catalogs"]
    assert run_validate(paths, ValidateOptions(no_config=True), project).exit_code() == 0
    strict = ValidateOptions(no_config=True, strict=True)
    assert run_validate(paths, strict, project).exit_code() == 1


def test_fix_writes_the_fixes_first_and_reports_what_remains(project: Path) -> None:
    path = project / "catalogs" / "xa.yaml"
    path.write_text(WARN, encoding="utf-8")
    options = ValidateOptions(no_config=True, fix=apply_rule_fixes, strict=True, use_cache=False)
    run = run_validate([project / "catalogs"], options, project)
    assert run.fixed is not None
    assert [result.display for result in run.fixed.changed] == ["catalogs/xa.yaml"]
    assert '"Đăng ký khai sinh "' not in path.read_text(encoding="utf-8")
    assert run.errors == []
    assert run.exit_code() == 0


def test_no_cache_writes_no_cache_folder(project: Path) -> None:
    (project / "catalogs" / "xa.yaml").write_text(GOOD, encoding="utf-8")
    options = ValidateOptions(no_config=True, use_cache=False)
    run_validate([project / "catalogs"], options, project)
    assert not (project / ".tthc-cache").exists()
    run_validate([project / "catalogs"], ValidateOptions(no_config=True), project)
    assert (project / ".tthc-cache").exists()


def test_unreadable_files_make_exit_code_2(project: Path) -> None:
    (project / "catalogs" / "a.yaml").write_bytes(b"\xff\xfek\x00")
    run = run_validate([project / "catalogs"], ValidateOptions(no_config=True), project)
    assert [Path(error.path).name for error in run.errors] == ["a.yaml"]
    assert run.exit_code() == 2
