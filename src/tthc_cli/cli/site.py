"""`tthc site`: write the catalogs as a static website."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tthc_cli.cli.common import (
    CatalogPaths,
    ConfigFile,
    NoConfig,
    ReferencePaths,
    paths_or_default,
    print_errors,
    reported_errors,
    run_settings,
    stderr,
    summary_console,
)
from tthc_cli.cli.lang import TthcCommand
from tthc_cli.runtime.i18n import N_, _, language_from

HELP = N_("""Write the catalogs as a static website: no server, no network needed.

Pages: the lists of each province with filters and search, one page per procedure, figures
with charts, communes with their hamlets and streets, and with --before what changed.
The site is in Vietnamese unless --lang en is given; it works from any folder of a web server
and opened from disk.

[bold]Examples[/]

  tthc site catalogs -o public
  tthc --lang en site catalogs/da-nang/2025 --before catalogs/da-nang/2024 -o public
""")


def site(
    ctx: typer.Context,
    paths: CatalogPaths = None,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help=N_("The folder to write the site into (replaced whole).")
        ),
    ] = Path("public"),
    before: Annotated[
        list[Path] | None,
        typer.Option(help=N_("Catalogs of an earlier snapshot: show what changed.")),
    ] = None,
    reference: ReferencePaths = None,
    config: ConfigFile = None,
    no_config: NoConfig = False,
) -> None:
    from tthc_cli.site.build import build_site
    from tthc_cli.validation.run import reference_paths

    # The site is for citizens: Vietnamese unless --lang asks otherwise, whatever the locale.
    asked = ctx.parent.params.get("lang") if ctx.parent is not None else None
    lang = language_from(str(asked) if asked else None) or "vi"
    checked = paths_or_default(paths)
    with reported_errors():
        known = reference_paths(reference or [], config, no_config, Path.cwd(), checked)
        try:
            result = build_site(checked, output, before=before or [], lang=lang, reference=known)
        except OSError as exc:
            from tthc_cli.cli.common import fail

            reason = exc.strerror or exc
            fail(_("{path}: cannot write: {reason}").format(path=output, reason=reason))
    print_errors(stderr(), result.errors)
    summary_console(run_settings(ctx)).print(
        _("Wrote {pages} pages for {procedures} procedures to {path}.").format(
            pages=result.pages, procedures=result.procedures, path=output
        ),
        soft_wrap=True,
        markup=False,
    )
    raise typer.Exit(result.exit_code())


def register(app: typer.Typer) -> None:
    app.command(help=HELP, cls=TthcCommand)(site)
