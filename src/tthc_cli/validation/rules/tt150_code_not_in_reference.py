"""A procedure code that the reference list does not know.

## What it does
Active only with a reference (`reference = [...]` in the configuration, or `--reference PATH`).
Looks up each procedure code of a list among the reference's procedures for the list's province
(the national part of the code: a local suffix `.000.00.00.Hxx` does not count) and reports a
code the reference does not have. The message says, when it can, which reference procedure was
meant: the one with the same name (after normalization: Unicode form, tone placement, case,
spacing, a leading "Thủ tục"), else the closest code, else the closest name. A code that is
not a procedure code at all is TT103's. Like every reference rule, it compares a list with the
reference catalogs in force on the list's `effective` date, and leaves alone a list the
reference says nothing about (another province, or an earlier date).

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
from tthc_cli.catalog.reference import Entry, ReferenceView
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
    view, _province, _level = checked
    for listing in listings(doc, ctx):
        entry = listing.entry
        if listing.refs or entry.key.startswith("name:"):
            continue  # known, or no procedure code at all (TT103)
        yield Hit(
            # Translators: {code} is a procedure code; {hint} is empty or one of the hints
            # below, with its leading space.
            _("code {code} is not in the reference list{hint}").format(
                code=entry.code, hint=_hint(entry, view)
            ),
            *doc.pos(("procedures", listing.index, "code")),
        )


def _hint(entry: Entry, view: ReferenceView) -> str:
    meant = view.meant(entry)
    if meant is None:
        return ""
    same_name, ref = meant
    if same_name:
        # Translators: appended to "code … is not in the reference list"; keep the space.
        return _(" (the reference lists this name as {code})").format(code=ref.entry.code)
    # Translators: appended to "code … is not in the reference list"; keep the leading space.
    # {code} and {name} are a reference procedure's code and name.
    return _(" (did you mean {code} “{name}”?)").format(code=ref.entry.code, name=ref.entry.name)
