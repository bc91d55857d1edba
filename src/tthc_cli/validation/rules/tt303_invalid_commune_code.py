"""A commune code is not a 5-digit statistics-office code.

## What it does
Checks `communes[].code` and `communes[].formed_from[].code` in units files: exactly five
digits, written in quotes (`"00004"`).

## Why it matters
Commune codes are the keys that link units, addresses and statistics. Unquoted, `00004`
becomes the number 4 and the code is lost. A quoted code that lost its leading zeros (`"4"`)
has a safe mechanical fix.

## Example
```yaml
- {code: "2019", name: Phường Hải Vân}
```
Use instead:
```yaml
- {code: "20194", name: Phường Hải Vân}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.catalog.yamltree import Path_
from tthc_cli.domain.codes import COMMUNE_CODE
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.fix import Fix, Role
from tthc_cli.validation.fixes import code_padding_fix
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT303"
NAME = "invalid-commune-code"
SEVERITY = Severity.ERROR
# Zero-padding only; other findings are marked not fixable.
FIX = Fix(
    name="code-padding",
    order=70,
    apply=code_padding_fix,
    roles=frozenset({Role.COMMUNE_CODE}),
)


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "units":
        return
    for index, commune in iter_items(doc, "communes"):
        targets: list[tuple[Path_, object]] = [(("communes", index, "code"), commune.get("code"))]
        former = commune.get("formed_from")
        if isinstance(former, list):
            for number, entry in enumerate(former):
                if isinstance(entry, dict):
                    where: Path_ = ("communes", index, "formed_from", number, "code")
                    targets.append((where, entry.get("code")))
        for path, value in targets:
            if isinstance(value, str) and not COMMUNE_CODE.fullmatch(value):
                yield Hit(
                    _('commune code {value!r} must be exactly 5 digits, e.g. "00004"').format(
                        value=value
                    ),
                    *doc.pos(path),
                    # Digits that lost their leading zeros ("4") are padded by `tthc fmt`.
                    fixable=None if value.isdigit() and len(value) < 5 else False,
                )
