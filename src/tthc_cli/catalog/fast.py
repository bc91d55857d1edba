"""The yaml-rs fast path: the one rule that admits a text to it, for every command.

yaml-rs (a Rust YAML 1.2 parser) reads the data about seven times faster than PyYAML's
CSafeLoader on the benchmark corpus, but gives no positions and, for some texts, other data than
`yamltree`. :func:`load_fast` returns yaml-rs's data only when it is certain to equal
`yamltree.parse(text).data` (same values, same types, same order); otherwise None, and the
command reads the file with the positioned parser, which reports any problem with its line and
column. The rule is the strictest of those the readers had before: a screen of the text
(`_risky`: what yaml-rs reads differently, or might), a size limit, and data that holds nothing
but what yamltree builds alike (string keys; strings, whole numbers, finite floats, booleans,
nulls, and `YYYY-MM-DD` dates, which yamltree keeps as text and so does this data).
`tests/unit/test_fastload_kinds.py` checks it on generated files of every kind.

Its readers:

- `tthc validate`: :func:`read_fast_data`, any kind; positions are computed only for the
  files that have a finding (see `loading.Document`);
- `tthc diff`, `stats` and `search`: `procfast.read_fast`, valid procedure catalogs;
- `tthc dedupe-names`: `unitsfast.read_units_fast`, valid units files.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tthc_cli.catalog.yamltree import MAX_DEPTH, Path_

try:
    import yaml_rs
except ImportError:  # pragma: no cover - the dependency is declared; this is a safety net
    yaml_rs = None  # type: ignore[assignment]

# Catalogs are kilobytes. Under this size a file cannot reach yamltree's limit of a million
# values (a value takes at least two characters), so both parsers accept the same files; and a
# bigger file goes straight to the positioned parser: a finding there would need both parses in
# memory at once, which doubles a big file's peak.
MAX_FAST_CHARS = 1_900_000

# What yaml-rs reads differently from `yamltree`, or might: tags, anchors and aliases (yamltree
# keeps an alias's strings once), directives, escapes, `?` keys, tabs, byte-order marks and
# characters libyaml refuses, YAML 1.1 line breaks, `0x`/`0o`/`0b` and `1_000` numbers, long
# zero-padded digit runs, a colon not followed by a space, block scalars other than `key: |` or
# one without a line after it (yaml-rs keeps a line break where yamltree reads ""), document
# markers other than an opening `---`, and flow collections over several lines (found by
# fuzzing mutated catalogs against yamltree). Such a file simply takes the full parser. Each
# pattern starts with a literal or a character class, so screening the 2,000-file benchmark
# corpus costs little.
_BAD_CHAR = re.compile(
    r"[^\n\x20\x22-\x24\x27-\x29\x2b-\x3e\x41-\x5b\x5d-\x5f\x61-\x7e"
    r"\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_COLON = re.compile(r":[^ \n]")
_RADIX = re.compile(r"0[xXoObB]")
_UNDERSCORE = re.compile(r"_(?:(?<=[0-9.+-]_)|(?=[0-9.+-]))")
_PADDED = re.compile(rb"000[0-9]{26}")  # yamltree keeps 31 digits as text; bigger ints below
_BLOCK_HEADER = re.compile(r"[|>][-+]?\n")
_CONTENT = re.compile(r" *[^ \n]")  # the first line of a block scalar
# Whole numbers from here on are left to the full parser (yamltree keeps over 30 digits as text).
INT_LIMIT = 10**28

# Some of the checks run on the UTF-8 bytes, where a C loop deletes every byte that cannot matter
# (a regex over the text costs several times more). UTF-8 keeps ASCII bytes out of the other
# characters, so what is left of a text is its ASCII characters of interest, plus the lead
# bytes of the non-ASCII characters _BAD_CHAR refuses (\xc2: C1 controls, \xe2: U+2028/9,
# \xef: U+FEFF, U+FFFE/F), which also start harmless ones (NBSP, dashes): only then is
# _BAD_CHAR asked.
_LEAD_BYTES = b"\xc2\xe2\xef"
_SUSPECT = bytes([*range(0x0A), *range(0x0B, 0x20), *b"!%&*?@\\`\x7f", *_LEAD_BYTES])
_NOT_SUSPECT = bytes(range(256)).translate(None, _SUSPECT)
# Brackets, line breaks, dashes and dots: enough to find a flow collection going on past its
# line, and every document marker (with some false alarms, which the text then settles).
_NOT_OUTLINE = bytes(range(256)).translate(None, b"[]{}\n-.")
_OPEN_FLOW = re.compile(rb"[\[{][^\]}\n]*\n")


def _risky(text: str) -> bool:
    """Whether yaml-rs may read text otherwise than yamltree (see above)."""
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return True
    suspects = raw.translate(None, _NOT_SUSPECT)
    if suspects and (suspects.translate(None, _LEAD_BYTES) or _BAD_CHAR.search(text)):
        return True
    outline = raw.translate(None, _NOT_OUTLINE)
    if (
        _COLON.search(text)
        or _RADIX.search(text)
        or _UNDERSCORE.search(text)
        or _PADDED.search(raw)
        or _OPEN_FLOW.search(outline)
    ):
        return True
    # Only a `---` line opening the file: yaml-rs reads some documents libyaml refuses.
    if (b"\n---" in outline or b"\n..." in outline) and ("\n---" in text or "\n..." in text):
        return True
    if text.startswith("..."):
        return True
    if text.startswith("---") and text[3:4] not in (" ", "\n"):
        return True
    for indicator in "|>":
        at = text.find(indicator)
        if at >= 0 and not text.endswith("\n"):
            return True  # a block scalar ending the file: yaml-rs adds a line break
        while at >= 0:
            header = _BLOCK_HEADER.match(text, at)
            if text[at - 2 : at] not in (": ", "- ") or header is None:
                return True
            if not _CONTENT.match(text, header.end()):
                return True  # an empty block scalar, or one opening with a blank line
            at = text.find(indicator, header.end())
    return False


@dataclass
class FastData:
    """yaml-rs data of a whole file, as `yamltree` reads it, and its string values in order
    (when asked for)."""

    data: dict[str, Any]
    strings: list[tuple[Path_, str]] = field(default_factory=list)


class _Unsure(Exception):
    """The data holds something yamltree may read differently: use the full parser."""


def load_fast(
    text: str,
    *,
    strings: bool = False,
    valid: Callable[[dict[str, Any]], bool] | None = None,
) -> FastData | None:
    """The data of a text that yaml-rs reads exactly as `yamltree.parse` would, or None.

    The rule: the text passes the screen above and is small enough, yaml-rs reads a mapping,
    and the data is plain (:func:`is_plain`). With strings=True, every string value is listed
    with its path, in document order.

    `valid` is a kind reader's check of the data against its schema, which it makes anyway; it
    stands in for :func:`is_plain` and must accept only plain data. The schemas are strict
    (string keys; strings, numbers, booleans and nulls; no dates but at the top, which are
    turned into text before it runs, as is_plain would), so what they accept is plain but for
    numbers out of range, which the readers' checks refuse (see `procfast._valid_catalog`;
    units files hold no numbers).
    """
    if yaml_rs is None or len(text) > MAX_FAST_CHARS or _risky(text):
        return None
    try:
        data = yaml_rs.loads(text)
    except Exception:
        return None
    if type(data) is not dict:
        return None
    if valid is None:
        if not is_plain(data):
            return None
    else:
        for key, value in data.items():
            if type(value) is dt.date:
                data[key] = value.isoformat()
        if not valid(data):
            return None
    found = FastData(data)
    if strings:
        _strings(data, (), found.strings)
    return found


def read_fast_data(text: str) -> FastData | None:
    """The data of a catalog and its string values in order, as `tthc validate` reads it."""
    return load_fast(text, strings=True)


def is_plain(data: Any) -> bool:
    """Whether data holds only what yamltree builds alike: string keys; strings, whole numbers
    under 10**28, finite floats, booleans, nulls, and dates, which are turned into text; and
    lists and mappings of these, nested less than MAX_DEPTH deep."""
    try:
        _plain(data, 0)
    except (_Unsure, RecursionError):
        return False
    return True


def _plain(node: Any, depth: int) -> None:
    """Raise _Unsure unless node holds only what yamltree builds alike; dates become text."""
    if depth >= MAX_DEPTH:
        raise _Unsure
    values: Any
    if type(node) is dict:
        for key in node:
            if type(key) is not str:
                raise _Unsure
        values = node.values()
    else:
        values = node
    dates = False
    for value in values:
        kind = type(value)
        if kind is str:
            continue
        if kind is dict or kind is list:
            _plain(value, depth + 1)
        elif kind is int:
            if not -INT_LIMIT < value < INT_LIMIT:
                raise _Unsure
        elif kind is bool or value is None:
            pass
        elif kind is float:
            if not math.isfinite(value):
                raise _Unsure
        elif kind is dt.date:
            dates = True
        else:
            raise _Unsure
    if dates:  # rare: `effective`, mostly; not worth a lookup per value above
        items = list(node.items()) if type(node) is dict else list(enumerate(node))
        for key, value in items:
            if type(value) is dt.date:
                node[key] = value.isoformat()


def _strings(node: Any, path: Path_, out: list[tuple[Path_, str]]) -> None:
    items = node.items() if type(node) is dict else enumerate(node)
    for key, value in items:
        kind = type(value)
        if kind is str:
            out.append(((*path, key), value))
        elif kind is dict or kind is list:
            _strings(value, (*path, key), out)


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
