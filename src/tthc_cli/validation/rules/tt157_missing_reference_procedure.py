"""A procedure the reference publishes at this level is missing from the list.

## What it does
Active only with a reference. Takes the lists of one province, level and effective date
together (a province may split its list by field into several files) and reports each
procedure the reference publishes for that province at that level that none of them lists:
one finding per missing procedure, at the `procedures` key of the group's first file, naming
its code and name. A procedure is listed when a list has its national code, or, for an entry
without a procedure code, its normalized name.

Only complete lists are checked. A list that is a selection says so with `selection: true` in
its header; a group with such a file is skipped.

## Why it matters
A procedure missing from a published list cannot be filed at that level: the reviewer sees
exactly what to add.

## Example
The national list publishes `1.001193 Đăng ký khai sinh` and `1.000894 Đăng ký kết hôn` at
level `xa`; the commune list has only the first. Use instead: add
`{code: "1.000894", name: Đăng ký kết hôn, field: Hộ tịch}`, or mark the list
`selection: true` if it is not meant to be complete.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.catalog.reference import date_text, entry_of
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules._reference import checked_list
from tthc_cli.validation.rules.base import Hit, RuleContext, Summary, loaded

CODE = "TT157"
NAME = "missing-reference-procedure"
SEVERITY = Severity.WARNING


def summarize(doc: Document, ctx: RuleContext) -> dict[str, Any] | None:
    """The file's group, whether it is a selection, and the identity keys it lists."""
    checked = checked_list(doc, ctx)
    if checked is None:
        return None
    _reference, province, level = checked
    data = doc.data
    keys = sorted({entry_of(item).key for _index, item in iter_items(doc, "procedures")})
    return {
        "group": [province, level, date_text(data.get("effective"))],
        "selection": data.get("selection") is True,
        "keys": keys,
    }


def scope(summary: Any) -> tuple[str, ...] | None:
    return tuple(summary["group"]) if summary else None


def check_summaries(summaries: Sequence[Summary], ctx: RuleContext) -> Iterator[Hit]:
    reference = ctx.reference
    if reference is None:
        return
    groups: dict[tuple[str, ...], list[Summary]] = {}
    for summary in summaries:
        if summary.data:
            groups.setdefault(tuple(summary.data["group"]), []).append(summary)
    for (province, level, effective), members in groups.items():
        if any(member.data["selection"] for member in members):
            continue
        listed = {key for member in members for key in member.data["keys"]}
        missing = [
            ref
            for ref in reference.for_list(province, effective).at_level(level)
            if ref.key not in listed and "name:" + ref.name_key not in listed
        ]
        if not missing:
            continue
        doc = members[0].document()
        line, column = doc.key_pos(("procedures",))
        for ref in missing:
            yield Hit(
                # Translators: {code} and {name} are the missing procedure's code and name;
                # {where} is the reference file and line.
                _(
                    "missing {code} “{name}”, which the reference publishes at this level ({where})"
                ).format(code=ref.entry.code, name=ref.entry.name, where=f"{ref.file}:{ref.line}"),
                line,
                column,
                doc,
            )


def check_project(docs: Sequence[Document], ctx: RuleContext) -> Iterator[Hit]:
    yield from check_summaries(
        [Summary(doc.path, summarize(doc, ctx), loaded(doc)) for doc in docs], ctx
    )
