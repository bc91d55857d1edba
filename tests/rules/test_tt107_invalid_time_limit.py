"""TT107 invalid-time-limit."""

from __future__ import annotations

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages


def _with_limit(limit: str) -> str:
    return CATALOG_HEAD + PROCEDURE.replace("{value: 1, unit: working-days}", limit)


@pytest.mark.parametrize(
    "limit",
    [
        "{value: 1, unit: working-days}",
        "{value: 0, unit: calendar-days}",
        "{value: 2.0, unit: working-days}",
        "{value: 15, unit: calendar-days, note: Kể từ ngày nhận đủ hồ sơ}",
    ],
)
def test_valid_time_limits_pass(limit: str) -> None:
    assert hits(_with_limit(limit), "TT107") == []


def test_negative_value() -> None:
    text = _with_limit("{value: -3, unit: working-days}")
    assert hits(text, "TT107") == [(10, 25)]
    assert messages(text, "TT107") == ["time limit -3 is negative"]


def test_fractional_value() -> None:
    text = _with_limit("{value: 1.5, unit: working-days}")
    assert hits(text, "TT107") == [(10, 25)]
    (message,) = messages(text, "TT107")
    assert "1.5 is not a whole number of days" in message
    assert "`note`" in message


def test_vietnamese_working_days_suggests_working_days() -> None:
    text = _with_limit("{value: 3, unit: ngày làm việc}")
    assert hits(text, "TT107") == [(10, 34)]
    assert messages(text, "TT107") == [
        "unknown time-limit unit 'ngày làm việc'; expected working-days or calendar-days "
        "(did you mean `working-days`?)"
    ]


def test_vietnamese_days_suggests_calendar_days() -> None:
    text = _with_limit("{value: 3, unit: ngày}")
    assert "did you mean `calendar-days`?" in messages(text, "TT107")[0]


def test_underscore_spelling_gets_a_suggestion() -> None:
    text = _with_limit("{value: 3, unit: working_days}")
    assert "did you mean `working-days`?" in messages(text, "TT107")[0]


def test_unknown_unit_without_a_suggestion() -> None:
    text = _with_limit("{value: 3, unit: hours}")
    assert hits(text, "TT107") == [(10, 34)]
    (message,) = messages(text, "TT107")
    assert "unknown time-limit unit 'hours'" in message
    assert "did you mean" not in message


def test_value_and_unit_both_wrong() -> None:
    text = _with_limit("{value: -1.5, unit: days}")
    assert hits(text, "TT107") == [(10, 25), (10, 37)]
    assert messages(text, "TT107")[0] == "time limit -1.5 is negative"


def test_wrong_types_are_left_to_tt005() -> None:
    assert hits(_with_limit("{value: '5', unit: working-days}"), "TT107") == []
    assert hits(_with_limit("{value: true, unit: working-days}"), "TT107") == []
    assert hits(_with_limit('"5 ngày"'), "TT107") == []
