"""`tthc apply-renames`: write the committee's renames into the units files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tthc_cli.cli.common import (
    paths_or_default,
    reported_errors,
    run_settings,
    stderr,
    summary_console,
)
from tthc_cli.cli.lang import TthcCommand
from tthc_cli.runtime.i18n import N_

HELP = N_("""Write the committee's renames into the units files, with `former_names`.

Reads the workbook or CSV made by `tthc dedupe-names --format xlsx|csv` after the
committee filled `rename_to` (or accepted the suggestion) and `decision` (rename, keep,
merge). Renames that would collide again, or whose name is no longer found, are refused
and listed (exit 1). keep/merge decisions go into the decisions file for dedupe-names.

[bold]Examples[/]

  tthc apply-renames trung-ten.xlsx --dry-run
  tthc apply-renames trung-ten.xlsx catalogs/da-nang --reference 12/NQ-HĐND
""")


def apply_renames(
    ctx: typer.Context,
    report: Annotated[
        Path,
        typer.Argument(
            help=N_("The dedupe report the committee filled in (.xlsx or .csv)."), readable=False
        ),
    ],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=N_("Units YAML files or folders to change (default: catalogs)."),
            show_default=False,
            readable=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=N_("Show the changes as a diff; write nothing."))
    ] = False,
    decisions: Annotated[
        Path,
        typer.Option(help=N_("Where `keep` and `merge` decisions are recorded (name-decisions).")),
    ] = Path("name-decisions.yaml"),
    reference: Annotated[
        str | None,
        typer.Option(help=N_("The decision that approved the renames, e.g. 12/NQ-HĐND.")),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help=N_("Date of the renames (YYYY-MM-DD; default today)."))
    ] = None,
) -> None:
    from tthc_cli.names import apply
    from tthc_cli.reports.renames import RenamesReporter

    options = apply.ApplyOptions(
        dry_run=dry_run, decisions=decisions, reference=reference, date=date
    )
    with reported_errors():
        run = apply.apply_renames(report, paths_or_default(paths), options)
    summary = summary_console(run_settings(ctx))
    RenamesReporter().render(run, stderr(), summary, sys.stdout)
    raise typer.Exit(run.exit_code())


def register(app: typer.Typer) -> None:
    app.command("apply-renames", help=HELP, cls=TthcCommand)(apply_renames)
