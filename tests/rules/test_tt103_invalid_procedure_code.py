"""TT103 invalid-procedure-code."""

from __future__ import annotations

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages


def _with_code(code: str) -> str:
    return CATALOG_HEAD + PROCEDURE.replace('"1.001193"', f'"{code}"')


@pytest.mark.parametrize(
    "code", ["1.001193", "1.001193.000.00.00.H48", "1.012753.H19", "2.000815.000.00.00.H55"]
)
def test_national_codes_pass(code: str) -> None:
    assert hits(_with_code(code), "TT103") == []


@pytest.mark.parametrize(
    "code",
    [
        "1.1193",  # digits missing
        "1.001193 ",  # trailing space
        " 1.001193",  # leading space
        "1.000894.01",  # an online-service code, not a procedure code
        "A.001193",  # letter instead of the first digit
        "1.0011934",  # one digit too many
        "1,001193",  # comma
        "1.001193.H4",  # short provincial suffix
        "1.001193.000.00.00.h48",  # lower-case h
    ],
)
def test_malformed_codes_are_reported(code: str) -> None:
    text = _with_code(code)
    assert hits(text, "TT103") == [(6, 11)]
    (message,) = messages(text, "TT103")
    assert f"code {code!r} is not a national procedure code" in message
    assert "D.NNNNNN" in message


def test_every_bad_code_is_reported() -> None:
    second = PROCEDURE.replace('"1.001193"', '"1.1193"').replace("khai sinh", "kết hôn")
    text = CATALOG_HEAD + PROCEDURE.replace('"1.001193"', '"A.001193"') + second
    assert hits(text, "TT103") == [(6, 11), (14, 11)]


def test_code_of_the_wrong_type_or_empty_is_left_to_tt005() -> None:
    assert hits(CATALOG_HEAD + PROCEDURE.replace('"1.001193"', "2.000720"), "TT103") == []
    assert hits(_with_code(""), "TT103") == []
