"""GitHub Actions workflow commands: file/line/column annotations and a step summary."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from rich.console import Console

from tthc_cli.reports.validate.base import baseline_notes, write_raw
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Finding, Severity
from tthc_cli.validation.results import ValidationResult

# GitHub shows at most 10 annotations of each kind per step; more are dropped silently.
MAX_ANNOTATIONS = 10


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def title(finding: Finding) -> str:
    """`TT106 invalid-fee at procedures[12].fees[0].amount`: GitHub shows no column, the path
    says which value it is."""
    title = f"{finding.rule} {finding.name}"
    if finding.path and finding.path != "$":
        title += f" at {finding.path}"
    return title


def annotation(finding: Finding) -> str:
    command = "error" if finding.severity is Severity.ERROR else "warning"
    props = ",".join(
        [
            f"file={escape_property(finding.file)}",
            f"line={finding.line}",
            f"col={finding.column}",
            f"title={escape_property(title(finding))}",
        ]
    )
    return f"::{command} {props}::{escape_data(finding.message)}"


def step_summary(result: ValidationResult) -> str:
    # Translators: Markdown of the GitHub step summary; keep the ** (bold) marks.
    totals = _(
        "{files} files, {procedures} procedures, {communes} communes: "
        "**{errors} errors**, {warnings} warnings."
    ).format(
        files=result.files,
        procedures=result.procedures,
        communes=result.communes,
        errors=result.errors,
        warnings=result.warnings,
    )
    lines = ["## tthc validate", "", totals, ""]
    if result.findings:
        lines += [
            # Translators: the header row of a Markdown table; keep the | separators and the
            # number of columns.
            _("| File | Line | Col | Severity | Rule | Message |"),
            "|---|---:|---:|---|---|---|",
        ]
        for f in result.findings:
            message = f.message.replace("|", "\\|").replace("\n", " ")
            lines.append(
                f"| {f.file} | {f.line} | {f.column} | {f.severity} | "
                f"{f.rule} {f.name} | {message} |"
            )
    for error in result.load_errors:
        # Translators: a Markdown list item; {error} is the file and why it cannot be read.
        lines.append(_("- unreadable: `{error}`").format(error=error.describe()))
    return "\n".join(lines) + "\n"


class GithubReporter:
    def render(self, result: ValidationResult, console: Console) -> None:
        ordered = sorted(result.findings, key=lambda f: (f.severity.rank, f.sort_key()))
        out = []
        # Unreadable files first: they count against GitHub's ten, and matter most.
        for error in result.load_errors[:MAX_ANNOTATIONS]:
            props = f"file={escape_property(error.path)}"
            if error.line is not None:
                props += f",line={error.line}"
            # Translators: the title of a GitHub annotation on a file that cannot be read.
            title = escape_property(_("unreadable file"))
            out.append(f"::error {props},title={title}::{escape_data(error.message)}")
        shown = ordered[: max(0, MAX_ANNOTATIONS - len(out))]
        out += [annotation(f) for f in shown]
        left = len(ordered) - len(shown)
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        if left:
            if summary_path:
                # Translators: {left} findings beyond the {limit} annotations GitHub shows.
                notice = _(
                    "{left} more findings are not shown as annotations (GitHub shows {limit}); "
                    "see the step summary"
                )
            else:
                # Translators: {left} findings beyond the {limit} annotations GitHub shows;
                # keep --format text as it is (a command-line option).
                notice = _(
                    "{left} more findings are not shown as annotations (GitHub shows {limit}); "
                    "see the output of --format text"
                )
            text = notice.format(left=left, limit=MAX_ANNOTATIONS)
            out.append(f"::notice title=tthc::{escape_data(text)}")
        out += [f"::notice title=tthc::{escape_data(note)}" for note in baseline_notes(result)]
        out.append(
            _("tthc: {files} files, {errors} errors, {warnings} warnings").format(
                files=result.files, errors=result.errors, warnings=result.warnings
            )
        )
        write_raw(console, "\n".join(out) + "\n")
        if summary_path:
            try:
                with Path(summary_path).open("a", encoding="utf-8") as handle:
                    handle.write(step_summary(result))
            except OSError as exc:
                # Translators: {path} is the step summary file; {error} the system's reason.
                message = _("warning: cannot write the step summary {path}: {error}").format(
                    path=summary_path, error=exc
                )
                sys.stderr.write(message + "\n")
