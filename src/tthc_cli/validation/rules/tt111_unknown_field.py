"""A procedure's `field` (lĩnh vực) is not one of the national list's fields.

## What it does
Reports a `field` that is no field of the national list of procedures, comparing names the way
every rule does (case, spacing, Unicode form and tone placement aside), and suggests the closest
national field. The list ships with tthc: every field of the records of the national portal
(dichvucong.gov.vn) that tthc's data holds, built by `build_backend/national_fields.py`. Those
records cover six ministries (Công an, Tài chính, Tư pháp, Xây dựng, Nông nghiệp và Môi trường,
Ngân hàng Nhà nước), the courts and the Ministry of Defence: a field of another ministry (Nội vụ,
Y tế, Giáo dục và Đào tạo ...) is reported too; ignore this rule for those procedures
(`ignore` in the configuration) until the list covers them. There is no automatic fix.

## Why it matters
Statistics and searches group procedures by field. `Hộ tịch.`, `Hô tịch` or `Tư pháp - hộ tịch`
make a field of their own that no national statistic counts.

## Example
```yaml
field: Hô tịch
```
Use instead:
```yaml
field: Hộ tịch
```
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.domain.fields import national_fields
from tthc_cli.runtime.i18n import _
from tthc_cli.text.keys import match_key
from tthc_cli.text.suggest import did_you_mean
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT111"
NAME = "unknown-field"
SEVERITY = Severity.WARNING


@cache
def _known() -> frozenset[str]:
    return frozenset(match_key(field) for field in national_fields())


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "procedure-catalog":
        return
    for index, item in iter_items(doc, "procedures"):
        field = item.get("field")
        if not isinstance(field, str) or not field.strip() or match_key(field) in _known():
            continue
        yield Hit(
            # Translators: {field} is the quoted field (lĩnh vực); {hint} is " (did you mean
            # `Hộ tịch`?)" or empty.
            _("field {field} is not in the national list of fields{hint}").format(
                field=repr(field), hint=did_you_mean(field, national_fields())
            ),
            *doc.pos(("procedures", index, "field")),
        )
