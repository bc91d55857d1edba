"""A procedure code that the reference list does not know.

## What it does
Active only with a reference (`reference = [...]` in the configuration, or `--reference PATH`).
Looks up each procedure code of a list among the reference's procedures for the list's province
(the national part of the code: a local suffix `.000.00.00.Hxx` does not count) and reports a
code the reference does not have. The message says, when it can, which reference procedure was
meant: the one with the same name (after normalization: Unicode form, tone placement, case,
spacing, a leading "Thủ tục"), else the closest code, else the closest name. A code that is
not a procedure code at all is TT103's; a list of a province the reference says nothing about
is not checked.

## Why it matters
A list is right when it agrees with the list it derives from. A code the ministries never
published is a typo, a retired code, or a local procedure that should be marked as such.

## Example
The national list has `1.001193 Đăng ký khai sinh`; the commune list says:
```yaml
- {code: "1.001139", name: Đăng ký khai sinh, field: Hộ tịch}
```
Use instead: `code: "1.001193"`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.reference import Entry, Reference
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules._reference import checked_list, listings
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT150"
NAME = "code-not-in-reference"
SEVERITY = Severity.WARNING


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    checked = checked_list(doc, ctx)
    if checked is None:
        return
    reference, province, _level = checked
    for listing in listings(doc, ctx):
        entry = listing.entry
        if listing.refs or entry.key.startswith("name:"):
            continue  # known, or no procedure code at all (TT103)
        yield Hit(
            # Translators: {code} is a procedure code; {hint} is empty or one of the hints
            # below, with its leading space.
            _("code {code} is not in the reference list{hint}").format(
                code=entry.code, hint=_hint(entry, reference, province)
            ),
            *doc.pos(("procedures", listing.index, "code")),
        )


def _hint(entry: Entry, reference: Reference, province: str) -> str:
    meant = reference.meant(entry, province)
    if meant is None:
        return ""
    same_name, ref = meant
    if same_name:
        # Translators: appended to "code … is not in the reference list"; keep the space.
        return _(" (the reference lists this name as {code})").format(code=ref.entry.code)
    # Translators: appended to "code … is not in the reference list"; keep the leading space.
    # {code} and {name} are a reference procedure's code and name.
    return _(" (did you mean {code} “{name}”?)").format(code=ref.entry.code, name=ref.entry.name)
