"""Reports of `tthc fmt` and of `tthc validate --fix`: what was (or would be) fixed, per file,
and a summary line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.markup import escape

from tthc_cli.fixing.result import FileResult, FmtRun, unified_diff
from tthc_cli.runtime.i18n import _, ngettext


def print_fixed(changed: Sequence[FileResult], console: Console) -> None:
    """One line per file `--fix` changed: `fixed catalogs/xa.yaml: 2 values (spaces 2)`."""
    for result in changed:
        line = _("fixed {path}: {what}").format(path=result.display, what=result.summary())
        console.print(escape(line), soft_wrap=True)


def _warning(console: Console, message: str) -> None:
    label = escape(_("warning:"))
    console.print(f"[yellow]{label}[/] {escape(message)}", soft_wrap=True)


class FmtReporter:
    """Notes and warnings on stderr; per-file lines and the summary on `report`; with `diff`,
    the unified diff alone on `diff_out` (for patch and git apply)."""

    def __init__(self, *, diff: bool = False) -> None:
        self.diff = diff

    def render(self, fmt: FmtRun, errors: Console, report: Console, diff_out: TextIO) -> None:
        run = fmt.run
        for skipped in run.skipped:
            note = _("note: {path}: {reason}").format(
                path=skipped.display, reason=skipped.formatted.skipped or ""
            )
            errors.print(escape(note))
        for result in run.changed:
            if self.diff:
                diff_out.write(unified_diff(result))
                diff_out.flush()  # keep the diff and the summary on stderr in order in a log
            line = _("fixed {path}: {what}") if result.written else _("would fix {path}: {what}")
            report.print(
                escape(line.format(path=result.display, what=result.summary())), soft_wrap=True
            )
            for conversion in result.conversions():
                report.print(f"  {escape(conversion)}", soft_wrap=True)
        for result in run.files:
            for unsafe in result.formatted.unsafe:
                message = _(
                    "{path}:{line}: left as it is, the fixed value could not be written back safely"
                )
                _warning(errors, message.format(path=result.display, line=unsafe.line))
        report.print(escape(summary_line(fmt)), soft_wrap=True)


def summary_line(fmt: FmtRun) -> str:
    """`3 files already formatted.` / `1 file would be fixed, ...` / `Fixed 2 values in ...`."""
    run = fmt.run
    changed = run.changed
    checked = len(run.files) - len(run.skipped)
    unchanged = checked - len(changed)
    if not changed:
        return ngettext(
            "{count} file already formatted.", "{count} files already formatted.", checked
        ).format(count=checked)
    if fmt.dry:
        return ngettext(
            "{count} file would be fixed, {unchanged} already formatted.",
            "{count} files would be fixed, {unchanged} already formatted.",
            len(changed),
        ).format(count=len(changed), unchanged=unchanged)
    values = sum(len(result.formatted.fixes) for result in changed)
    return _("Fixed {values} in {files}, {unchanged} already formatted.").format(
        values=ngettext("{count} value", "{count} values", values).format(count=values),
        files=ngettext("{count} file", "{count} files", len(changed)).format(count=len(changed)),
        unchanged=unchanged,
    )
