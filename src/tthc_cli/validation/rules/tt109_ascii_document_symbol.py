"""A document symbol writes Đ as ASCII D (`ND-CP`, `QD-UBND`) or as a look-alike letter.

## What it does
Reports document numbers whose symbol spells nghị định / quyết định / HĐND with a plain `D`
(`123/2015/ND-CP`, `1390/QD-UBND`, `43/2025/NQ-HDND`) or with the Icelandic `Ð` (U+00D0),
and shows the correct spelling. It has a safe mechanical fix.

## Why it matters
Official symbols use Đ (U+0110). Searches and `tthc diff` compare symbols exactly, so
`ND-CP` and `NĐ-CP` look like two different documents.

## Example
```yaml
legal_basis: ["123/2015/ND-CP", "1390/QD-UBND"]
```
Use instead:
```yaml
legal_basis: ["123/2015/NĐ-CP", "1390/QĐ-UBND"]
```
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from tthc_cli.catalog.loading import Document
from tthc_cli.domain.documents import ascii_d_fix
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.fix import Fix, Role
from tthc_cli.validation.fixes import document_symbol_fix
from tthc_cli.validation.rules._walk import document_numbers
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT109"
NAME = "ascii-document-symbol"
SEVERITY = Severity.WARNING
FIX = Fix(
    name="document-symbol",
    order=60,
    apply=document_symbol_fix,
    roles=frozenset({Role.DOCUMENT_NUMBER}),
)


# The same numbers (a decree, the province's decision) recur in every file.
_fix = lru_cache(maxsize=65536)(ascii_d_fix)


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for path, value in document_numbers(doc):
        fixed = _fix(value)
        if fixed is not None:
            yield Hit(
                # Translators: Đ is the Vietnamese letter, D the Latin one a document number
                # was typed with.
                _("write {fixed!r} instead of {value!r} (Đ, not D)").format(
                    fixed=fixed, value=value
                ),
                *doc.pos(path),
            )
