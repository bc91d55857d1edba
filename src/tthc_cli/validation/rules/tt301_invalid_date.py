"""A date is not a real calendar date written as YYYY-MM-DD.

## What it does
Checks `effective` and `former_names[].date`: each must be an ISO 8601 date such as
`2025-07-01` that exists on the calendar (no 2025-02-30, no 01/07/2025).

## Why it matters
`tthc` compares dates to tell which lists were in force when (a `huyen` list is only valid
before 2025-07-01) and `tthc diff` orders snapshots by them.

## Example
```yaml
effective: 01/07/2025
```
Use instead:
```yaml
effective: 2025-07-01
```
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.yamltree import Path_
from tthc_cli.domain.dates import parse_date
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules._walk import places
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT301"
NAME = "invalid-date"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    data = doc.data
    if not isinstance(data, dict) or doc.kind not in ("procedure-catalog", "units"):
        return
    candidates: list[tuple[Path_, object]] = [(("effective",), data.get("effective"))]
    if doc.kind == "units":
        for path, place in places(doc):
            former = place.get("former_names")
            if isinstance(former, list):
                for number, entry in enumerate(former):
                    if isinstance(entry, dict) and "date" in entry:
                        candidates.append(((*path, "former_names", number, "date"), entry["date"]))
    for path, value in candidates:
        if isinstance(value, str) and parse_date(value) is None:
            yield Hit(
                # Translators: keep YYYY-MM-DD and the example date as they are.
                _("{value!r} is not a valid date; write YYYY-MM-DD, e.g. 2025-07-01").format(
                    value=value
                ),
                *doc.pos(path),
            )
        elif isinstance(value, int) and not isinstance(value, bool):
            yield Hit(
                # Translators: {value} is a number found where a date belongs; keep YYYY-MM-DD.
                _("{value!r} is not a date; write YYYY-MM-DD, e.g. 2025-07-01").format(value=value),
                *doc.pos(path),
            )
