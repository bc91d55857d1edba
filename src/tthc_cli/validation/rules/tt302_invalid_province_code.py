"""A province code is not the 2-digit statistics-office code of a province of that date.

## What it does
Checks `province` (procedure catalogs) and `province.code` (units): two digits, quoted, and
one of the 34 provinces in force from 2025-07-01 (or of the 63 before that date, for older
lists).

## Why it matters
Catalogs of one province are grouped and compared by this code. Hà Nội is `"01"`; unquoted
`01` is the number 1, and a code of a province that was merged away is a stale copy. A
quoted code that lost its leading zero (`"1"`) has a safe mechanical fix.

## Example
```yaml
province: "33"      # Hưng Yên; was "32" meant? 32 is not a province code
```
Use instead: the code from the statistics office's list, e.g. `province: "48"` for Đà Nẵng.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.yamltree import Path_
from tthc_cli.domain.codes import PROVINCE_CODE
from tthc_cli.domain.dates import parse_date
from tthc_cli.domain.provinces import REFORM_DATE, known_codes
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.fix import Fix, Role
from tthc_cli.validation.fixes import code_padding_fix
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT302"
NAME = "invalid-province-code"
SEVERITY = Severity.ERROR
# Zero-padding only; other findings are marked not fixable.
FIX = Fix(
    name="code-padding",
    order=70,
    apply=code_padding_fix,
    roles=frozenset({Role.PROVINCE_CODE}),
)


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    data = doc.data
    if not isinstance(data, dict):
        return
    path: Path_
    value: Any
    if doc.kind == "procedure-catalog":
        path, value = ("province",), data.get("province")
    elif doc.kind == "units" and isinstance(data.get("province"), dict):
        path, value = ("province", "code"), data["province"].get("code")
    else:
        return
    if not isinstance(value, str):
        return
    if not PROVINCE_CODE.fullmatch(value):
        # A digit code that lost its leading zero ("1") is padded by `tthc fmt`.
        paddable = value.isdigit() and len(value) < 2
        yield Hit(
            _('province code {value!r} must be exactly 2 digits, e.g. "48"').format(value=value),
            *doc.pos(path),
            fixable=None if paddable else False,
        )
        return
    effective = data.get("effective")
    # An invalid date (TT301's finding) counts as no date: compare only real ISO dates.
    effective = effective if isinstance(effective, str) and parse_date(effective) else None
    if value not in known_codes(effective):
        if effective is not None and effective < REFORM_DATE:
            # Translators: {date} is the date of the 2025 arrangement of provinces.
            message = _("province code {value!r} is not a province before {date}")
        else:
            # Translators: {date} is the date of the 2025 arrangement of provinces.
            message = _("province code {value!r} is not a province from {date}")
        yield Hit(
            message.format(value=value, date=REFORM_DATE),
            *doc.pos(path),
            fixable=False,
        )
