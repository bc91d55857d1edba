"""A mapping holds the same key twice.

## What it does
Reports the second and later occurrences of a key in one mapping, with the line of the first.

## Why it matters
Most YAML readers silently keep only the last value, so half of what was typed is lost
without anyone noticing (two `time_limit` lines, two `fees` lists).

## Example
```yaml
- code: "1.001193"
  name: Đăng ký khai sinh
  name: Đăng ký lại khai sinh
```
Use instead: one `name` per procedure.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT002"
NAME = "duplicate-key"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for issue in doc.issues:
        if issue.kind == "duplicate-key":
            yield Hit(issue.message, issue.line, issue.column, path=issue.path)
