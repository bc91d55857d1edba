"""The `tthc` command line: the Typer app, its global options and the entry point.

Each command lives in its own module (cli/validate.py, cli/diff.py, ...) and registers itself
here; it parses options, calls one library function, picks a reporter and sets the exit code.
"""

from __future__ import annotations

import enum
import os
import sys
from typing import Annotated

import typer

from tthc_cli import __version__
from tthc_cli.cli import (
    dedupe,
    diff,
    fmt,
    imports,
    lsp,
    meta,
    renames,
    search,
    site,
    stats,
    validate,
)
from tthc_cli.cli.common import RunSettings
from tthc_cli.cli.lang import LocalizedGroup
from tthc_cli.runtime.i18n import N_, _

app = typer.Typer(
    name="tthc",
    cls=LocalizedGroup,
    help=N_(
        "Tools for Vietnam's commune-level administrative-procedure (TTHC) catalogs: "
        "validate and format catalogs of procedures and units, show what changed between two "
        "lists, and find colliding hamlet and street names."
    ),
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Language(enum.StrEnum):
    en = "en"
    vi = "vi"


def _version(value: bool) -> None:
    if value:
        print(f"tthc {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help=N_("Show the version and exit."),
            callback=_version,
            is_eager=True,
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help=N_("Print only problems and results, no summaries.")),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help=N_("Also print how long the command took."))
    ] = False,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            help=N_(
                "Language of messages and help: vi or en (default: TTHC_LANG, else the "
                "locale, else en)."
            ),
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    import time

    ctx.obj = RunSettings(quiet=quiet, verbose=verbose)
    if verbose:
        started = time.perf_counter()
        command = ctx.invoked_subcommand or ""

        def report() -> None:
            sys.stderr.write(f"tthc {command}: {time.perf_counter() - started:.2f} s\n")

        ctx.call_on_close(report)


# The order of the overview's command list.
for _module in (validate, diff, dedupe, renames, fmt, meta, imports, stats, search, lsp, site):
    _module.register(app)


def main() -> None:
    """Entry point: run the app; turn any unexpected error into one line instead of a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write(_("interrupted") + "\n")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("TTHC_DEBUG"):
            raise
        message = _(
            "tthc: internal error: {error}: {detail} "
            "(set TTHC_DEBUG=1 for details and please report it)"
        ).format(error=type(exc).__name__, detail=exc)
        sys.stderr.write(message + "\n")
        sys.exit(2)
