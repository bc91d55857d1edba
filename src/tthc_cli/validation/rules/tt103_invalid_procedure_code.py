"""A procedure code is not a national TTHC code.

## What it does
Accepts the national code `D.NNNNNN` (one digit, a dot, six digits, e.g. `1.001193`),
optionally followed by the provincial identifier `.000.00.00.Hxx` (or the short `.Hxx`).
Reports anything else: missing digits, spaces, online-service codes like `1.000894.01`.

## Why it matters
The code links the catalog to the national database (CSDL quốc gia về TTHC); `tthc diff`
matches procedures by it. A malformed code matches nothing.

## Example
```yaml
code: "1.1193"
```
Use instead:
```yaml
code: "1.001193"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.domain.codes import is_procedure_code
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT103"
NAME = "invalid-procedure-code"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "procedure-catalog":
        return
    for index, item in iter_items(doc, "procedures"):
        code = item.get("code")
        if isinstance(code, str) and code and not is_procedure_code(code):
            yield Hit(
                # Translators: keep the patterns D.NNNNNN and .000.00.00.Hxx as they are.
                _(
                    "code {code!r} is not a national procedure code (D.NNNNNN, optionally "
                    "followed by .000.00.00.Hxx)"
                ).format(code=code),
                *doc.pos(("procedures", index, "code")),
            )
