"""TT153 time-limit-longer-than-reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import catalog, checked, reference


def _found(tmp_path: Path, theirs: object, mine: object) -> list[str]:
    ref = reference(
        tmp_path / "ref",
        catalog([{"code": "1.001193", "name": "Đăng ký khai sinh", "time_limit": theirs}]),
    )
    text = catalog([{"code": "1.001193", "name": "Đăng ký khai sinh", "time_limit": mine}])
    return [f"{f.line}:{f.column} {f.message}" for f in checked(text, ref, "TT153")]


def _limit(value: int, unit: str = "working-days") -> dict[str, object]:
    return {"value": value, "unit": unit}


def test_longer_in_the_same_unit(tmp_path: Path) -> None:
    found = _found(tmp_path, _limit(1), _limit(3))
    assert len(found) == 1
    assert found[0].startswith(
        "9:17 time limit 3 working-days is longer than the reference's 1 working-days ("
    )


@pytest.mark.parametrize(
    ("theirs", "mine"),
    [
        (_limit(3), _limit(3)),
        (_limit(3), _limit(0)),
        (_limit(5, "calendar-days"), _limit(5)),  # 5 working days may be 7 calendar days
        (_limit(3), _limit(5, "calendar-days")),  # cannot be told without a calendar
        (None, _limit(5)),
    ],
)
def test_not_longer_or_not_comparable(tmp_path: Path, theirs: object, mine: object) -> None:
    assert _found(tmp_path, theirs, mine) == []


def test_more_working_days_than_calendar_days_is_longer(tmp_path: Path) -> None:
    assert len(_found(tmp_path, _limit(5, "calendar-days"), _limit(6))) == 1


def test_unstated_limit_is_not_compared(tmp_path: Path) -> None:
    ref = reference(
        tmp_path / "ref",
        catalog([{"code": "1.001193", "name": "Đăng ký khai sinh", "time_limit": _limit(1)}]),
    )
    text = catalog([{"code": "1.001193", "name": "Đăng ký khai sinh"}])
    assert checked(text, ref, "TT153") == []
