"""TT302 invalid-province-code."""

from __future__ import annotations

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD, hits, messages


def _catalog(province: str, effective: str = "2025-07-01") -> str:
    head = CATALOG_HEAD.replace('"48"', f'"{province}"')
    return head.replace("effective: 2025-07-01", f"effective: {effective}") + PROCEDURE


def _units(province: str, effective: str = "2025-07-01") -> str:
    head = UNITS_HEAD.replace('code: "48"', f'code: "{province}"')
    head = head.replace("effective: 2025-07-01", f"effective: {effective}")
    return head + '  - {code: "20194", name: Phường Hải Vân}\n'


@pytest.mark.parametrize("province", ["01", "48", "79", "96"])
def test_provinces_from_2025_pass(province: str) -> None:
    assert hits(_catalog(province), "TT302") == []
    assert hits(_units(province), "TT302") == []


@pytest.mark.parametrize("province", ["4", "1", "048", "4a", ""])
def test_code_must_be_two_digits(province: str) -> None:
    text = _catalog(province)
    assert hits(text, "TT302") == [(2, 11)]
    assert messages(text, "TT302") == [
        f'province code {province!r} must be exactly 2 digits, e.g. "48"'
    ]


def test_code_32_is_not_a_province_from_2025() -> None:
    text = _catalog("32")
    assert hits(text, "TT302") == [(2, 11)]
    assert messages(text, "TT302") == ["province code '32' is not a province from 2025-07-01"]


def test_merged_province_is_valid_only_before_2025() -> None:
    assert hits(_catalog("35", "2024-07-01"), "TT302") == []
    assert hits(_catalog("35", "2025-06-30"), "TT302") == []
    assert messages(_catalog("35", "2025-07-01"), "TT302") == [
        "province code '35' is not a province from 2025-07-01"
    ]


def test_code_that_never_existed_before_2025() -> None:
    assert messages(_catalog("32", "2024-07-01"), "TT302") == [
        "province code '32' is not a province before 2025-07-01"
    ]


def test_invalid_date_is_judged_as_no_date() -> None:
    # 01/07/2024 is TT301's finding; it must not be compared as text with 2025-07-01.
    assert hits(_catalog("35", "01/07/2026"), "TT302") == [(2, 11)]
    assert hits(_catalog("48", "01/07/2024"), "TT302") == []


def test_units_province_code() -> None:
    text = _units("32")
    assert hits(text, "TT302") == [(2, 18)]
    assert "'32'" in messages(text, "TT302")[0]
    assert hits(_units("35", "2024-07-01"), "TT302") == []


def test_unquoted_code_is_left_to_tt005() -> None:
    text = CATALOG_HEAD.replace('"48"', "48") + PROCEDURE
    assert hits(text, "TT302") == []
