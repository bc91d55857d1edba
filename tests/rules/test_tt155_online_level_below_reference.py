"""TT155 online-level-below-reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import catalog, checked, reference


def _found(tmp_path: Path, theirs: str | None, mine: str | None) -> list[str]:
    def item(online: str | None) -> dict[str, object]:
        base: dict[str, object] = {"code": "1.001193", "name": "Đăng ký khai sinh"}
        return base | ({"online": online} if online is not None else {})

    ref = reference(tmp_path / "ref", catalog([item(theirs)]))
    # Written by hand: the `available` value may not be in this version's schema yet.
    return [
        f"{f.line}:{f.column} {f.message}" for f in checked(catalog([item(mine)]), ref, "TT155")
    ]


@pytest.mark.parametrize(
    ("theirs", "mine"),
    [("full", "partial"), ("full", "none"), ("partial", "none")],
)
def test_lower_levels(tmp_path: Path, theirs: str, mine: str) -> None:
    (found,) = _found(tmp_path, theirs, mine)
    assert found.startswith(f"9:13 online level {mine} is below the reference's {theirs} (")


@pytest.mark.parametrize(
    ("theirs", "mine"),
    [
        ("full", "full"),
        ("partial", "full"),
        ("none", "partial"),
        ("full", None),
        (None, "none"),
        ("full", "available"),
        ("available", "none"),
    ],
)
def test_same_higher_or_unknown(tmp_path: Path, theirs: str | None, mine: str | None) -> None:
    assert _found(tmp_path, theirs, mine) == []
