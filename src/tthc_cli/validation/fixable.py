"""The fixes of the registered rules: what `tthc fmt` and `tthc validate --fix` apply, and the
`--fix` help that names them.

Everything here is read from the rule registry when asked for (the registry imports the rule
modules, which import :mod:`tthc_cli.fixing`), so a rule registered with a ``FIX`` is known
everywhere at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from tthc_cli.runtime.i18n import _
from tthc_cli.validation.fix import Fix

if TYPE_CHECKING:  # the rules import this package: at run time they are looked up on use
    from tthc_cli.validation.rules.base import Rule

__all__ = [
    "all_fixes",
    "default_fixes",
    "fix_option_help",
    "fix_rules",
    "fixable_rules",
    "fixes_for_rules",
]


def _registry() -> tuple[Rule, ...]:
    from tthc_cli.validation.rules import REGISTRY

    return REGISTRY


def fixable_rules() -> tuple[Rule, ...]:
    """The rules with a safe fix, in code order (what `validate --fix` can apply)."""
    return tuple(rule for rule in _registry() if rule.fixable)


def fix_rules() -> dict[Fix, Rule]:
    """The rule each fix belongs to (its ignores keep the fix off), fixes in the order they
    apply."""
    owned = [(rule.fix, rule) for rule in _registry() if rule.fix is not None]
    owned.sort(key=lambda pair: pair[0].order)
    return dict(owned)


def all_fixes() -> tuple[Fix, ...]:
    """Every fix a rule declares, the ones that need a review too, in the order they apply."""
    return tuple(fix_rules())


def default_fixes() -> frozenset[Fix]:
    """What `tthc fmt` applies: the safe fixes of every rule."""
    return frozenset(rule.fix for rule in fixable_rules() if rule.fix is not None)


def fixes_for_rules(codes: Iterable[str]) -> frozenset[Fix]:
    """The fixes that belong to these rule codes (for `tthc validate --fix`)."""
    wanted = set(codes)
    return frozenset(
        rule.fix for rule in _registry() if rule.fix is not None and rule.code in wanted
    )


def fix_option_help() -> str:
    """The help of `tthc validate --fix`, naming the fixable rules, in the current language."""
    codes = ", ".join(rule.code for rule in fixable_rules())
    # Translators: {codes} lists rule codes, e.g. "TT109, TT201, TT202".
    return _(
        "First apply the safe fixes of the enabled fixable rules ({codes}) to the files, then "
        "report the findings that remain."
    ).format(codes=codes)
