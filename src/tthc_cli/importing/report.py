"""The report of an import: what was read, what could not be parsed (record by record), what
the source lacks. Problems go to stderr in text; `--format json` puts everything on stdout."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.markup import escape

from tthc_cli.importing.problems import ImportResult
from tthc_cli.runtime.i18n import N_, _

REASONS = {
    "time-without-unit": N_("time limit without a unit (days? working days?)"),
    "time-unit-not-in-days": N_("time limit in hours, months or years (a catalog counts days)"),
    "time-and-fee-run-together": N_("time limit and fee run together, cannot tell them apart"),
    "time-not-whole-days": N_("time limit that is not a whole number of days"),
    "time-unreadable": N_("time limit that cannot be read"),
    "fee-not-in-dong": N_("fee in a foreign currency"),
    "fee-unreadable": N_("fee that cannot be read"),
    "no-channel-table": N_("no submission channels (Cách thức thực hiện) to read"),
    "legal-basis-unreadable": N_("a legal-basis entry without a readable document number"),
    "legal-basis-without-numbers": N_("a legal basis with no document number at all"),
    "legal-basis-after-effective": N_("a legal-basis document issued after --effective (left out)"),
    "decision-unreadable": N_("publishing decision that is not a document number (left out)"),
    "agency-unreadable": N_("agency that is not a body's name (left out)"),
    "code-differs-from-page": N_("code differs from the one in the page text"),
    "mojibake": N_("text in a legacy encoding (TCVN3/VNI)"),
    "bad-code": N_("no valid procedure code (record skipped)"),
    "no-name-or-field": N_("no name or field (record skipped)"),
    "duplicate-code": N_("code seen before (record skipped)"),
    "old-code-not-in-unit-list": N_("former commune code not in the unit list"),
    "old-name-differs": N_("former commune name differs from the unit list"),
    "bad-unit-row": N_("unit-list row without a 5-digit code or a name"),
    "bad-mapping-row": N_("mapping row without 5-digit codes"),
}


def as_json(result: ImportResult, extra: dict[str, Any]) -> str:
    doc = {
        "version": 1,
        **extra,
        "summary": {
            "records": result.read,
            "filtered_out": result.filtered,
            "imported": len(result.items),
            "problems": result.reasons(),
            "not_stated": dict(sorted(result.missing.items())),
            "errors": len(result.errors),
        },
        "problems": [
            {"source": p.source, "code": p.record, "reason": p.reason, "detail": p.detail}
            for p in result.problems
        ],
        "errors": result.errors,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def print_problems(result: ImportResult, errors: Console) -> None:
    for message in result.errors:
        label = escape(_("error:"))
        errors.print(f"[bold red]{label}[/] {escape(message)}")
    for p in result.problems:
        code = f"{p.record}: " if p.record else ""
        errors.print(
            f"[yellow]{escape(p.reason)}:[/] {escape(p.source)}: {escape(code)}{escape(p.detail)}",
            soft_wrap=True,
        )


def print_summary(result: ImportResult, out: Console, *, units: bool = False) -> None:
    message = (
        _("Read {records} communes: {imported} provinces, {filtered} left out by the filters.")
        if units
        else _(
            "Read {records} records: {imported} procedures imported, "
            "{filtered} left out by the filters."
        )
    )
    out.print(
        message.format(records=result.read, imported=len(result.items), filtered=result.filtered),
        soft_wrap=True,
    )
    reasons = result.reasons()
    if reasons:
        out.print(
            _("Could not be parsed ({count} problems, listed on stderr):").format(
                count=len(result.problems)
            )
        )
        for reason, count in reasons.items():
            out.print(f"  {count:>5}  {reason}: {_(REASONS.get(reason, ''))}", soft_wrap=True)
    if result.missing:
        out.print(_("Not stated by the source (left out, not invented):"))
        for name, count in sorted(result.missing.items(), key=lambda kv: (-kv[1], kv[0])):
            out.print(f"  {count:>5}  {name}", soft_wrap=True)
