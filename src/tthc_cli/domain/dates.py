"""ISO dates as catalogs write them (YYYY-MM-DD)."""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str) -> dt.date | None:
    """The date, or None when text is not a real YYYY-MM-DD date."""
    if not _ISO.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
