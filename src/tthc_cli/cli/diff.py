"""`tthc diff`: what moved between levels, what was added, removed or changed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tthc_cli.cli import formats
from tthc_cli.cli.common import (
    FileOutput,
    NoCache,
    need_output,
    print_errors,
    print_warning,
    quietened,
    render_report,
    reported_errors,
    run_settings,
    stderr,
    write_file,
)
from tthc_cli.cli.lang import TthcCommand
from tthc_cli.runtime.i18n import N_

HELP = N_("""Show what moved between levels, what was added, removed or changed.

Procedures are paired by national code, then by name (never "Đăng ký kết hôn" with
"Đăng ký lại kết hôn"). Exit code 0 when both sides are the same, 1 when they differ,
2 on trouble (unreadable or invalid files).

[bold]Examples[/]

  tthc diff catalogs/da-nang/2024 catalogs/da-nang/2025
  tthc diff old.yaml new.yaml --only moved,removed --format markdown
  tthc diff 2024 2025 --format xlsx -o thay-doi.xlsx --decisions pairs.yaml
""")


def diff(
    ctx: typer.Context,
    old: Annotated[
        Path, typer.Argument(help=N_("The old catalogs: a file or a folder."), readable=False)
    ],
    new: Annotated[
        Path, typer.Argument(help=N_("The new catalogs: a file or a folder."), readable=False)
    ],
    output_format: Annotated[str, formats.DIFF.option()] = "text",
    output: FileOutput = None,
    only: Annotated[
        list[str] | None,
        typer.Option(help=N_("Only these statuses: moved, changed, added, removed, unchanged.")),
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option("--field", help=N_("Only procedures where this field changed (time_limit…).")),
    ] = None,
    decisions: Annotated[
        Path | None,
        typer.Option(help=N_("A `kind: diff-decisions` file of pairs to pin or forbid.")),
    ] = None,
    include_unstated: Annotated[
        bool,
        typer.Option(
            "--include-unstated", help=N_("Also count a field stated on one side only as a change.")
        ),
    ] = False,
    no_cache: NoCache = False,
) -> None:
    from tthc_cli.diffing.run import run_diff
    from tthc_cli.reports.diff import DIFF_REPORTERS, DIFF_WRITERS
    from tthc_cli.runtime.perf import collector_paused

    need_output(output_format, output, DIFF_WRITERS)
    with reported_errors():
        run = run_diff(
            old,
            new,
            only=only,
            fields=field,
            decisions=decisions,
            include_unstated=include_unstated,
            use_cache=not no_cache,
        )
    errors = stderr()
    print_errors(errors, run.result.errors)
    for note in run.unused_decisions():
        print_warning(errors, note)
    result, entries = run.result, run.entries
    # The report's many small objects would trigger full collections over both loaded sides.
    with collector_paused():
        if output_format in DIFF_WRITERS:
            writer = DIFF_WRITERS[output_format]()
            write_file(lambda path: writer.write(result, entries, path), output)
        else:
            reporter = quietened(DIFF_REPORTERS[output_format](), run_settings(ctx))
            render_report(lambda console: reporter.render(result, entries, console), output)
    raise typer.Exit(run.exit_code())


def register(app: typer.Typer) -> None:
    app.command(help=HELP, cls=TthcCommand.with_formats(output_format=formats.DIFF))(diff)
