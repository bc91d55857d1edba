"""What can be wrong with a YAML text, found while parsing it (`catalog.yamltree`): each problem
as a `YamlIssue` at its line and column, in the user's language, and the limits that bound work."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from tthc_cli.catalog.scalars import resolve_plain
from tthc_cli.runtime.i18n import _

Path_ = tuple[str | int, ...]
Pos = tuple[int, int]

MAX_DEPTH = 256
# A catalog of all 2,239 national procedures with every field is about 300,000 values; a file
# with more (or aliases expanding to more) is refused before it costs gigabytes.
MAX_NODES = 1_000_000
CORE = "tag:yaml.org,2002:"


@dataclass(frozen=True, slots=True)
class YamlIssue:
    """A structural problem found while parsing: syntax, duplicate key, tag, alias or depth."""

    kind: str  # syntax | duplicate-key | tag | alias | depth | documents
    message: str
    line: int
    column: int
    path: Path_ | None = None  # the duplicate key's path; None: not known
    index: int | None = None  # the character index, where libyaml's mark gives it


class Abort(Exception):
    def __init__(self, issue: YamlIssue) -> None:
        self.issue = issue


def _at(mark: Any, kind: str, message: str) -> YamlIssue:
    """An issue where libyaml's mark is (its lines and columns count from 0)."""
    return YamlIssue(kind, message, mark.line + 1, mark.column + 1, index=mark.index)


def tagged(value: str, tag: str, line: int, column: int) -> Any:
    short = tag[len(CORE) :] if tag.startswith(CORE) else tag
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
        raise Abort(YamlIssue("tag", message, line, column))
    raise Abort(tag_issue(tag, line, column))


def too_deep(mark: Any) -> YamlIssue:
    message = _("nesting deeper than {limit} levels (catalogs need fewer than 10)")
    return _at(mark, "depth", message.format(limit=MAX_DEPTH))


def tag_issue(tag: str, line: int, column: int) -> YamlIssue:
    shown = "!!" + tag[len(CORE) :] if tag.startswith(CORE) else tag
    # Translators: {tag} is a YAML tag such as !!python/object.
    message = _("tag {tag} is not allowed in a catalog (tags never create objects; remove it)")
    return YamlIssue("tag", message.format(tag=shown), line, column)


def too_many(mark: Any) -> YamlIssue:
    message = _(
        "more than {limit:,} values in one file (split it, or it is not a catalog); parsing stopped"
    )
    return _at(mark, "depth", message.format(limit=MAX_NODES))


def reader_issue(exc: yaml.reader.ReaderError, text: str) -> YamlIssue:
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
    return YamlIssue("syntax", message, line, column, index=index)


def syntax_issue(exc: yaml.MarkedYAMLError, text: str) -> YamlIssue:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    index = mark.index if mark is not None else None
    if index is not None and 0 <= index < len(text) and text[index] == "\t":
        message = _("YAML syntax error: a tab character; YAML indents with spaces only")
        return YamlIssue("syntax", message, line, column, index=index)
    # The parser's own words stay in English; only our default is translated.
    problem = exc.problem.strip() if exc.problem else _("invalid YAML")
    if exc.context:
        problem = f"{problem} ({exc.context.strip()})"
    # Translators: {problem} is the YAML parser's explanation (in English).
    message = _("YAML syntax error: {problem}").format(problem=problem)
    return YamlIssue("syntax", message, line, column, index=index)


def undefined_alias(name: str, mark: Any) -> YamlIssue:
    # Translators: *{name} is a YAML alias; keep the asterisk.
    message = _("alias *{name} refers to an anchor that is not defined before it")
    return _at(mark, "alias", message.format(name=name))


def alias_bomb(mark: Any) -> YamlIssue:
    message = _("aliases expand to more than {limit:,} values (an alias bomb?); parsing stopped")
    return _at(mark, "alias", message.format(limit=MAX_NODES))


def second_document(mark: Any) -> YamlIssue:
    message = _("more than one YAML document in the file; a catalog is one document")
    return _at(mark, "documents", message)


def key_not_scalar(line: int, column: int) -> YamlIssue:
    return YamlIssue(
        "syntax", _("a key must be a plain value, not a list or mapping"), line, column
    )


def duplicate_key(key: str, first: int, line: int, column: int, path: Path_) -> YamlIssue:
    return YamlIssue(
        "duplicate-key",
        # Translators: {key} is the quoted key, {line} a line number.
        _(
            "key {key} appears twice in this mapping (first at line "
            "{line}); tools disagree on which value counts"
        ).format(key=repr(key), line=first),
        line,
        column,
        path,
    )
