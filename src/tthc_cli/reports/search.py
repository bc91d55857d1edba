"""Reporters for `tthc search`: text for people, JSON for scripts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

from rich.console import Console
from rich.markup import escape

from tthc_cli.index.result import Hit, Row
from tthc_cli.runtime.i18n import _

UNIT_TEXT = {"working-days": "ngày làm việc", "calendar-days": "ngày"}


class SearchReporter(Protocol):
    summary: bool

    def render(self, query: str, hits: Sequence[Hit], console: Console) -> None: ...


def _amount(value: float | None) -> str:
    if value is None:
        return _("amount set by the province")
    return f"{int(value):,}".replace(",", ".") + " đ"


def time_text(row: Row) -> str:
    if row.time_value is None:
        return ""
    value = int(row.time_value) if float(row.time_value).is_integer() else row.time_value
    if value == 0:
        return "trong ngày"
    return f"{value} {UNIT_TEXT.get(row.time_unit, row.time_unit)}"


def fees_text(row: Row) -> str:
    if row.fees is None:
        return ""
    if not row.fees or all(amount == 0 for _name, amount in row.fees):
        return "miễn phí"
    return "; ".join(f"{name}: {_amount(amount)}" for name, amount in row.fees)


class TextSearchReporter:
    summary = True

    def render(self, query: str, hits: Sequence[Hit], console: Console) -> None:
        if not hits:
            console.print(_("No procedure matches {query!r}.").format(query=query))
            return
        for hit in hits:
            row = hit.row
            console.print(
                f"[bold]{escape(row.code)}[/]  {escape(row.name)}  "
                f"[dim]({escape(row.province)}/{escape(row.level)})[/]",
                soft_wrap=True,
            )
            details = [
                (_("time limit"), time_text(row)),
                (_("fees"), fees_text(row)),
                (_("online"), row.online),
                (_("legal basis"), ", ".join(row.legal_basis)),
            ]
            shown = "; ".join(f"{label}: {value}" for label, value in details if value)
            if shown:
                console.print(f"    {escape(shown)}", soft_wrap=True)
            where = f"{row.file}:{row.line}"
            if hit.also:
                where += " " + _("(and {count} more files)").format(count=hit.also)
            console.print(f"    [dim]{escape(where)}[/]", soft_wrap=True)
        if self.summary:
            console.print(_("{count} shown.").format(count=len(hits)))


def hit_dict(hit: Hit) -> dict[str, Any]:
    row = hit.row
    return {
        "code": row.code,
        "name": row.name,
        "province": row.province,
        "level": row.level,
        "field": row.field,
        "time_limit": None
        if row.time_value is None
        else {"value": row.time_value, "unit": row.time_unit},
        "fees": None
        if row.fees is None
        else [{"name": name, "amount": amount} for name, amount in row.fees],
        "online": row.online or None,
        "legal_basis": list(row.legal_basis),
        "file": row.file,
        "line": row.line,
        "match": hit.match,
        "score": round(hit.score, 2),
        "also_in_files": hit.also,
    }


class JsonSearchReporter:
    summary = True

    def render(self, query: str, hits: Sequence[Hit], console: Console) -> None:
        doc = {"version": 1, "query": query, "results": [hit_dict(hit) for hit in hits]}
        console.file.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


SEARCH_REPORTERS: dict[str, type[SearchReporter]] = {
    "text": TextSearchReporter,
    "json": JsonSearchReporter,
}
