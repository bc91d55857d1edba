"""The rule registry: codes, names, modules, docstrings, severities and test files agree."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

import pytest

import tthc_cli.validation.rules as rules_package
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules import BY_CODE, BY_NAME, REGISTRY, Rule, get

RULES_DIR = Path(rules_package.__file__).parent
TESTS_DIR = Path(__file__).parent
MODULE_NAMES = sorted(p.stem for p in RULES_DIR.glob("tt*.py"))
_MODULE = re.compile(r"tt(?P<number>\d{3})_(?P<slug>[a-z0-9]+(?:_[a-z0-9]+)*)")


def _module_of(rule: Rule) -> ModuleType:
    check = rule.check or rule.check_project
    assert check is not None, f"{rule.code} has no check function"
    return importlib.import_module(check.__module__)


def _short(module: ModuleType) -> str:
    return module.__name__.rsplit(".", 1)[-1]


def test_there_are_rules() -> None:
    assert len(REGISTRY) >= 27
    assert MODULE_NAMES


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in REGISTRY]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"TT\d{3}", code) for code in codes), codes
    assert set(BY_CODE) == set(codes)


def test_names_are_unique_kebab_case() -> None:
    names = [rule.name for rule in REGISTRY]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) for name in names), names
    assert set(BY_NAME) == set(names)


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda rule: rule.code)
def test_code_and_name_match_the_module_file(rule: Rule) -> None:
    match = _MODULE.fullmatch(_short(_module_of(rule)))
    assert match is not None
    assert rule.code == f"TT{match['number']}"
    assert rule.name == match["slug"].replace("_", "-")


def test_every_rule_module_is_registered() -> None:
    registered = sorted(_short(_module_of(rule)) for rule in REGISTRY)
    assert registered == MODULE_NAMES


def test_registry_is_in_code_order() -> None:
    assert [rule.code for rule in REGISTRY] == sorted(rule.code for rule in REGISTRY)


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda rule: rule.code)
def test_docstring_is_a_user_doc(rule: Rule) -> None:
    doc = rule.doc
    for heading in ("## What it does", "## Why it matters", "## Example"):
        assert heading in doc, f"{rule.code} lacks {heading!r}"
    assert doc.index("## What it does") < doc.index("## Why it matters") < doc.index("## Example")
    assert rule.summary
    assert not rule.summary.startswith("#")


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda rule: rule.code)
def test_severity_is_error_or_warning(rule: Rule) -> None:
    assert rule.severity in (Severity.ERROR, Severity.WARNING)
    assert _module_of(rule).SEVERITY is rule.severity


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda rule: rule.code)
def test_exactly_one_check_function(rule: Rule) -> None:
    assert (rule.check is None) != (rule.check_project is None)


@pytest.mark.parametrize("module", MODULE_NAMES)
def test_every_rule_has_a_test_file(module: str) -> None:
    assert (TESTS_DIR / f"test_{module}.py").is_file()


def test_no_stray_rule_test_files() -> None:
    tests = sorted(p.stem.removeprefix("test_") for p in TESTS_DIR.glob("test_tt*.py"))
    assert tests == MODULE_NAMES


def test_lookup_by_code_and_name() -> None:
    assert get("TT101") is BY_CODE["TT101"]
    assert get("tt101") is BY_CODE["TT101"]
    assert get("duplicate-code") is BY_CODE["TT101"]
    assert get("TT999") is None
