"""The readable report: findings grouped by file, then a one-line summary."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.markup import escape

from tthc_cli.engine import ValidationResult
from tthc_cli.findings import Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


class TextReporter:
    summary = True  # the closing "Checked …" line; off with `tthc --quiet`

    def render(self, result: ValidationResult, console: Console) -> None:
        for file, group in groupby(result.findings, key=lambda f: f.file):
            console.print(f"[bold underline]{escape(file)}[/]")
            for f in group:
                fix = " [dim]\\[safe fix][/]" if f.fixable else ""
                console.print(
                    f"  {f.line}:{f.column}  [{_STYLE[f.severity]}]{f.severity}[/]  "
                    f"[cyan]{f.rule}[/] [dim]{f.name}[/]  {escape(f.message)}{fix}",
                    soft_wrap=True,  # one line per finding, for grep and editors
                )
            console.print()
        if not self.summary:
            return
        counts = [
            _plural(result.files, "file"),
            _plural(result.procedures, "procedure"),
            _plural(result.communes, "commune"),
        ]
        if result.hamlets or result.streets:
            counts.append(
                f"{_plural(result.hamlets, 'hamlet')}, {_plural(result.streets, 'street')}"
            )
        errors = _plural(result.errors, "error")
        warnings = _plural(result.warnings, "warning")
        status = (
            "[bold green]✓ no problems[/]"
            if not result.findings and not result.load_errors
            else f"[bold red]{errors}[/], [yellow]{warnings}[/]"
        )
        if result.load_errors:
            status += f", [bold red]{_plural(len(result.load_errors), 'unreadable file')}[/]"
        console.print(f"Checked {', '.join(counts)}: {status}", soft_wrap=True)
