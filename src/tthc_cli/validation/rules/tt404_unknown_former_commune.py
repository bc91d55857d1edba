"""A hamlet or street says it came `from` a commune that its commune was not formed from.

## What it does
Compares each `from` of a commune's hamlets and streets with the names in that commune's
`formed_from` list (after normalization; the type word Xã/Phường/Thị trấn may be left out)
and warns when none matches. Communes without a `formed_from` list are not checked.

## Why it matters
`tthc dedupe-names` names the former commune in its reports and uses it for rename
suggestions ("Thôn 1 (Hòa Bắc)"); a misspelt or wrong former commune misleads the committee.

## Example
```yaml
formed_from: [{code: "20194", name: Phường Hòa Hiệp Bắc}]
hamlets: [{name: Tổ dân phố 1, from: Phường Hòa Hiệp Nam}]
```
Use instead: `from: Phường Hòa Hiệp Bắc` (or add the missing former commune).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.runtime.i18n import _
from tthc_cli.text.normalize import match_key
from tthc_cli.text.units import strip_unit_type
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT404"
NAME = "unknown-former-commune"
SEVERITY = Severity.WARNING


def _bare(name: str) -> str:
    return strip_unit_type(match_key(name))


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "units":
        return
    for index, commune in iter_items(doc, "communes"):
        former = commune.get("formed_from")
        if not isinstance(former, list):
            continue
        known = {
            _bare(f["name"])
            for f in former
            if isinstance(f, dict) and isinstance(f.get("name"), str)
        }
        if not known:
            continue
        for group in ("hamlets", "streets"):
            entries = commune.get(group)
            if not isinstance(entries, list):
                continue
            for number, entry in enumerate(entries):
                if not isinstance(entry, dict):
                    continue
                origin = entry.get("from")
                if isinstance(origin, str) and origin.strip() and _bare(origin) not in known:
                    yield Hit(
                        # Translators: {origin} is the former commune a hamlet or street
                        # says it came from.
                        _("{origin!r} is not among the communes this one was formed from").format(
                            origin=origin
                        ),
                        *doc.pos(("communes", index, group, number, "from")),
                    )
