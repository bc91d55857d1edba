"""A district-level (`huyen`) catalog takes effect on or after 1 July 2025.

## What it does
Reports `level: huyen` in a `procedure-catalog` whose `effective` date is 2025-07-01 or later.

## Why it matters
Since 1 July 2025 local government has two levels, province and commune; the district level
no longer exists, and its procedures moved to commune (`xa`) or province (`tinh`) level.

## Example
```yaml
kind: procedure-catalog
level: huyen
effective: 2025-07-01
```
Use instead: `level: xa` (or `tinh`) for the procedures that moved; keep `huyen` only in lists
effective before 2025-07-01.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.domain.dates import parse_date
from tthc_cli.domain.provinces import REFORM_DATE
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT105"
NAME = "abolished-district-level"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    data = doc.data
    if doc.kind != "procedure-catalog" or not isinstance(data, dict):
        return
    effective = data.get("effective")
    if data.get("level") != "huyen" or not isinstance(effective, str):
        return
    if parse_date(effective) is not None and effective >= REFORM_DATE:
        yield Hit(
            # Translators: huyen, xa and tinh are values of `level` and stay as they are;
            # {effective} is the date of the catalog.
            _(
                "level huyen no longer exists on {effective}: the district level was abolished "
                "on 2025-07-01 (use xa or tinh)"
            ).format(effective=effective),
            *doc.pos(("level",)),
        )
