"""A fast path for reading the names in valid `units` files, when only each name's line is needed.

`tthc dedupe-names` needs every hamlet and street with its commune and the line it is on.
yaml-rs reads the data about seven times faster than the positioned parser (`yamltree`), which
was most of the time of a national run. It is used only when the result is certain to be the
one the full loader gives: the text passes the one admission rule of the fast path
(`fast.load_fast`), the data passes the schema, and every name is found in the text as the
first key of its item, written literally, so its line is known. Anything else returns None and
the full loader reads the file (and reports any problem with its line and column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from tthc_cli.catalog.fast import load_fast
from tthc_cli.domain.models import UnitsFile

GROUPS = ("hamlets", "streets")
# A quoted `name` key would hide from the line search below, which would then find the next one.
_QUOTED_KEYS = ('"name"', "'name'")
# A `name` key: not part of a longer word or of a quoted key.
_NAME_KEY = re.compile(r"(?<![\w\"'])name[ \t]*:[ \t]*")
_TERMINATOR = re.compile(r"[ \t]*(?:[,}\]\n\r]|#|$)")


@dataclass(frozen=True, slots=True)
class FastPlace:
    """One name of a units file: where it is (commune index, group, index) and its line."""

    commune: int
    group: str
    index: int
    line: int


@dataclass
class FastUnits:
    data: dict[str, Any]
    places: list[FastPlace]


def read_units_fast(text: str) -> FastUnits | None:
    """The data and the line of every hamlet and street, or None when the full loader must
    read this text (see the module docstring)."""
    if any(key in text for key in _QUOTED_KEYS):
        return None
    found = load_fast(text, valid=_valid_units)
    if found is None:
        return None
    data = found.data
    places = _place_lines(text, data["communes"])
    if places is None:
        return None
    return FastUnits(data=data, places=places)


def _valid_units(data: dict[str, Any]) -> bool:
    """Whether data is a valid, plain units file: the strict schema, which holds no number
    (a test keeps it so), accepts only plain data (see `fast.load_fast`)."""
    if data.get("kind") != "units":
        return False
    try:
        UnitsFile.model_validate(data)
    except ValidationError:
        return False
    return True


def _place_lines(text: str, communes: list[dict[str, Any]]) -> list[FastPlace] | None:
    """Each name's line, found in document order: the group key, then each item's `name` key,
    which must be the item's first key, on the line where the item starts, and followed by
    the name exactly as read."""
    places: list[FastPlace] = []
    offset, line = 0, 1
    for number, commune in enumerate(communes):
        for group in commune:  # document order: hamlets and streets may come either way
            if group not in GROUPS:
                continue
            key = re.compile(rf"(?<![\w\"']){group}[ \t]*:").search(text, offset)
            if key is None:
                return None
            for index, place in enumerate(commune[group] or []):
                if next(iter(place)) != "name":
                    return None  # the item starts on another line than its name
                found = _NAME_KEY.search(text, key.end() if index == 0 else offset)
                if found is None or not _starts_item(text, found.start()):
                    return None
                end = _literal_end(text, found.end(), place["name"])
                if end is None:
                    return None
                line += text.count("\n", offset, found.start())
                offset = found.start()
                places.append(FastPlace(number, group, index, line))
                line += text.count("\n", offset, end)
                offset = end
    return places


def _starts_item(text: str, position: int) -> bool:
    """Whether only spaces stand between `{` or `- ` and this key, on the same line."""
    index = position - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index >= 0 and text[index] in "{-"


def _literal_end(text: str, start: int, name: str) -> int | None:
    """The end of the scalar at start when it is `name` written as is (plain, or quoted
    without escapes), else None."""
    quote = text[start : start + 1]
    if quote in ("'", '"'):
        end = start + 1 + len(name)
        if text[start + 1 : end] != name or text[end : end + 1] != quote:
            return None
        end += 1
    else:
        end = start + len(name)
        if text[start:end] != name:
            return None
    return end if _TERMINATOR.match(text, end) else None
