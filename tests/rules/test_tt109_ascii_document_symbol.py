"""TT109 ascii-document-symbol."""

from __future__ import annotations

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages

BASIS = '["60/2014/QH13", "123/2015/NĐ-CP"]'


def _with_basis(*numbers: str) -> str:
    listed = ", ".join(f'"{number}"' for number in numbers)
    return CATALOG_HEAD + PROCEDURE.replace(BASIS, f"[{listed}]")


@pytest.mark.parametrize(
    "number",
    [
        "123/2015/NĐ-CP",
        "1390/QĐ-UBND",
        "43/2025/NQ-HĐND",
        "47/2009/TTLT-BTC-BLĐTBXH",
        "267/VPCP-TTĐT",
        "60/2014/QH13",
        "15/2020/QĐ-TTg",
        "07/2025/TT-BTP",
    ],
)
def test_correct_symbols_pass(number: str) -> None:
    assert hits(_with_basis(number), "TT109") == []


@pytest.mark.parametrize(
    ("written", "correct"),
    [
        ("123/2015/ND-CP", "123/2015/NĐ-CP"),
        ("1390/QD-UBND", "1390/QĐ-UBND"),
        ("43/2025/NQ-HDND", "43/2025/NQ-HĐND"),
        ("15/2020/QD-TTg", "15/2020/QĐ-TTg"),
        ("47/2009/TTLT-BTC-BLDTBXH", "47/2009/TTLT-BTC-BLĐTBXH"),
        ("267/VPCP-TTDT", "267/VPCP-TTĐT"),
    ],
)
def test_ascii_d_is_reported_with_the_correct_spelling(written: str, correct: str) -> None:
    text = _with_basis(written)
    assert hits(text, "TT109") == [(13, 19)]
    assert messages(text, "TT109") == [f"write {correct!r} instead of {written!r} (Đ, not D)"]


def test_icelandic_eth_look_alike() -> None:
    written = "123/2015/N\u00d0-CP"
    text = _with_basis(written)
    assert hits(text, "TT109") == [(13, 19)]
    (message,) = messages(text, "TT109")
    assert "'123/2015/NĐ-CP'" in message
    assert "\u0110" in message


def test_ubnd_is_not_mistaken_for_nd() -> None:
    assert hits(_with_basis("1390/QĐ-UBND", "12/CT-UBND"), "TT109") == []


def test_only_the_wrong_entry_is_reported() -> None:
    text = _with_basis("60/2014/QH13", "123/2015/ND-CP")
    assert hits(text, "TT109") == [(13, 35)]


def test_catalog_decisions_are_checked() -> None:
    head = CATALOG_HEAD.replace("procedures:\n", 'decisions: ["1390/QD-UBND"]\nprocedures:\n')
    assert hits(head + PROCEDURE, "TT109") == [(5, 13)]
    assert "'1390/QĐ-UBND'" in messages(head + PROCEDURE, "TT109")[0]


def test_other_fields_are_not_checked() -> None:
    text = CATALOG_HEAD + PROCEDURE + "    notes: Theo 123/2015/ND-CP\n"
    assert hits(text, "TT109") == []
