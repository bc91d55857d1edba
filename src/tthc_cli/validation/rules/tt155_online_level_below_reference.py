"""A procedure's online level is lower than the reference's.

## What it does
Active only with a reference. Compares each procedure's `online` level with the reference's
listing of the same code, in the order `none` < `partial` (một phần) < `full` (toàn trình), and
reports a lower one. A level either side does not state, and `available` (an online channel
exists, its level not published), are unknown and never reported.

## Why it matters
A procedure the ministry offers fully online (DVC trực tuyến toàn trình, NĐ 42/2022/NĐ-CP) that
a local list offers only in part, or not at all, sends citizens to the office for nothing.

## Example
The national list offers `1.001193` fully online; the commune list says:
```yaml
- {code: "1.001193", name: Đăng ký khai sinh, field: Hộ tịch, online: partial}
```
Use instead: `online: full`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.refcompare import online_lower, pick
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules._reference import listings, where
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT155"
NAME = "online-level-below-reference"
SEVERITY = Severity.WARNING


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for listing in listings(doc, ctx):
        ref = pick(listing.refs, listing.level)
        if ref is None or not online_lower(listing.entry, ref):
            continue
        yield Hit(
            # Translators: {mine} and {theirs} are online levels as catalogs write them (none,
            # partial, full); {where} is the reference file and line.
            _("online level {mine} is below the reference's {theirs} ({where})").format(
                mine=listing.entry.online, theirs=ref.entry.online, where=where(ref)
            ),
            *doc.pos(("procedures", listing.index, "online")),
        )
