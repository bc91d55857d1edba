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

from tthc_cli.catalog.loading import Document
from tthc_cli.runtime.i18n import _
from tthc_cli.text.normalize import canonical_tones, nfc
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.fix import Fix
from tthc_cli.validation.fixes import misplaced_tone_fix
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT205"
NAME = "misplaced-tone-mark"
SEVERITY = Severity.WARNING
FIX = Fix(name="misplaced-tone", order=40, apply=misplaced_tone_fix)

_VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
# A toned u after q, or a toned i after g, at the start of a word and before a vowel. The
# pattern starts with a character class (the word-start test comes second), so a search over
# all values of a file scans fast; _PLAIN is the same pattern written the obvious way.
_PLAIN = rf"(?<![^\W\d_])(?:[qQ][úùủũụÚÙỦŨỤ]|[gG][íìỉĩịÍÌỈĨỊ])(?=[{_VOWELS}àáảãạèéẻẽẹòóỏõọ])"
_TONED_AFTER_QU_GI = re.compile(
    rf"[qQgG](?<![^\W\d_].)(?:(?<=[qQ])[úùủũụÚÙỦŨỤ]|(?<=[gG])[íìỉĩịÍÌỈĨỊ])"
    rf"(?=[{_VOWELS}àáảãạèéẻẽẹòóỏõọ])"
)
_WORD = re.compile(r"[^\W\d_]+")


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    # The pattern looks one letter around a match at most and a line break is no letter, so a
    # value matches alone exactly when it matches in the joined text.
    if _TONED_AFTER_QU_GI.search(nfc(doc.string_text)) is None:
        return
    for ref in doc.strings:
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
