"""A tone mark sits on the u of "qu" or the i of "gi" (`Qúy`, `Gíup`).

## What it does
Reports syllables where the tone mark is on the u of `qu` or on the i of `gi` although a
vowel follows, which is a spelling error in every style, and shows the correct spelling
(`Quý`, `Giúp`). It has a safe mechanical fix.

## Why it matters
`Thôn Qúy Thạnh` and `Thôn Quý Thạnh` are the same hamlet but different strings; the
misplaced mark also looks wrong in print.

## Example
```yaml
name: Thôn Qúy Thạnh
```
Use instead:
```yaml
name: Thôn Quý Thạnh
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tthc_cli.findings import Severity
from tthc_cli.i18n import _
from tthc_cli.loading import Document
from tthc_cli.rules.base import Hit, RuleContext
from tthc_cli.textnorm import canonical_tones, nfc

CODE = "TT205"
NAME = "misplaced-tone-mark"
SEVERITY = Severity.WARNING
FIXABLE = True

_VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
_TONED_AFTER_QU_GI = re.compile(
    rf"(?<![^\W\d_])(?:[qQ][úùủũụÚÙỦŨỤ]|[gG][íìỉĩịÍÌỈĨỊ])(?=[{_VOWELS}àáảãạèéẻẽẹòóỏõọ])"
)
_WORD = re.compile(r"[^\W\d_]+")


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for ref in doc.parsed.strings:
        if ref.value.isascii():
            continue
        value = nfc(ref.value)  # a decomposed (NFD) `Qúy` is misspelt too
        match = _TONED_AFTER_QU_GI.search(value)
        if match is None:
            continue
        word = _WORD.match(value, match.start())
        wrong = word.group(0) if word else match.group(0)
        fixed = canonical_tones(wrong, ctx.tone_style)
        yield Hit(
            # Translators: {wrong} is the word as written; {fixed} the same word with the tone
            # mark on the right letter.
            _("tone mark on the wrong letter: {wrong!r} should be {fixed!r}").format(
                wrong=wrong, fixed=fixed
            ),
            ref.line,
            ref.column,
        )
