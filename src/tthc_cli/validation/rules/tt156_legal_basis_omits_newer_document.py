"""A legal basis omits a document the reference cites that is newer than any it cites.

## What it does
Active only with a reference. For each procedure that states a `legal_basis`, looks at the
documents the reference cites for the same code and reports those the list omits when they are
newer than every document the list cites: the omitted document's year (the year in its number,
`03/2023/TT-BTP` → 2023) is after the latest year among the list's own documents (every dated
document counts when the list cites none with a year). Documents are the same when their numbers
are, whatever the Unicode form, case, or an ASCII D for Đ. A document without a year in its
number (`1390/QĐ-UBND`) cannot be dated and is never reported; an older omitted document is
left alone (a list may rightly cite the amending text instead of every one before it).

## Why it matters
A newer decree or circular changes documents, fees or steps. A list whose legal basis stops
before it tells staff to apply rules that no longer hold.

## Example
The national list cites `["60/2014/QH13", "123/2015/NĐ-CP", "03/2023/TT-BTP"]` for
`1.001193`; the commune list says:
```yaml
- {code: "1.001193", name: Đăng ký khai sinh, field: Hộ tịch,
   legal_basis: ["60/2014/QH13", "123/2015/NĐ-CP"]}
```
Use instead: add `03/2023/TT-BTP`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.refcompare import omitted_documents, pick
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules._reference import listings, where
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT156"
NAME = "legal-basis-omits-newer-document"
SEVERITY = Severity.WARNING


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for listing in listings(doc, ctx):
        ref = pick(listing.refs, listing.level)
        omitted = omitted_documents(listing.entry, ref) if ref is not None else []
        if not omitted or ref is None:
            continue
        yield Hit(
            # Translators: {documents} lists document numbers ("03/2023/TT-BTP"); {where} is
            # the reference file and line.
            _(
                "legal basis omits {documents}, newer than every document it cites "
                "(the reference cites it: {where})"
            ).format(documents=", ".join(omitted), where=where(ref)),
            *doc.pos(("procedures", listing.index, "legal_basis")),
        )
