"""`tthc validate --format html`: one page an official opens offline, findings grouped by file."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console

from tthc_cli.reports.htmlpage import render_page
from tthc_cli.reports.validate.base import baseline_notes, write_raw
from tthc_cli.runtime.i18n import N_, _, ngettext
from tthc_cli.validation.results import ValidationResult

LABELS = {
    "title": N_("Catalog check"),
    "unreadable": N_("Files that could not be read"),
    "findings": N_("Findings"),
    "file": N_("File"),
    "line": N_("Line"),
    "column": N_("Column"),
    "severity": N_("Severity"),
    "rule": N_("Rule"),
    "message": N_("Message"),
    "safe_fix": N_("[safe fix]"),
    "path": N_("YAML path"),
}
_SEVERITIES = {"error": N_("error"), "warning": N_("warning")}
_COUNTS = (
    ("files", N_("Files")),
    ("procedures", N_("Procedures")),
    ("communes", N_("Communes")),
    ("hamlets", N_("Hamlets")),
    ("streets", N_("Streets")),
    ("errors", N_("Errors")),
    ("warnings", N_("Warnings")),
)


class HtmlReporter:
    def render(self, result: ValidationResult, console: Console) -> None:
        counts = [(str(_(label)), getattr(result, key)) for key, label in _COUNTS]
        clean = not result.findings and not result.load_errors
        status: str
        if clean:
            status = _("✓ no problems")
        else:
            status = ", ".join(
                [
                    ngettext("{count:,} error", "{count:,} errors", result.errors).format(
                        count=result.errors
                    ),
                    ngettext("{count:,} warning", "{count:,} warnings", result.warnings).format(
                        count=result.warnings
                    ),
                    ngettext(
                        "{count:,} unreadable file",
                        "{count:,} unreadable files",
                        len(result.load_errors),
                    ).format(count=len(result.load_errors)),
                ]
            )
        files = [(file, list(group)) for file, group in groupby(result.findings, lambda f: f.file)]
        page = render_page(
            "validate.html",
            LABELS,
            counts=counts,
            clean=clean,
            status=status,
            load_errors=result.load_errors,
            files=files,
            severities={key: _(value) for key, value in _SEVERITIES.items()},
            notes=baseline_notes(result),
            # Translators: see the same message of the text report.
            offered=_("[suggestion: {description}]"),
        )
        write_raw(console, page)
