"""The YAML path of a node (`procedures[12].fees[0].amount`), and which node a position is on.

Findings carry a line and a column; the path says which value that is, in words that survive
edits elsewhere in the file. It is worked out from the positioned parse (`yamltree`) of a file
that has a finding, once per file (`NodeIndex`), so a rule only reports a position.

Two spellings of a path:

- the *shown* path indexes list items (`procedures[12].code`), as a reader counts them;
- the *stable* path names an item by its `code` when it has one
  (`procedures[code=1.000123].code`), so it stays the same when items are reordered or added
  above it. Baselines key on it.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from tthc_cli.catalog.yamltree import ParsedYaml, Path_, Pos

ROOT = "$"
_BARE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _key(key: str | int) -> str:
    text = str(key)
    if _BARE_KEY.fullmatch(text):
        return "." + text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'["{escaped}"]'


def format_path(path: Path_, codes: dict[Path_, str] | None = None) -> str:
    """`procedures[12].fees[0].amount`; `$` for the whole document. With codes (item path ->
    its code), an item that has one is written `[code=…]` instead of its index."""
    if not path:
        return ROOT
    parts: list[str] = []
    for end, segment in enumerate(path, start=1):
        if isinstance(segment, int):
            code = codes.get(path[:end]) if codes else None
            parts.append(f"[code={code}]" if code is not None else f"[{segment}]")
        else:
            parts.append(_key(segment))
    return "".join(parts).removeprefix(".")


def _item_code(parsed: ParsedYaml, path: Path_, item: Any) -> str | None:
    code = item.get("code") if isinstance(item, dict) else None
    if isinstance(code, bool) or not isinstance(code, str | int | float):
        return None
    # `code: 2.000720` unquoted reads as 2.00072: the text as written is what names the item.
    return parsed.plain_numbers.get((*path, "code"), str(code))


class NodeIndex:
    """Which node each position of one parsed document is on."""

    def __init__(self, parsed: ParsedYaml) -> None:
        self._parsed = parsed
        # A mapping starts where its first key does, a document where its first node does:
        # at a shared position the outermost value is the node (a finding about a key that
        # starts a mapping names the key itself, see Hit.path).
        values: dict[Pos, Path_] = {}
        for path, pos in parsed.value_pos.items():
            known = values.get(pos)
            if known is None or len(path) < len(known):
                values[pos] = path
        self._values = values
        self._keys = {pos: path for path, pos in parsed.key_pos.items()}
        self._order: list[tuple[Pos, Path_]] | None = None

    def path_at(self, line: int, column: int) -> Path_:
        """The path of the node at this position: a value or key starting there; else the one
        starting last before it when that is on the same line (inside a value); else its
        container (a duplicate key, a syntax error between values); else the document."""
        pos = (line, column)
        found = self._values.get(pos)
        if found is None:
            found = self._keys.get(pos)
        if found is not None:
            return found
        if self._order is None:
            both = {**self._keys, **self._values}
            self._order = sorted(both.items())
        at = bisect.bisect_right(self._order, (pos, ())) - 1
        if at < 0:
            return ()
        (start_line, _col), path = self._order[at]
        return path if start_line == line else path[:-1]

    def stable(self, path: Path_) -> str:
        """The stable spelling of path (see the module docstring)."""
        codes: dict[Path_, str] = {}
        node = self._parsed.data
        for end, segment in enumerate(path, start=1):
            if isinstance(segment, int) and isinstance(node, list) and 0 <= segment < len(node):
                node = node[segment]
                code = _item_code(self._parsed, path[:end], node)
                if code is not None:
                    codes[path[:end]] = code
            elif isinstance(segment, str) and isinstance(node, dict):
                node = node.get(segment)
            else:
                break
        return format_path(path, codes)
