"""Completion of keys and of fixed values (level, online, time-limit unit, kind) from the JSON
Schema of the file's kind (`domain.schema`), with the Vietnamese descriptions it carries.

Where the cursor is in the YAML is read from the text itself (indentation, `- ` items, a flow
mapping on the line), because a file being typed rarely parses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from lsprotocol import types as lsp

from tthc_cli.domain.models import KINDS
from tthc_cli.domain.schema import schema_for

_LINE = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[\w-]+)\s*:(?P<rest>.*)$")
_KEY_PREFIX = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<word>[\w-]*)$")
_VALUE_PREFIX = re.compile(
    r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[\w-]+)\s*:\s*(?P<word>[\w-]*)$"
)
_KIND = re.compile(r"^kind\s*:\s*['\"]?(?P<kind>[\w-]+)", re.MULTILINE)
# In a description, "full = toàn trình, partial = một phần / online level": what each value is.
_VALUE_WORDS = re.compile(r"(?P<value>[\w-]+) = (?P<words>[^,]+?)\s*(?=,|\s/\s|$)")


@lru_cache(maxsize=8)
def _schema(kind: str) -> dict[str, Any]:
    return schema_for(kind)


def _resolve(node: Any, root: dict[str, Any]) -> dict[str, Any]:
    """A schema node with its $ref followed and a nullable anyOf reduced to its non-null part."""
    for _depth in range(10):
        if not isinstance(node, dict):
            return {}
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            node = {
                **root["$defs"][ref.split("/")[-1]],
                **{k: v for k, v in node.items() if k != "$ref"},
            }
            continue
        options = [o for o in node.get("anyOf", []) if o.get("type") != "null"]
        if "anyOf" in node and len(options) == 1:
            node = {**{k: v for k, v in node.items() if k != "anyOf"}, **options[0]}
            continue
        return node
    return {}


def _walk(root: dict[str, Any], path: Sequence[str]) -> dict[str, Any]:
    node = _resolve(root, root)
    for segment in path:
        node = _resolve(
            node.get("items") if segment == "-" else node.get("properties", {}).get(segment), root
        )
    return node


def _parents(lines: Sequence[str], row: int, column: int, dash: bool) -> list[str]:
    """The keys (and `-` for list items) that lead to the mapping a key at column of row is in."""
    path: list[str] = []
    target = column
    in_item = dash
    for above in range(row - 1, -1, -1):
        match = _LINE.match(lines[above])
        if match is None:
            continue
        key_col = len(match.group("indent")) + len(match.group("dash") or "")
        if key_col == target and match.group("dash") and not in_item:
            in_item = True
        elif key_col < target:
            if in_item:
                path.insert(0, "-")
            path.insert(0, match.group("key"))
            target = key_col
            in_item = bool(match.group("dash"))
        if target == 0 and not in_item:
            break
    return path


def _kind(text: str) -> str | None:
    match = _KIND.search(text)
    return match.group("kind") if match and match.group("kind") in KINDS else None


def completions(text: str, row: int, column: int) -> list[lsp.CompletionItem]:
    """Keys or values to offer at a 0-based row and code-point column of text."""
    lines = text.split("\n")
    if not 0 <= row < len(lines):
        return []
    prefix = lines[row][:column]
    kind = _kind(text)
    if kind is None:
        return _kind_items() if re.fullmatch(r"\s*kind\s*:\s*[\w-]*", prefix) else []
    root = _schema(kind)
    flow = prefix.rfind("{")
    if flow >= 0 and "}" not in prefix[flow:]:
        return _in_flow(lines, row, prefix, flow, root)
    value = _VALUE_PREFIX.match(prefix)
    if value is not None:
        column_of_key = len(value.group("indent")) + len(value.group("dash") or "")
        parents = _parents(lines, row, column_of_key, bool(value.group("dash")))
        return _values(_walk(root, parents), value.group("key"))
    key = _KEY_PREFIX.match(prefix)
    if key is not None:
        column_of_key = len(key.group("indent")) + len(key.group("dash") or "")
        parents = _parents(lines, row, column_of_key, bool(key.group("dash")))
        return _keys(_walk(root, parents), root)
    return []


def _in_flow(
    lines: Sequence[str], row: int, prefix: str, flow: int, root: dict[str, Any]
) -> list[lsp.CompletionItem]:
    owner = _LINE.match(prefix[:flow])
    if owner is None:
        return []
    column_of_key = len(owner.group("indent")) + len(owner.group("dash") or "")
    parents = [*_parents(lines, row, column_of_key, bool(owner.group("dash"))), owner.group("key")]
    inner = prefix[flow + 1 :].split(",")[-1]
    node = _walk(root, parents)
    value = re.fullmatch(r"\s*(?P<key>[\w-]+)\s*:\s*[\w-]*", inner)
    if value is not None:
        return _values(node, value.group("key"))
    return _keys(node, root) if re.fullmatch(r"\s*[\w-]*", inner) else []


def _keys(node: dict[str, Any], root: dict[str, Any]) -> list[lsp.CompletionItem]:
    required = set(node.get("required", []))
    items = []
    for order, (name, spec) in enumerate(node.get("properties", {}).items()):
        description = _resolve(spec, root).get("description") or spec.get("description", "")
        items.append(
            lsp.CompletionItem(
                label=name,
                kind=lsp.CompletionItemKind.Property,
                detail=description.split(" / ")[0],
                documentation=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=description),
                insert_text=f"{name}: ",
                sort_text=f"{0 if name in required else 1}{order:03d}",
            )
        )
    return items


def _values(node: dict[str, Any], key: str) -> list[lsp.CompletionItem]:
    spec = node.get("properties", {}).get(key)
    if not isinstance(spec, dict):
        return []
    resolved = _resolve(spec, {"$defs": {}})
    values = resolved.get("enum") or ([resolved["const"]] if "const" in resolved else [])
    description = spec.get("description", "")
    words = {m.group("value"): m.group("words") for m in _VALUE_WORDS.finditer(description)}
    return [
        lsp.CompletionItem(
            label=str(value),
            kind=lsp.CompletionItemKind.EnumMember,
            detail=words.get(str(value), description.split(" / ")[0]),
            documentation=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=description),
        )
        for value in values
    ]


def _kind_items() -> list[lsp.CompletionItem]:
    return [
        lsp.CompletionItem(label=kind, kind=lsp.CompletionItemKind.EnumMember, detail="Loại tệp")
        for kind in KINDS
    ]
