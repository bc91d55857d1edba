"""`tthc rules`: the table of validation rules, one rule's documentation, or the Markdown
reference (docs/rules.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from tthc_cli.runtime.errors import ConfigError
from tthc_cli.runtime.i18n import _

if TYPE_CHECKING:
    from tthc_cli.validation.rules import Rule

# The rules are what `tthc rules` reports: they are imported when it runs, not with the module.


def find_rule(name: str) -> Rule:
    """The rule with this code or name; ConfigError with a suggestion otherwise."""
    from tthc_cli.validation.rules import REGISTRY, get

    found = get(name)
    if found is None:
        from tthc_cli.text.suggest import did_you_mean

        names = [r.code for r in REGISTRY] + [r.name for r in REGISTRY]
        raise ConfigError(
            _("no rule {rule!r}{hint}").format(rule=name, hint=did_you_mean(name, names))
        )
    return found


def render_rule(rule: Rule, console: Console) -> None:
    console.print(f"[bold]{rule.code} {rule.name}[/] ({rule.severity})")
    console.print(Markdown(rule.doc))


def render_table(console: Console) -> None:
    table = Table(title=_("tthc validation rules"))
    table.add_column(_("Code"), no_wrap=True)
    table.add_column(_("Name"), no_wrap=True)
    table.add_column(_("Severity"))
    table.add_column(_("Summary"))
    from tthc_cli.validation.rules import REGISTRY

    for item in REGISTRY:
        table.add_row(item.code, item.name, str(item.severity), item.summary)
    console.print(table)
