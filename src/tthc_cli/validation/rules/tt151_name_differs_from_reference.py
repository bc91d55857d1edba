"""A procedure's name is not the name the reference gives its code.

## What it does
Active only with a reference. Compares the name of each procedure with the reference's name
for the same code. Differences that normalization removes do not count: Unicode form (NFC or
NFD), tone-mark placement (`hòa`/`hoà`, `thủy`/`thuỷ`), letter case, spacing, punctuation and a
leading "Thủ tục". Any other difference does, a different tone mark included (`Hòa`/`Hóa`).
The message shows both names.

## Why it matters
Citizens search the portal by the published name. A name reworded, shortened or mistyped in a
local list no longer finds the procedure, and reviewers cannot tell whether it is the same one.

## Example
The national list has `1.001193 Đăng ký khai sinh`; the commune list says:
```yaml
- {code: "1.001193", name: Đăng kí khai sinh cho trẻ em, field: Hộ tịch}
```
Use instead: `name: Đăng ký khai sinh`.

## Offered fix
Take the reference name. It is shown with the finding (text, JSON, SARIF) and never applied
by `tthc fmt` or `validate --fix`: a reviewer decides whether the list or the reference is
right.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.refcompare import name_differs, pick
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity, Suggestion
from tthc_cli.validation.rules._reference import listings, where
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT151"
NAME = "name-differs-from-reference"
SEVERITY = Severity.WARNING
OFFER = "take the reference name"


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for listing in listings(doc, ctx):
        ref = pick(listing.refs, listing.level)
        if ref is None or not name_differs(listing.entry, ref):
            continue
        yield Hit(
            # Translators: {name} is the list's procedure name, {reference} the reference's
            # name for the same code, {where} the reference file and line.
            _("name “{name}” differs from the reference's “{reference}” ({where})").format(
                name=listing.entry.name, reference=ref.entry.name, where=where(ref)
            ),
            *doc.pos(("procedures", listing.index, "name")),
            suggestion=Suggestion(
                # Translators: an offered fix; {name} is the reference's procedure name.
                _("take the reference name: {name}").format(name=ref.entry.name),
                ref.entry.name,
            ),
        )
