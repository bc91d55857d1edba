"""The file is not valid YAML, or is built in a way `tthc` refuses to read.

## What it does
Reports YAML syntax errors (unclosed brackets, tabs used for indentation, unterminated quotes,
invalid escapes, control characters), more than one document in a file, aliases that refer to
nothing, more than a million values (aliases expanded: an "alias bomb" stops here) and nesting
deeper than 256 levels. This rule cannot be switched off: a file that does not parse has not
been checked at all.

## Why it matters
Nothing else in the file can be checked until it parses. Hostile constructs are stopped
early so that a CI run never hangs or runs out of memory on a bad file.

## Example
```yaml
procedures: [{code: "1.001193", name: Đăng ký khai sinh
```
Use instead:
```yaml
procedures: [{code: "1.001193", name: Đăng ký khai sinh}]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT001"
NAME = "yaml-syntax-error"
SEVERITY = Severity.ERROR

_KINDS = frozenset({"syntax", "alias", "depth", "documents"})


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for issue in doc.issues:
        if issue.kind in _KINDS:
            yield Hit(issue.message, issue.line, issue.column)
