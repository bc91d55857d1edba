"""Values rewritten in place: the spans of the one positioned parser, and scalars rendered
back in their own style.

Writing a catalog back must keep everything a person wrote. Instead of dumping a whole
document again, `tthc` replaces only the characters of the values it changes: the parser
(`yamltree.parse(text, spans=True)`) gives each scalar's start and end (quotes included), and
a new value is written in the style the old one had (plain, 'single' or "double" quoted) when
that style can hold it.
"""

from __future__ import annotations

import json
import re

from tthc_cli.catalog.scalars import resolve_plain
from tthc_cli.catalog.yamltree import Span, Spans, parse

__all__ = ["Span", "Spans", "plain_ok", "render_scalar", "replace_spans", "spans"]


def spans(text: str) -> Spans:
    """The spans of every value and key of a text that parses; raises ValueError with the
    parser's first problem (a duplicate key too: an edit there would land on an ignored value)."""
    parsed = parse(text, spans=True)
    if parsed.issues:
        problem = parsed.issues[0]
        raise ValueError(f"{problem.line}:{problem.column}: {problem.message}")
    return parsed.spans or Spans()


_PLAIN_UNSAFE_START = tuple("-?:,[]{}#&*!|>'\"%@`")
_PLAIN_UNSAFE = re.compile(r":\s|\s#|[\n\r\t]|^\s|\s$")


def plain_ok(text: str, *, flow: bool = False) -> bool:
    """Whether text can be written as a plain scalar and read back as the same string
    (inside a flow collection `{…}` / `[…]`, also without , [ ] { })."""
    if not text or text.startswith(_PLAIN_UNSAFE_START) or _PLAIN_UNSAFE.search(text):
        return False
    if flow and any(ch in text for ch in ",[]{}"):
        return False
    if text.endswith(":"):
        return False
    return resolve_plain(text) == text and isinstance(resolve_plain(text), str)


def render_scalar(text: str, style: str, *, flow: bool = False) -> str:
    """text as a YAML scalar in style ("" plain, "'" or '"'), quoting when the style cannot
    hold it (flow: the scalar sits inside a flow collection); never a block scalar."""
    if style == "" and plain_ok(text, flow=flow):
        return text
    if style == "'" and "\n" not in text and not any(ch in text for ch in "\t\r"):
        return "'" + text.replace("'", "''") + "'"
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


def replace_spans(text: str, edits: list[tuple[Span, str]]) -> str:
    """text with each span replaced by its new characters (spans must not overlap)."""
    out: list[str] = []
    position = 0
    for span, new in sorted(edits, key=lambda item: item[0].start):
        if span.start < position:
            raise ValueError("overlapping edits")
        out.append(text[position : span.start])
        out.append(new)
        position = span.end
    out.append(text[position:])
    return "".join(out)
