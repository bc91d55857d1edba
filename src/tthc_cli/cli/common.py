"""What every command shares: the run settings, the consoles, error printing and the options
several commands declare alike.

Rich is imported inside the functions: `tthc --help` lists the commands without loading it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from tthc_cli.runtime.i18n import N_, _

if TYPE_CHECKING:
    from rich.console import Console

DEFAULT_PATHS = (Path("catalogs"),)


@dataclass(frozen=True)
class RunSettings:
    """The global options, carried by the click context (`ctx.obj`) to every command."""

    quiet: bool = False  # drop summaries; problems and results stay
    verbose: bool = False  # add the time taken, on stderr


def run_settings(ctx: typer.Context) -> RunSettings:
    """The settings the `tthc` callback stored; the defaults when a command runs on its own."""
    found = ctx.find_object(RunSettings)
    return found if found is not None else RunSettings()


def paths_or_default(paths: list[Path] | None) -> list[Path]:
    return list(paths) if paths else list(DEFAULT_PATHS)


def stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def summary_console(settings: RunSettings) -> Console:
    """Where summary lines go: standard output, or nowhere with --quiet."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, quiet=settings.quiet)


_R = TypeVar("_R")


def quietened(reporter: _R, settings: RunSettings) -> _R:
    """The reporter without its summary lines under --quiet (reporters that have any)."""
    if settings.quiet and hasattr(reporter, "summary"):
        reporter.summary = False
    return reporter


def print_error(console: Console, message: str) -> None:
    from rich.markup import escape

    label = escape(_("error:"))
    console.print(f"[bold red]{label}[/] {escape(message)}")


def print_errors(console: Console, errors: Iterable[object]) -> None:
    """Load and write errors: objects that `describe()` themselves, or plain messages."""
    for error in errors:
        describe = getattr(error, "describe", None)
        print_error(console, describe() if callable(describe) else str(error))


def print_warning(console: Console, message: str) -> None:
    from rich.markup import escape

    label = escape(_("warning:"))
    console.print(f"[yellow]{label}[/] {escape(message)}", soft_wrap=True)


def fail(message: str, code: int = 2) -> NoReturn:
    print_error(stderr(), message)
    raise typer.Exit(code)


@contextlib.contextmanager
def reported_errors() -> Iterator[None]:
    """Turn the library's user-facing errors into one line on stderr and their exit code."""
    from tthc_cli.runtime.errors import CatalogLoadError, TthcError

    try:
        yield
    except CatalogLoadError as exc:
        fail(exc.describe(), exc.exit_code)
    except TthcError as exc:
        fail(str(exc), exc.exit_code)


def render_to_file(render: Callable[[Console], None], output: Path) -> None:
    """Render a report into a file, written atomically, with no colour or terminal wrapping."""
    import io

    from rich.console import Console

    from tthc_cli.runtime.atomic import write_text_atomic

    buffer = io.StringIO()
    render(Console(file=buffer, width=120, color_system=None, highlight=False))
    try:
        write_text_atomic(output, buffer.getvalue())
    except OSError as exc:
        reason = exc.strerror or exc
        fail(_("{path}: cannot write report: {reason}").format(path=output, reason=reason))


def render_report(render: Callable[[Console], None], output: Path | None) -> None:
    """Render a text report to stdout, or into `output` when one is given."""
    if output is None:
        render(stdout())
    else:
        render_to_file(render, output)


def write_file(write: Callable[[Path], None], output: Path | None) -> None:
    """Let a file writer (xlsx) write `output`; a failure is one line and exit code 2."""
    assert output is not None  # need_output() asked for it
    try:
        write(output)
    except OSError as exc:
        reason = exc.strerror or exc
        fail(_("{path}: cannot write: {reason}").format(path=output, reason=reason))


def need_output(fmt: str, output: Path | None, writers: Container[str]) -> None:
    """A format that writes a file of its own (xlsx) needs --output."""
    if output is None and fmt in writers:
        fail(_("--format {format} writes a file: add --output FILE").format(format=fmt))


@contextlib.contextmanager
def progress(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for long runs in a terminal; nothing in pipes and CI logs."""
    if not sys.stderr.isatty():
        yield None
        return
    import time

    from rich.progress import Progress

    started = time.monotonic()
    with Progress(console=stderr(), transient=True) as bar:
        task = bar.add_task(label, total=None, visible=False)

        def update(done: int, total: int) -> None:
            # Only runs over a second or so are worth a bar.
            visible = time.monotonic() - started > 1.0
            bar.update(task, completed=done, total=total, visible=visible)

        yield update


# Options several commands declare alike.
CatalogPaths = Annotated[
    list[Path] | None,
    typer.Argument(
        help=N_("Catalog files or folders (default: catalogs)."),
        show_default=False,
        readable=False,
    ),
]
ReportOutput = Annotated[
    Path | None,
    typer.Option("--output", "-o", help=N_("Write the report to this file instead of stdout.")),
]
FileOutput = Annotated[
    Path | None,
    typer.Option("--output", "-o", help=N_("Write to this file (required for xlsx).")),
]
ConfigFile = Annotated[
    Path | None,
    typer.Option(help=N_("Read settings from this tthc.toml or pyproject.toml.")),
]
NoConfig = Annotated[bool, typer.Option("--no-config", help=N_("Ignore configuration files."))]
ReferencePaths = Annotated[
    list[Path] | None,
    typer.Option(
        "--reference",
        help=N_(
            "The list above these lists (catalog files or folders, e.g. the national list) to "
            "check against. Repeatable; replaces the `reference` setting."
        ),
        show_default=False,
    ),
]
NoCache = Annotated[
    bool, typer.Option("--no-cache", help=N_("Read every file again; do not use the cache."))
]
