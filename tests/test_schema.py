"""The committed JSON Schemas match the models, and the shipped catalogs satisfy them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from helpers import REPO
from tthc_cli.catalog.loading import load_document
from tthc_cli.domain import schema


@pytest.mark.parametrize("kind", list(schema.SCHEMA_FILES))
def test_committed_schema_is_up_to_date(kind: str) -> None:
    committed = REPO / "schemas" / schema.SCHEMA_FILES[kind]
    assert committed.is_file(), f"{committed} is missing: run `tthc schema --output schemas`"
    assert json.loads(committed.read_text(encoding="utf-8")) == schema.schema_for(kind), (
        f"{committed} is out of date: run `tthc schema --output schemas`"
    )


@pytest.mark.parametrize("kind", list(schema.SCHEMA_FILES))
def test_schema_is_valid_draft_2020_12(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema.schema_for(kind))


def _described(node: object, path: str = "") -> list[str]:
    """Paths of properties that lack a description."""
    missing: list[str] = []
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            if "description" not in prop:
                missing.append(f"{path}.{name}")
        for key, value in node.items():
            missing += _described(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            missing += _described(value, f"{path}[{index}]")
    return missing


def test_every_property_has_a_vietnamese_and_english_description() -> None:
    full = schema.schema_for("all")
    assert _described(full) == []
    for definition in full["$defs"].values():
        for prop in definition.get("properties", {}).values():
            assert " / " in prop["description"], prop["description"]


def test_shipped_catalogs_satisfy_the_json_schema() -> None:
    validator = jsonschema.Draft202012Validator(schema.schema_for("all"))
    files = sorted((REPO / "catalogs").rglob("*.yaml"))
    assert files
    for path in files:
        data = load_document(Path(path)).data
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], path


def test_shipped_catalogs_carry_a_schema_modeline_that_resolves() -> None:
    for path in sorted((REPO / "catalogs").rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == (REPO / "schemas" / "tthc.schema.json").resolve(), path


def test_every_property_has_examples() -> None:
    for name, definition in schema.schema_for("all")["$defs"].items():
        for prop, body in definition.get("properties", {}).items():
            assert "examples" in body or "const" in body, f"{name}.{prop} has no example"
