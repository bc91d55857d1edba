"""Reports of `tthc import ...`: problems on stderr and a summary in text, or one JSON
document on stdout (see importing/report.py for both halves)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.markup import escape

from tthc_cli.importing.report import as_json, print_problems, print_summary
from tthc_cli.runtime.i18n import _

if TYPE_CHECKING:  # types only: the report loads no importer
    from tthc_cli.importing.run import CatalogImport
    from tthc_cli.importing.write_units import UnitsImport

FORMATS = ("text", "json")


def _error(console: Console, message: str) -> None:
    label = escape(_("error:"))
    console.print(f"[bold red]{label}[/] {escape(message)}")


def _warning(console: Console, message: str) -> None:
    label = escape(_("warning:"))
    console.print(f"[yellow]{label}[/] {escape(message)}", soft_wrap=True)


class CatalogImportReporter:
    """`--format text`: problems and notes on stderr, the summary on `summary` (on stderr in a
    dry run, where stdout carries the diff); `--format json`: one document on stdout."""

    def __init__(self, fmt: str = "text") -> None:
        self.json = fmt == "json"

    def render(self, run: CatalogImport, errors: Console, summary: Console, out: TextIO) -> None:
        result = run.result
        if not self.json:
            print_problems(result, errors)
        if run.failure is not None:
            _error(errors, run.failure)
            return
        written = run.written
        if written is None:
            if self.json:
                out.write(as_json(result, {"output": str(run.output), "written": False}))
            return
        if run.dry_run:
            out.write(written.diff())
        for note in written.notes:
            _warning(errors, note)
        plan = written.plan
        if self.json:
            extra: dict[str, object] = {"output": str(run.output), "written": not run.dry_run}
            if plan is not None:
                extra["merge"] = {
                    "added": plan.added,
                    "filled": [{"code": c, "field": f} for c, f in plan.filled],
                    "kept": [{"code": c, "field": f} for c, f in plan.kept],
                }
            out.write(as_json(result, extra))
            return
        console = errors if run.dry_run else summary
        print_summary(result, console)
        console.print(escape(self._written(run)), soft_wrap=True)

    @staticmethod
    def _written(run: CatalogImport) -> str:
        assert run.written is not None
        plan = run.written.plan
        if plan is None:
            message = (
                _("would write {path}: {count} procedures")
                if run.dry_run
                else _("wrote {path}: {count} procedures")
            )
            return message.format(path=run.output, count=len(run.result.items))
        message = (
            _(
                "would write {path}: {added} procedures added, {filled} missing fields "
                "filled, {unchanged} unchanged; {kept} fields differ and were kept as they "
                "are in the file"
            )
            if run.dry_run
            else _(
                "wrote {path}: {added} procedures added, {filled} missing fields filled, "
                "{unchanged} unchanged; {kept} fields differ and were kept as they are in "
                "the file"
            )
        )
        return message.format(
            path=run.output,
            added=len(plan.added),
            filled=len(plan.filled),
            unchanged=plan.unchanged,
            kept=len(plan.kept),
        )


class UnitsImportReporter:
    """Like CatalogImportReporter, for the units files of `tthc import units`."""

    def __init__(self, fmt: str = "text") -> None:
        self.json = fmt == "json"

    def render(self, run: UnitsImport, errors: Console, summary: Console, out: TextIO) -> None:
        result = run.result
        if not self.json:
            print_problems(result, errors)
        if run.failure is not None:
            _error(errors, run.failure)
            return
        if self.json:
            extra = {
                "written": [{"file": str(t), "communes": n} for t, n in run.written],
                "skipped": [str(t) for t in run.skipped],
                "dry_run": run.dry_run,
            }
            out.write(as_json(result, extra))
            return
        print_summary(result, summary, units=True)
        message = (
            _("would write {path}: {count} communes")
            if run.dry_run
            else _("wrote {path}: {count} communes")
        )
        for target, count in run.written:
            summary.print(escape(message.format(path=target, count=count)), soft_wrap=True)
        for target in run.skipped:
            _warning(errors, _("{path} exists (use --overwrite)").format(path=target))
