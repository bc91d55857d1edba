"""Shared helpers for tests: run rules over YAML text and compare findings as tuples."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

from tthc_cli.catalog.loading import Document, load_text
from tthc_cli.catalog.reference import Reference, load_reference
from tthc_cli.validation.config import Settings
from tthc_cli.validation.engine import check_documents
from tthc_cli.validation.findings import Finding

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RAW = SHARED / "data" / "raw"

# A valid procedure catalog to start from; tests append or replace parts of it.
CATALOG_HEAD = """\
kind: procedure-catalog
province: "48"
level: xa
effective: 2025-07-01
procedures:
"""

PROCEDURE = """\
  - code: "1.001193"
    name: Đăng ký khai sinh
    field: Hộ tịch
    agency: Ủy ban nhân dân cấp xã
    time_limit: {value: 1, unit: working-days}
    fees: []
    online: full
    legal_basis: ["60/2014/QH13", "123/2015/NĐ-CP"]
"""

UNITS_HEAD = """\
kind: units
province: {code: "48", name: Thành phố Đà Nẵng}
effective: 2025-07-01
communes:
"""


def doc(text: str, path: str = "catalog.yaml") -> Document:
    return load_text(textwrap.dedent(text), path)


def run(
    texts: str | dict[str, str], select: str | None = None, **settings: object
) -> list[Finding]:
    """Findings for one YAML text (or {path: text}), optionally only those of one rule."""
    if isinstance(texts, str):
        texts = {"catalog.yaml": texts}
    docs = [doc(text, path) for path, text in texts.items()]
    if select is not None:
        settings = {"select": [select], **settings}
    return check_documents(docs, Settings.model_validate(settings))


def hits(texts: str | dict[str, str], code: str) -> list[tuple[int, int]]:
    """(line, column) of each finding of one rule."""
    return [(f.line, f.column) for f in run(texts, select=code) if f.rule == code]


def messages(texts: str | dict[str, str], code: str) -> list[str]:
    return [f.message for f in run(texts, select=code) if f.rule == code]


def catalog(
    procedures: Sequence[Mapping[str, object]],
    *,
    level: str = "xa",
    effective: str = "2025-07-01",
    province: str = "48",
) -> str:
    """A procedure-catalog YAML text; each procedure needs at least code and name."""
    import json

    lines = [
        "kind: procedure-catalog",
        f'province: "{province}"',
        f"level: {level}",
        f"effective: {effective}",
        "procedures:",
    ]
    for procedure in procedures:
        item = {"field": "Hộ tịch", **procedure}
        first = True
        for key, value in item.items():
            prefix = "  - " if first else "    "
            lines.append(f"{prefix}{key}: {json.dumps(value, ensure_ascii=False)}")
            first = False
    return "\n".join(lines) + "\n"


def reference(folder: Path, *catalogs: str) -> Reference:
    """A reference made of these catalog texts, written as files ref0.yaml, ... in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(catalogs):
        (folder / f"ref{number}.yaml").write_text(text, encoding="utf-8")
    return load_reference([folder])


def checked(texts: str | dict[str, str], ref: Reference | None, code: str) -> list[Finding]:
    """The findings of one rule over one YAML text (or {path: text}), against a reference."""
    if isinstance(texts, str):
        texts = {"catalog.yaml": texts}
    docs = [doc(text, path) for path, text in texts.items()]
    found = check_documents(docs, Settings(select=[code]), reference=ref)
    return [f for f in found if f.rule == code]
