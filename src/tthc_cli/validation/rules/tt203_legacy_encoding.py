"""Text is Vietnamese typed in a legacy font encoding (TCVN3/ABC or VNI) and read as Latin.

## What it does
Detects mojibake such as `Thñ tôc hµnh chÝnh` (TCVN3) or `Thuû tuïc haønh chính` (VNI),
common in text copied from old `.VnTime` or `VNI-Times` documents, and shows the text it most
likely stands for. Correct Vietnamese and other languages with accents are not flagged.

## Why it matters
The text is unreadable for citizens and unsearchable; it must be converted (and the
conversion reviewed) before the list is published.

## Example
```yaml
name: §¨ng ký khai sinh
```
Use instead:
```yaml
name: Đăng ký khai sinh
```
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.runtime.i18n import _
from tthc_cli.text.legacy import could_be_legacy, detect_legacy
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.fix import Fix
from tthc_cli.validation.fixes import encoding_fix, legacy_encoding
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT203"
NAME = "legacy-encoding"
SEVERITY = Severity.ERROR
# A conversion is a guess to review: only `tthc fmt --fix-encoding` makes it.
FIX = Fix(name="encoding", order=10, apply=encoding_fix, safe=False, describe=legacy_encoding)


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if not could_be_legacy(doc.string_text):
        return  # no value has a character or letter pair that legacy encodings produce
    for ref in doc.strings:
        if ref.value.isascii():
            continue
        found = detect_legacy(ref.value)
        if found is not None:
            converted = (
                found.converted if len(found.converted) <= 60 else found.converted[:57] + "…"
            )
            yield Hit(
                # Translators: {encoding} names a legacy Vietnamese encoding (TCVN3, VNI);
                # {sample} is the garbled text found; {converted} what it probably says.
                _(
                    "text looks like {encoding} mojibake ({sample!r}); it probably reads "
                    "{converted!r}"
                ).format(encoding=found.encoding, sample=found.sample, converted=converted),
                ref.line,
                ref.column,
            )
