"""The file has no `kind`, an unknown `kind`, or is not a mapping at all.

## What it does
Every catalog file is a YAML mapping whose `kind` is `procedure-catalog`, `units`,
`diff-decisions` (a reviewer's pairings for `tthc diff`) or `name-decisions` (names a committee
accepted, for `tthc dedupe-names`). This
rule reports empty files, files that hold a list or a single value, and a missing or
misspelt `kind` (with a suggestion).

## Why it matters
`tthc` decides which schema and rules apply from `kind`; without it the file is not checked.

## Example
```yaml
kind: procedures
province: "48"
```
Use instead:
```yaml
kind: procedure-catalog
province: "48"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.domain.models import KINDS
from tthc_cli.runtime.i18n import _
from tthc_cli.text.suggest import did_you_mean
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT004"
NAME = "unknown-kind"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if not doc.ok:
        return
    data = doc.data
    if data is None:
        yield Hit(
            _(
                "the file is empty; a catalog starts with `kind: procedure-catalog` or "
                "`kind: units`"
            ),
            1,
            1,
        )
        return
    if not isinstance(data, dict):
        if isinstance(data, list):
            message = _("the file holds a list, not a mapping with a `kind`")
        else:
            message = _("the file holds a single value, not a mapping with a `kind`")
        yield Hit(message, *doc.pos(()))
        return
    if "kind" not in data:
        # Translators: {kinds} lists the accepted values of `kind`, which stay in English.
        yield Hit(_("missing `kind` ({kinds})").format(kinds=", ".join(KINDS)), *doc.pos(()))
        return
    kind = data["kind"]
    if kind not in KINDS:
        hint = did_you_mean(str(kind), KINDS)
        yield Hit(
            # Translators: {kind} is the value found, quoted; {kinds} lists the accepted values;
            # {hint} is empty or a translated " (did you mean `…`?)", placed right after.
            _("unknown kind {kind!r}; expected {kinds}{hint}").format(
                kind=kind, kinds=", ".join(KINDS), hint=hint
            ),
            *doc.pos(("kind",)),
        )
