"""TT106 invalid-fee."""

from __future__ import annotations

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages


def _with_fees(fees: str) -> str:
    return CATALOG_HEAD + PROCEDURE.replace("fees: []", f"fees: {fees}")


@pytest.mark.parametrize(
    "fees",
    [
        "[]",
        "[{name: Lệ phí, amount: 8000}]",
        "[{name: Lệ phí, amount: 0}]",
        "[{name: Lệ phí, note: Do HĐND tỉnh quy định}]",
    ],
)
def test_valid_fees_pass(fees: str) -> None:
    assert hits(_with_fees(fees), "TT106") == []


def test_negative_and_fractional_amounts() -> None:
    text = _with_fees("[{name: Lệ phí, amount: -8000}, {name: Phí, amount: 8000.5}]")
    assert hits(text, "TT106") == [(11, 35), (11, 63)]
    assert messages(text, "TT106") == [
        "fee amount -8000 is negative",
        "fee amount 8000.5 is not written as a whole number of đồng",
    ]


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (
            "50.000",
            "fee amount 50.000 is read as 50 đồng; if the dots separate thousands, write 50000",
        ),
        ("8000.0", "fee amount 8000.0 is not written as a whole number of đồng"),
        ("1.5e4", "fee amount 1.5e4 is not written as a whole number of đồng"),
    ],
)
def test_amounts_written_with_a_decimal_point(amount: str, message: str) -> None:
    assert messages(_with_fees(f"[{{name: Lệ phí, amount: {amount}}}]"), "TT106") == [message]


def test_negative_fraction_is_reported_once_as_negative() -> None:
    text = _with_fees("[{name: Phí, amount: -0.5}]")
    assert messages(text, "TT106") == ["fee amount -0.5 is negative"]


def test_not_a_number_is_not_a_whole_number() -> None:
    assert hits(_with_fees("[{name: Phí, amount: .nan}]"), "TT106") == [(11, 32)]


def test_block_style_position() -> None:
    fees = "\n      - name: Lệ phí\n        amount: -5000\n        note: Miễn khi nộp trực tuyến"
    assert hits(_with_fees(fees), "TT106") == [(13, 17)]


def test_amount_of_the_wrong_type_is_left_to_tt005() -> None:
    assert hits(_with_fees("[{name: Phí, amount: '8000'}]"), "TT106") == []
    assert hits(_with_fees("[{name: Phí, amount: true}]"), "TT106") == []
