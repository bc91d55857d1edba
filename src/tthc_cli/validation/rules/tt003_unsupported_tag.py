"""A value carries a YAML tag such as `!!python/object` or a custom `!tag`.

## What it does
Reports every explicit tag other than the YAML core ones (`!!str`, `!!int`, `!!float`,
`!!bool`, `!!null`, `!!map`, `!!seq`) and core tags whose value does not fit them.

## Why it matters
Tags are how unsafe YAML loaders construct arbitrary objects and run code. `tthc` never
constructs anything from a tag, and a catalog has no use for them.

## Example
```yaml
notes: !!python/object/apply:os.system ["echo hi"]
```
Use instead:
```yaml
notes: "echo hi"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT003"
NAME = "unsupported-tag"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for issue in doc.issues:
        if issue.kind == "tag":
            yield Hit(issue.message, issue.line, issue.column)
