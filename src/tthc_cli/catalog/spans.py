"""Exact source spans of YAML values, and scalars rendered back in their own style.

Writing a catalog back must keep everything a person wrote. Instead of dumping a whole
document again, `tthc` replaces only the characters of the values it changes: libyaml's event
marks give each scalar's start and end (quotes included), and a new value is written in the
style the old one had (plain, 'single' or "double" quoted) when that style can hold it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml import events as ev

from tthc_cli.catalog.scalars import resolve_plain
from tthc_cli.catalog.yamltree import Path_
from tthc_cli.runtime.i18n import _

try:  # pragma: no branch
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Span:
    """Characters start..end of the text hold this node (a scalar with its quotes)."""

    start: int
    end: int
    style: (
        str  # "" plain, "'" single, '"' double, "|" literal, ">" folded; "[" / "{" flow, "-" block
    )
    value: Any  # the scalar's text (containers: None)


@dataclass
class Spans:
    values: dict[Path_, Span]
    keys: dict[Path_, Span]


def spans(text: str) -> Spans:
    """Spans of every value and key; raises yaml.YAMLError on malformed text."""
    parser = _Parser(text)
    values: dict[Path_, Span] = {}
    keys: dict[Path_, Span] = {}
    stack: list[list[Any]] = []  # [kind, path, pending key or None, index, start, style]
    pending_key = object()
    try:
        while True:
            event: Any = parser.get_event()
            if event is None:
                break
            if isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
                frame = stack.pop()
                values[frame[1]] = Span(frame[4], _end(event), frame[5], None)
                continue
            if not isinstance(
                event, (ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent, ev.AliasEvent)
            ):
                continue
            path: Path_
            if not stack:
                path = ()
            else:
                frame = stack[-1]
                if frame[0] == "map":
                    if frame[2] is pending_key:
                        if isinstance(event, ev.ScalarEvent):
                            key = event.value
                            keys[(*frame[1], key)] = Span(
                                _start(event), _end(event), event.style or "", key
                            )
                            frame[2] = key
                        continue
                    path = (*frame[1], frame[2])
                    frame[2] = pending_key
                else:
                    path = (*frame[1], frame[3])
                    frame[3] += 1
            if isinstance(event, ev.ScalarEvent):
                values[path] = Span(_start(event), _end(event), event.style or "", event.value)
            elif isinstance(event, (ev.MappingStartEvent, ev.SequenceStartEvent)):
                kind = "map" if isinstance(event, ev.MappingStartEvent) else "seq"
                flow = "{" if kind == "map" else "["
                style = flow if event.flow_style else "-"
                stack.append([kind, path, pending_key, 0, _start(event), style])
    except IndexError:
        # A collection used as a key (`? [a, b]: c`) leaves the key stack unbalanced.
        raise yaml.YAMLError(_("a key must be a plain value, not a list or mapping")) from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    return Spans(values=values, keys=keys)


def _start(event: Any) -> int:
    return int(event.start_mark.index)


def _end(event: Any) -> int:
    return int(event.end_mark.index)


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
