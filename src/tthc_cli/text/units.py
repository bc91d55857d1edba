"""The type word of a commune-level unit's name (xã, phường, thị trấn, đặc khu)."""

from __future__ import annotations

import re
from functools import lru_cache

from tthc_cli.text.keys import match_key

__all__ = ["COMMUNE_TYPE_WORDS", "is_ward", "strip_unit_type", "unit_type_word"]

#: The type words a commune's name starts with, in match-key form (thị trấn: before 2025).
COMMUNE_TYPE_WORDS = ("xã", "phường", "thị trấn", "đặc khu")

# The type word must be a whole word: "Phường1" is a ward, but "Phườngx" would not be.
_TYPE_AT_START_RE = re.compile(rf"^(?:{'|'.join(COMMUNE_TYPE_WORDS)})(?![^\W\d_])")
_TYPE_PREFIX_RE = re.compile(rf"^(?:{'|'.join(COMMUNE_TYPE_WORDS)})\s+", re.IGNORECASE)


@lru_cache(maxsize=1 << 12)
def unit_type_word(name: str) -> str | None:
    """The type word ``name`` starts with, in match-key form ("PHƯỜNG 1" -> "phường"), or None.

    Case, Unicode form and tone placement do not matter; diacritics do: "Phương Sơn" is a
    commune named Phương Sơn, not a ward, so a name typed without diacritics has no type word.
    """
    found = _TYPE_AT_START_RE.match(match_key(name))
    return found.group() if found is not None else None


@lru_cache(maxsize=1 << 12)
def is_ward(name: str) -> bool:
    """Tell whether the unit named ``name`` is a phường (ward): there a bare "Tổ" is a tổ dân
    phố."""
    # Cached on its own: every hamlet of a commune asks again, one call must cost one lookup.
    return unit_type_word(name) == "phường"


def strip_unit_type(name: str) -> str:
    """``name`` without the type word it starts with and the spaces after it ("Xã Hòa Bắc" ->
    "Hòa Bắc"); the text is otherwise kept as given (apply :func:`match_key` first to compare)."""
    return _TYPE_PREFIX_RE.sub("", name)
