"""Parse YAML text into plain Python data plus the 1-based position of every key and value.

Used for positions (of files with a finding) and for files the yaml-rs fast path does not admit
(`catalog.fast`). It drives libyaml's event parser and builds the data itself, in 0.6x the time
of PyYAML's CSafeLoader `load` (`python -m benchmarks parsers`). Scalars follow the YAML 1.2 core
schema; no tag constructs an object; aliases, depth and node counts are bounded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from tthc_cli.catalog.linebreaks import YAML11_BREAKS, remap_positions
from tthc_cli.catalog.scalars import resolve_plain
from tthc_cli.runtime.i18n import _

try:  # pragma: no branch - the C parser ships in PyYAML's wheels
    from yaml._yaml import CParser as _Parser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - exercised only on exotic platforms
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

    HAVE_LIBYAML = False

Path_ = tuple[str | int, ...]
Pos = tuple[int, int]

MAX_DEPTH = 256
# A catalog of all 2,239 national procedures with every field is about 300,000 values; a file
# with more (or aliases expanding to more) is refused before it costs gigabytes.
MAX_NODES = 1_000_000
_CORE = "tag:yaml.org,2002:"


@dataclass(frozen=True, slots=True)
class YamlIssue:
    """A structural problem found while parsing: syntax, duplicate key, tag, alias or depth."""

    kind: str  # syntax | duplicate-key | tag | alias | depth | documents
    message: str
    line: int
    column: int
    path: Path_ | None = None  # the duplicate key's path; None: not known


@dataclass(slots=True)
class ScalarRef:
    """A string value in the document and where it starts."""

    path: Path_
    value: str
    line: int
    column: int
    style: str = ""  # "" plain, "'" or '"' quoted, "|" or ">" block


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


class _Abort(Exception):
    def __init__(self, issue: YamlIssue) -> None:
        self.issue = issue


def _tagged(value: str, tag: str, line: int, column: int) -> Any:
    short = tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    if short == "str":
        return value
    resolved = resolve_plain(value) if value else None
    expected: dict[str, type | tuple[type, ...] | None] = {
        "int": int,
        "float": (int, float),
        "bool": bool,
        "null": type(None),
    }
    if short in expected:
        want = expected[short]
        if (
            want is not None
            and isinstance(resolved, want)
            and not (short != "bool" and isinstance(resolved, bool))
        ):
            return float(resolved) if short == "float" else resolved  # type: ignore[arg-type]
        # Translators: {value} is the quoted value, {tag} a YAML tag such as !!int.
        message = _("value {value} is not a valid {tag}").format(
            value=repr(value), tag="!!" + short
        )
        raise _Abort(YamlIssue("tag", message, line, column))
    raise _Abort(_tag_issue(tag, line, column))


def _too_deep(mark: Any) -> YamlIssue:
    return YamlIssue(
        "depth",
        _("nesting deeper than {limit} levels (catalogs need fewer than 10)").format(
            limit=MAX_DEPTH
        ),
        mark.line + 1,
        mark.column + 1,
    )


def _tag_issue(tag: str, line: int, column: int) -> YamlIssue:
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    return YamlIssue(
        "tag",
        # Translators: {tag} is a YAML tag such as !!python/object.
        _("tag {tag} is not allowed in a catalog (tags never create objects; remove it)").format(
            tag=shown
        ),
        line,
        column,
    )


_NO_KEY: Any = object()


def parse(text: str) -> ParsedYaml:
    """Parse one YAML document; problems are returned as issues, never raised."""
    out = _parse(text)
    if out.refused_at > 0:
        out = _depth_before_refusal(text, out)
    if any(ch in text for ch in YAML11_BREAKS):
        remap_positions(out, text)
    return out


def _parse(text: str) -> ParsedYaml:
    # long: one loop over libyaml's events, the hot path of parsing; no call per event.
    out = ParsedYaml()
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
                raise _Abort(_syntax_issue(exc, text)) from None
            except yaml.reader.ReaderError as exc:
                raise _Abort(_reader_issue(exc, text)) from None
            except yaml.YAMLError as exc:
                raise _Abort(YamlIssue("syntax", str(exc).strip(), 1, 1)) from None
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
                    node = _tagged(raw, event.tag, mark.line + 1, mark.column + 1)
                elif event.style == "" and event.implicit[0]:
                    node = resolve_plain(raw) if raw else None
                    is_string = type(node) is str
                else:
                    node = raw
                    is_string = True
                anchor = event.anchor
                nodes += 1
                if nodes > MAX_NODES:
                    raise _Abort(_too_many(mark))
            elif etype is map_t or etype is seq_t:
                mark = event.start_mark
                tag = event.tag
                if tag is not None and tag not in (_CORE + "map", _CORE + "seq", "!"):
                    raise _Abort(_tag_issue(tag, mark.line + 1, mark.column + 1))
                node = {} if etype is map_t else []
                anchor = event.anchor
                is_container = True
                nodes += 1
                if nodes > MAX_NODES:
                    raise _Abort(_too_many(mark))
                if len(stack) >= MAX_DEPTH:
                    raise _Abort(_too_deep(mark))
            elif etype is map_end or etype is seq_end:
                frame = stack.pop()
                height = frame[5] + 1
                if stack and stack[-1][5] < height:
                    stack[-1][5] = height
                if frame[3] is not None:
                    anchors[frame[3]] = (frame[0], nodes - frame[4], height)
                continue
            elif etype is alias_t:
                mark = event.start_mark
                name = event.anchor
                if name not in anchors:
                    raise _Abort(
                        YamlIssue(
                            "alias",
                            # Translators: *{name} is a YAML alias; keep the asterisk.
                            _(
                                "alias *{name} refers to an anchor that is not defined before it"
                            ).format(name=name),
                            mark.line + 1,
                            mark.column + 1,
                        )
                    )
                node, size, height = anchors[name]
                nodes += size
                if nodes > MAX_NODES:
                    raise _Abort(
                        YamlIssue(
                            "alias",
                            _(
                                "aliases expand to more than {limit:,} values "
                                "(an alias bomb?); parsing stopped"
                            ).format(limit=MAX_NODES),
                            mark.line + 1,
                            mark.column + 1,
                        )
                    )
                if len(stack) + height > MAX_DEPTH:
                    raise _Abort(_too_deep(mark))
                if stack and stack[-1][5] < height:
                    stack[-1][5] = height
            elif etype is doc_start:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise _Abort(
                        YamlIssue(
                            "documents",
                            _("more than one YAML document in the file; a catalog is one document"),
                            mark.line + 1,
                            mark.column + 1,
                        )
                    )
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
                            raise _Abort(
                                YamlIssue(
                                    "syntax",
                                    _("a key must be a plain value, not a list or mapping"),
                                    line,
                                    column,
                                )
                            )
                        key = raw if node is not None else ""
                        kpath = (*frame[1], key)
                        if key in container:
                            first = key_pos.get(kpath, (0, 0))
                            out.issues.append(
                                YamlIssue(
                                    "duplicate-key",
                                    # Translators: {key} is the quoted key, {line} a line number.
                                    _(
                                        "key {key} appears twice in this mapping (first at line "
                                        "{line}); tools disagree on which value counts"
                                    ).format(key=repr(key), line=first[0]),
                                    line,
                                    column,
                                    kpath,
                                )
                            )
                        else:
                            key_pos[kpath] = (line, column)
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
            if is_string:
                strings.append(ScalarRef(path, node, line, column, event.style or ""))
            elif etype is scalar_t and event.style == "" and type(node) in (int, float):
                plain_numbers[path] = raw
            if is_container:
                stack.append([node, path, _NO_KEY, anchor, nodes, 0])
            elif anchor is not None:
                anchors[anchor] = (node, 1, 0)
    except _Abort as abort:
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


def _depth_before_refusal(text: str, refused: ParsedYaml) -> ParsedYaml:
    """Our depth limit, not libyaml's, decides where deep nesting is reported: libyaml (0.2.6
    on, in PyYAML 6.0.4) refuses deep flow nesting while scanning ahead, before our guard sees
    the event past MAX_DEPTH. The text up to where it refused gives the same events without
    that look-ahead: one more parse, only of a refused file."""
    prefix = _parse(text[: refused.refused_at])
    if prefix.issues and prefix.issues[-1].kind == "depth" and not prefix.ok:
        prefix.refused_at = -1
        return prefix
    return refused


def _too_many(mark: Any) -> YamlIssue:
    return YamlIssue(
        "depth",
        _(
            "more than {limit:,} values in one file (split it, or it is not a catalog); "
            "parsing stopped"
        ).format(limit=MAX_NODES),
        mark.line + 1,
        mark.column + 1,
    )


def _reader_issue(exc: yaml.reader.ReaderError, text: str) -> YamlIssue:
    """A character YAML does not allow, at its real line and column."""
    position = exc.position if isinstance(exc.position, int) else 0
    # libyaml counts UTF-8 bytes here; lines and columns are counted in characters.
    index = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    char = exc.character
    shown = f"U+{char:04X}" if isinstance(char, int) else repr(char)
    # Translators: {character} is a code point such as U+0007.
    message = _("character {character} is not allowed in YAML text").format(character=shown)
    return YamlIssue("syntax", message, line, column)


def _syntax_issue(exc: yaml.MarkedYAMLError, text: str) -> YamlIssue:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        message = _("YAML syntax error: a tab character; YAML indents with spaces only")
        return YamlIssue("syntax", message, line, column)
    # The parser's own words stay in English; only our default is translated.
    problem = exc.problem.strip() if exc.problem else _("invalid YAML")
    if exc.context:
        problem = f"{problem} ({exc.context.strip()})"
    # Translators: {problem} is the YAML parser's explanation (in English).
    return YamlIssue(
        "syntax", _("YAML syntax error: {problem}").format(problem=problem), line, column
    )
