"""The `tthc` command line: parse options, call the library, pick a reporter, set the exit code."""

from __future__ import annotations

import contextlib
import enum
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from tthc_cli import __version__
from tthc_cli.cli.lang import LocalizedGroup
from tthc_cli.runtime.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from rich.console import Console

    from tthc_cli.importing.problems import ImportResult
    from tthc_cli.validation.config import Settings

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


class OutputFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class RulesFormat(enum.StrEnum):
    text = "text"
    markdown = "markdown"


class SchemaKind(enum.StrEnum):
    # The keys of schema.SCHEMA_FILES (a test keeps them equal; importing it here would load
    # pydantic for every command).
    all = "all"
    procedure_catalog = "procedure-catalog"
    units = "units"
    diff_decisions = "diff-decisions"
    name_decisions = "name-decisions"


def _stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 2) -> NoReturn:
    _print_error(_stderr(), message)
    raise typer.Exit(code)


def _print_error(console: Console, message: str) -> None:
    from rich.markup import escape

    label = escape(_("error:"))
    console.print(f"[bold red]{label}[/] {escape(message)}")


def _print_warning(console: Console, message: str) -> None:
    from rich.markup import escape

    label = escape(_("warning:"))
    console.print(f"[yellow]{label}[/] {escape(message)}", soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        print(f"tthc {__version__}")
        raise typer.Exit()


# Set by the global options: --quiet drops summaries, --verbose adds timings (on stderr).
_MODE = {"quiet": False, "verbose": False}


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

    _MODE["quiet"], _MODE["verbose"] = quiet, verbose
    if verbose:
        started = time.perf_counter()
        command = ctx.invoked_subcommand or ""

        def report() -> None:
            sys.stderr.write(f"tthc {command}: {time.perf_counter() - started:.2f} s\n")

        ctx.call_on_close(report)


_R = TypeVar("_R")


def _quietened(reporter: _R) -> _R:
    """The reporter without its summary lines under --quiet (reporters that have any)."""
    if _MODE["quiet"] and hasattr(reporter, "summary"):
        reporter.summary = False
    return reporter


def _summary() -> Console:
    """Where summary lines go: standard output, or nowhere with --quiet."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, quiet=_MODE["quiet"])


def _settings(config: Path | None, no_config: bool) -> Settings:
    from tthc_cli.validation.config import find_config, load_settings

    if no_config:
        return load_settings(None)
    if config is not None:
        if not config.is_file():
            _fail(_("{path}: configuration file not found").format(path=config))
        return load_settings(config)
    return load_settings(find_config(Path.cwd()))


@app.command(
    help=N_("""Check catalogs against the schema and the standardization rules.

Exit code 0 when clean, 1 when there are errors (or warnings with --strict),
2 when a file cannot be read or the configuration is invalid.

[bold]Examples[/]

  tthc validate
  tthc validate catalogs/da-nang --format github
  tthc validate catalogs --format sarif -o tthc.sarif --ignore TT204
""")
)
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=N_("Catalog files or folders (default: catalogs)."),
            show_default=False,
            readable=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help=N_("Output format."), case_sensitive=False),
    ] = OutputFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=N_("Write the report to this file instead of stdout.")),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help=N_("Warnings also make the exit code 1."))
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(help=N_("Only these rules (code, prefix such as TT2, or name). Repeatable.")),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help=N_("Skip these rules (code, prefix or name). Repeatable.")),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(help=N_("Read settings from this tthc.toml or pyproject.toml.")),
    ] = None,
    no_config: Annotated[
        bool, typer.Option("--no-config", help=N_("Ignore configuration files."))
    ] = False,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help=N_(
                "First apply the safe fixes of the enabled fixable rules (TT109, TT201, TT202, "
                "TT204, TT205) to the files, then report the findings that remain."
            ),
        ),
    ] = False,
    changed_only: Annotated[
        bool,
        typer.Option(
            "--changed-only",
            help=N_(
                "Only check the catalogs changed since --base (committed, staged, unstaged or "
                "untracked), and the catalogs that cross-file rules check with them."
            ),
        ),
    ] = False,
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            help=N_(
                "The git revision --changed-only compares with (implies --changed-only; "
                "default: the merge base with the upstream or main branch, else HEAD)."
            ),
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help=N_("Neither read nor write the result cache in .tthc-cache/."),
        ),
    ] = False,
) -> None:
    from tthc_cli.reports.validate import REPORTERS
    from tthc_cli.runtime.errors import TthcError
    from tthc_cli.validation.config import merge_cli
    from tthc_cli.validation.engine import validate_paths

    try:
        settings = merge_cli(
            _settings(config, no_config), select=select, ignore=ignore, strict=strict
        )
        fixed = None
        if fix:
            from tthc_cli.fixing.formatting import apply_rule_fixes

            fixed = apply_rule_fixes(paths or [Path("catalogs")], settings)
        only = None
        if changed_only or base is not None:
            from tthc_cli.catalog.gitchanges import changed_files

            only = changed_files(Path.cwd(), base)
        cache = None
        if not no_cache:
            from tthc_cli.validation.cache import CACHE_DIR
            from tthc_cli.validation.engine import cache_for

            cache = cache_for(settings, Path(CACHE_DIR))
        result = validate_paths(paths or [Path("catalogs")], settings, cache=cache, changed=only)
    except TthcError as exc:
        _fail(str(exc), exc.exit_code)
    from rich.markup import escape

    errors = _stderr()
    # Unreadable and invalid files are reported once, by the validation below.
    for changed in fixed.changed if fixed is not None else []:
        fixed_line = _("fixed {path}: {what}").format(path=changed.display, what=changed.summary())
        errors.print(escape(fixed_line), soft_wrap=True)
    for error in [*(fixed.write_errors if fixed is not None else []), *result.load_errors]:
        _print_error(errors, error.describe())
    reporter = _quietened(REPORTERS[output_format.value]())
    if output is None:
        reporter.render(result, _stdout())
    else:
        _render_to_file(lambda console: reporter.render(result, console), output)
    if fixed is not None and fixed.write_errors:
        raise typer.Exit(2)
    raise typer.Exit(result.exit_code(strict=settings.strict))


def _render_to_file(render: Callable[[Console], None], output: Path) -> None:
    """Render a report into a file, written atomically, with no colour or terminal wrapping."""
    import io

    from rich.console import Console

    from tthc_cli.runtime.atomic import write_text_atomic

    buffer = io.StringIO()
    render(Console(file=buffer, width=120, color_system=None, highlight=False))
    try:
        write_text_atomic(output, buffer.getvalue())
    except OSError as exc:
        _fail(
            _("{path}: cannot write report: {reason}").format(
                path=output, reason=exc.strerror or exc
            )
        )


class DiffFormat(enum.StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    xlsx = "xlsx"


_DIFF_STATUSES = ("moved", "changed", "added", "removed", "unchanged")


def _split_list(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


@app.command(
    help=N_("""Show what moved between levels, what was added, removed or changed.

Procedures are paired by national code, then by name (never "Đăng ký kết hôn" with
"Đăng ký lại kết hôn"). Exit code 0 when both sides are the same, 1 when they differ,
2 on trouble (unreadable or invalid files).

[bold]Examples[/]

  tthc diff catalogs/da-nang/2024 catalogs/da-nang/2025
  tthc diff old.yaml new.yaml --only moved,removed --format markdown
  tthc diff 2024 2025 --format xlsx -o thay-doi.xlsx --decisions pairs.yaml
""")
)
def diff(
    old: Annotated[
        Path, typer.Argument(help=N_("The old catalogs: a file or a folder."), readable=False)
    ],
    new: Annotated[
        Path, typer.Argument(help=N_("The new catalogs: a file or a folder."), readable=False)
    ],
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help=N_("Output format."), case_sensitive=False)
    ] = DiffFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=N_("Write to this file (required for xlsx).")),
    ] = None,
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
) -> None:
    from tthc_cli.diffing.compare import diff_paths, filtered
    from tthc_cli.diffing.matching import load_decisions
    from tthc_cli.reports.diff import BINARY_FORMATS, DIFF_REPORTERS, DIFF_WRITERS
    from tthc_cli.runtime.errors import TthcError

    statuses = _split_list(only)
    unknown = [s for s in statuses if s not in _DIFF_STATUSES]
    if unknown:
        _fail(
            _("--only: unknown status {status!r}; use {statuses}").format(
                status=unknown[0], statuses=", ".join(_DIFF_STATUSES)
            )
        )
    fields = _split_list(field)
    from tthc_cli.diffing.compare import FIELDS

    unknown_fields = [f for f in fields if f not in FIELDS]
    if unknown_fields:
        from tthc_cli.text.suggest import did_you_mean

        hint = did_you_mean(unknown_fields[0], FIELDS)
        _fail(
            _("--field: unknown field {field!r}{hint}").format(field=unknown_fields[0], hint=hint)
        )
    fmt = output_format.value
    if fmt in BINARY_FORMATS and output is None:
        _fail(_("--format {format} writes a file: add --output FILE").format(format=fmt))
    try:
        pairs = load_decisions(decisions) if decisions is not None else None
        result = diff_paths([old], [new], pairs, include_unstated=include_unstated)
    except TthcError as exc:
        _fail(str(exc), exc.exit_code)

    errors = _stderr()
    for error in result.errors:
        _print_error(errors, error.describe())
    for note in result.unused_decisions:
        _print_warning(errors, f"{decisions}: {note}")
    entries = filtered(result, only=statuses, fields=fields)
    from tthc_cli.runtime.perf import collector_paused

    # The report's many small objects would trigger full collections over both loaded sides.
    with collector_paused():
        if fmt in DIFF_WRITERS:
            assert output is not None
            try:
                DIFF_WRITERS[fmt]().write(result, entries, output)
            except OSError as exc:
                _fail(
                    _("{path}: cannot write: {reason}").format(
                        path=output, reason=exc.strerror or exc
                    )
                )
        elif output is None:
            _quietened(DIFF_REPORTERS[fmt]()).render(result, entries, _stdout())
        else:
            reporter = _quietened(DIFF_REPORTERS[fmt]())
            _render_to_file(lambda console: reporter.render(result, entries, console), output)
    raise typer.Exit(result.exit_code())


class DedupeFormat(enum.StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class StreetScope(enum.StrEnum):
    province = "province"
    commune = "commune"


class FailOn(enum.StrEnum):
    duplicate = "duplicate"
    similar = "similar"
    never = "never"


@app.command(
    "dedupe-names",
    help=N_("""Find colliding hamlet and street names in merged communes, with rename suggestions.

Names are the same when they differ only in case, spacing, Unicode form, tone placement,
how the type word or the number is written (TDP / Tổ dân phố, 05 / số 5 / V), a missing
type word, or missing diacritics; Thôn 1 and Thôn 11 are different. Exit code 0, or 1
when --fail-on is met, 2 on unreadable input.

[bold]Examples[/]

  tthc dedupe-names
  tthc dedupe-names catalogs/da-nang/units.yaml --street-scope commune
  tthc dedupe-names danh-sach.xlsx --format xlsx -o trung-ten.xlsx --fail-on duplicate
"""),
)
def dedupe_names(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=N_("Units YAML files, CSV/XLSX lists or folders (default: catalogs)."),
            show_default=False,
            readable=False,
        ),
    ] = None,
    output_format: Annotated[
        DedupeFormat,
        typer.Option("--format", "-f", help=N_("Output format."), case_sensitive=False),
    ] = DedupeFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=N_("Write to this file (required for xlsx).")),
    ] = None,
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
) -> None:

    from tthc_cli.names.dedupe import find_duplicates
    from tthc_cli.names.lists import read_names
    from tthc_cli.reports.dedupe import DEDUPE_REPORTERS, DEDUPE_WRITERS
    from tthc_cli.runtime.perf import collector_paused

    fmt = output_format.value
    if fmt in DEDUPE_WRITERS and output is None:
        _fail(_("--format {format} writes a file: add --output FILE").format(format=fmt))
    names = read_names(paths or [Path("catalogs")])
    errors = _stderr()
    for error in names.errors:
        _print_error(errors, error.describe())
    accepted: list[tuple[str, str, str, list[str]]] = []
    if decisions is not None:
        from tthc_cli.names.renames import load_accepted
        from tthc_cli.runtime.errors import CatalogLoadError

        try:
            accepted = [entry[:4] for entry in load_accepted(decisions)]
        except CatalogLoadError as exc:
            _fail(exc.describe())
    with _progress(_("Comparing names")) as progress:
        result = find_duplicates(
            names, street_scope=street_scope.value, progress=progress, accepted=accepted
        )
    # A national report builds tens of thousands of groups' rows while a million parsed objects
    # stay alive: with the collector on, its full passes over them took most of the report.
    with collector_paused():
        if fmt in DEDUPE_WRITERS:
            assert output is not None
            try:
                DEDUPE_WRITERS[fmt]().write(result, output)
            except OSError as exc:
                _fail(
                    _("{path}: cannot write: {reason}").format(
                        path=output, reason=exc.strerror or exc
                    )
                )
        elif output is None:
            _quietened(DEDUPE_REPORTERS[fmt]()).render(result, _stdout())
        else:
            reporter = _quietened(DEDUPE_REPORTERS[fmt]())
            _render_to_file(lambda console: reporter.render(result, console), output)
    raise typer.Exit(result.exit_code(fail_on.value))


@app.command(
    "apply-renames",
    help=N_("""Write the committee's renames into the units files, with `former_names`.

Reads the workbook or CSV made by `tthc dedupe-names --format xlsx|csv` after the
committee filled `rename_to` (or accepted the suggestion) and `decision` (rename, keep,
merge). Renames that would collide again, or whose name is no longer found, are refused
and listed (exit 1). keep/merge decisions go into the decisions file for dedupe-names.

[bold]Examples[/]

  tthc apply-renames trung-ten.xlsx --dry-run
  tthc apply-renames trung-ten.xlsx catalogs/da-nang --reference 12/NQ-HĐND
"""),
)
def apply_renames(
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
    from rich.markup import escape

    from tthc_cli.domain.dates import parse_date
    from tthc_cli.names.renames import apply, decisions_yaml, plan, read_report
    from tthc_cli.runtime.atomic import write_text_atomic
    from tthc_cli.runtime.errors import CatalogLoadError

    if date is not None and parse_date(date) is None:
        _fail(_("--date {date!r} is not a date written YYYY-MM-DD").format(date=date))
    try:
        rows = read_report(report)
    except CatalogLoadError as exc:
        _fail(exc.describe())
    result, load_errors = plan(rows, paths or [Path("catalogs")])
    errors = _stderr()
    for error in load_errors:
        _print_error(errors, error.describe())
    for row, reason in result.refused:
        label = escape(_("refused:"))
        errors.print(f"[yellow]{label}[/] {escape(str(report))}:{row.line}: {escape(reason)}")
    out = _summary()
    try:
        decided = None
        if result.kept or result.merged:
            # Read (and check) the decisions file before writing anything.
            decided = decisions_yaml(result, decisions if decisions.exists() else None)
        written = apply(result, reference=reference, date=date, dry_run=dry_run)
        if decided is not None and not dry_run:
            write_text_atomic(decisions, decided)
    except CatalogLoadError as exc:
        _fail(exc.describe())
    except OSError as exc:
        _fail(_("cannot write: {reason}").format(reason=exc.strerror or exc))
    for error in result.write_errors:
        _print_error(errors, error.describe())
    for item in written:
        if dry_run:
            sys.stdout.write(item.diff())
    counts = {
        "renames": len(result.renames),
        "files": len(written),
        "kept": len(result.kept),
        "merged": len(result.merged),
        "refused": len(result.refused),
        "undecided": result.undecided,
        "decisions": decisions,
    }
    if dry_run:
        summary = _(
            "would rename {renames} names in {files} files; {kept} kept, {merged} to merge; "
            "{refused} refused; {undecided} rows without a decision"
        )
    elif result.kept or result.merged:
        summary = _(
            "renamed {renames} names in {files} files; {kept} kept, {merged} to merge "
            "(recorded in {decisions}); {refused} refused; {undecided} rows without a decision"
        )
    else:
        summary = _(
            "renamed {renames} names in {files} files; {kept} kept, {merged} to merge; "
            "{refused} refused; {undecided} rows without a decision"
        )
    out.print(escape(summary.format(**counts)), soft_wrap=True)
    code = 2 if load_errors or result.write_errors else (1 if result.refused else 0)
    raise typer.Exit(code)


@contextlib.contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for long runs in a terminal; nothing in pipes and CI logs."""
    if not sys.stderr.isatty():
        yield None
        return
    import time

    from rich.progress import Progress

    started = time.monotonic()
    with Progress(console=_stderr(), transient=True) as bar:
        task = bar.add_task(label, total=None, visible=False)

        def update(done: int, total: int) -> None:
            # Only runs over a second or so are worth a bar.
            visible = time.monotonic() - started > 1.0
            bar.update(task, completed=done, total=total, visible=visible)

        yield update


@app.command(
    help=N_("""Fix what is safe to fix mechanically in the string values of catalogs.

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
)
def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=N_("Catalog files or folders (default: catalogs)."),
            show_default=False,
            readable=False,
        ),
    ] = None,
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
    config: Annotated[
        Path | None,
        typer.Option(help=N_("Read settings from this tthc.toml or pyproject.toml.")),
    ] = None,
    no_config: Annotated[
        bool, typer.Option("--no-config", help=N_("Ignore configuration files."))
    ] = False,
) -> None:
    from rich.markup import escape

    from tthc_cli.fixing.fixes import FMT_FIXES, Fix
    from tthc_cli.fixing.formatting import format_paths, unified_diff
    from tthc_cli.runtime.errors import TthcError

    fixes = FMT_FIXES | {Fix.ENCODING} if fix_encoding else FMT_FIXES
    dry = check or show_diff
    try:
        run = format_paths(
            paths or [Path("catalogs")], fixes, _settings(config, no_config), write=not dry
        )
    except TthcError as exc:
        _fail(str(exc), exc.exit_code)
    errors = _stderr()
    for error in [*run.errors, *run.write_errors]:
        _print_error(errors, error.describe())
    for skipped in run.skipped:
        note = _("note: {path}: {reason}").format(
            path=skipped.display, reason=skipped.formatted.skipped or ""
        )
        errors.print(escape(note))
    # With --diff, stdout carries the diff alone (for patch and git apply).
    report = errors if show_diff else _summary()
    changed = run.changed
    for result in changed:
        if show_diff:
            sys.stdout.write(unified_diff(result))
            sys.stdout.flush()  # keep the diff and the summary on stderr in order in a log
        line = _("fixed {path}: {what}") if result.written else _("would fix {path}: {what}")
        report.print(
            escape(line.format(path=result.display, what=result.summary())), soft_wrap=True
        )
        for conversion in result.conversions():
            report.print(f"  {escape(conversion)}", soft_wrap=True)
    for result in run.files:
        for unsafe in result.formatted.unsafe:
            _print_warning(
                errors,
                _(
                    "{path}:{line}: left as it is, the fixed value could not be written back safely"
                ).format(path=result.display, line=unsafe.line),
            )
    checked = len(run.files) - len(run.skipped)
    unchanged = checked - len(changed)
    if not changed:
        line = ngettext(
            "{count} file already formatted.", "{count} files already formatted.", checked
        ).format(count=checked)
    elif dry:
        line = ngettext(
            "{count} file would be fixed, {unchanged} already formatted.",
            "{count} files would be fixed, {unchanged} already formatted.",
            len(changed),
        ).format(count=len(changed), unchanged=unchanged)
    else:
        values = sum(len(result.formatted.fixes) for result in changed)
        line = _("Fixed {values} in {files}, {unchanged} already formatted.").format(
            values=ngettext("{count} value", "{count} values", values).format(count=values),
            files=ngettext("{count} file", "{count} files", len(changed)).format(
                count=len(changed)
            ),
            unchanged=unchanged,
        )
    report.print(escape(line), soft_wrap=True)
    if run.errors or run.write_errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if dry and changed else 0)


@app.command(
    help=N_("""Print the JSON Schema of catalog files (for editors and other validators).

[bold]Examples[/]

  tthc schema --kind procedure-catalog
  tthc schema --output schemas/
""")
)
def schema(
    kind: Annotated[
        SchemaKind, typer.Option("--kind", "-k", help=N_("Which kind of file."))
    ] = SchemaKind.all,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=N_("Write every schema file into this folder instead of printing."),
        ),
    ] = None,
) -> None:
    from tthc_cli.domain import schema as schema_mod

    if output is not None:
        try:
            for path in schema_mod.write_all(output):
                print(path)
        except OSError as exc:
            _fail(
                _("{path}: cannot write schemas: {reason}").format(
                    path=output, reason=exc.strerror or exc
                )
            )
        return
    sys.stdout.write(schema_mod.render(kind.value))


@app.command(
    help=N_("""List the validation rules, or explain one.

[bold]Examples[/]

  tthc rules
  tthc rules TT101
  tthc rules duplicate-code
  tthc rules --format markdown > docs/rules.md
""")
)
def rules(
    rule: Annotated[
        str | None, typer.Argument(help=N_("A rule code or name to explain."), show_default=False)
    ] = None,
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help=N_("Table, or the Markdown reference."))
    ] = RulesFormat.text,
) -> None:
    from rich.markdown import Markdown
    from rich.table import Table

    from tthc_cli.validation.rules import REGISTRY, get

    if output_format is RulesFormat.markdown and rule is None:
        from tthc_cli.validation.ruledocs import markdown

        sys.stdout.write(markdown())
        return
    console = _stdout()
    if rule is not None:
        found = get(rule)
        if found is None:
            from tthc_cli.text.suggest import did_you_mean

            names = [r.code for r in REGISTRY] + [r.name for r in REGISTRY]
            _fail(_("no rule {rule!r}{hint}").format(rule=rule, hint=did_you_mean(rule, names)))
        console.print(f"[bold]{found.code} {found.name}[/] ({found.severity})")
        console.print(Markdown(found.doc))
        return
    table = Table(title=_("tthc validation rules"))
    table.add_column(_("Code"), no_wrap=True)
    table.add_column(_("Name"), no_wrap=True)
    table.add_column(_("Severity"))
    table.add_column(_("Summary"))
    for item in REGISTRY:
        table.add_row(item.code, item.name, str(item.severity), item.summary)
    console.print(table)


# ----------------------------------------------------------------------------- import

import_app = typer.Typer(
    name="import",
    help=N_(
        "Make catalogs from what the national portal and the statistics office publish: "
        "the portal's procedure list (XLSX), its detail records (JSON), and unit lists."
    ),
    rich_markup_mode="rich",
    no_args_is_help=True,
)
app.add_typer(import_app, name="import")


class ImportLevel(enum.StrEnum):
    tinh = "tinh"
    huyen = "huyen"
    xa = "xa"


class ReportFormat(enum.StrEnum):
    text = "text"
    json = "json"


def _check_import_options(province: str | None, effective: str | None) -> None:
    from tthc_cli.domain.dates import parse_date

    if province is not None and not (province.isdigit() and len(province) == 2):
        _fail(
            _("--province {value!r}: give the 2-digit province code, e.g. 48").format(
                value=province
            )
        )
    if effective is not None and parse_date(effective) is None:
        _fail(_("--effective {value!r} is not a date written YYYY-MM-DD").format(value=effective))


def _finish_import(
    result: ImportResult,
    output: Path,
    header: dict[str, object],
    comment: str,
    dry_run: bool,
    report_format: ReportFormat,
) -> NoReturn:
    """Write (or show) the catalog, report, and exit: 2 when input or output failed, else 0."""
    from rich.markup import escape

    from tthc_cli.importing.output import plan_catalog, write
    from tthc_cli.importing.report import as_json, print_problems, print_summary
    from tthc_cli.runtime.errors import CatalogLoadError

    errors = _stderr()
    if report_format is ReportFormat.text:
        print_problems(result, errors)
    if not result.items and result.errors:
        if report_format is ReportFormat.json:
            sys.stdout.write(as_json(result, {"output": str(output), "written": False}))
        raise typer.Exit(2)
    try:
        written = plan_catalog(output, header, result.items, comment)
        if dry_run:
            sys.stdout.write(written.diff())
        else:
            write(written)
    except CatalogLoadError as exc:
        _fail(exc.describe())
    except OSError as exc:
        _fail(_("{path}: cannot write: {reason}").format(path=output, reason=exc.strerror or exc))
    for note in written.notes:
        _print_warning(errors, note)
    plan = written.plan
    if report_format is ReportFormat.json:
        extra: dict[str, object] = {"output": str(output), "written": not dry_run}
        if plan is not None:
            extra["merge"] = {
                "added": plan.added,
                "filled": [{"code": c, "field": f} for c, f in plan.filled],
                "kept": [{"code": c, "field": f} for c, f in plan.kept],
            }
        sys.stdout.write(as_json(result, extra))
    else:
        out = errors if dry_run else _summary()
        print_summary(result, out)
        if plan is None:
            message = (
                _("would write {path}: {count} procedures")
                if dry_run
                else _("wrote {path}: {count} procedures")
            )
            out.print(escape(message.format(path=output, count=len(result.items))), soft_wrap=True)
        else:
            message = (
                _(
                    "would write {path}: {added} procedures added, {filled} missing fields "
                    "filled, {unchanged} unchanged; {kept} fields differ and were kept as they "
                    "are in the file"
                )
                if dry_run
                else _(
                    "wrote {path}: {added} procedures added, {filled} missing fields filled, "
                    "{unchanged} unchanged; {kept} fields differ and were kept as they are in "
                    "the file"
                )
            )
            text = message.format(
                path=output,
                added=len(plan.added),
                filled=len(plan.filled),
                unchanged=plan.unchanged,
                kept=len(plan.kept),
            )
            out.print(escape(text), soft_wrap=True)
    raise typer.Exit(2 if result.errors else 0)


# The options both portal importers take.
_FieldFilter = Annotated[
    list[str] | None,
    typer.Option(
        help=N_("Only procedures whose field contains these words (diacritics optional).")
    ),
]
_ExcludeField = Annotated[
    list[str] | None,
    typer.Option(help=N_("Leave out procedures whose field contains these words.")),
]
_AgencyFilter = Annotated[
    list[str] | None,
    typer.Option(help=N_("Only procedures whose agency contains these words, e.g. 'cấp xã'.")),
]
_ExcludeAgency = Annotated[
    list[str] | None,
    typer.Option(help=N_("Leave out procedures whose agency contains these words.")),
]
_ImportDryRun = Annotated[
    bool, typer.Option("--dry-run", help=N_("Show the change as a diff; write nothing."))
]
_ImportReport = Annotated[
    ReportFormat, typer.Option("--format", "-f", help=N_("Format of the import report."))
]
_Effective = Annotated[
    str | None, typer.Option(help=N_("Date the catalog takes effect (for a new file)."))
]


@import_app.command(
    "portal-xlsx",
    help=N_("""Import the portal's "DANH SÁCH THỦ TỤC HÀNH CHÍNH" export into a procedure catalog.

The list has code, name, agency and field; the time limit, fees, online level and legal
basis are not in it, so they are left out and counted, never filled in. An existing
catalog is merged into without changing what it already says. Exit code 0, 2 when a file
cannot be read or written.

[bold]Examples[/]

  tthc import portal-xlsx danh-sach-tthc-BoTuPhap.xlsx --province 48 --level xa
      --agency "cấp xã" --effective 2025-07-01 -o tu-phap.yaml
  tthc import portal-xlsx *.xlsx --province 48 --agency "cấp xã" -o xa.yaml --dry-run
"""),
)
def import_portal_xlsx(
    files: Annotated[
        list[Path], typer.Argument(help=N_("The portal's list exports (.xlsx)."), readable=False)
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help=N_("The catalog to write or merge into."))
    ],
    province: Annotated[
        str, typer.Option(help=N_("2-digit province code of the catalog, e.g. 48."))
    ],
    level: Annotated[
        ImportLevel, typer.Option(help=N_("Level of the catalog (the list does not say)."))
    ] = ImportLevel.xa,
    effective: _Effective = None,
    field: _FieldFilter = None,
    exclude_field: _ExcludeField = None,
    agency: _AgencyFilter = None,
    exclude_agency: _ExcludeAgency = None,
    dry_run: _ImportDryRun = False,
    report_format: _ImportReport = ReportFormat.text,
) -> None:
    from tthc_cli.importing.portal_json import Filters
    from tthc_cli.importing.portal_xlsx import read_xlsx
    from tthc_cli.importing.problems import ImportResult

    _check_import_options(province, effective)
    result = ImportResult()
    filters = Filters(None, field or [], exclude_field or [], agency or [], exclude_agency or [])
    read_xlsx(files, filters, result)
    header: dict[str, object] = {"kind": "procedure-catalog", "province": province}
    header["level"] = level.value
    if effective is not None:
        header["effective"] = effective
    header["source"] = "Cơ sở dữ liệu quốc gia về TTHC (dichvucong.gov.vn), danh sách thủ tục"
    names = ", ".join(path.name for path in files)
    comment = (
        f"Imported by `tthc import portal-xlsx` from {names}.\n"
        "The list states no time limits, fees, online levels or legal bases."
    )
    _finish_import(result, output, header, comment, dry_run, report_format)


@import_app.command(
    "portal-json",
    help=N_("""Import the portal's procedure detail records into a procedure catalog.

Reads the time limit and fee of each submission channel (Trực tiếp, Trực tuyến, Dịch vụ
bưu chính) from the "Cách thức thực hiện" table, the legal basis as document numbers, and
normalizes the text (NFC, tone placement); text in a legacy encoding is flagged. Values
that cannot be read are reported record by record and left out. An existing catalog only
gains procedures and fields it lacks: what it says is never overwritten. Exit code 0, 2
when a file cannot be read or written.

[bold]Examples[/]

  tthc import portal-json cap-xa-json/ --province 48 --effective 2025-07-01 -o xa.yaml
  tthc import portal-json cap-xa-json/ -o catalogs/da-nang/2025/xa.yaml --dry-run
  tthc import portal-json cap-xa-json/ --exclude-field "hải quan" --exclude-field thuế
      --province 48 --effective 2025-07-01 -o xa.yaml
"""),
)
def import_portal_json(
    paths: Annotated[
        list[Path],
        typer.Argument(help=N_("Detail records (.json) or folders of them."), readable=False),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help=N_("The catalog to write or merge into."))
    ],
    province: Annotated[
        str | None, typer.Option(help=N_("2-digit province code (needed for a new catalog)."))
    ] = None,
    level: Annotated[
        ImportLevel,
        typer.Option(help=N_("Take the records the portal lists at this level, e.g. xa.")),
    ] = ImportLevel.xa,
    effective: _Effective = None,
    field: _FieldFilter = None,
    exclude_field: _ExcludeField = None,
    agency: _AgencyFilter = None,
    exclude_agency: _ExcludeAgency = None,
    dry_run: _ImportDryRun = False,
    report_format: _ImportReport = ReportFormat.text,
) -> None:
    from tthc_cli.importing.portal_json import Filters, import_records, read_records
    from tthc_cli.importing.problems import ImportResult

    _check_import_options(province, effective)
    if province is None and not output.exists():
        _fail(
            _("{path} does not exist yet: give --province CODE for the new catalog").format(
                path=output
            )
        )
    result = ImportResult()
    filters = Filters(
        level.value, field or [], exclude_field or [], agency or [], exclude_agency or []
    )
    import_records(read_records(paths, result), filters, result)
    header: dict[str, object] = {"kind": "procedure-catalog"}
    if province is not None:
        header["province"] = province
    header["level"] = level.value
    if effective is not None:
        header["effective"] = effective
    header["source"] = "Cơ sở dữ liệu quốc gia về TTHC (dichvucong.gov.vn), thông tin chi tiết"
    comment = (
        "Imported by `tthc import portal-json`. Online levels (toàn trình / một phần) and\n"
        "location independence are not in the portal's records and are left out."
    )
    _finish_import(result, output, header, comment, dry_run, report_format)


@import_app.command(
    "units",
    help=N_("""Write a units file per province from a unit list and an old -> new commune mapping.

Each new commune gets `formed_from`: the former communes (named as in the unit list)
merged into it, wholly or in part. Former codes the list does not know, and names that
differ, are reported. Existing files are left alone unless --overwrite. Exit code 0, 2
when a file cannot be read or written.

[bold]Examples[/]

  tthc import units gso-ward.csv --mapping merges.json -o catalogs
  tthc import units ward.csv --mapping doi-chieu.csv --province 48 -o catalogs --dry-run
"""),
)
def import_units_command(
    unit_lists: Annotated[
        list[Path],
        typer.Argument(
            help=N_("The statistics office's unit list (CSV: Mã, Tên, Cấp, …)."), readable=False
        ),
    ],
    mapping: Annotated[
        Path,
        typer.Option(help=N_("Old -> new communes: dvhcvn merges.json, or a CSV."), readable=False),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help=N_("Folder for the units files, one per province.")),
    ],
    province: Annotated[
        list[str] | None, typer.Option(help=N_("Only these province codes. Repeatable."))
    ] = None,
    effective: Annotated[str, typer.Option(help=N_("Date of the arrangement."))] = "2025-07-01",
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help=N_("Replace units files that exist."))
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=N_("Report what would be written; write nothing."))
    ] = False,
    report_format: _ImportReport = ReportFormat.text,
) -> None:
    from rich.markup import escape

    from tthc_cli.importing.problems import ImportResult
    from tthc_cli.importing.report import as_json, print_problems, print_summary
    from tthc_cli.importing.units import import_units, slug, units_yaml
    from tthc_cli.runtime.atomic import write_text_atomic

    _check_import_options(None, effective)
    result = ImportResult()
    provinces = import_units(unit_lists, mapping, result)
    wanted = {code.zfill(2) for code in province or []}
    chosen = [p for code, p in sorted(provinces.items()) if not wanted or code in wanted]
    errors = _stderr()
    if report_format is ReportFormat.text:
        print_problems(result, errors)
    source = "; ".join([*(path.name for path in unit_lists), mapping.name])
    written, skipped = [], []
    for item in chosen:
        target = output / slug(item.name) / "units.yaml"
        if target.exists() and not overwrite:
            skipped.append(target)
            continue
        if not dry_run:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                write_text_atomic(target, units_yaml(item, effective, source))
            except OSError as exc:
                _fail(
                    _("{path}: cannot write: {reason}").format(
                        path=target, reason=exc.strerror or exc
                    )
                )
        written.append((target, len(item.communes)))
    result.items = [{"province": p.code, "communes": len(p.communes)} for p in chosen]
    if report_format is ReportFormat.json:
        extra = {
            "written": [{"file": str(t), "communes": n} for t, n in written],
            "skipped": [str(t) for t in skipped],
            "dry_run": dry_run,
        }
        sys.stdout.write(as_json(result, extra))
    else:
        out = _summary()
        print_summary(result, out, units=True)
        message = (
            _("would write {path}: {count} communes")
            if dry_run
            else _("wrote {path}: {count} communes")
        )
        for target, count in written:
            out.print(escape(message.format(path=target, count=count)), soft_wrap=True)
        for target in skipped:
            skipped_text = _("{path} exists (use --overwrite)").format(path=target)
            _print_warning(errors, skipped_text)
    raise typer.Exit(2 if result.errors or not provinces else 0)


# ----------------------------------------------------------------------------- stats, search


class StatsFormat(enum.StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class StatsBy(enum.StrEnum):
    province = "province"
    level = "level"
    field = "field"


@app.command(
    help=N_("""Count procedures per province, level and field: online levels, location independence,
median time limit, free and paid.

A procedure listed in several files of one province and level counts once. Values a
catalog does not state are counted as not stated. Exit code 0, 2 when a file cannot be read
(the others are still counted).

[bold]Examples[/]

  tthc stats
  tthc stats catalogs/da-nang --by field --format markdown
  tthc stats catalogs/da-nang/2025 --before catalogs/da-nang/2024
"""),
)
def stats(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=N_("Catalog files or folders (default: catalogs)."),
            show_default=False,
            readable=False,
        ),
    ] = None,
    by: Annotated[
        StatsBy,
        typer.Option(help=N_("Group by province, by province and level, or also by field.")),
    ] = StatsBy.level,
    before: Annotated[
        list[Path] | None,
        typer.Option(help=N_("Catalogs of an earlier snapshot: show before and after.")),
    ] = None,
    output_format: Annotated[
        StatsFormat, typer.Option("--format", "-f", help=N_("Output format."), case_sensitive=False)
    ] = StatsFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=N_("Write the report to this file instead of stdout.")),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help=N_("Read every file again; do not use the cache."))
    ] = False,
) -> None:

    from tthc_cli.index.procindex import load_index
    from tthc_cli.index.stats import compare, compute
    from tthc_cli.reports.stats import STATS_REPORTERS

    index = load_index(paths or [Path("catalogs")], use_cache=not no_cache)
    errors = _stderr()
    problems = list(index.errors)
    result = compute(index.rows, by.value, files=index.files)
    changes = None
    if before:
        earlier = load_index(before, use_cache=not no_cache)
        problems.extend(earlier.errors)
        changes = compare(compute(earlier.rows, by.value, files=earlier.files), result)
    for error in problems:
        _print_error(errors, error.describe())
    reporter = _quietened(STATS_REPORTERS[output_format.value]())
    if output is None:
        reporter.render(result, changes, _stdout())
    else:
        _render_to_file(lambda console: reporter.render(result, changes, console), output)
    raise typer.Exit(2 if problems else 0)


class SearchFormat(enum.StrEnum):
    text = "text"
    json = "json"


@app.command(
    help=N_("""Find procedures by words typed any way (with or without diacritics) or by code.

Code hits and the exact name come first, then names holding the whole phrase, then names
holding every word; names holding most of the words only when none holds them all. Shows
the code, name, level, time limit, fees, online level and legal basis. Exit code 0 when
something is found, 1 when nothing is, 2 when a file cannot be read.

[bold]Examples[/]

  tthc search "khai sinh"
  tthc search "dang ky ket hon" catalogs/da-nang
  tthc search "KẾT HÔN có yếu tố nước ngoài" --level xa --format json
  tthc search 1.001193
"""),
)
def search(
    query: Annotated[str, typer.Argument(help=N_("Words of the name, or a procedure code."))],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=N_("Catalog files or folders (default: catalogs)."),
            show_default=False,
            readable=False,
        ),
    ] = None,
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
    output_format: Annotated[
        SearchFormat,
        typer.Option("--format", "-f", help=N_("Output format."), case_sensitive=False),
    ] = SearchFormat.text,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help=N_("Read every file again; do not use the cache."))
    ] = False,
) -> None:

    from tthc_cli.index.procindex import load_index
    from tthc_cli.index.search import search as find
    from tthc_cli.reports.search import SEARCH_REPORTERS

    index = load_index(paths or [Path("catalogs")], use_cache=not no_cache)
    levels = {item.value for item in level or []}
    provinces = {code.zfill(2) for code in province or []}
    rows = [
        row
        for row in index.rows
        if (not levels or row.level in levels) and (not provinces or row.province in provinces)
    ]
    hits = find(rows, query, limit=limit)
    errors = _stderr()
    for error in index.errors:
        _print_error(errors, error.describe())
    _quietened(SEARCH_REPORTERS[output_format.value]()).render(query, hits, _stdout())
    raise typer.Exit(2 if index.errors else (0 if hits else 1))


def main() -> None:
    """Entry point: run the app; turn any unexpected error into one line instead of a traceback."""
    if sys.argv[1:] in ([], ["--help"], ["-h"]):
        # The overview has no markup: click's plain help does not load rich (70 ms of the
        # 120 ms start-up budget). Command help keeps rich formatting.
        app.rich_markup_mode = None
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
