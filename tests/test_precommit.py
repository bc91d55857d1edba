"""The shipped pre-commit hooks, run for real by pre-commit in a throwaway repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, REPO

pytestmark = pytest.mark.slow

PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
        },
    )
    return done.stdout.strip()


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A snapshot of this working tree as a git repository pre-commit can clone."""
    if not Path(PRE_COMMIT).exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    snapshot = tmp_path_factory.mktemp("tthc-hooks")
    items = ("src", "build_backend", "pyproject.toml", "MANIFEST.in", "README.md", "LICENSE")
    for item in (*items, ".pre-commit-hooks.yaml"):
        source = REPO / item
        if source.is_dir():
            # Compiled catalogs are left out: pre-commit's install must build them.
            ignore = shutil.ignore_patterns("__pycache__", "*.mo")
            shutil.copytree(source, snapshot / item, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, snapshot / item)
    _git(snapshot, "init", "-q")
    _git(snapshot, "add", "-A")
    _git(snapshot, "commit", "-q", "-m", "snapshot")
    return snapshot, _git(snapshot, "rev-parse", "HEAD")


def _project(tmp_path: Path, hooks: tuple[Path, str], catalog: str) -> Path:
    repo, rev = hooks
    project = tmp_path / "province"
    (project / "catalogs").mkdir(parents=True)
    (project / "catalogs" / "xa.yaml").write_text(catalog, encoding="utf-8")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n"
        "    hooks: [{id: tthc-validate}, {id: tthc-fmt}, {id: tthc-dedupe-names}]\n",
        encoding="utf-8",
    )
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    return project


def _run(project: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path.parent / "pre-commit-cache")}
    return subprocess.run(
        [PRE_COMMIT, "run", "--all-files", "--color", "never"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=900,
    )


def test_hooks_pass_on_a_good_catalog(tmp_path: Path, hooks_repo: tuple[Path, str]) -> None:
    project = _project(tmp_path, hooks_repo, CATALOG_HEAD + PROCEDURE)
    done = _run(project, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "tthc validate" in done.stdout


def test_hooks_fail_on_a_bad_catalog(tmp_path: Path, hooks_repo: tuple[Path, str]) -> None:
    bad = CATALOG_HEAD + PROCEDURE + PROCEDURE.replace("Đăng ký khai sinh", '"Đăng ký  khai sinh"')
    project = _project(tmp_path, hooks_repo, bad)
    done = _run(project, tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "TT101" in done.stdout
