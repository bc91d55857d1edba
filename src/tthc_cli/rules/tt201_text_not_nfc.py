"""Text is not in Unicode NFC (precomposed) form.

## What it does
Reports every text value that changes under Unicode NFC normalization: decomposed letters
from macOS file names, PDFs or the "Unicode tổ hợp" mode of Windows keyboards. It has a
safe mechanical fix.

## Why it matters
`Hòa` in NFC and in NFD look the same but are different strings: searches miss them, fuzzy
scores drop (61.5 instead of 100 for `Bản Nà Phặc`), and duplicate checks fail.

## Example
A name typed as `Hòa` with a combining grave accent (U+0300) after `o`.

Use instead: the precomposed `ò` (U+00F2).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.findings import Severity
from tthc_cli.i18n import _
from tthc_cli.loading import Document
from tthc_cli.rules.base import Hit, RuleContext
from tthc_cli.textnorm import is_nfc

CODE = "TT201"
NAME = "text-not-nfc"
SEVERITY = Severity.ERROR
FIXABLE = True


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for ref in doc.parsed.strings:
        if not ref.value.isascii() and not is_nfc(ref.value):
            yield Hit(
                _("text is not in Unicode NFC form (decomposed accents)"), ref.line, ref.column
            )
