"""A legal-basis or decision entry is not a document number.

## What it does
Checks `legal_basis`, `decision` and `decisions` (and `former_names[].decision`): each must be
a document number and symbol (số, ký hiệu) as Vietnamese documents print them:
`NUMBER/YEAR/TYPE-ISSUER` for normative documents (`123/2015/NĐ-CP`, `60/2014/QH13`,
`66.7/2025/NQ-CP`, `47/2009/TTLT-BTC-BLĐTBXH`) or `NUMBER/TYPE-ISSUER` for individual ones
(`1390/QĐ-UBND`, `163/QĐ-BTP`, `1656/NQ-UBTVQH15`). The year must be plausible (1945 to next
year).

## Why it matters
Document numbers are how a reviewer checks a procedure against its legal basis and how
`tthc` finds procedures affected by a new decree; the title or a loose spelling cannot be
matched.

## Example
```yaml
legal_basis: ["Nghị định 123/2015/NĐ-CP", "123 / 2015 / NĐ-CP"]
```
Use instead:
```yaml
legal_basis: ["123/2015/NĐ-CP"]
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

from tthc_cli.catalog.loading import Document
from tthc_cli.domain.documents import (
    DocumentNumber,
    ascii_d_fix,
    parse_document_number,
    why_unparsable,
)
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules._walk import document_numbers
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT108"
NAME = "invalid-document-number"
SEVERITY = Severity.ERROR


@lru_cache(maxsize=65536)
def _parse(value: str) -> DocumentNumber | None:
    # The same numbers (a decree, the province's decision) recur in every file.
    return parse_document_number(ascii_d_fix(value) or value)


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    latest = dt.date.today().year + 1
    for path, value in document_numbers(doc):
        # ASCII D for Đ is TT109's finding; judge the corrected spelling here.
        parsed = _parse(value)
        if parsed is None:
            yield Hit(
                # Translators: {reason} explains what is wrong with the number.
                _("{value!r} is not a document number: {reason}").format(
                    value=value, reason=why_unparsable(value)
                ),
                *doc.pos(path),
            )
        elif parsed.year is not None and not 1945 <= parsed.year <= latest:
            yield Hit(
                _("{value!r} has an impossible year {year}").format(value=value, year=parsed.year),
                *doc.pos(path),
            )
