"""The rule registry: one line per rule module; selection by code, code prefix or name."""

from __future__ import annotations

from collections.abc import Iterable

from tthc_cli.validation.rules import (
    tt001_yaml_syntax_error,
    tt002_duplicate_key,
    tt003_unsupported_tag,
    tt004_unknown_kind,
    tt005_schema_violation,
    tt101_duplicate_code,
    tt102_duplicate_code_across_catalogs,
    tt103_invalid_procedure_code,
    tt104_duplicate_procedure_name,
    tt105_abolished_district_level,
    tt106_invalid_fee,
    tt107_invalid_time_limit,
    tt108_invalid_document_number,
    tt109_ascii_document_symbol,
    tt110_missing_publication_field,
    tt111_unknown_field,
    tt150_code_not_in_reference,
    tt151_name_differs_from_reference,
    tt152_level_not_in_reference,
    tt153_time_limit_longer_than_reference,
    tt154_fee_differs_from_reference,
    tt155_online_level_below_reference,
    tt156_legal_basis_omits_newer_document,
    tt157_missing_reference_procedure,
    tt201_text_not_nfc,
    tt202_irregular_whitespace,
    tt203_legacy_encoding,
    tt204_mixed_tone_style,
    tt205_misplaced_tone_mark,
    tt206_text_without_diacritics,
    tt301_invalid_date,
    tt302_invalid_province_code,
    tt303_invalid_commune_code,
    tt401_duplicate_commune_code,
    tt402_unnamed_place,
    tt403_duplicate_commune_name,
    tt404_unknown_former_commune,
)
from tthc_cli.validation.rules.base import Hit, Rule, RuleContext

REGISTRY: tuple[Rule, ...] = (
    Rule.from_module(tt001_yaml_syntax_error),
    Rule.from_module(tt002_duplicate_key),
    Rule.from_module(tt003_unsupported_tag),
    Rule.from_module(tt004_unknown_kind),
    Rule.from_module(tt005_schema_violation),
    Rule.from_module(tt101_duplicate_code),
    Rule.from_module(tt102_duplicate_code_across_catalogs),
    Rule.from_module(tt103_invalid_procedure_code),
    Rule.from_module(tt104_duplicate_procedure_name),
    Rule.from_module(tt105_abolished_district_level),
    Rule.from_module(tt106_invalid_fee),
    Rule.from_module(tt107_invalid_time_limit),
    Rule.from_module(tt108_invalid_document_number),
    Rule.from_module(tt109_ascii_document_symbol),
    Rule.from_module(tt110_missing_publication_field),
    Rule.from_module(tt111_unknown_field),
    Rule.from_module(tt150_code_not_in_reference),
    Rule.from_module(tt151_name_differs_from_reference),
    Rule.from_module(tt152_level_not_in_reference),
    Rule.from_module(tt153_time_limit_longer_than_reference),
    Rule.from_module(tt154_fee_differs_from_reference),
    Rule.from_module(tt155_online_level_below_reference),
    Rule.from_module(tt156_legal_basis_omits_newer_document),
    Rule.from_module(tt157_missing_reference_procedure),
    Rule.from_module(tt201_text_not_nfc),
    Rule.from_module(tt202_irregular_whitespace),
    Rule.from_module(tt203_legacy_encoding),
    Rule.from_module(tt204_mixed_tone_style),
    Rule.from_module(tt205_misplaced_tone_mark),
    Rule.from_module(tt206_text_without_diacritics),
    Rule.from_module(tt301_invalid_date),
    Rule.from_module(tt302_invalid_province_code),
    Rule.from_module(tt303_invalid_commune_code),
    Rule.from_module(tt401_duplicate_commune_code),
    Rule.from_module(tt402_unnamed_place),
    Rule.from_module(tt403_duplicate_commune_name),
    Rule.from_module(tt404_unknown_former_commune),
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in REGISTRY}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in REGISTRY}

__all__ = ["BY_CODE", "BY_NAME", "REGISTRY", "Hit", "Rule", "RuleContext", "get", "matches"]


def get(code_or_name: str) -> Rule | None:
    """The rule with this code (TT101) or name (duplicate-code), or None."""
    return BY_CODE.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())


def matches(rule: Rule, selector: str) -> bool:
    """Whether a selector (ALL, a code, a code prefix such as TT1, or a rule name) picks rule."""
    selector = selector.strip()
    if selector.upper() == "ALL":
        return True
    if selector.lower() == rule.name:
        return True
    return rule.code.startswith(selector.upper()) and selector.upper().startswith("TT")


def is_known_selector(selector: str) -> bool:
    return any(matches(rule, selector) for rule in REGISTRY)


def unknown_selectors(selectors: Iterable[str]) -> list[str]:
    """The selectors that pick no rule at all (for a clear configuration error)."""
    return [s for s in selectors if not is_known_selector(s)]
