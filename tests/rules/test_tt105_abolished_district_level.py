"""TT105 abolished-district-level."""

from __future__ import annotations

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages


def _catalog(level: str, effective: str) -> str:
    head = CATALOG_HEAD.replace("level: xa", f"level: {level}")
    return head.replace("effective: 2025-07-01", f"effective: {effective}") + PROCEDURE


@pytest.mark.parametrize("effective", ["2025-07-01", "2026-01-01"])
def test_district_level_from_the_reform_is_reported_at_level(effective: str) -> None:
    text = _catalog("huyen", effective)
    assert hits(text, "TT105") == [(3, 8)]
    (message,) = messages(text, "TT105")
    assert f"level huyen no longer exists on {effective}" in message
    assert "abolished on 2025-07-01" in message
    assert "use xa or tinh" in message


@pytest.mark.parametrize("effective", ["2024-07-01", "2025-06-30"])
def test_district_level_before_the_reform_passes(effective: str) -> None:
    assert hits(_catalog("huyen", effective), "TT105") == []


@pytest.mark.parametrize("level", ["xa", "tinh"])
def test_other_levels_pass(level: str) -> None:
    assert hits(_catalog(level, "2025-07-01"), "TT105") == []


@pytest.mark.parametrize("effective", ["2025-02-30", "01/07/2025", "2025"])
def test_invalid_dates_are_left_to_tt301(effective: str) -> None:
    assert hits(_catalog("huyen", effective), "TT105") == []


def test_quoted_date_is_the_same() -> None:
    assert hits(_catalog("huyen", '"2025-07-01"'), "TT105") == [(3, 8)]
