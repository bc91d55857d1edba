"""Whitespace: the defects TT202 reports, their fix, and the odd-space class both share."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["ODD_SPACE_RE", "ZERO_WIDTH", "WhitespaceProblem", "clean_spaces", "whitespace_problems"]


@dataclass(frozen=True, slots=True)
class WhitespaceProblem:
    """One whitespace defect; ``offset`` is a code-point index into the checked text."""

    offset: int
    kind: str
    char: str


_NBSP = frozenset("\u00a0\u202f\u2007")
#: Zero-width characters: invisible, yet they make two equal-looking texts differ.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH_SET = frozenset(ZERO_WIDTH)
# C0/C1 controls except \t and \n (tab gets its own kind, newline is legitimate).
_CONTROL_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
#: One odd whitespace character, each reported on its own (TT202) and fixed by `tthc fmt`: any
#: whitespace but the space and the newline, a zero-width character, a C0/C1 control but \n.
ODD_SPACE_RE = re.compile(rf"[^\S \n]|[{ZERO_WIDTH}{_CONTROL_CLASS}]")
_WS_SUSPECT_RE = re.compile(
    rf"\A\s|\s\Z|[^\S\n]\n|\n[^\S\n]|  |[^\S \n]|[{ZERO_WIDTH}{_CONTROL_CLASS}]"
)
_BLANK_RUN_RE = re.compile(r"[^\S\n]+")
# Controls that are not whitespace would glue words together if deleted, so they become spaces.
_CLEAN_TABLE: dict[int, str | None] = {
    **dict.fromkeys(map(ord, ZERO_WIDTH), None),
    **dict.fromkeys((*range(0x00, 0x09), *range(0x0E, 0x1C), *range(0x7F, 0xA0)), " "),
}


def _odd_kind(ch: str) -> str:
    if ch in _NBSP:
        return "nbsp"
    if ch in _ZERO_WIDTH_SET:
        return "zero-width"
    if ch == "\t":
        return "tab"
    if unicodedata.category(ch) == "Cc":
        return "control"
    return "other-space"


def whitespace_problems(text: str) -> list[WhitespaceProblem]:
    """List whitespace defects in ``text``, ordered by offset.

    Per line (lines split at ``\\n``): a blank run at a line start is "leading", at a line end
    "trailing", elsewhere two or more blanks are "double"; newlines at the very start or end of
    the text are "leading"/"trailing" too. Each NBSP, zero-width, tab, control (C0/C1 other
    than ``\\n``; a ``\\r`` counts) or other Unicode space character is reported on its own.
    """
    if not _WS_SUSPECT_RE.search(text):
        return []
    problems: list[WhitespaceProblem] = []
    end = len(text)
    if text.startswith("\n"):
        problems.append(WhitespaceProblem(0, "leading", "\n"))
    if end > 1 and text.endswith("\n"):
        problems.append(WhitespaceProblem(end - 1, "trailing", "\n"))
    for run in _BLANK_RUN_RE.finditer(text):
        start, stop = run.span()
        if start == 0 or text[start - 1] == "\n":
            kind = "leading"
        elif stop == end or text[stop] == "\n":
            kind = "trailing"
        elif stop - start >= 2:
            kind = "double"
        else:
            continue
        problems.append(WhitespaceProblem(start, kind, text[start]))
    for odd in ODD_SPACE_RE.finditer(text):
        ch = odd.group()
        problems.append(WhitespaceProblem(odd.start(), _odd_kind(ch), ch))
    problems.sort(key=lambda p: p.offset)
    return problems


def clean_spaces(text: str) -> str:
    """Fix everything :func:`whitespace_problems` reports, keeping the line structure.

    Zero-width characters are removed; NBSP, tabs, controls and other spaces become a space;
    ``\\r\\n``/``\\r`` become ``\\n``; each line is collapsed and stripped; blank lines at the
    start and end are dropped.
    """
    if not _WS_SUSPECT_RE.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CLEAN_TABLE)
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip("\n")
