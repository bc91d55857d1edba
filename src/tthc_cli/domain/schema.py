"""JSON Schemas of the catalog kinds, generated from the models."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tthc_cli.domain.models import MODELS
from tthc_cli.runtime.atomic import write_text_atomic

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILES = {
    "procedure-catalog": "procedure-catalog.schema.json",
    "units": "units.schema.json",
    "diff-decisions": "diff-decisions.schema.json",
    "name-decisions": "name-decisions.schema.json",
    "all": "tthc.schema.json",
}


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind, or of any catalog file when kind is "all"."""
    if kind == "all":
        return _combined()
    model = MODELS[kind]
    schema = model.model_json_schema(by_alias=True)
    return {"$schema": SCHEMA_DIALECT, **schema}


def _combined() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    branches = []
    for kind, model in MODELS.items():
        schema = model.model_json_schema(by_alias=True, ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        name = schema.get("title", kind)
        defs[name] = schema
        branches.append({"$ref": f"#/$defs/{name}"})
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "tthc catalog file",
        "description": (
            "Tệp danh mục của tthc / a tthc catalog file "
            "(procedure-catalog, units, diff-decisions or name-decisions)."
        ),
        "oneOf": branches,
        "$defs": dict(sorted(defs.items())),
    }


def render(kind: str) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"


def write_all(directory: Path) -> list[Path]:
    """Write every schema file into directory; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, filename in SCHEMA_FILES.items():
        target = directory / filename
        write_text_atomic(target, render(kind))
        written.append(target)
    return written


if __name__ == "__main__":  # pragma: no cover - a maintenance entry point
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("schemas")
    for path in write_all(out):
        print(path)
