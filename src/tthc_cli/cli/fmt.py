"""`tthc fmt`: fix what is safe to fix mechanically in the string values of catalogs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tthc_cli.cli.common import (
    CatalogPaths,
    ConfigFile,
    NoCache,
    NoConfig,
    paths_or_default,
    print_errors,
    reported_errors,
    run_settings,
    stderr,
    summary_console,
)
from tthc_cli.cli.lang import TthcCommand
from tthc_cli.runtime.i18n import N_

HELP = N_("""Fix what is safe to fix mechanically in the string values of catalogs.

NFC, tone-mark placement (the tone-style setting; also Qúy → Quý), stray, double,
non-breaking and zero-width spaces, ASCII ND-CP/QD-UBND → NĐ-CP/QĐ-UBND in document
numbers, and province/commune codes zero-padded ("1" → "01"). Only the characters of the
values that change are rewritten: comments, quoting, layout, CRLF and a BOM are kept.
Keys and comments are never touched; `# tthc: ignore[CODE]` keeps the fix of that rule off.
Exit code 0, 1 with --check or --diff when a file would change, 2 when a file cannot be
read or is not valid YAML (the other files are still done).

[bold]Examples[/]

  tthc fmt
  tthc fmt catalogs/da-nang --check
  tthc fmt catalogs/old.yaml --diff --fix-encoding
""")


def fmt(
    ctx: typer.Context,
    paths: CatalogPaths = None,
    check: Annotated[
        bool,
        typer.Option("--check", help=N_("Write nothing; exit 1 when a file would change.")),
    ] = False,
    show_diff: Annotated[
        bool,
        typer.Option("--diff", help=N_("Write nothing; print a unified diff (exit 1 when any).")),
    ] = False,
    fix_encoding: Annotated[
        bool,
        typer.Option(
            "--fix-encoding",
            help=N_("Also convert TCVN3/VNI mojibake to Unicode; each conversion is listed."),
        ),
    ] = False,
    config: ConfigFile = None,
    no_config: NoConfig = False,
    no_cache: NoCache = False,
) -> None:
    from tthc_cli.fixing.run import run_fmt
    from tthc_cli.reports.fmt import FmtReporter

    with reported_errors():
        run = run_fmt(
            paths_or_default(paths),
            dry=check or show_diff,
            fix_encoding=fix_encoding,
            config=config,
            no_config=no_config,
            use_cache=not no_cache,
            cwd=Path.cwd(),
        )
    errors = stderr()
    print_errors(errors, [*run.run.errors, *run.run.write_errors])
    # With --diff, stdout carries the diff alone; the report goes to stderr.
    report = errors if show_diff else summary_console(run_settings(ctx))
    FmtReporter(diff=show_diff).render(run, errors, report, sys.stdout)
    raise typer.Exit(run.exit_code())


def register(app: typer.Typer) -> None:
    app.command(help=HELP, cls=TthcCommand)(fmt)
