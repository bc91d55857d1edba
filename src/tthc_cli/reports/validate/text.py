"""The readable report: findings grouped by file, then a one-line summary."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.markup import escape

from tthc_cli.reports.validate.base import baseline_notes
from tthc_cli.runtime.i18n import _, ngettext
from tthc_cli.validation.findings import Finding, Severity
from tthc_cli.validation.results import ValidationResult

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def _offered(finding: Finding) -> str:
    """The fix a finding offers but that is never applied, as a dim note; empty without one."""
    if finding.suggestion is None:
        return ""
    # Translators: shown after a finding with a fix it offers but never applies; {description}
    # says what to do ("take the reference name: …").
    offered = _("[suggestion: {description}]").format(description=finding.suggestion.description)
    return " [dim]" + escape(offered) + "[/]"


class TextReporter:
    summary = True  # the closing "Checked …" line; off with `tthc --quiet`

    def render(self, result: ValidationResult, console: Console) -> None:
        # Translators: shown after a finding that `tthc fmt` can fix safely; keep the brackets.
        safe_fix = " [dim]" + escape(_("[safe fix]")) + "[/]"
        for file, group in groupby(result.findings, key=lambda f: f.file):
            console.print(f"[bold underline]{escape(file)}[/]")
            for f in group:
                fix = (safe_fix if f.fixable else "") + _offered(f)
                # The YAML path, but not `$`: the file heading above already names the file.
                where = f"  [dim]@ {escape(f.path)}[/]" if f.path and f.path != "$" else ""
                console.print(
                    f"  {f.line}:{f.column}  [{_STYLE[f.severity]}]{f.severity}[/]  "
                    f"[cyan]{f.rule}[/] [dim]{f.name}[/]  {escape(f.message)}{fix}{where}",
                    soft_wrap=True,  # one line per finding, for grep and editors
                )
            console.print()
        _print_baseline(result, console)
        if not self.summary:
            return
        counts = [
            ngettext("{count:,} file", "{count:,} files", result.files).format(count=result.files),
            ngettext("{count:,} procedure", "{count:,} procedures", result.procedures).format(
                count=result.procedures
            ),
            ngettext("{count:,} commune", "{count:,} communes", result.communes).format(
                count=result.communes
            ),
        ]
        if result.hamlets or result.streets:
            counts.append(
                ngettext("{count:,} hamlet", "{count:,} hamlets", result.hamlets).format(
                    count=result.hamlets
                )
            )
            counts.append(
                ngettext("{count:,} street", "{count:,} streets", result.streets).format(
                    count=result.streets
                )
            )
        if not result.findings and not result.load_errors:
            status = "[bold green]" + escape(_("✓ no problems")) + "[/]"
        else:
            errors = ngettext("{count:,} error", "{count:,} errors", result.errors).format(
                count=result.errors
            )
            warnings = ngettext("{count:,} warning", "{count:,} warnings", result.warnings).format(
                count=result.warnings
            )
            status = f"[bold red]{escape(errors)}[/], [yellow]{escape(warnings)}[/]"
        if result.load_errors:
            unreadable = ngettext(
                "{count:,} unreadable file", "{count:,} unreadable files", len(result.load_errors)
            ).format(count=len(result.load_errors))
            status += f", [bold red]{escape(unreadable)}[/]"
        # Translators: the closing line of `tthc validate`; {counts} lists what was checked
        # ("4 files, 4 procedures, 2 communes"); {status} is "✓ no problems" or the numbers of
        # errors and warnings found.
        line = _("Checked {counts}: {status}")
        console.print(
            escape(line).format(counts=escape(", ".join(counts)), status=status), soft_wrap=True
        )


def _print_baseline(result: ValidationResult, console: Console) -> None:
    """The entries fixed since the baseline, then what the baseline left out or recorded."""
    outcome = result.baseline
    if outcome is None:
        return
    if outcome.fixed:
        # Translators: a heading; {file} is the baseline file.
        console.print(
            "[bold]"
            + escape(_("Fixed since the baseline {file}:").format(file=outcome.file))
            + "[/]"
        )
        for entry, shown in outcome.fixed:
            times = f" ×{entry.count}" if entry.count > 1 else ""
            console.print(
                f"  {escape(shown)}  [cyan]{entry.rule}[/] [dim]{escape(entry.name)}[/]"
                f"  [dim]@ {escape(entry.path)}[/]{times}",
                soft_wrap=True,
            )
        console.print()
    for note in baseline_notes(result):
        console.print(f"[dim]{escape(note)}[/]", soft_wrap=True)
