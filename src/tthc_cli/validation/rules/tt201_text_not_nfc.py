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

from tthc_cli.catalog.loading import Document
from tthc_cli.runtime.i18n import _
from tthc_cli.text.normalize import is_nfc
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.fix import Fix
from tthc_cli.validation.fixes import nfc_fix
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT201"
NAME = "text-not-nfc"
SEVERITY = Severity.ERROR
FIX = Fix(name="nfc", order=30, apply=nfc_fix)


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    # The values joined by line breaks are NFC exactly when every value is (no character
    # composes with a line break), so one test clears most files.
    if is_nfc(doc.string_text):
        return
    for ref in doc.strings:
        if not ref.value.isascii() and not is_nfc(ref.value):
            yield Hit(
                _("text is not in Unicode NFC form (decomposed accents)"), ref.line, ref.column
            )
