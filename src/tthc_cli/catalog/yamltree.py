"""Parse YAML text into plain Python data plus the 1-based position of every key and value.

The one positioned parser. Used for positions (of files with a finding), for files the yaml-rs
fast path does not admit (`catalog.fast`), and, with ``spans=True``, for the exact characters of
every value that `fmt`, `validate --fix`, `apply-renames` and `import` rewrite. It drives
libyaml's event parser and builds the data itself, in 0.6x the time of PyYAML's CSafeLoader
`load` (`python -m benchmarks parsers`). Scalars follow the YAML 1.2 core schema; no tag
constructs an object; aliases, depth and node counts are bounded (`catalog.yamlissues`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from tthc_cli.catalog import yamlissues as problems
from tthc_cli.catalog.linebreaks import YAML11_BREAKS, remap_positions
from tthc_cli.catalog.scalars import resolve_plain
from tthc_cli.catalog.yamlissues import (
    CORE,
    MAX_DEPTH,
    MAX_NODES,
    Abort,
    Path_,
    Pos,
    YamlIssue,
)
from tthc_cli.runtime.i18n import _

try:  # pragma: no branch - the C parser ships in PyYAML's wheels
    from yaml._yaml import CParser as _Parser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - exercised only on exotic platforms
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

    HAVE_LIBYAML = False

__all__ = [
    "HAVE_LIBYAML",
    "MAX_DEPTH",
    "MAX_NODES",
    "ParsedYaml",
    "Path_",
    "Pos",
    "ScalarRef",
    "Span",
    "Spans",
    "YamlIssue",
    "parse",
]


@dataclass(slots=True)
class ScalarRef:
    """A string value in the document and where it starts."""

    path: Path_
    value: str
    line: int
    column: int
    style: str = ""  # "" plain, "'" or '"' quoted, "|" or ">" block


@dataclass(frozen=True, slots=True)
class Span:
    """Characters start..end of the text hold this node (a scalar with its quotes)."""

    start: int
    end: int
    # "" plain, "'" single, '"' double, "|" literal, ">" folded; "[" / "{" flow, "-" block
    style: str
    value: Any  # a scalar's text as written, unresolved (containers: None)


@dataclass(slots=True)
class Spans:
    """The span of every value (aliases excepted) and of every key, by the data's paths."""

    values: dict[Path_, Span] = field(default_factory=dict)
    keys: dict[Path_, Span] = field(default_factory=dict)


@dataclass(slots=True)
class ParsedYaml:
    data: Any = None
    value_pos: dict[Path_, Pos] = field(default_factory=dict)
    key_pos: dict[Path_, Pos] = field(default_factory=dict)
    strings: list[ScalarRef] = field(default_factory=list)
    # Plain scalars that became numbers, with their source text: `code: 2.000720` reads as a float.
    plain_numbers: dict[Path_, str] = field(default_factory=dict)
    issues: list[YamlIssue] = field(default_factory=list)
    ok: bool = True
    # Where libyaml refused the text (a character index), when it did.
    refused_at: int = -1
    # Only when asked for (``parse(text, spans=True)``): writers need them, readers do not.
    spans: Spans | None = None


_NO_KEY: Any = object()


def parse(text: str, *, spans: bool = False) -> ParsedYaml:
    """Parse one YAML document; problems are returned as issues, never raised.

    ``spans``: also record where each value and key starts and ends (character indices), for
    rewriting values in place; the same walk, at a cost only to the callers that ask.
    """
    out = _parse(text, Spans() if spans else None)
    if out.refused_at > 0:
        out = _depth_before_refusal(text, out)
    if any(ch in text for ch in YAML11_BREAKS):
        remap_positions(out, text)
    return out


def _parse(text: str, spans: Spans | None) -> ParsedYaml:
    # long: one loop over libyaml's events, the hot path of parsing; no call per event.
    out = ParsedYaml(spans=spans)
    span_values = spans.values if spans is not None else None
    span_keys = spans.keys if spans is not None else None
    value_pos = out.value_pos
    key_pos = out.key_pos
    strings = out.strings
    plain_numbers = out.plain_numbers
    parser = _Parser(text)
    get_event = parser.get_event
    # Each frame: [container, path, pending key, anchor, node count at start, height]
    stack: list[list[Any]] = []
    # Anchor name -> (value, node count, height): an alias may not nest deeper than MAX_DEPTH.
    anchors: dict[str, tuple[Any, int, int]] = {}
    nodes = 0
    documents = 0
    root: Any = None
    scalar_t, map_t, seq_t = ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent
    map_end, seq_end, alias_t = ev.MappingEndEvent, ev.SequenceEndEvent, ev.AliasEvent
    doc_start = ev.DocumentStartEvent
    try:
        while True:
            try:
                event: Any = get_event()
            except yaml.MarkedYAMLError as exc:
                mark = exc.problem_mark or exc.context_mark
                out.refused_at = mark.index if mark is not None else -1
                raise Abort(problems.syntax_issue(exc, text)) from None
            except yaml.reader.ReaderError as exc:
                raise Abort(problems.reader_issue(exc, text)) from None
            except yaml.YAMLError as exc:
                raise Abort(YamlIssue("syntax", str(exc).strip(), 1, 1)) from None
            if event is None:
                break
            etype = type(event)
            node: Any
            anchor: str | None = None
            is_container = False
            is_string = False
            if etype is scalar_t:
                mark = event.start_mark
                raw = event.value
                if event.tag is not None and event.tag != "!":
                    node = problems.tagged(raw, event.tag, mark.line + 1, mark.column + 1)
                elif event.style == "" and event.implicit[0]:
                    node = resolve_plain(raw) if raw else None
                    is_string = type(node) is str
                else:
                    node = raw
                    is_string = True
                anchor = event.anchor
                nodes += 1
                if nodes > MAX_NODES:
                    raise Abort(problems.too_many(mark))
            elif etype is map_t or etype is seq_t:
                mark = event.start_mark
                tag = event.tag
                if tag is not None and tag not in (CORE + "map", CORE + "seq", "!"):
                    raise Abort(problems.tag_issue(tag, mark.line + 1, mark.column + 1))
                node = {} if etype is map_t else []
                anchor = event.anchor
                is_container = True
                nodes += 1
                if nodes > MAX_NODES:
                    raise Abort(problems.too_many(mark))
                if len(stack) >= MAX_DEPTH:
                    raise Abort(problems.too_deep(mark))
            elif etype is map_end or etype is seq_end:
                frame = stack.pop()
                height = frame[5] + 1
                if stack and stack[-1][5] < height:
                    stack[-1][5] = height
                if frame[3] is not None:
                    anchors[frame[3]] = (frame[0], nodes - frame[4], height)
                if span_values is not None:
                    span_values[frame[1]] = _container_span(frame[6], event)
                continue
            elif etype is alias_t:
                mark = event.start_mark
                name = event.anchor
                if name not in anchors:
                    raise Abort(problems.undefined_alias(name, mark))
                node, size, height = anchors[name]
                nodes += size
                if nodes > MAX_NODES:
                    raise Abort(problems.alias_bomb(mark))
                if len(stack) + height > MAX_DEPTH:
                    raise Abort(problems.too_deep(mark))
                if stack and stack[-1][5] < height:
                    stack[-1][5] = height
            elif etype is doc_start:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise Abort(problems.second_document(mark))
                continue
            else:
                continue

            line = mark.line + 1
            column = mark.column + 1
            if not stack:
                root = node
                path: Path_ = ()
            else:
                frame = stack[-1]
                container = frame[0]
                if type(container) is dict:
                    key = frame[2]
                    if key is _NO_KEY:
                        # This node is a key.
                        if is_container or etype is alias_t:
                            raise Abort(problems.key_not_scalar(line, column))
                        key = raw if node is not None else ""
                        kpath = (*frame[1], key)
                        if key in container:
                            first = key_pos.get(kpath, (0, 0))[0]
                            out.issues.append(
                                problems.duplicate_key(key, first, line, column, kpath)
                            )
                        else:
                            key_pos[kpath] = (line, column)
                            if span_keys is not None:
                                span_keys[kpath] = Span(
                                    mark.index, event.end_mark.index, event.style or "", raw
                                )
                        frame[2] = key
                        if anchor is not None:
                            anchors[anchor] = (node, 1, 0)
                        continue
                    path = (*frame[1], key)
                    if key not in container:
                        container[key] = node
                    frame[2] = _NO_KEY
                else:
                    path = (*frame[1], len(container))
                    container.append(node)
            value_pos[path] = (line, column)
            if span_values is not None and etype is scalar_t:
                span_values[path] = Span(mark.index, event.end_mark.index, event.style or "", raw)
            if is_string:
                strings.append(ScalarRef(path, node, line, column, event.style or ""))
            elif etype is scalar_t and event.style == "" and type(node) in (int, float):
                plain_numbers[path] = raw
            if is_container:
                stack.append([node, path, _NO_KEY, anchor, nodes, 0, event])
            elif anchor is not None:
                anchors[anchor] = (node, 1, 0)
    except Abort as abort:
        out.issues.append(abort.issue)
        out.ok = False
        out.data = None
        return out
    except (RecursionError, MemoryError):
        out.issues.append(
            YamlIssue("depth", _("the document is too large or too deep to read"), 1, 1)
        )
        out.ok = False
        out.data = None
        return out
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    out.data = root
    return out


def _container_span(start: Any, end: Any) -> Span:
    flow = ("{" if isinstance(start, ev.MappingStartEvent) else "[") if start.flow_style else "-"
    return Span(start.start_mark.index, end.end_mark.index, flow, None)


def _depth_before_refusal(text: str, refused: ParsedYaml) -> ParsedYaml:
    """Our depth limit, not libyaml's, decides where deep nesting is reported: libyaml (0.2.6
    on, in PyYAML 6.0.4) refuses deep flow nesting while scanning ahead, before our guard sees
    the event past MAX_DEPTH. The text up to where it refused gives the same events without
    that look-ahead: one more parse, only of a refused file."""
    prefix = _parse(text[: refused.refused_at], None if refused.spans is None else Spans())
    if prefix.issues and prefix.issues[-1].kind == "depth" and not prefix.ok:
        prefix.refused_at = -1
        return prefix
    return refused
