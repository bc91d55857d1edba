"""TT001 yaml-syntax-error."""

from __future__ import annotations

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD, hits, messages, run


def test_valid_yaml_passes() -> None:
    assert hits(CATALOG_HEAD + PROCEDURE, "TT001") == []
    assert hits(UNITS_HEAD + '  - {code: "20194", name: Phường Hải Vân}\n', "TT001") == []


def test_unclosed_flow_mapping() -> None:
    text = 'kind: procedure-catalog\nprocedures: [{code: "1.001193", name: Đăng ký khai sinh\n'
    assert hits(text, "TT001") == [(3, 1)]
    (message,) = messages(text, "TT001")
    assert "YAML syntax error" in message
    assert "flow mapping" in message


def test_tab_indentation_is_named() -> None:
    text = "kind: units\nprovince:\n  code: '48'\n\tname: Thành phố Đà Nẵng\n"
    assert hits(text, "TT001") == [(4, 1)]
    (message,) = messages(text, "TT001")
    assert "tab" in message
    assert "spaces" in message


def test_tab_before_a_list_item() -> None:
    text = "kind: units\ncommunes:\n\t- code: '20194'\n"
    assert hits(text, "TT001") == [(3, 1)]
    assert "tab" in messages(text, "TT001")[0]


def test_tab_after_a_colon_is_valid_yaml() -> None:
    assert hits("kind: units\nname:\tPhường Hải Vân\n", "TT001") == []


def test_unterminated_quote() -> None:
    text = 'kind: units\nname: "Phường Hải Vân\n'
    assert hits(text, "TT001") == [(3, 1)]
    assert "quoted scalar" in messages(text, "TT001")[0]


def test_invalid_escape() -> None:
    text = 'kind: units\nname: "Hải\\qVân"\n'
    assert hits(text, "TT001") == [(2, 11)]  # the backslash
    assert "escape" in messages(text, "TT001")[0]


def test_bad_indentation() -> None:
    text = "kind: units\n  name: Phường Hải Vân\n"
    assert hits(text, "TT001") == [(2, 7)]


def test_two_documents() -> None:
    text = "kind: units\n---\nkind: units\n"
    assert hits(text, "TT001") == [(2, 1)]
    assert "more than one YAML document" in messages(text, "TT001")[0]


def test_explicit_start_of_a_single_document_is_fine() -> None:
    assert hits("---\n" + CATALOG_HEAD + PROCEDURE, "TT001") == []


def test_undefined_alias() -> None:
    text = "kind: units\nname: *ten\n"
    assert hits(text, "TT001") == [(2, 7)]
    (message,) = messages(text, "TT001")
    assert "*ten" in message
    assert "not defined" in message


def test_defined_alias_is_fine() -> None:
    text = CATALOG_HEAD + PROCEDURE.replace('["60/2014/QH13"', '&can_cu ["60/2014/QH13"')
    text += (
        PROCEDURE.replace("1.001193", "1.000894")
        .replace("khai sinh", "kết hôn")
        .replace('legal_basis: ["60/2014/QH13", "123/2015/NĐ-CP"]', "legal_basis: *can_cu")
    )
    assert hits(text, "TT001") == []


def test_a_key_cannot_be_a_list() -> None:
    text = "kind: units\n? [a]\n: b\n"
    assert hits(text, "TT001") == [(2, 3)]
    assert "key must be a plain value" in messages(text, "TT001")[0]


def _alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["kind: units", "a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_stops_fast() -> None:
    text = _alias_bomb()
    findings = run(text, select="TT001")
    # Bounded by the node limit, not timed: parsing stops at the first alias past 1,000,000
    # values (line 8 of 11), before the levels that would expand to billions.
    assert [(f.line, f.column) for f in findings] == [(8, 10)]
    assert "alias bomb" in findings[0].message
    assert "1,000,000" in findings[0].message


def test_small_alias_fan_out_is_fine() -> None:
    assert hits(_alias_bomb(levels=2, width=3), "TT001") == []


def test_deep_flow_sequences_give_a_depth_finding() -> None:
    text = "kind: units\nx: " + "[" * 10_000 + "]" * 10_000 + "\n"
    findings = run(text, select="TT001")
    # Bounded by the depth limit, not timed: refused at the 257th "[" of 10,000.
    assert [(f.line, f.column) for f in findings] == [(2, 259)]
    assert "nesting deeper than 256 levels" in findings[0].message


def test_deep_flow_mappings_give_a_depth_finding() -> None:
    text = "kind: units\nx: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n"
    findings = run(text, select="TT001")
    assert [(f.line, f.column) for f in findings] == [(2, 1024)]
    assert "nesting deeper" in findings[0].message


def test_moderate_nesting_is_fine() -> None:
    assert hits("kind: units\nx: " + "[" * 50 + "]" * 50 + "\n", "TT001") == []


def test_one_finding_and_no_other_rule_on_a_broken_file() -> None:
    text = CATALOG_HEAD + PROCEDURE + "    notes: [unclosed\n"
    findings = run(text)
    assert [f.rule for f in findings] == ["TT001"]
