"""Between tthc's terms and the protocol's: 1-based code-point columns and 0-based UTF-16
positions, findings and diagnostics, an old and a new text and the edits between them."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from lsprotocol import types as lsp

from tthc_cli.validation.findings import Finding, Severity

SOURCE = "tthc"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def to_utf16(line: str, column: int) -> int:
    """The UTF-16 offset of a 0-based code-point column of line."""
    return utf16_len(line[:column])


def from_utf16(line: str, offset: int) -> int:
    """The 0-based code-point column of a UTF-16 offset of line."""
    units = 0
    for index, char in enumerate(line):
        if units >= offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(line)


def _line(lines: Sequence[str], number: int) -> str:
    return lines[number].rstrip("\r\n") if 0 <= number < len(lines) else ""


def diagnostic(finding: Finding, lines: Sequence[str]) -> lsp.Diagnostic:
    """A finding as a diagnostic: from its position to the end of the line's text."""
    row = max(0, finding.line - 1)
    text = _line(lines, row)
    start = min(max(0, finding.column - 1), len(text))
    end = max(start, len(text.rstrip()))
    if end == start:
        end = min(len(text), start + 1)
    return lsp.Diagnostic(
        range=lsp.Range(
            start=lsp.Position(line=row, character=to_utf16(text, start)),
            end=lsp.Position(line=row, character=to_utf16(text, end)),
        ),
        message=finding.message,
        severity=(
            lsp.DiagnosticSeverity.Error
            if finding.severity is Severity.ERROR
            else lsp.DiagnosticSeverity.Warning
        ),
        code=finding.rule,
        source=SOURCE,
        data={"name": finding.name, "path": finding.path, "fixable": finding.fixable},
    )


def line_edits(old: str, new: str, only_line: int | None = None) -> list[lsp.TextEdit]:
    """Edits that turn old into new, whole lines at a time; with only_line (0-based), only the
    changes that touch that line."""
    before = old.splitlines(keepends=True)
    after = new.splitlines(keepends=True)
    edits = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if only_line is not None and not (i1 <= only_line < max(i2, i1 + 1)):
            continue
        edits.append(
            lsp.TextEdit(
                range=lsp.Range(
                    start=lsp.Position(line=i1, character=0),
                    end=lsp.Position(line=i2, character=0),
                ),
                new_text="".join(after[j1:j2]),
            )
        )
    if edits and not old.endswith("\n") and old:
        # The last line has no line break: an edit ending past it ends at its end instead.
        last = len(before) - 1
        for edit in edits:
            if edit.range.end.line > last:
                edit.range.end = lsp.Position(line=last, character=utf16_len(before[last]))
    return edits
