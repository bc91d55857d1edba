"""The fees of a procedure differ from the reference's.

## What it does
Active only with a reference. Compares each procedure's `fees` with the reference's listing of
the same code as sets of amounts: every amount the reference states must be among the list's,
and the list may state no other, unless the reference leaves a fee to the provincial council
(no amount), which the list may state with any amount (the council set it) or leave to the
council too. A list that calls such a procedure free (`fees: []`) differs from it. Names of
fees are not compared (they are worded every way), a zero amount is no fee, and an amount
stated twice (once per way of filing) counts once. Fees either side does not state are not
compared.

## Why it matters
Fees are what citizens pay. A list that drops, adds or changes a fee set by a national
regulation charges them against the law, or fails to tell them what they owe.

## Example
The national list charges `8000` đồng for `2.000635`; the commune list says:
```yaml
- {code: "2.000635", name: Cấp bản sao trích lục hộ tịch, field: Hộ tịch, fees: []}
```
Use instead: `fees: [{name: Lệ phí, amount: 8000}]`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.refcompare import fees_differ, pick
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules._reference import fees_text, listings, where
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT154"
NAME = "fee-differs-from-reference"
SEVERITY = Severity.WARNING


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for listing in listings(doc, ctx):
        ref = pick(listing.refs, listing.level)
        mine = listing.entry.fees
        theirs = ref.entry.fees if ref is not None else None
        if ref is None or mine is None or theirs is None or not fees_differ(listing.entry, ref):
            continue
        yield Hit(
            # Translators: {mine} and {theirs} are lists of fees ("Lệ phí: 8000 đ", "free");
            # {where} is the reference file and line.
            _("fees ({mine}) differ from the reference's ({theirs}, {where})").format(
                mine=fees_text(mine),
                theirs=fees_text(theirs),
                where=where(ref),
            ),
            *doc.pos(("procedures", listing.index, "fees")),
        )
