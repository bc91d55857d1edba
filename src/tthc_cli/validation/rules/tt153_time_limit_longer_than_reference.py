"""A time limit is longer than the reference's for the same procedure.

## What it does
Active only with a reference. Compares each procedure's `time_limit` with the reference's
listing of the same code (at the same level when the reference has one there). Limits in the
same unit compare directly. A number of working days above the reference's calendar days is
longer whatever the calendar; calendar days against working days cannot be compared without a
calendar and are left alone. A limit either side does not state is not compared.

## Why it matters
A province or commune may settle a procedure faster than the national limit, never slower: a
longer limit in a published list promises citizens less than the law does.

## Example
The national list gives `1.001193` one working day; the commune list says:
```yaml
- {code: "1.001193", name: Đăng ký khai sinh, field: Hộ tịch,
   time_limit: {value: 3, unit: working-days}}
```
Use instead: `time_limit: {value: 1, unit: working-days}` (or less).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.refcompare import pick, time_longer
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules._reference import listings, time_text, where
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT153"
NAME = "time-limit-longer-than-reference"
SEVERITY = Severity.WARNING


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for listing in listings(doc, ctx):
        ref = pick(listing.refs, listing.level)
        if ref is None or not time_longer(listing.entry, ref):
            continue
        yield Hit(
            # Translators: {mine} and {theirs} are time limits such as "5 working-days";
            # {where} is the reference file and line.
            _("time limit {mine} is longer than the reference's {theirs} ({where})").format(
                mine=time_text(listing.entry), theirs=time_text(ref.entry), where=where(ref)
            ),
            *doc.pos(("procedures", listing.index, "time_limit")),
        )
