"""A fee amount is negative or not a whole number of đồng.

## What it does
Checks `amount` in every entry of `fees`: it must be a whole number of VND, zero or more.
An amount set elsewhere (by the provincial People's Council) is written as a `note` with no
`amount`.

## Why it matters
Fees are published and collected in whole đồng; a negative or fractional amount is a typo
that ends up on the portal and in the statistics.

## Example
```yaml
fees: [{name: Lệ phí, amount: -8000}, {name: Phí, amount: 8000.5}]
```
Use instead:
```yaml
fees: [{name: Lệ phí, amount: 8000}]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.findings import Severity
from tthc_cli.loading import Document, iter_items
from tthc_cli.rules.base import Hit, RuleContext

CODE = "TT106"
NAME = "invalid-fee"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "procedure-catalog":
        return
    for index, item in iter_items(doc, "procedures"):
        fees = item.get("fees")
        if not isinstance(fees, list):
            continue
        for number, fee in enumerate(fees):
            if not isinstance(fee, dict):
                continue
            amount = fee.get("amount")
            if isinstance(amount, bool) or not isinstance(amount, int | float):
                continue
            path = ("procedures", index, "fees", number, "amount")
            if amount < 0:
                yield Hit(f"fee amount {amount:g} is negative", *doc.pos(path))
            elif isinstance(amount, float) and not amount.is_integer():
                yield Hit(f"fee amount {amount:g} is not a whole number of đồng", *doc.pos(path))
