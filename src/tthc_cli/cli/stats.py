"""`tthc stats`: counts of procedures per province, level and field."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from tthc_cli.cli import formats
from tthc_cli.cli.common import (
    CatalogPaths,
    ConfigFile,
    NoCache,
    NoConfig,
    ReferencePaths,
    ReportOutput,
    paths_or_default,
    print_errors,
    quietened,
    render_report,
    reported_errors,
    run_settings,
    stderr,
)
from tthc_cli.cli.lang import TthcCommand
from tthc_cli.runtime.i18n import N_

HELP = N_("""Count procedures per province, level and field: online levels, location independence,
median time limit, free and paid.

A procedure listed in several files of one province and level counts once. Values a
catalog does not state are counted as not stated. Exit code 0, 2 when a file cannot be read
(the others are still counted).

[bold]Examples[/]

  tthc stats
  tthc stats catalogs/da-nang --by field --format markdown
  tthc stats catalogs/da-nang/2025 --before catalogs/da-nang/2024
""")


class StatsBy(enum.StrEnum):
    province = "province"
    level = "level"
    field = "field"


def stats(
    ctx: typer.Context,
    paths: CatalogPaths = None,
    by: Annotated[
        StatsBy,
        typer.Option(help=N_("Group by province, by province and level, or also by field.")),
    ] = StatsBy.level,
    before: Annotated[
        list[Path] | None,
        typer.Option(help=N_("Catalogs of an earlier snapshot: show before and after.")),
    ] = None,
    output_format: Annotated[str, formats.STATS.option()] = "text",
    output: ReportOutput = None,
    no_cache: NoCache = False,
    reference: ReferencePaths = None,
    config: ConfigFile = None,
    no_config: NoConfig = False,
) -> None:
    from tthc_cli.index.query import run_stats
    from tthc_cli.reports.stats import STATS_REPORTERS
    from tthc_cli.validation.run import reference_paths

    with reported_errors():
        checked = paths_or_default(paths)
        known = reference_paths(reference or [], config, no_config, Path.cwd(), checked)
    run = run_stats(
        checked,
        by=by.value,
        before=before or [],
        use_cache=not no_cache,
        reference=known,
    )
    print_errors(stderr(), run.errors)
    reporter = quietened(STATS_REPORTERS[output_format](), run_settings(ctx))
    render_report(lambda console: reporter.render(run.stats, run.changes, console), output)
    raise typer.Exit(run.exit_code())


def register(app: typer.Typer) -> None:
    app.command(help=HELP, cls=TthcCommand.with_formats(output_format=formats.STATS))(stats)
