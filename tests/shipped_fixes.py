"""The fixes the shipped rules declare, by the names tests use: each is its rule module's `FIX`
(a fix is declared by its rule, and there is no other list of them)."""

from __future__ import annotations

from tthc_cli.validation.fix import Fix
from tthc_cli.validation.fixable import all_fixes, default_fixes, fix_rules
from tthc_cli.validation.rules import (
    tt109_ascii_document_symbol,
    tt201_text_not_nfc,
    tt202_irregular_whitespace,
    tt203_legacy_encoding,
    tt204_mixed_tone_style,
    tt205_misplaced_tone_mark,
    tt302_invalid_province_code,
    tt303_invalid_commune_code,
)

DOCUMENT_SYMBOL = tt109_ascii_document_symbol.FIX
NFC = tt201_text_not_nfc.FIX
SPACES = tt202_irregular_whitespace.FIX
ENCODING = tt203_legacy_encoding.FIX
TONE_STYLE = tt204_mixed_tone_style.FIX
MISPLACED_TONE = tt205_misplaced_tone_mark.FIX
CODE_PADDING = tt302_invalid_province_code.FIX
COMMUNE_CODE_PADDING = tt303_invalid_commune_code.FIX

#: What `tthc fmt` applies by default: the safe fixes (legacy encodings only with --fix-encoding).
FMT_FIXES: frozenset[Fix] = default_fixes()
#: Every declared fix, the ones that need a review too.
ALL_FIXES: frozenset[Fix] = frozenset(all_fixes())
#: The rule each fix belongs to.
FIX_RULES: dict[Fix, tuple[str, ...]] = {fix: (rule.code,) for fix, rule in fix_rules().items()}
