"""The `--format` choices of each command, read from the reporter registries.

A registry (`tthc_cli.reports.validate.REPORTERS`, ...) imports its reporters, and through them
the validation engine and the catalog loader: a third of a second that `tthc validate --help`
and shell completion should not pay for a list of names. So the names are read from the
registry's dict literal in its module's source, unless the module is loaded already (then from
the dict itself), and the module is imported when its source holds no such literal.
tests/cli/test_format_choices.py checks that the source and the imported registries agree.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import typer

from tthc_cli.runtime.i18n import N_, _

FORMAT_HELP = N_("Output format.")


@functools.cache
def registry_names(module: str, attribute: str) -> tuple[str, ...]:
    """The keys of the registry `attribute` of `module`, in their order."""
    loaded = sys.modules.get(module)
    if loaded is None:
        found = _literal_keys(module, attribute)
        if found is not None:
            return found
        loaded = importlib.import_module(module)
    registry: Mapping[str, Any] = getattr(loaded, attribute)
    return tuple(registry)


def _literal_keys(module: str, attribute: str) -> tuple[str, ...] | None:
    import ast

    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    try:
        with open(spec.origin, encoding="utf-8") as source:
            tree = ast.parse(source.read())
    except (OSError, SyntaxError, ValueError):
        return None
    for node in tree.body:
        target: ast.expr | None = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        value = getattr(node, "value", None)
        if isinstance(target, ast.Name) and target.id == attribute and isinstance(value, ast.Dict):
            keys = [key.value if isinstance(key, ast.Constant) else None for key in value.keys]
            if all(isinstance(key, str) for key in keys):
                return tuple(str(key) for key in keys)
    return None


@dataclass(frozen=True)
class Formats:
    """The formats of one command: the keys of one or more registries (`module:attribute`)."""

    registries: tuple[str, ...]

    def names(self) -> tuple[str, ...]:
        found: dict[str, None] = {}
        for registry in self.registries:
            module, _sep, attribute = registry.partition(":")
            found.update(dict.fromkeys(registry_names(module, attribute)))
        return tuple(found)

    def metavar(self) -> str:
        return "<" + "|".join(self.names()) + ">"

    def choose(self, value: str) -> str:
        """The format named `value` (any letter case); a usage error (exit 2) for any other."""
        names = self.names()
        for name in names:
            if name.casefold() == value.casefold():
                return name
        choices = ", ".join(repr(name) for name in names)
        raise typer.BadParameter(
            _("{value!r} is not one of {choices}.").format(value=value, choices=choices)
        )

    def complete(self, incomplete: str) -> list[str]:
        return [name for name in self.names() if name.startswith(incomplete.casefold())]

    def option(self, help: str = FORMAT_HELP) -> Any:
        """The `--format/-f` option; typer.Option's type is private, hence Any."""
        return typer.Option(
            "--format",
            "-f",
            help=help,
            callback=self.choose,
            autocompletion=self.complete,
        )


VALIDATE = Formats(("tthc_cli.reports.validate:REPORTERS",))
DIFF = Formats(("tthc_cli.reports.diff:DIFF_REPORTERS", "tthc_cli.reports.diff:DIFF_WRITERS"))
DEDUPE = Formats(
    ("tthc_cli.reports.dedupe:DEDUPE_REPORTERS", "tthc_cli.reports.dedupe:DEDUPE_WRITERS")
)
STATS = Formats(("tthc_cli.reports.stats:STATS_REPORTERS",))
SEARCH = Formats(("tthc_cli.reports.search:SEARCH_REPORTERS",))
