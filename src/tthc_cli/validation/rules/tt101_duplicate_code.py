"""Two procedures in one catalog have the same code.

## What it does
Compares the national part of each code (`1.001193.000.00.00.H48` is `1.001193`) and reports
every repeat, naming the line of the first.

## Why it matters
The code is the procedure's identity on the national portal. A repeat is either a copy-paste
error or two versions of one procedure that must be merged before the list is published.

## Example
```yaml
- {code: "1.001193", name: Đăng ký khai sinh, field: Hộ tịch}
- {code: "1.001193.000.00.00.H48", name: Đăng ký khai sinh, field: Hộ tịch}
```
Use instead: keep one entry per code.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.domain.codes import national_part
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT101"
NAME = "duplicate-code"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "procedure-catalog":
        return
    first: dict[str, int] = {}  # national part -> index of its first procedure
    for index, item in iter_items(doc, "procedures"):
        code = item.get("code")
        if not isinstance(code, str) or not code.strip():
            continue
        key = national_part(code)
        if key in first:
            # Positions only for a finding: a fast-path document has none until asked.
            line = doc.pos(("procedures", first[key], "code"))[0]
            yield Hit(
                _("code {code} is already used at line {line}").format(code=code, line=line),
                *doc.pos(("procedures", index, "code")),
            )
        else:
            first[key] = index
