"""A procedure is listed at a level the reference does not give it.

## What it does
Active only with a reference. Reports a procedure whose code the reference knows, but only at
other levels: a procedure the ministries publish for cấp tỉnh (`tinh`) only, listed in a
commune (`xa`) list.

## Why it matters
Since 1 July 2025 the level of each procedure is set by decree (for example NĐ 120/2025/NĐ-CP
for the Ministry of Justice's fields). A procedure at the wrong level sends citizens to an
office that has no power to settle it.

## Example
The national list has `1.008891` at level `tinh` only; a commune list says:
```yaml
level: xa
procedures:
  - {code: "1.008891", name: Cấp giấy phép hoạt động, field: Y tế}
```
Use instead: leave it to the province's list, or ask the ministry to publish it at `xa`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.refcompare import level_unlisted
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules._reference import listings
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT152"
NAME = "level-not-in-reference"
SEVERITY = Severity.WARNING


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for listing in listings(doc, ctx):
        if not level_unlisted(listing.level, listing.refs):
            continue
        levels = ", ".join(sorted({ref.level for ref in listing.refs}))
        yield Hit(
            # Translators: {code} is a procedure code; {levels} and {level} are level values
            # as catalogs write them (tinh, huyen, xa).
            _("the reference publishes {code} at level {levels}, not {level}").format(
                code=listing.entry.code, levels=levels, level=listing.level
            ),
            *doc.pos(("procedures", listing.index, "code")),
        )
