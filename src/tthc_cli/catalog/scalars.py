"""Plain scalars read by the YAML 1.2 core schema: `no`, `on` and `2025-07-01` stay text, and
numbers longer than any code or amount stay text too. Both parsers and the writers use it."""

from __future__ import annotations

import math
import re
from typing import Any

# More digits than any code or amount has; Python refuses to parse very long integers anyway.
MAX_INT_DIGITS = 30

_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NUMERIC_START = frozenset("0123456789-+.")


def resolve_plain(value: str) -> Any:
    """Resolve an untagged plain scalar by the YAML 1.2 core schema."""
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if value[0] in _NUMERIC_START:
        if _INT.fullmatch(value):
            return int(value) if len(value.lstrip("+-")) <= MAX_INT_DIGITS else value
        if _FLOAT.fullmatch(value):
            return float(value)
        if len(value) > MAX_INT_DIGITS:
            return value
        if _OCT.fullmatch(value):
            return int(value[2:], 8)
        if _HEX.fullmatch(value):
            return int(value[2:], 16)
        if _INF.fullmatch(value):
            return -math.inf if value[0] == "-" else math.inf
        if _NAN.fullmatch(value):
            return math.nan
    return value


def text_of(value: Any) -> str:
    """A parsed value as text: a string stripped, anything else empty."""
    return value.strip() if isinstance(value, str) else ""


def number_of(value: Any) -> float | None:
    """A parsed value as a number: an int or a float, never a bool; anything else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value
