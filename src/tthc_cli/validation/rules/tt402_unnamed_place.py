"""A hamlet or street has no name.

## What it does
Reports entries of `hamlets` and `streets` whose `name` is missing, empty or only spaces,
and entries that are empty (`- ` with nothing after it).

## Why it matters
A nameless hamlet cannot be checked for collisions, renamed or printed in an address; it is
usually a line left half-filled in a spreadsheet export.

## Example
```yaml
hamlets:
  - {name: Thôn 1}
  - {name: "", from: Xã Hòa Bắc}
```
Use instead: the hamlet's name, or remove the entry.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.runtime.i18n import N_, _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT402"
NAME = "unnamed-place"
SEVERITY = Severity.ERROR

# Per group: the messages for an empty entry and for an entry without a name.
_MESSAGES = {
    "hamlets": (N_("empty hamlet entry"), N_("hamlet has no name")),
    "streets": (N_("empty street entry"), N_("street has no name")),
}


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "units":
        return
    for index, commune in iter_items(doc, "communes"):
        for group, (empty, nameless) in _MESSAGES.items():
            entries = commune.get(group)
            if not isinstance(entries, list):
                continue
            for number, entry in enumerate(entries):
                path = ("communes", index, group, number)
                if entry is None:
                    yield Hit(_(empty), *doc.pos(path))
                elif isinstance(entry, dict):
                    name = entry.get("name")
                    if name is None or (isinstance(name, str) and not name.strip()):
                        yield Hit(_(nameless), *doc.pos((*path, "name")))
