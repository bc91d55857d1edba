"""A procedure lacks a part that a published list must state: agency, time limit or fees.

## What it does
Warns when a procedure has no `agency` (cơ quan thực hiện), no `time_limit` (thời hạn giải
quyết) or no `fees` (phí, lệ phí; write `fees: []` when it is free).

## Why it matters
Nghị định 63/2010/NĐ-CP (Điều 8) lists the parts that completely specify a procedure, and
provincial publication decisions print time limit, fees and agency for every procedure.
A list without them cannot be published as it is.

## Example
```yaml
- {code: "1.001193", name: Đăng ký khai sinh, field: Hộ tịch}
```
Use instead:
```yaml
- code: "1.001193"
  name: Đăng ký khai sinh
  field: Hộ tịch
  agency: Ủy ban nhân dân cấp xã
  time_limit: {value: 0, unit: working-days}
  fees: []
```
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.runtime.i18n import N_, _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT110"
NAME = "missing-publication-field"
SEVERITY = Severity.WARNING

# What is missing, translated where shown: the key name (kept as it is), then its meaning.
_PARTS = {
    # Translators: `agency` is a key name and stays as it is.
    "agency": N_("agency (cơ quan thực hiện)"),
    # Translators: `time_limit` is a key name and stays as it is.
    "time_limit": N_("time_limit (thời hạn)"),
    # Translators: `fees` is a key name and stays as it is; [] is how to write "no fees".
    "fees": N_("fees (phí, lệ phí; [] if free)"),
}


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "procedure-catalog":
        return
    for index, item in iter_items(doc, "procedures"):
        missing = [_(label) for key, label in _PARTS.items() if item.get(key) is None]
        if missing:
            yield Hit(
                # Translators: {fields} lists the missing keys, each with its Vietnamese name.
                _("procedure does not state {fields}").format(fields=", ".join(missing)),
                *doc.pos(("procedures", index)),
            )
