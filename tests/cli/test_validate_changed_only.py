"""`tthc validate --changed-only [--base REF]` in a real git repository built in tmp_path."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import CATALOG_HEAD, PROCEDURE
from tthc_cli.catalog.gitchanges import changed_files
from tthc_cli.cli.app import app

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
runner = CliRunner()

GOOD = CATALOG_HEAD + PROCEDURE
WARN = GOOD.replace("Đăng ký khai sinh", '"Đăng ký khai sinh "')


def _code(text: str, code: str) -> str:
    return text.replace("1.001193", code)


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("TTHC_CACHE_DIR")  # the default folder: .tthc-cache/ of the working one
    git(tmp_path, "init", "-q", "-b", "main")
    folder = tmp_path / "catalogs"
    (folder / "da-nang").mkdir(parents=True)
    (folder / "ha-noi").mkdir(parents=True)
    # Two files of one province, level and date (TT102 checks them together) and one other.
    (folder / "da-nang" / "xa-1.yaml").write_text(_code(GOOD, "1.000001"), encoding="utf-8")
    (folder / "da-nang" / "xa-2.yaml").write_text(_code(GOOD, "1.000002"), encoding="utf-8")
    (folder / "ha-noi" / "xa.yaml").write_text(
        _code(WARN, "1.000003").replace('"48"', '"01"'), encoding="utf-8"
    )
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "catalogs")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _report(*args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["validate", "--format", "json", "--no-cache", *args])
    return result.exit_code, json.loads(result.stdout)


def _files(report: dict[str, Any]) -> list[str]:
    return sorted({f["file"] for f in report["findings"]})


def test_nothing_changed_checks_nothing(repo: Path) -> None:
    code, report = _report("--changed-only", "--base", "HEAD")
    assert code == 0
    assert report["summary"]["files"] == 0


def test_an_uncommitted_change_is_checked_alone(repo: Path) -> None:
    path = repo / "catalogs" / "ha-noi" / "xa.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    code, report = _report("--changed-only", "--base", "HEAD")
    assert report["summary"]["files"] == 1
    assert _files(report) == ["catalogs/ha-noi/xa.yaml"]
    assert code == 0  # a warning only


def test_a_change_brings_in_the_files_a_cross_file_rule_needs(repo: Path) -> None:
    """The files in the changed file's TT102 group are checked (and reported) too."""
    # xa-2 now repeats xa-1's code: TT102 must see both files although only xa-2 changed.
    (repo / "catalogs" / "da-nang" / "xa-2.yaml").write_text(
        _code(GOOD, "1.000001"), encoding="utf-8"
    )
    code, report = _report("--changed-only", "--base", "HEAD")
    assert code == 1
    assert report["summary"]["files"] == 2
    assert [(f["rule"], f["file"]) for f in report["findings"]] == [
        ("TT102", "catalogs/da-nang/xa-2.yaml")
    ]


def test_untracked_and_committed_changes_since_the_base(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD").strip()
    new = repo / "catalogs" / "ha-noi" / "xa-moi.yaml"
    # Another date than ha-noi/xa.yaml: no cross-file rule checks the two together.
    new.write_text(
        _code(WARN, "1.000009").replace('"48"', '"01"').replace("2025-07-01", "2025-08-01"),
        encoding="utf-8",
    )
    _, report = _report("--changed-only", "--base", base)
    assert _files(report) == ["catalogs/ha-noi/xa-moi.yaml"]
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "new file")
    assert _files(_report("--changed-only", "--base", base)[1]) == ["catalogs/ha-noi/xa-moi.yaml"]
    assert _report("--changed-only", "--base", "HEAD")[1]["summary"]["files"] == 0


def test_the_default_base_is_the_merge_base_with_main(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "feature")
    path = repo / "catalogs" / "da-nang" / "xa-1.yaml"
    text = path.read_text(encoding="utf-8").replace("Đăng ký khai sinh", "Đăng ký  khai sinh")
    path.write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "feature change")
    _, report = _report("--changed-only")
    assert report["summary"]["files"] == 2  # xa-1 and its TT102 peer xa-2
    assert _files(report) == ["catalogs/da-nang/xa-1.yaml"]


def test_deleted_files_are_not_checked(repo: Path) -> None:
    (repo / "catalogs" / "ha-noi" / "xa.yaml").unlink()
    assert changed_files(repo, "HEAD") == set()


def test_a_bad_base_is_one_clear_error(repo: Path) -> None:
    result = runner.invoke(app, ["validate", "--changed-only", "--base", "no-such-ref"])
    assert result.exit_code == 2
    assert "no-such-ref" in result.stderr
    assert "Traceback" not in result.output


def test_outside_a_repository_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "xa.yaml").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["validate", "--changed-only"])
    assert result.exit_code == 2
    assert "git repository" in result.stderr


def test_the_cache_is_written_and_reused_by_the_command(repo: Path) -> None:
    first = runner.invoke(app, ["validate", "--format", "json"])
    assert (repo / ".tthc-cache" / ".gitignore").read_text() == "*\n"
    assert git(repo, "status", "--porcelain") == ""  # the cache ignores itself
    second = runner.invoke(app, ["validate", "--format", "json"])
    assert first.stdout == second.stdout
    assert first.exit_code == second.exit_code == 0
