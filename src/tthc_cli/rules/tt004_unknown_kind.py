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

from tthc_cli.findings import Severity
from tthc_cli.loading import Document
from tthc_cli.models import KINDS
from tthc_cli.rules.base import Hit, RuleContext
from tthc_cli.suggest import did_you_mean

CODE = "TT004"
NAME = "unknown-kind"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if not doc.ok:
        return
    data = doc.data
    if data is None:
        yield Hit(
            "the file is empty; a catalog starts with `kind: procedure-catalog` or `kind: units`",
            1,
            1,
        )
        return
    if not isinstance(data, dict):
        shown = "a list" if isinstance(data, list) else "a single value"
        yield Hit(f"the file holds {shown}, not a mapping with a `kind`", *doc.pos(()))
        return
    if "kind" not in data:
        yield Hit(f"missing `kind` ({', '.join(KINDS)})", *doc.pos(()))
        return
    kind = data["kind"]
    if kind not in KINDS:
        hint = did_you_mean(str(kind), KINDS)
        yield Hit(f"unknown kind {kind!r}; expected {', '.join(KINDS)}{hint}", *doc.pos(("kind",)))
