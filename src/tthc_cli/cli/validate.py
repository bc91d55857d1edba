"""`tthc validate`: check catalogs against the schema and the standardization rules."""

from __future__ import annotations

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

HELP = N_("""Check catalogs against the schema and the standardization rules.

Exit code 0 when clean, 1 when there are errors (or warnings with --strict),
2 when a file cannot be read or the configuration is invalid.

[bold]Examples[/]

  tthc validate
  tthc validate catalogs/da-nang --format github
  tthc validate catalogs --format sarif -o tthc.sarif --ignore TT204
""")


# Over 60 lines only by its option declarations; the body is a dozen lines.
def validate(
    ctx: typer.Context,
    paths: CatalogPaths = None,
    output_format: Annotated[str, formats.VALIDATE.option()] = "text",
    output: ReportOutput = None,
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
    config: ConfigFile = None,
    no_config: NoConfig = False,
    reference: ReferencePaths = None,
    fix: Annotated[
        bool,
        typer.Option("--fix"),  # help: _fix_help, from the rules that declare a fix
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
    no_cache: NoCache = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help=N_(
                "Leave out the findings this baseline file records (by file, YAML path and "
                "rule); fail only on new ones. With --strict, fixed entries fail too."
            ),
            show_default=False,
        ),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option(
            "--update-baseline",
            help=N_("Write today's findings to the --baseline file (then none fail)."),
        ),
    ] = False,
) -> None:
    # long: the options' declarations; the body is one call and the report.
    from tthc_cli.fixing.formatting import apply_rule_fixes
    from tthc_cli.reports.fmt import print_fixed
    from tthc_cli.reports.validate import REPORTERS
    from tthc_cli.validation.run import ValidateOptions, run_validate

    options = ValidateOptions(
        config=config,
        no_config=no_config,
        select=select or [],
        ignore=ignore or [],
        strict=strict,
        fix=apply_rule_fixes if fix else None,
        changed_only=changed_only,
        base=base,
        use_cache=not no_cache,
        baseline=baseline,
        update_baseline=update_baseline,
        reference=[str(path) for path in reference or []],
    )
    with reported_errors():
        run = run_validate(paths_or_default(paths), options, Path.cwd())
    errors = stderr()
    print_fixed(run.fixed.changed if run.fixed is not None else [], errors)
    print_errors(errors, run.errors)
    reporter = quietened(REPORTERS[output_format](), run_settings(ctx))
    render_report(lambda console: reporter.render(run.result, console), output)
    raise typer.Exit(run.exit_code())


def _fix_help() -> str:
    from tthc_cli.fixing import fix_option_help  # the rules load only when the help is shown

    return fix_option_help()


def register(app: typer.Typer) -> None:
    command = TthcCommand.with_formats(output_format=formats.VALIDATE).with_helps(fix=_fix_help)
    app.command(help=HELP, cls=command)(validate)
