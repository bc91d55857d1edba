"""The house rules of the code, checked on the source: small modules, a CLI without logic, and
speed tricks in one place (ARCHITECTURE.md). The import layers are import-linter's contracts in
pyproject.toml (`lint-imports`, run by `.ci/run`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import REPO

PACKAGE = REPO / "src" / "tthc_cli"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 400
MAX_CLI_LINES = 250
MAX_FUNCTION_LINES = 60
# A longer function says why in a comment of this form inside it.
LONG_REASON = "# long:"


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_module_is_over_400_lines(path: Path) -> None:
    assert _lines(path) <= MAX_MODULE_LINES, f"{_name(path)}: {_lines(path)} lines; split it"


@pytest.mark.parametrize("path", sorted((PACKAGE / "cli").glob("*.py")), ids=_name)
def test_cli_modules_are_small(path: Path) -> None:
    assert _lines(path) < MAX_CLI_LINES, f"{_name(path)}: {_lines(path)} lines"


def _long_functions(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            length = node.end_lineno - node.lineno + 1
            body = lines[node.lineno - 1 : node.end_lineno]
            if length > MAX_FUNCTION_LINES and not any(LONG_REASON in line for line in body):
                found.append(f"{node.name} (line {node.lineno}, {length} lines)")
    return found


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_a_long_function_says_why(path: Path) -> None:
    assert _long_functions(path) == [], f"add a `{LONG_REASON} <reason>` comment or split it"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_collector_and_processes_only_in_runtime(path: Path) -> None:
    if _name(path).startswith("runtime/"):
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
    assert not imported & {"gc", "multiprocessing"}, "use tthc_cli.runtime's API"
    assert "concurrent" not in imported, "use tthc_cli.runtime's API"
