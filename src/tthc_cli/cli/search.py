"""`tthc search`: find procedures by words typed any way, or by code."""

from __future__ import annotations

from typing import Annotated

import typer

from tthc_cli.cli import formats
from tthc_cli.cli.common import (
    CatalogPaths,
    NoCache,
    paths_or_default,
    print_errors,
    quietened,
    run_settings,
    stderr,
    stdout,
)
from tthc_cli.cli.imports import ImportLevel
from tthc_cli.cli.lang import TthcCommand
from tthc_cli.runtime.i18n import N_

HELP = N_("""Find procedures by words typed any way (with or without diacritics) or by code.

Code hits and the exact name come first, then names holding the whole phrase, then names
holding every word; names holding most of the words only when none holds them all. Shows
the code, name, level, time limit, fees, online level and legal basis. Exit code 0 when
something is found, 1 when nothing is, 2 when a file cannot be read.

[bold]Examples[/]

  tthc search "khai sinh"
  tthc search "dang ky ket hon" catalogs/da-nang
  tthc search "KẾT HÔN có yếu tố nước ngoài" --level xa --format json
  tthc search 1.001193
""")


def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help=N_("Words of the name, or a procedure code."))],
    paths: CatalogPaths = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help=N_("Show at most this many."))
    ] = 10,
    level: Annotated[
        list[ImportLevel] | None,
        typer.Option(help=N_("Only procedures at this level. Repeatable.")),
    ] = None,
    province: Annotated[
        list[str] | None, typer.Option(help=N_("Only this province code. Repeatable."))
    ] = None,
    output_format: Annotated[str, formats.SEARCH.option()] = "text",
    no_cache: NoCache = False,
) -> None:
    from tthc_cli.index.query import run_search
    from tthc_cli.reports.search import SEARCH_REPORTERS

    run = run_search(
        query,
        paths_or_default(paths),
        limit=limit,
        levels=[item.value for item in level or []],
        provinces=province or [],
        use_cache=not no_cache,
    )
    print_errors(stderr(), run.errors)
    reporter = quietened(SEARCH_REPORTERS[output_format](), run_settings(ctx))
    reporter.render(run.query, run.hits, stdout())
    raise typer.Exit(run.exit_code())


def register(app: typer.Typer) -> None:
    app.command(help=HELP, cls=TthcCommand.with_formats(output_format=formats.SEARCH))(search)
