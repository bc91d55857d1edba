"""Two communes in one units file have the same code.

## What it does
Reports a commune code used again in the same units file, naming the line of the first.

## Why it matters
Each commune code identifies exactly one commune nationwide; a repeat means a copy-paste
error, and lookups by code return the wrong commune.

## Example
```yaml
- {code: "20194", name: Phường Hải Vân}
- {code: "20194", name: Phường Liên Chiểu}
```
Use instead: the code of each commune from the statistics office's list.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT401"
NAME = "duplicate-commune-code"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "units":
        return
    first: dict[str, int] = {}  # code -> index of its first commune
    for index, commune in iter_items(doc, "communes"):
        code = commune.get("code")
        if not isinstance(code, str) or not code:
            continue
        if code in first:
            # Positions only for a finding: a fast-path document has none until asked.
            line = doc.pos(("communes", first[code], "code"))[0]
            yield Hit(
                _("commune code {code} is already used at line {line}").format(
                    code=code, line=line
                ),
                *doc.pos(("communes", index, "code")),
            )
        else:
            first[code] = index
