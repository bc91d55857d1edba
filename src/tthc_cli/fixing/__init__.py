"""tthc fmt and validate --fix: the fixes the rules declare, and the byte-preserving rewriter.

A fixable rule exports ``FIX = Fix(...)`` (:mod:`tthc_cli.validation.fix`); :func:`fixable_rules`
and the other functions of :mod:`tthc_cli.validation.fixable` read the fixes from the registered
rules, and :mod:`tthc_cli.fixing.formatting` applies them to files.
"""

from tthc_cli.validation.fixable import (
    all_fixes,
    default_fixes,
    fix_option_help,
    fix_rules,
    fixable_rules,
    fixes_for_rules,
)

__all__ = [
    "all_fixes",
    "default_fixes",
    "fix_option_help",
    "fix_rules",
    "fixable_rules",
    "fixes_for_rules",
]
