"""A fast path for reading valid procedure catalogs when positions are not needed.

`tthc diff` needs each procedure's data and only the line where it starts. yaml-rs (a Rust
YAML 1.2 parser) reads the data about seven times faster than PyYAML's CSafeLoader on the
benchmark corpus. It is used only for files it reads exactly as `yamltree` would: no tags
(yaml-rs would drop them silently), no duplicate keys (yaml-rs refuses them), and data that
passes the schema. Anything else goes through the full loader, which reports the problem with
its line and column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from tthc_cli.models import ProcedureCatalog

try:
    import yaml_rs
except ImportError:  # pragma: no cover - the dependency is declared; this is a safety net
    yaml_rs = None  # type: ignore[assignment]


@dataclass
class FastCatalog:
    """A valid procedure catalog read without positions; knows each procedure's line."""

    path: str
    text: str
    data: dict[str, Any]
    _lines: list[int] = field(default_factory=list, repr=False)

    @property
    def kind(self) -> str:
        return "procedure-catalog"

    def pos(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        if len(path) >= 2 and path[0] == "procedures" and isinstance(path[1], int):
            if not self._lines:
                self._lines = _procedure_lines(self.text, self.data["procedures"])
            if 0 <= path[1] < len(self._lines):
                return (self._lines[path[1]], 1)
        return (1, 1)


def read_fast(path: str, text: str) -> FastCatalog | None:
    """The catalog, or None when the full loader must read this file."""
    if yaml_rs is None or "!" in text:
        return None
    try:
        data = yaml_rs.loads(text)
    except Exception:
        return None
    if not isinstance(data, dict) or data.get("kind") != "procedure-catalog":
        return None
    # yaml-rs reads an unquoted 2025-07-01 as a date. Only `effective` may hold one: a date
    # anywhere else fails the schema below, and the full loader takes the file.
    if isinstance(data.get("effective"), dt.date):
        data["effective"] = data["effective"].isoformat()
    try:
        ProcedureCatalog.model_validate(data)
    except ValidationError:
        return None
    return FastCatalog(path=path, text=text, data=data)


def _procedure_lines(text: str, procedures: list[Any]) -> list[int]:
    """The line of each procedure's code, found in order in the text."""
    lines: list[int] = []
    offset = text.find("procedures")
    offset = max(offset, 0)
    line = text.count("\n", 0, offset) + 1
    for item in procedures:
        code = str(item.get("code", "")) if isinstance(item, dict) else ""
        found = text.find(code, offset) if code else -1
        if found >= 0:
            line += text.count("\n", offset, found)
            offset = found
        lines.append(line)
    return lines
