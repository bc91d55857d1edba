"""TT101 duplicate-code."""

from __future__ import annotations

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages


def test_unique_codes_pass() -> None:
    second = PROCEDURE.replace("1.001193", "1.000894").replace("khai sinh", "kết hôn")
    assert hits(CATALOG_HEAD + PROCEDURE + second, "TT101") == []


def test_repeated_code_is_reported_at_second_occurrence() -> None:
    second = PROCEDURE.replace("khai sinh", "lại khai sinh")
    assert hits(CATALOG_HEAD + PROCEDURE + second, "TT101") == [(14, 11)]
    assert messages(CATALOG_HEAD + PROCEDURE + second, "TT101") == [
        "code 1.001193 is already used at line 6"
    ]


def test_local_suffix_is_the_same_procedure() -> None:
    second = PROCEDURE.replace('"1.001193"', '"1.001193.000.00.00.H48"')
    assert hits(CATALOG_HEAD + PROCEDURE + second, "TT101") == [(14, 11)]


def test_a_longer_code_is_not_the_same_procedure() -> None:
    second = PROCEDURE.replace('"1.001193"', '"1.0011934"').replace("khai sinh", "kết hôn")
    assert hits(CATALOG_HEAD + PROCEDURE + second, "TT101") == []
