"""TT301 invalid-date."""

from __future__ import annotations

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD, hits, messages


def _effective(value: str) -> str:
    return CATALOG_HEAD.replace("effective: 2025-07-01", f"effective: {value}") + PROCEDURE


@pytest.mark.parametrize("value", ["2025-07-01", "2024-02-29", '"2025-07-01"', "2000-02-29"])
def test_real_dates_pass(value: str) -> None:
    assert hits(_effective(value), "TT301") == []


@pytest.mark.parametrize(
    "value",
    [
        "2025-02-30",
        "2025-02-29",
        "1900-02-29",
        "2025-13-01",
        "01/07/2025",
        "2025-7-1",
        "2025-07-01T00:00:00",
    ],
)
def test_impossible_or_misformatted_dates(value: str) -> None:
    text = _effective(value)
    assert hits(text, "TT301") == [(4, 12)]
    assert messages(text, "TT301") == [
        f"{value!r} is not a valid date; write YYYY-MM-DD, e.g. 2025-07-01"
    ]


def test_unquoted_year_is_a_number_not_a_date() -> None:
    text = _effective("2025")
    assert hits(text, "TT301") == [(4, 12)]
    assert messages(text, "TT301") == ["2025 is not a date; write YYYY-MM-DD, e.g. 2025-07-01"]


def test_missing_date_is_left_to_tt005() -> None:
    assert hits(_effective(""), "TT301") == []


def test_units_effective_is_checked() -> None:
    text = (
        UNITS_HEAD.replace("2025-07-01", "30/02/2025")
        + '  - {code: "20194", name: Phường Hải Vân}\n'
    )
    assert hits(text, "TT301") == [(3, 12)]


def test_former_name_dates_in_a_units_file() -> None:
    text = UNITS_HEAD + (
        '  - code: "20194"\n'
        "    name: Phường Hải Vân\n"
        "    hamlets:\n"
        "      - name: Tổ dân phố 1\n"
        "        former_names:\n"
        "          - {name: Tổ 1, date: 2019-12-31}\n"
        "          - {name: Tổ 1A, date: 2019-02-29}\n"
        "    streets:\n"
        "      - name: Đường Nguyễn Tất Thành\n"
        "        former_names: [{name: Đường 1, date: 15/3/2020}]\n"
    )
    assert hits(text, "TT301") == [(11, 33), (14, 46)]
    assert "'2019-02-29'" in messages(text, "TT301")[0]
