"""`tthc dedupe-names`: colliding hamlet and street names in merged communes."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from tthc_cli.cli import formats
from tthc_cli.cli.common import (
    FileOutput,
    NoCache,
    need_output,
    paths_or_default,
    print_errors,
    progress,
    quietened,
    render_report,
    reported_errors,
    run_settings,
    stderr,
    write_file,
)
from tthc_cli.cli.lang import TthcCommand
from tthc_cli.runtime.i18n import N_, _

HELP = N_("""Find colliding hamlet and street names in merged communes, with rename suggestions.

Names are the same when they differ only in case, spacing, Unicode form, tone placement,
how the type word or the number is written (TDP / Tổ dân phố, 05 / số 5 / V), a missing
type word, or missing diacritics; Thôn 1 and Thôn 11 are different. Exit code 0, or 1
when --fail-on is met, 2 on unreadable input.

[bold]Examples[/]

  tthc dedupe-names
  tthc dedupe-names catalogs/da-nang/units.yaml --street-scope commune
  tthc dedupe-names danh-sach.xlsx --format xlsx -o trung-ten.xlsx --fail-on duplicate
""")


class StreetScope(enum.StrEnum):
    province = "province"
    commune = "commune"


class FailOn(enum.StrEnum):
    duplicate = "duplicate"
    similar = "similar"
    never = "never"


def dedupe_names(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=N_("Units YAML files, CSV/XLSX lists or folders (default: catalogs)."),
            show_default=False,
            readable=False,
        ),
    ] = None,
    output_format: Annotated[str, formats.DEDUPE.option()] = "text",
    output: FileOutput = None,
    street_scope: Annotated[
        StreetScope,
        typer.Option(help=N_("Compare streets within each commune or across the province.")),
    ] = StreetScope.province,
    fail_on: Annotated[
        FailOn, typer.Option(help=N_("Exit 1 when groups of this verdict (or worse) are found."))
    ] = FailOn.never,
    decisions: Annotated[
        Path | None,
        typer.Option(
            help=N_("A `kind: name-decisions` file: groups accepted there are not shown.")
        ),
    ] = None,
    no_cache: NoCache = False,
) -> None:
    from tthc_cli.names.run import run_dedupe
    from tthc_cli.reports.dedupe import DEDUPE_REPORTERS, DEDUPE_WRITERS
    from tthc_cli.runtime.perf import collector_paused

    need_output(output_format, output, DEDUPE_WRITERS)
    with reported_errors(), progress(_("Comparing names")) as bar:
        result = run_dedupe(
            paths_or_default(paths),
            street_scope=street_scope.value,
            decisions=decisions,
            progress=bar,
            use_cache=not no_cache,
        )
    print_errors(stderr(), result.names_list.errors)
    # A national report builds tens of thousands of groups' rows while a million parsed objects
    # stay alive: with the collector on, its full passes over them took most of the report.
    with collector_paused():
        if output_format in DEDUPE_WRITERS:
            writer = DEDUPE_WRITERS[output_format]()
            write_file(lambda path: writer.write(result, path), output)
        else:
            reporter = quietened(DEDUPE_REPORTERS[output_format](), run_settings(ctx))
            render_report(lambda console: reporter.render(result, console), output)
    raise typer.Exit(result.exit_code(fail_on.value))


def register(app: typer.Typer) -> None:
    command = TthcCommand.with_formats(output_format=formats.DEDUPE)
    app.command("dedupe-names", help=HELP, cls=command)(dedupe_names)
