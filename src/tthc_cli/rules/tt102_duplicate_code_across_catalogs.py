"""The same procedure code is listed in two catalog files of one province, level and date.

## What it does
Groups `procedure-catalog` files by province, level and effective date (a province often
splits its list by field into several files) and reports a code that appears in more than
one file of a group. Lists of different dates are snapshots and may share codes.

## Why it matters
A procedure published twice at the same level is counted twice in every statistic and
shows up twice on the provincial portal.

## Example
`catalogs/da-nang/2025/xa-ho-tich.yaml` and `catalogs/da-nang/2025/xa-chung-thuc.yaml` both
list `code: "2.000815"` at level `xa`.

Use instead: keep the procedure in the file of its field only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tthc_cli.codes import national_part
from tthc_cli.findings import Severity
from tthc_cli.i18n import _
from tthc_cli.loading import Document, iter_items
from tthc_cli.rules.base import Hit, RuleContext

CODE = "TT102"
NAME = "duplicate-code-across-catalogs"
SEVERITY = Severity.ERROR


def check_project(docs: Sequence[Document], ctx: RuleContext) -> Iterator[Hit]:
    seen: dict[tuple[str, str, str, str], tuple[Document, int]] = {}
    for doc in docs:
        if doc.kind != "procedure-catalog" or not isinstance(doc.data, dict):
            continue
        group = tuple(str(doc.data.get(key)) for key in ("province", "level", "effective"))
        in_this_file: set[str] = set()
        for index, item in iter_items(doc, "procedures"):
            code = item.get("code")
            if not isinstance(code, str) or not code.strip():
                continue
            key = national_part(code)
            if key in in_this_file:
                continue  # repeats inside one file are TT101's job
            in_this_file.add(key)
            full = (group[0], group[1], group[2], key)
            line, column = doc.pos(("procedures", index, "code"))
            if full in seen and seen[full][0] is not doc:
                other, other_line = seen[full]
                yield Hit(
                    # Translators: {path}:{line} is where the other catalog lists the code;
                    # {province}, {level} and {effective} are values from the files.
                    _(
                        "code {code} is also listed in {path}:{line} "
                        "(province {province}, level {level}, effective {effective})"
                    ).format(
                        code=code,
                        path=other.path,
                        line=other_line,
                        province=group[0],
                        level=group[1],
                        effective=group[2],
                    ),
                    line,
                    column,
                    doc,
                )
            else:
                seen.setdefault(full, (doc, line))
