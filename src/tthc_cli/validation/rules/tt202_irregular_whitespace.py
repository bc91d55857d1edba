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

from tthc_cli.catalog.loading import Document
from tthc_cli.runtime.i18n import N_, _
from tthc_cli.text.spaces import ODD_SPACE_RE as _ODD
from tthc_cli.text.spaces import whitespace_problems
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.fix import Fix
from tthc_cli.validation.fixes import spaces_fix
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT202"
NAME = "irregular-whitespace"
SEVERITY = Severity.WARNING
FIX = Fix(name="spaces", order=20, apply=spaces_fix)

# The kinds of defect, listed in the message ("text has leading space, double space …").
_WORDS = {
    "leading": N_("leading space"),
    "trailing": N_("trailing space"),
    "double": N_("double space"),
    "nbsp": N_("non-breaking space"),
    "zero-width": N_("zero-width character"),
    "control": N_("control character"),
    "tab": N_("tab"),
    "other-space": N_("unusual space character"),
}


_SEP = "\ue000"  # a private-use character: joins the values so that their ends stay visible
_PAIRS = ("  ", " \n", "\n ", _SEP + " ", _SEP + "\n", " " + _SEP)


def _may_have_problems(values: list[str]) -> bool:
    """False when no value has a whitespace problem: one scan of all values of a file.

    A problem is a space run at a value's start or end or beside a line break, two spaces, or
    an odd character (another space, a control, a zero-width character). In the joined text
    each shows as one of _PAIRS or as an _ODD character; a value that holds _SEP itself is
    simply checked one by one.
    """
    text = _SEP + _SEP.join(values) + _SEP
    return (
        text.count(_SEP) != len(values) + 1
        or any(pair in text for pair in _PAIRS)
        or _ODD.search(text) is not None
    )


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if not _may_have_problems(doc.string_values):
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
            kinds = ", ".join(
                dict.fromkeys(_(_WORDS[p.kind]) if p.kind in _WORDS else p.kind for p in problems)
            )
            where = problems[0].offset + 1
            multiline = "\n" in value or ref.style in ("|", ">")
            if multiline:
                # Translators: {kinds} lists defects ("leading space, tab"); {position} counts
                # characters from 1.
                message = _(
                    "text has {kinds} (first at character {position}) in multi-line text: "
                    "fix it by hand"
                )
            else:
                # Translators: {kinds} lists defects ("leading space, tab"); {position} counts
                # characters from 1.
                message = _("text has {kinds} (first at character {position})")
            yield Hit(
                message.format(kinds=kinds, position=where),
                ref.line,
                ref.column,
                # `tthc fmt` keeps the layout of multi-line text; only single lines are safe.
                fixable=False if multiline else None,
            )
