"""`tthc schema` and `tthc rules`: what tthc knows about catalog files and its own rules."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from tthc_cli.cli.common import fail, reported_errors, stdout
from tthc_cli.cli.lang import TthcCommand
from tthc_cli.runtime.i18n import N_, _

SCHEMA_HELP = N_("""Print the JSON Schema of catalog files (for editors and other validators).

[bold]Examples[/]

  tthc schema --kind procedure-catalog
  tthc schema --output schemas/
""")

RULES_HELP = N_("""List the validation rules, or explain one.

[bold]Examples[/]

  tthc rules
  tthc rules TT101
  tthc rules duplicate-code
  tthc rules --format markdown > docs/rules.md
""")


class SchemaKind(enum.StrEnum):
    # The keys of schema.SCHEMA_FILES (a test keeps them equal; importing it here would load
    # pydantic for every command).
    all = "all"
    procedure_catalog = "procedure-catalog"
    units = "units"
    diff_decisions = "diff-decisions"
    name_decisions = "name-decisions"


class RulesFormat(enum.StrEnum):
    text = "text"
    markdown = "markdown"


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
    from tthc_cli.domain import schema as schemas

    if output is None:
        sys.stdout.write(schemas.render(kind.value))
        return
    try:
        written = schemas.write_all(output)
    except OSError as exc:
        reason = exc.strerror or exc
        fail(_("{path}: cannot write schemas: {reason}").format(path=output, reason=reason))
    sys.stdout.write("".join(f"{path}\n" for path in written))


def rules(
    rule: Annotated[
        str | None, typer.Argument(help=N_("A rule code or name to explain."), show_default=False)
    ] = None,
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help=N_("Table, or the Markdown reference."))
    ] = RulesFormat.text,
) -> None:
    from tthc_cli.reports.rules import find_rule, render_rule, render_table

    if rule is not None:
        with reported_errors():
            render_rule(find_rule(rule), stdout())
    elif output_format is RulesFormat.markdown:
        from tthc_cli.validation.ruledocs import markdown

        sys.stdout.write(markdown())
    else:
        render_table(stdout())


def register(app: typer.Typer) -> None:
    app.command(help=SCHEMA_HELP, cls=TthcCommand)(schema)
    app.command(help=RULES_HELP, cls=TthcCommand)(rules)
