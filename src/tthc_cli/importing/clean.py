"""Text from the portal as catalog text: spaces, NFC, one tone placement; mojibake flagged."""

from __future__ import annotations

import re

from tthc_cli.text.legacy import detect_legacy
from tthc_cli.text.normalize import ToneStyle, canonical_tones, clean_spaces, nfc

NO_INFO = frozenset({"", "không có thông tin", "không quy định", "không"})


def clean(text: object, style: ToneStyle = ToneStyle.FIRST_VOWEL) -> str:
    """Spaces collapsed (line breaks too), NFC, tone marks placed the one way."""
    if not isinstance(text, str):
        return ""
    flat = " ".join(clean_spaces(nfc(text)).split())
    return canonical_tones(flat, style)


def is_empty(text: str) -> bool:
    return text.strip().rstrip(".").casefold() in NO_INFO


def mojibake(text: str) -> str | None:
    """The legacy encoding (TCVN3, VNI) text looks written in, or None."""
    found = detect_legacy(text)
    return found.encoding if found is not None else None


def split_list(text: str) -> list[str]:
    """ "Công dân Việt Nam, Người nước ngoài" as items; a comma inside brackets stays."""
    items: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char in ",;" and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return [item.strip() for item in items if item.strip()]


_DECISION_RE = re.compile(r"^(?:Quyết định\s+)?(?:số\s+)?", re.IGNORECASE)


def decision_number(text: str) -> str:
    """ "Quyết định số 6376/QĐ-BQP" -> "6376/QĐ-BQP"."""
    return _DECISION_RE.sub("", text).strip()
