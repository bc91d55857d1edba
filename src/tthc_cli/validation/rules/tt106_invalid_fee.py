"""A fee amount is negative or not a whole number of đồng.

## What it does
Checks `amount` in every entry of `fees`: it must be a whole number of VND, zero or more,
written as an integer. `50.000` is reported: YAML reads it as 50 (a decimal point), while in
Vietnamese it means fifty thousand; `8000.0` and `1.5e4` are reported too.
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

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

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
            if amount >= 0 and not isinstance(amount, float):
                continue  # fine; only a finding needs the text the number was written as
            path = ("procedures", index, "fees", number, "amount")
            written = doc.plain_number(path, repr(amount))
            if amount < 0:
                yield Hit(
                    _("fee amount {amount} is negative").format(amount=written), *doc.pos(path)
                )
            elif isinstance(amount, float) and _thousands(written):
                # Vietnamese writes 50.000 for fifty thousand; YAML reads fifty.
                digits = written.replace(".", "")
                yield Hit(
                    # Translators: {written} is the amount as written (50.000); {amount} is the
                    # number YAML reads (50); {digits} is the whole number meant (50000).
                    _(
                        "fee amount {written} is read as {amount:g} đồng; if the dots separate "
                        "thousands, write {digits}"
                    ).format(written=written, amount=amount, digits=int(digits)),
                    *doc.pos(path),
                )
            elif isinstance(amount, float):
                yield Hit(
                    _("fee amount {amount} is not written as a whole number of đồng").format(
                        amount=written
                    ),
                    *doc.pos(path),
                )


def _thousands(written: str) -> bool:
    """50.000 or 1.200.000: dots between groups of three digits."""
    head, *groups = written.lstrip("-").split(".")
    return bool(groups) and head.isdigit() and all(len(g) == 3 and g.isdigit() for g in groups)
