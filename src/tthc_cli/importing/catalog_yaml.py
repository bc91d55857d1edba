"""Imported procedures as catalog YAML: a new file, or merged into an existing one.

Merging never rewrites what is there. A procedure already in the catalog (same national code)
only gains the keys it does not have; a key it has keeps its value, even when the import says
otherwise (the difference is reported). New procedures are appended to the list. The new text
is inserted at exact offsets found from libyaml's marks (`spans`), so comments, quoting, key
order and layout of the rest of the file stay byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tthc_cli.catalog.spans import Span, render_scalar, spans
from tthc_cli.domain.codes import is_procedure_code, national_part
from tthc_cli.runtime.i18n import _

ORDER = (
    "code", "name", "field", "agency", "time_limit", "fees", "online", "location_independent",
    "legal_basis", "decision", "type", "subjects",
)  # fmt: skip
_MAX_FLOW = 100


def scalar(value: Any, *, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if value is None:
        return "null"
    if flow and ":" in str(value):
        # "0:?" inside [...] or {...} could be read as a key and its value: always quote.
        return json.dumps(str(value), ensure_ascii=False)
    return render_scalar(str(value), "", flow=flow)


def _flow_map(value: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v, flow=True)}" for k, v in value.items()) + "}"


def key_lines(key: str, value: Any) -> list[str]:
    """The lines of one key of a procedure, indented from column 0."""
    if key == "code":
        return [f"code: {json.dumps(value, ensure_ascii=False)}"]
    if isinstance(value, dict):
        return [f"{key}: {_flow_map(value)}"]
    if isinstance(value, list):
        if not value:
            return [f"{key}: []"]
        if all(isinstance(item, dict) for item in value):
            return [f"{key}:"] + [f"  - {_flow_map(item)}" for item in value]
        flow = f"{key}: [" + ", ".join(scalar(item, flow=True) for item in value) + "]"
        if len(flow) <= _MAX_FLOW:
            return [flow]
        return [f"{key}:"] + [f"  - {scalar(item)}" for item in value]
    return [f"{key}: {scalar(value)}"]


def procedure_lines(procedure: dict[str, Any]) -> list[str]:
    keys = [k for k in ORDER if k in procedure] + [k for k in procedure if k not in ORDER]
    return [line for key in keys for line in key_lines(key, procedure[key])]


def _item(lines: list[str], indent: int) -> str:
    pad = " " * indent
    head, *rest = lines
    return "".join([f"{pad}- {head}\n"] + [f"{pad}  {line}\n" for line in rest])


def new_catalog(header: dict[str, Any], procedures: Sequence[dict[str, Any]], comment: str) -> str:
    out = [f"# {line}\n" for line in comment.splitlines()]
    for key, value in header.items():
        if key == "province":
            out.append(f"province: {json.dumps(value)}\n")
        else:
            out.extend(line + "\n" for line in key_lines(key, value))
    if not procedures:
        out.append("procedures: []\n")
        return "".join(out)
    out.append("procedures:\n")
    out.extend(_item(procedure_lines(p), 2) for p in procedures)
    return "".join(out)


@dataclass
class MergePlan:
    text: str
    added: list[str] = field(default_factory=list)  # codes appended
    filled: list[tuple[str, str]] = field(default_factory=list)  # (code, key) added
    kept: list[tuple[str, str]] = field(default_factory=list)  # (code, key): file differs
    unchanged: int = 0


def _key(code: Any) -> str | None:
    if not isinstance(code, str):
        return None
    code = code.strip()
    return national_part(code) if is_procedure_code(code) else code


def merge(text: str, data: dict[str, Any], procedures: Sequence[dict[str, Any]]) -> MergePlan:
    """text with the imported procedures merged in (data: text already loaded)."""
    if text and not text.endswith("\n"):
        text += "\n"
    found = spans(text)
    existing = data.get("procedures")
    items: list[Any] = existing if isinstance(existing, list) else []
    index_of = {_key(item.get("code")): i for i, item in enumerate(items) if isinstance(item, dict)}
    plan = MergePlan(text)
    inserts: list[tuple[int, int, str]] = []
    new: list[dict[str, Any]] = []
    for procedure in procedures:
        at = index_of.get(_key(procedure["code"]))
        if at is None:
            new.append(procedure)
            continue
        current = items[at]
        missing = [k for k in procedure_keys(procedure) if k not in current]
        for key in procedure_keys(procedure):
            if key in current and key != "code" and current[key] != procedure[key]:
                plan.kept.append((procedure["code"], key))
        if not missing:
            plan.unchanged += 1
            continue
        path = ("procedures", at)
        indent = _column(text, found.keys[(*path, next(iter(current)))]) if current else 4
        offset = _line_after(text, _last_end(found, path))
        block = "".join(
            " " * indent + line + "\n" for k in missing for line in key_lines(k, procedure[k])
        )
        inserts.append((offset, offset, block))
        plan.filled.extend((procedure["code"], k) for k in missing)
    if new:
        inserts.append(_append_items(text, found, items, new))
        plan.added = [p["code"] for p in new]
    plan.text = _apply(text, inserts)
    return plan


def procedure_keys(procedure: dict[str, Any]) -> list[str]:
    return [k for k in ORDER if k in procedure] + [k for k in procedure if k not in ORDER]


def _column(text: str, span: Span) -> int:
    return span.start - (text.rfind("\n", 0, span.start) + 1)


def _last_end(found: Any, path: tuple[Any, ...]) -> int:
    """Where the last character of the node at path is: its last key or scalar."""
    size = len(path)
    ends = [
        span.end
        for table in (found.values, found.keys)
        for at, span in table.items()
        if at[:size] == path and len(at) > size and span.style not in ("-", "[", "{")
    ]
    flows = [
        span.end
        for at, span in found.values.items()
        if at[:size] == path and len(at) > size and span.style in ("[", "{")
    ]
    return max(ends + flows) if ends or flows else int(found.values[path].end)


def _line_after(text: str, end: int) -> int:
    """The start of the line after the one that holds offset end."""
    if end > 0 and text[end - 1] == "\n":
        return end
    newline = text.find("\n", end)
    return len(text) if newline < 0 else newline + 1


def _append_items(
    text: str, found: Any, items: list[Any], new: list[dict[str, Any]]
) -> tuple[int, int, str]:
    span = found.values.get(("procedures",))
    if items and span is not None and span.style == "-":
        first = found.keys.get(("procedures", 0, next(iter(items[0]))))
        dash = text.rfind("-", 0, first.start) if first is not None else -1
        indent = dash - (text.rfind("\n", 0, dash) + 1) if dash >= 0 else 2
        offset = _line_after(text, _last_end(found, ("procedures",)))
        return offset, offset, "".join(_item(procedure_lines(p), indent) for p in new)
    if span is not None and span.style == "[" and not items:
        key = found.keys[("procedures",)]
        indent = _column(text, key) + 2
        block = "\n" + "".join(_item(procedure_lines(p), indent) for p in new).rstrip("\n")
        start = span.start - 1 if text[span.start - 1 : span.start] == " " else span.start
        return start, span.end, block  # the block replaces the empty `[]`
    raise ValueError(_("the `procedures` list is written in flow style; write it as a block list"))


def _apply(text: str, inserts: list[tuple[int, int, str]]) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    out, position = [], 0
    for start, end, block in sorted(inserts, key=lambda item: item[0]):
        out.append(text[position:start])
        out.append(block.replace("\n", newline) if newline != "\n" else block)
        position = end
    out.append(text[position:])
    return "".join(out)
