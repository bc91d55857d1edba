"""The report of `tthc apply-renames`: problems on stderr, the diff of a dry run on stdout,
and one summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.markup import escape

from tthc_cli.runtime.i18n import _

if TYPE_CHECKING:  # a type only: the report loads no name matching
    from tthc_cli.names.apply import ApplyRun


def _error(console: Console, message: str) -> None:
    label = escape(_("error:"))
    console.print(f"[bold red]{label}[/] {escape(message)}")


class RenamesReporter:
    def render(self, run: ApplyRun, errors: Console, summary: Console, diff_out: TextIO) -> None:
        for error in run.load_errors:
            _error(errors, error.describe())
        label = escape(_("refused:"))
        for row, reason in run.listed_refusals:
            where = f"{run.report}:{row.line}"
            errors.print(f"[yellow]{label}[/] {escape(where)}: {escape(reason)}")
        if run.failure is not None:
            _error(errors, run.failure)
            return
        for error in run.plan.write_errors:
            _error(errors, error.describe())
        if run.options.dry_run:
            for item in run.written:
                diff_out.write(item.diff())
        summary.print(escape(run.summary()), soft_wrap=True)
