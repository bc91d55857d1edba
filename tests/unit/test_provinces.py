"""Province names by code and date."""

from __future__ import annotations

import unicodedata

import pytest

from tthc_cli.domain.provinces import (
    PROVINCE_CODES_BEFORE_2025,
    PROVINCES_2025,
    PROVINCES_BEFORE_2025,
    province_name,
    short_province_name,
)


@pytest.mark.parametrize(
    ("code", "effective", "name"),
    [
        ("48", None, "Thành phố Đà Nẵng"),
        ("48", "2024-07-01", "Thành phố Đà Nẵng"),
        # Merged provinces kept one member's code: before the reform it meant that member.
        ("52", "2024-07-01", "Tỉnh Bình Định"),
        ("52", "2025-07-01", "Tỉnh Gia Lai"),
        ("80", "2025-06-30", "Tỉnh Long An"),
        ("80", "2025-07-01", "Tỉnh Tây Ninh"),
        ("64", "2025-07-01", None),
        ("99", None, None),
    ],
)
def test_name_on_a_date(code: str, effective: str | None, name: str | None) -> None:
    assert province_name(code, effective) == name


def test_short_names() -> None:
    assert short_province_name("Thành phố Hồ Chí Minh") == "Hồ Chí Minh"
    assert short_province_name("Tỉnh Đắk Lắk") == "Đắk Lắk"


def test_tables_are_complete_and_nfc() -> None:
    assert len(PROVINCES_BEFORE_2025) == 63
    assert len(PROVINCES_2025) == 34
    assert set(PROVINCES_2025) <= PROVINCE_CODES_BEFORE_2025
    for name in [*PROVINCES_BEFORE_2025.values(), *PROVINCES_2025.values()]:
        assert unicodedata.is_normalized("NFC", name)
