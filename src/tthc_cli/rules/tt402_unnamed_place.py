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

from tthc_cli.findings import Severity
from tthc_cli.loading import Document, iter_items
from tthc_cli.rules.base import Hit, RuleContext

CODE = "TT402"
NAME = "unnamed-place"
SEVERITY = Severity.ERROR

_WHAT = {"hamlets": "hamlet", "streets": "street"}


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "units":
        return
    for index, commune in iter_items(doc, "communes"):
        for group, what in _WHAT.items():
            entries = commune.get(group)
            if not isinstance(entries, list):
                continue
            for number, entry in enumerate(entries):
                path = ("communes", index, group, number)
                if entry is None:
                    yield Hit(f"empty {what} entry", *doc.pos(path))
                elif isinstance(entry, dict):
                    name = entry.get("name")
                    if name is None or (isinstance(name, str) and not name.strip()):
                        yield Hit(f"{what} has no name", *doc.pos((*path, "name")))
