"""Documentation stays true: every command is in the README, docs/rules.md is current."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from helpers import REPO
from tthc_cli.cli.app import app
from tthc_cli.validation.ruledocs import markdown
from tthc_cli.validation.rules import REGISTRY

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = [command.name or command.callback.__name__ for command in app.registered_commands]  # type: ignore[union-attr]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`tthc {command}" in README


def test_rules_reference_is_current() -> None:
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == markdown(), "run `tthc rules --format markdown > docs/rules.md`"


def test_readme_counts_the_rules() -> None:
    assert f"The {len(REGISTRY)} rules" in README


def test_quick_start_is_two_commands() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [line for line in block.strip().splitlines() if line.strip()]
    assert lines == ["pip install -e . && tthc validate", "pip install -e '.[test]' && pytest"]


def test_changelog_has_unreleased_on_top() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", changelog, flags=re.MULTILINE)
    assert headings[0] == "[Unreleased]"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    # Locked by default; the newest mode installs exactly what the quick start installs.
    assert "--require-hashes --no-deps -r requirements/ci.lock" in ci
    assert "install --quiet --upgrade --upgrade-strategy eager -e '.[test]'" in ci
    assert "\npytest" in ci
    assert "\ntthc validate" in ci


def _lock() -> dict[str, str]:
    text = (REPO / "requirements" / "ci.lock").read_text(encoding="utf-8")
    return {
        canonicalize_name(name): version
        for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;]+)", text, re.MULTILINE)
    }


def _declared() -> list[Requirement]:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    items = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    items += pyproject["build-system"]["requires"]
    return [Requirement(item) for item in items]


@pytest.mark.parametrize("requirement", _declared(), ids=str)
def test_the_lock_pins_every_declared_requirement_within_its_bounds(
    requirement: Requirement,
) -> None:
    pinned = _lock().get(canonicalize_name(requirement.name))
    assert pinned is not None, f"{requirement.name} is not in the lock: run `bash .ci/lock`"
    assert requirement.specifier.contains(pinned), f"{requirement} but the lock has {pinned}"


def test_readme_example_output_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    block = README.split("```console\n$ tthc validate ", 1)[1].split("```", 1)[0]
    target, expected = block.split("\n", 1)
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, ["validate", target, "--no-config"], env={"COLUMNS": "300"})
    assert result.stdout == expected


def test_readme_diff_output_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    block = README.split("```console\n$ tthc diff ", 1)[1].split("```", 1)[0]
    command, expected = block.split("\n", 1)
    old, new = command.split()
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, ["diff", old, new], env={"COLUMNS": "120"})
    shown = expected.rstrip("\n").removesuffix("…").rstrip("\n")
    assert result.stdout.startswith(shown + "\n")


def test_readme_vietnamese_output_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from tthc_cli.runtime.i18n import catalog_available

    if not catalog_available("vi"):
        pytest.skip("the Vietnamese catalog is compiled at install")
    block = README.split("```console\n$ tthc --lang vi validate ", 1)[1].split("```", 1)[0]
    target, expected = block.split("\n", 1)
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(
        app, ["--lang", "vi", "validate", target, "--no-config"], env={"COLUMNS": "300"}
    )
    assert result.stdout == expected
