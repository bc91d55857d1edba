"""Text has leading, trailing, double, non-breaking, zero-width or other unusual spaces.

## What it does
Reports spaces at the start or end of a value, two or more spaces in a row, tabs,
non-breaking spaces (U+00A0, often pasted from Word or Excel), zero-width characters
(U+200B, U+FEFF) and other Unicode space characters inside text values. It has a safe
mechanical fix for single-line text (`tthc fmt`); in multi-line text (`|` and `>` blocks)
the layout is the author's, so those are fixed by hand.

## Why it matters
These characters are invisible on screen but make `Thôn 1` and `Thôn  1` different names,
break searches and exact matches, and show up as odd gaps in published lists.

## Example
```yaml
name: "Đăng ký  khai sinh "
```
Use instead:
```yaml
name: Đăng ký khai sinh
```
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.findings import Severity
from tthc_cli.loading import Document
from tthc_cli.rules.base import Hit, RuleContext
from tthc_cli.textnorm import whitespace_problems

CODE = "TT202"
NAME = "irregular-whitespace"
SEVERITY = Severity.WARNING
FIXABLE = True

_WORDS = {
    "leading": "leading space",
    "trailing": "trailing space",
    "double": "double space",
    "nbsp": "non-breaking space",
    "zero-width": "zero-width character",
    "control": "control character",
    "tab": "tab",
    "other-space": "unusual space character",
}


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    # Any value's defect shows in the values joined by blank lines: as the same defect, or as
    # a space beside the separator, or (a value starting with a line break) as three line
    # breaks in a row. So a clean joined text clears the whole file at once.
    text = doc.string_text
    if "\n\n\n" not in text and not whitespace_problems(text):
        return
    for ref in doc.strings:
        value = ref.value.rstrip("\n")  # block scalars end with a newline by design
        if not value:
            continue
        problems = whitespace_problems(value)
        if "\n" in value:
            # Indentation inside multi-line text (a `|` block) is the author's layout.
            problems = [p for p in problems if not (p.kind == "leading" and p.offset > 0)]
        if problems:
            kinds = list(dict.fromkeys(_WORDS.get(p.kind, p.kind) for p in problems))
            where = problems[0].offset
            multiline = "\n" in value or ref.style in ("|", ">")
            yield Hit(
                f"text has {', '.join(kinds)} (first at character {where + 1})"
                + (" in multi-line text: fix it by hand" if multiline else ""),
                ref.line,
                ref.column,
                # `tthc fmt` keeps the layout of multi-line text; only single lines are safe.
                fixable=False if multiline else None,
            )
