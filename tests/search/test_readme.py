"""The README's output of `tthc stats`, `tthc search` and `tthc import` is real output."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import REPO
from tthc_cli.cli.app import app

README = (REPO / "README.md").read_text(encoding="utf-8")


def block(command: str) -> tuple[list[str], str]:
    """The arguments and the output of the README's console block that starts with command."""
    text = README.split(f"```console\n$ tthc {command}", 1)[1].split("```", 1)[0]
    line, output = text.split("\n", 1)
    return shlex.split(command + line), output


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path / "cache"))


@pytest.mark.parametrize(
    "command", ["stats catalogs/da-nang\n", "stats catalogs/da-nang/2025 ", "search "]
)
def test_readme_output_is_real(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    args, expected = block(command.rstrip("\n"))
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, args, env={"COLUMNS": "100"})
    assert result.stdout == expected


def test_readme_import_output_is_real(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    args, expected = block("import portal-json")
    source = REPO / args[2]
    if not source.is_dir():
        source = REPO.parent / args[2]  # a worktree one folder further down
    if not source.is_dir():
        pytest.skip(f"real portal records not present: {args[2]}")
    monkeypatch.chdir(tmp_path)
    args[2] = str(source)
    result = CliRunner().invoke(app, args, env={"COLUMNS": "100"})
    assert result.stdout == expected
