"""tthc_cli.validation.fixes: each fix removes what its rule reports, nothing else, and is
idempotent."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import shipped_fixes as shipped
from helpers import doc
from tthc_cli.fixing.roles import roles
from tthc_cli.text.normalize import (
    ToneStyle,
    clean_spaces,
    is_nfc,
    tone_styles,
    whitespace_problems,
)
from tthc_cli.validation.fix import Fix, Role, fix_layout_text, fix_text
from tthc_cli.validation.fixable import fixes_for_rules
from tthc_cli.validation.fixes import (
    fix_document_symbol,
    fix_spaces,
    fix_tones,
    pad_code,
)
from tthc_cli.validation.rules import REGISTRY, RuleContext
from tthc_cli.validation.rules import tt202_irregular_whitespace as tt202

FIRST, SECOND = ToneStyle.FIRST_VOWEL, ToneStyle.SECOND_VOWEL
ALL = shipped.ALL_FIXES
FMT_FIXES = shipped.FMT_FIXES
FIX_RULES = shipped.FIX_RULES


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def tt202_problems(value: str) -> list[str]:
    """What TT202 reports for one value (the rule's own filtering of multi-line text)."""
    body = value.rstrip("\n")
    problems = whitespace_problems(body)
    if "\n" in body:
        problems = [p for p in problems if not (p.kind == "leading" and p.offset > 0)]
    return [p.kind for p in problems]


# ------------------------------------------------------------------------- spaces


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Đăng ký  khai sinh ", "Đăng ký khai sinh"),
        (" Thôn\u00a01", "Thôn 1"),
        ("Hộ\u200btịch", "Hộtịch"),
        ("Hộ\ttịch\u3000x", "Hộ tịch x"),
        ("\ufeffThôn 1", "Thôn 1"),
        ("a\x07b", "a b"),
        ("Thôn 1", "Thôn 1"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_fix_spaces_single_line(text: str, fixed: str) -> None:
    assert fix_spaces(text) == fixed
    assert fix_spaces(text) == clean_spaces(text)


def test_fix_spaces_keeps_the_layout_of_multi_line_text() -> None:
    text = "\n  Bước 1:  nộp hồ sơ \n    - bản\u00a0chính\t\n\n  - bản sao\n"
    assert fix_spaces(text) == "Bước 1: nộp hồ sơ\n    - bản chính\n\n  - bản sao\n"
    assert tt202_problems(text)
    assert tt202_problems(fix_spaces(text)) == []


def test_fix_spaces_keeps_final_newlines_and_turns_cr_into_space() -> None:
    assert fix_spaces("Giấy khai sinh\n") == "Giấy khai sinh\n"
    assert fix_spaces("a\r\nb") == "a\nb"
    assert fix_spaces("a\rb\n\n") == "a b\n\n"


_SPACEY = st.lists(
    st.sampled_from(
        [
            "a",
            "ò",
            "Đ",
            " ",
            "  ",
            "\n",
            "\t",
            "\r",
            "\u00a0",
            "\u200b",
            "\ufeff",
            "\u2003",
            "\u3000",
            "\x07",
            "\x85",
            "\u2028",
            "\u0300",
        ]
    ),
    max_size=30,
).map("".join)


@given(_SPACEY)
def test_fix_spaces_leaves_nothing_for_tt202_and_is_idempotent(text: str) -> None:
    fixed = fix_spaces(text)
    assert tt202_problems(fixed) == []
    assert fix_spaces(fixed) == fixed
    if not tt202_problems(text):
        # Nothing to report, nothing to change (beyond what TT202 sees).
        assert fixed == text


def test_fix_spaces_agrees_with_the_rule_on_a_document() -> None:
    value = "Thủ tục\u00a0 hòa giải\n   ở  cơ sở "
    before = doc(f"kind: units\nname: {_json(value)}\n")
    after = doc(f"kind: units\nname: {_json(fix_spaces(value))}\n")
    assert list(tt202.check(before, RuleContext()))
    assert list(tt202.check(after, RuleContext())) == []


def _json(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


# -------------------------------------------------------------------------- tones


def test_fix_tones_moves_misplaced_marks_and_the_style() -> None:
    assert fix_tones("Thôn Qúy Thạnh", FIRST) == "Thôn Quý Thạnh"
    assert fix_tones("Gíup đỡ", FIRST) == "Giúp đỡ"
    assert fix_tones("Thuỷ lợi, hoà giải", FIRST) == "Thủy lợi, hòa giải"
    assert fix_tones("Thủy lợi, hòa giải", SECOND) == "Thuỷ lợi, hoà giải"


def test_fix_tones_can_do_one_kind_only() -> None:
    text = "Qúy hoà"
    assert fix_tones(text, FIRST, misplaced=True, tone_style=False) == "Quý hoà"
    assert fix_tones(text, FIRST, misplaced=False, tone_style=True) == "Qúy hòa"
    assert fix_tones(text, FIRST, misplaced=False, tone_style=False) == text


def test_fix_tones_leaves_unchanged_words_in_their_form() -> None:
    # Only the word that moves is composed; NFC is a fix of its own.
    text = nfd("Việt") + " hoà"
    assert fix_tones(text, FIRST) == nfd("Việt") + " hòa"


# ------------------------------------------------------------- numbers and codes


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("123/2015/ND-CP", "123/2015/NĐ-CP"),
        ("1390/QD-UBND", "1390/QĐ-UBND"),
        ("43/2025/NQ-HDND", "43/2025/NQ-HĐND"),
        ("123/2015/NÐ-CP", "123/2015/NĐ-CP"),
        ("  12/QD-UBND\n", "  12/QĐ-UBND\n"),
        ("60/2014/QH13", "60/2014/QH13"),
        ("123/2015/NĐ-CP", "123/2015/NĐ-CP"),
        ("Nghị định ND", "Nghị định ND"),
    ],
)
def test_fix_document_symbol(text: str, fixed: str) -> None:
    assert fix_document_symbol(text) == fixed
    assert fix_document_symbol(fixed) == fixed


@pytest.mark.parametrize(
    ("text", "width", "padded"),
    [
        ("1", 2, "01"),
        ("48", 2, "48"),
        ("194", 5, "00194"),
        ("4", 5, "00004"),
        ("20194", 5, "20194"),
        ("123456", 5, "123456"),
        ("", 2, ""),
        ("1a", 2, "1a"),
        ("٣", 2, "٣"),  # an Arabic-Indic digit is not a code digit
    ],
)
def test_pad_code(text: str, width: int, padded: str) -> None:
    assert pad_code(text, width) == padded


def test_roles_of_a_procedure_catalog() -> None:
    data = {
        "kind": "procedure-catalog",
        "province": "1",
        "decisions": ["1/QD-UBND"],
        "procedures": [{"legal_basis": ["a", "b"], "decision": "c", "name": "x"}],
    }
    assert roles(data) == {
        ("province",): Role.PROVINCE_CODE,
        ("decisions", 0): Role.DOCUMENT_NUMBER,
        ("procedures", 0, "legal_basis", 0): Role.DOCUMENT_NUMBER,
        ("procedures", 0, "legal_basis", 1): Role.DOCUMENT_NUMBER,
        ("procedures", 0, "decision"): Role.DOCUMENT_NUMBER,
    }


def test_roles_of_a_units_file() -> None:
    data = {
        "kind": "units",
        "province": {"code": "1"},
        "communes": [
            {
                "code": "4",
                "formed_from": [{"code": "7"}, "odd"],
                "hamlets": [{"name": "Thôn 1", "former_names": [{"decision": "1/QD-UBND"}]}],
            },
            "not a commune",
        ],
    }
    assert roles(data) == {
        ("province", "code"): Role.PROVINCE_CODE,
        ("communes", 0, "code"): Role.COMMUNE_CODE,
        ("communes", 0, "formed_from", 0, "code"): Role.COMMUNE_CODE,
        ("communes", 0, "hamlets", 0, "former_names", 0, "decision"): Role.DOCUMENT_NUMBER,
    }
    assert roles(["not", "a", "mapping"]) == {}
    assert roles({"kind": "other", "province": "1"}) == {}


# ------------------------------------------------------------------------ values


def test_fix_text_applies_every_fix_in_order() -> None:
    fixed = fix_text(nfd(" Thuỷ\u00a0lợi  Qúy "), FMT_FIXES)
    assert fixed.text == "Thủy lợi Quý"
    assert [change.fix for change in fixed.changes] == [
        shipped.SPACES,
        shipped.NFC,
        shipped.MISPLACED_TONE,
        shipped.TONE_STYLE,
    ]
    assert fixed.changes[0].old == nfd(" Thuỷ\u00a0lợi  Qúy ")
    assert fixed.changes[-1].new == "Thủy lợi Quý"
    assert fixed.encoding is None


def test_fix_text_roles() -> None:
    assert fix_text(" 123/2015/ND-CP", FMT_FIXES, role=Role.DOCUMENT_NUMBER).text == (
        "123/2015/NĐ-CP"
    )
    # Outside document numbers, ND is just text.
    assert fix_text("123/2015/ND-CP", FMT_FIXES).text == "123/2015/ND-CP"
    assert fix_text("1", FMT_FIXES, role=Role.PROVINCE_CODE).text == "01"
    assert fix_text("194", FMT_FIXES, role=Role.COMMUNE_CODE).text == "00194"
    assert fix_text("1", FMT_FIXES).text == "1"


def test_fix_text_only_applies_the_fixes_asked_for() -> None:
    value = nfd("Thuỷ  lợi")
    assert fix_text(value, set()).text == value
    assert fix_text(value, {shipped.SPACES}).text == nfd("Thuỷ lợi")
    assert fix_text(value, {shipped.NFC}).text == "Thuỷ  lợi"
    assert fix_text(value, {shipped.TONE_STYLE}).text == "Thủy  " + nfd("lợi")


def test_encoding_is_fixed_only_when_asked_for() -> None:
    legacy = "Thñ tôc hµnh chÝnh"
    assert fix_text(legacy, FMT_FIXES).text == legacy
    fixed = fix_text(legacy, ALL)
    assert fixed.text == "Thủ tục hành chính"
    assert fixed.encoding == "TCVN3"
    assert fixed.changes[0].fix is shipped.ENCODING
    assert fixed.changes[0].detail == "TCVN3"
    # Converted text is then fixed like any other (here: the tone style).
    assert fix_text("Céng hoµ", ALL).text == "Cộng hòa"
    assert fix_text("Haø Noäi", ALL).text == "Hà Nội"


def test_block_values_get_character_fixes_only() -> None:
    value = "Thủ tục  hoà\u00a0giải\t x\n\u00a0 thuỷ\u200b lợi\n"
    fixed = fix_text(value, FMT_FIXES, block=True)
    # Double spaces, tabs and the leading non-breaking space are the author's layout.
    assert fixed.text == "Thủ tục  hòa giải\t x\n\u00a0 thủy lợi\n"
    assert fixed.text == fix_layout_text(value, FMT_FIXES).text


def test_layout_fix_of_source_text_keeps_line_breaks() -> None:
    source = "Nộp hồ sơ\r\n      tại  bộ\u00a0phận\tmột cửa  "
    fixed = fix_layout_text(source, FMT_FIXES, flow=True)
    assert fixed.text == "Nộp hồ sơ\r\n      tại bộ phận một cửa  "


_VIETNAMESE = st.lists(
    st.sampled_from(
        [
            *"aoeuyi qgd",
            "Q",
            "ò",
            "ó",
            "ủ",
            "ú",
            "í",
            "ỷ",
            "ẻ",
            "\u0300",
            "\u0301",
            "\u0309",
            "\u00a0",
            "\u200b",
            "\t",
            "\n",
            "  ",
            "ND",
            "/",
            "1",
            "Ð",
            "µ",
            "Ö",
            "é",
            "·",
        ]
    ),
    max_size=24,
).map("".join)


@settings(max_examples=500)
@given(
    _VIETNAMESE,
    st.sampled_from(list(Role)),
    st.sampled_from(list(ToneStyle)),
    st.booleans(),
    st.sampled_from([FMT_FIXES, ALL]),
)
def test_fix_text_is_idempotent(
    text: str, role: Role, style: ToneStyle, block: bool, fixes: frozenset[Fix]
) -> None:
    once = fix_text(text, fixes, role=role, tone_style=style, block=block)
    twice = fix_text(once.text, fixes, role=role, tone_style=style, block=block)
    assert twice.text == once.text
    assert twice.changes == ()
    assert (once.text == text) == (once.changes == ())


@settings(max_examples=300)
@given(_VIETNAMESE, st.sampled_from(list(ToneStyle)))
def test_fixed_text_is_clean_for_the_rules(text: str, style: ToneStyle) -> None:
    fixed = fix_text(text, FMT_FIXES, tone_style=style).text
    assert is_nfc(fixed)
    assert tt202_problems(fixed) == []
    other = SECOND if style is FIRST else FIRST
    assert tone_styles(fixed)[other] == 0


# ----------------------------------------------------------------- rules and fixes


def test_every_fixable_rule_has_a_fix_and_says_so() -> None:
    fixable = {rule.code for rule in REGISTRY if rule.fixable}
    assert fixable == {"TT109", "TT201", "TT202", "TT204", "TT205", "TT302", "TT303"}
    covered = {code for codes in FIX_RULES.values() for code in codes}
    assert fixable <= covered
    for rule in REGISTRY:
        if rule.fixable:
            assert "safe mechanical fix" in " ".join(rule.doc.split()) or rule.code == "TT204"


def test_fixes_for_rules() -> None:
    assert fixes_for_rules(["TT109", "TT201", "TT202", "TT204", "TT205"]) == {
        shipped.DOCUMENT_SYMBOL,
        shipped.NFC,
        shipped.SPACES,
        shipped.TONE_STYLE,
        shipped.MISPLACED_TONE,
    }
    assert fixes_for_rules(["TT202", "TT101"]) == {shipped.SPACES}
    assert fixes_for_rules([]) == frozenset()
    assert shipped.ENCODING not in FMT_FIXES
