"""Two communes of one province have the same name.

## What it does
Compares commune names in a units file after normalization (NFC, tone placement, case,
spacing) and reports a repeat. `Xã Tân Thành` and `Xã Tân Thạnh` are different names.

## Why it matters
Commune names must be unique within a province; after the 2025 arrangement every name was
chosen to be. A repeat is a typo or a commune listed twice.

## Example
```yaml
- {code: "20194", name: Phường Hải Vân}
- {code: "20197", name: Phường Hải  Vân}
```
Use instead: the official name of each commune.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.runtime.i18n import _
from tthc_cli.text.normalize import match_key
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT403"
NAME = "duplicate-commune-name"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "units":
        return
    first: dict[str, int] = {}  # name key -> index of its first commune
    for index, commune in iter_items(doc, "communes"):
        name = commune.get("name")
        if not isinstance(name, str) or not name.strip():
            continue
        key = match_key(name)
        if key in first:
            # Positions only for a finding: a fast-path document has none until asked.
            line = doc.pos(("communes", first[key], "name"))[0]
            yield Hit(
                _("commune name {name!r} is already used at line {line}").format(
                    name=name, line=line
                ),
                *doc.pos(("communes", index, "name")),
            )
        else:
            first[key] = index
