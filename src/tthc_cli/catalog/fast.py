"""Fast paths that read catalogs with yaml-rs when positions are not needed (yet).

`tthc validate` reads every file with :func:`read_fast_data` and asks for positions only for
the files that have a finding (see `loading.Document`).

`tthc diff` needs each procedure's data and only the line where it starts. yaml-rs (a Rust
YAML 1.2 parser) reads the data about seven times faster than PyYAML's CSafeLoader on the
benchmark corpus. It is used only for files it reads exactly as `yamltree` would: no tags
(yaml-rs would drop them silently), no duplicate keys (yaml-rs refuses them), and data that
passes the schema. Anything else goes through the full loader, which reports the problem with
its line and column.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from tthc_cli.catalog.yamltree import MAX_DEPTH, MAX_NODES, Path_
from tthc_cli.domain.models import ProcedureCatalog

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
    if not plainly_valid_catalog(data):
        # The schema decides; a file it refuses goes to the full loader for its message.
        try:
            ProcedureCatalog.model_validate(data)
        except ValidationError:
            return None
    return FastCatalog(path=path, text=text, data=data)


# Checking a catalog's plain shape in Python costs a fraction of building the pydantic models
# of its procedures. The check below accepts only what `ProcedureCatalog` surely accepts;
# anything else (other types, NaN, a missing key...) is left to pydantic to decide.
_CATALOG_KEYS = frozenset(
    {"kind", "province", "level", "effective", "title", "source", "decisions", "procedures"}
)
_CATALOG_REQUIRED = ("kind", "province", "level", "effective", "procedures")
_PROCEDURE_TEXT = ("code", "name", "field")
_PROCEDURE_OPTIONAL_TEXT = frozenset(
    {"agency", "decision", "type", "result", "conditions", "notes"}
)
_PROCEDURE_TEXT_LISTS = frozenset({"legal_basis", "subjects", "documents", "steps"})
_PROCEDURE_KEYS = (
    frozenset(_PROCEDURE_TEXT)
    | _PROCEDURE_OPTIONAL_TEXT
    | _PROCEDURE_TEXT_LISTS
    | {"time_limit", "fees", "online", "location_independent"}
)
_LEVELS = ("tinh", "huyen", "xa")
_ONLINE = ("full", "partial", "none")


def _text(value: Any) -> bool:
    return type(value) is str and value != ""


def _number(value: Any) -> bool:
    return type(value) is int or (type(value) is float and math.isfinite(value))


def _text_list(value: Any) -> bool:
    return type(value) is list and all(type(v) is str and v != "" for v in value)


def plainly_valid_catalog(data: dict[str, Any]) -> bool:
    """True only when `ProcedureCatalog` accepts data (False means "ask pydantic")."""
    if not _CATALOG_KEYS.issuperset(data) or any(k not in data for k in _CATALOG_REQUIRED):
        return False
    if (
        data["kind"] != "procedure-catalog"
        or type(data["kind"]) is not str
        or not _text(data["province"])
        or type(data["level"]) is not str
        or data["level"] not in _LEVELS
        or type(data["effective"]) is not str
    ):
        return False
    for key in ("title", "source"):
        value = data.get(key)
        if value is not None and not _text(value):
            return False
    decisions = data.get("decisions")
    if decisions is not None and not _text_list(decisions):
        return False
    procedures = data["procedures"]
    return type(procedures) is list and all(_plain_procedure(p) for p in procedures)


def _plain_procedure(item: Any) -> bool:
    if type(item) is not dict or not _PROCEDURE_KEYS.issuperset(item):
        return False
    for key in _PROCEDURE_TEXT:
        if not _text(item.get(key)):
            return False
    for key, value in item.items():
        if value is None or key in _PROCEDURE_TEXT:
            continue
        if key in _PROCEDURE_OPTIONAL_TEXT:
            ok = _text(value)
        elif key in _PROCEDURE_TEXT_LISTS:
            ok = _text_list(value)
        elif key == "time_limit":
            ok = _plain_time_limit(value)
        elif key == "fees":
            ok = type(value) is list and all(_plain_fee(fee) for fee in value)
        elif key == "online":
            ok = type(value) is str and value in _ONLINE
        else:  # location_independent
            ok = type(value) is bool
        if not ok:
            return False
    return True


def _plain_time_limit(value: Any) -> bool:
    return (
        type(value) is dict
        and {"value", "unit", "note"}.issuperset(value)
        and _number(value.get("value"))
        and type(value.get("unit")) is str
        and (value.get("note") is None or type(value["note"]) is str)
    )


def _plain_fee(value: Any) -> bool:
    return (
        type(value) is dict
        and {"name", "amount", "note"}.issuperset(value)
        and _text(value.get("name"))
        and (value.get("amount") is None or _number(value["amount"]))
        and (value.get("note") is None or type(value["note"]) is str)
    )


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


# What yaml-rs reads differently from `yamltree`, or might: tags, anchors and aliases (yamltree
# keeps an alias's strings once), directives, escapes, `?` keys, tabs, byte-order marks and
# characters libyaml refuses, YAML 1.1 line breaks, `0x`/`0o`/`0b` and `1_000` numbers, long
# zero-padded digit runs, a colon not followed by a space, block scalars other than `key: |`
# or one that ends the file, document markers other than an opening `---`, and flow
# collections over several lines (found by fuzzing mutated catalogs against yamltree). Such a
# file simply takes the full parser. Each pattern starts with a literal or a character class,
# so screening the 2,000-file benchmark corpus costs little.
_BAD_CHAR = re.compile(
    r"[^\n\x20\x22-\x24\x27-\x29\x2b-\x3e\x41-\x5b\x5d-\x5f\x61-\x7e"
    r"\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_COLON = re.compile(r":[^ \n]")
_RADIX = re.compile(r"0[xXoObB]")
_UNDERSCORE = re.compile(r"_(?:(?<=[0-9.+-]_)|(?=[0-9.+-]))")
_PADDED = re.compile(r"000[0-9]{26}")  # yamltree keeps 31 digits as text; bigger ints below
_BLOCK_HEADER = re.compile(r"[|>][-+]?\n")
_BIG = 10**28


def _risky(text: str) -> bool:
    if (
        _BAD_CHAR.search(text)
        or _COLON.search(text)
        or _RADIX.search(text)
        or _UNDERSCORE.search(text)
        or _PADDED.search(text)
    ):
        return True
    for opening in "[{":
        # A flow collection must close on its own line ([a, b] and {k: v}).
        at = text.find(opening)
        while at >= 0:
            end = text.find("\n", at)
            if end < 0:
                break
            line = text[at:end]
            if "]" not in line and "}" not in line:
                return True
            at = text.find(opening, at + 1)
    # Only a `---` line opening the file: yaml-rs reads some documents libyaml refuses.
    if "\n---" in text or "\n..." in text or text.startswith("..."):
        return True
    if text.startswith("---") and text[3:4] not in (" ", "\n"):
        return True
    for indicator in "|>":
        at = text.find(indicator)
        while at >= 0:
            if text[at - 2 : at] not in (": ", "- ") or not _BLOCK_HEADER.match(text, at):
                return True
            if not text.endswith("\n"):
                return True  # a block scalar ending the file: yaml-rs adds a line break
            at = text.find(indicator, at + 1)
    return False


@dataclass
class FastData:
    """yaml-rs data of a whole file, as `yamltree` reads it, and its string values in order."""

    data: dict[str, Any]
    strings: list[tuple[Path_, str]]


class _Unsure(Exception):
    """The data holds something yamltree may read differently: use the full parser."""


# Catalogs are kilobytes. A file of many megabytes goes straight to the positioned parser: a
# finding there would need both parses in memory at once, which doubles a 100 MB file's peak.
MAX_FAST_CHARS = 4_000_000


def read_fast_data(text: str) -> FastData | None:
    """The data of a catalog that yaml-rs reads exactly as `yamltree.parse` would, or None.

    Only a mapping at the top, string keys, and strings, whole numbers, finite floats,
    booleans, nulls and `YYYY-MM-DD` dates (which yamltree keeps as text) are accepted.
    """
    if yaml_rs is None or len(text) > MAX_FAST_CHARS or _risky(text):
        return None
    try:
        data = yaml_rs.loads(text)
    except Exception:
        return None
    if type(data) is not dict:
        return None
    strings: list[tuple[Path_, str]] = []
    try:
        _walk(data, (), strings, [0])
    except (_Unsure, RecursionError):
        return None
    return FastData(data, strings)


def _walk(node: Any, path: Path_, strings: list[tuple[Path_, str]], count: list[int]) -> None:
    if len(path) >= MAX_DEPTH:
        raise _Unsure
    count[0] += len(node)
    if count[0] > MAX_NODES:
        raise _Unsure
    items: Any
    if type(node) is dict:
        for key in node:
            if type(key) is not str:
                raise _Unsure
        items = node.items()
    else:
        items = enumerate(node)
    append = strings.append
    for key, value in items:
        kind = type(value)
        if kind is str:
            if value.isspace():  # an empty block scalar: yaml-rs keeps its line break
                raise _Unsure
            append(((*path, key), value))
        elif kind is dict or kind is list:
            _walk(value, (*path, key), strings, count)
        elif kind is int:
            if not -_BIG < value < _BIG:
                raise _Unsure
        elif kind is bool or value is None:
            pass
        elif kind is float:
            if not math.isfinite(value):
                raise _Unsure
        elif kind is dt.date:
            text = value.isoformat()
            node[key] = text
            append(((*path, key), text))
        else:
            raise _Unsure


def fastdata_equal(a: Any, b: Any) -> bool:
    """Equal data and equal types all the way down (1 == 1.0 == True in Python)."""
    if type(a) is not type(b):
        return False
    if type(a) is dict:
        return list(a) == list(b) and all(fastdata_equal(a[k], b[k]) for k in a)
    if type(a) is list:
        return len(a) == len(b) and all(fastdata_equal(x, y) for x, y in zip(a, b, strict=True))
    if type(a) is float and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def yaml_rs_version() -> str:
    """The installed yaml-rs version ("" without it): cached results depend on its reading."""
    return str(getattr(yaml_rs, "__version__", "unknown")) if yaml_rs is not None else ""
