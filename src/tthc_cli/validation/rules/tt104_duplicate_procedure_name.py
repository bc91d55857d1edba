"""Two different codes in one catalog carry the same procedure name.

## What it does
Compares names after normalization (Unicode NFC, tone-mark placement hòa/hoà, letter case,
spacing and punctuation, and a leading "Thủ tục") and reports a name used under a second code.
Names that differ by a word ("Đăng ký kết hôn" / "Đăng ký lại kết hôn") are different names.

## Why it matters
Citizens and staff find procedures by name. Two codes with one name are usually an old and a
new version of the same procedure, or a wrong code.

## Example
```yaml
- {code: "1.000894", name: Thủ tục đăng ký kết hôn, field: Hộ tịch}
- {code: "1.004746", name: Đăng ký kết hôn, field: Hộ tịch}
```
Use instead: the name the national database gives for each code
(1.004746 is "Thủ tục đăng ký lại kết hôn").
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.domain.codes import national_part
from tthc_cli.runtime.i18n import _
from tthc_cli.text.normalize import procedure_name_key
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT104"
NAME = "duplicate-procedure-name"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "procedure-catalog":
        return
    first: dict[str, tuple[str, int]] = {}  # name key -> code and index of its first use
    for index, item in iter_items(doc, "procedures"):
        name, code = item.get("name"), item.get("code")
        if not isinstance(name, str) or not isinstance(code, str):
            continue
        key = procedure_name_key(name)
        if not key:
            continue
        if key in first:
            other_code, other_index = first[key]
            if national_part(other_code) != national_part(code):
                # Positions only for a finding: a fast-path document has none until asked.
                other_line = doc.pos(("procedures", other_index, "name"))[0]
                yield Hit(
                    _("name is also used by code {code} at line {line}").format(
                        code=other_code, line=other_line
                    ),
                    *doc.pos(("procedures", index, "name")),
                )
        else:
            first[key] = (code, index)
