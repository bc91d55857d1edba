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
from typing import Any

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.domain.codes import national_part
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext, Summary, loaded

CODE = "TT102"
NAME = "duplicate-code-across-catalogs"
SEVERITY = Severity.ERROR


def summarize(doc: Document, ctx: RuleContext) -> dict[str, Any] | None:
    """The file's group and, per national code, the code as written and its procedure."""
    if doc.kind != "procedure-catalog" or not isinstance(doc.data, dict):
        return None
    group = [str(doc.data.get(key)) for key in ("province", "level", "effective")]
    codes: list[list[str | int]] = []
    in_this_file: set[str] = set()
    for index, item in iter_items(doc, "procedures"):
        code = item.get("code")
        if not isinstance(code, str) or not code.strip():
            continue
        key = national_part(code)
        if key in in_this_file:
            continue  # repeats inside one file are TT101's job
        in_this_file.add(key)
        codes.append([key, code, index])
    return {"group": group, "codes": codes}


def scope(summary: Any) -> tuple[str, ...] | None:
    return tuple(summary["group"]) if summary else None


def check_summaries(summaries: Sequence[Summary], ctx: RuleContext) -> Iterator[Hit]:
    # Positions are looked up only for a finding: a cached or fast-path file has none yet.
    seen: dict[tuple[str, ...], tuple[Summary, int]] = {}
    for summary in summaries:
        if not summary.data:
            continue
        group = summary.data["group"]
        for key, code, index in summary.data["codes"]:
            full = (*group, key)
            first = seen.get(full)
            if first is None:
                seen[full] = (summary, index)
                continue
            other, other_index = first
            other_line = other.document().pos(("procedures", other_index, "code"))[0]
            doc = summary.document()
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
                *doc.pos(("procedures", index, "code")),
                doc,
            )


def check_project(docs: Sequence[Document], ctx: RuleContext) -> Iterator[Hit]:
    yield from check_summaries(
        [Summary(doc.path, summarize(doc, ctx), loaded(doc)) for doc in docs], ctx
    )
