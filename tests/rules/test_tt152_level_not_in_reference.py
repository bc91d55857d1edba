"""TT152 level-not-in-reference."""

from __future__ import annotations

from pathlib import Path

from helpers import catalog, checked, reference


def test_a_province_level_procedure_in_a_commune_list(tmp_path: Path) -> None:
    ref = reference(
        tmp_path / "ref",
        catalog([{"code": "1.008891", "name": "Cấp giấy phép"}], level="tinh", province="00"),
        catalog([{"code": "1.001193", "name": "Đăng ký khai sinh"}], level="xa", province="00"),
    )
    text = catalog(
        [
            {"code": "1.001193", "name": "Đăng ký khai sinh"},
            {"code": "1.008891.000.00.00.H48", "name": "Cấp giấy phép"},
        ]
    )
    found = checked(text, ref, "TT152")
    assert [(f.line, f.column, f.message) for f in found] == [
        (10, 11, "the reference publishes 1.008891.000.00.00.H48 at level tinh, not xa")
    ]


def test_a_procedure_published_at_both_levels_passes_at_either(tmp_path: Path) -> None:
    ref = reference(
        tmp_path / "ref",
        catalog([{"code": "1.000894", "name": "Đăng ký kết hôn"}], level="tinh", province="00"),
        catalog([{"code": "1.000894", "name": "Đăng ký kết hôn"}], level="xa", province="00"),
    )
    for level in ("tinh", "xa"):
        text = catalog([{"code": "1.000894", "name": "Đăng ký kết hôn"}], level=level)
        assert checked(text, ref, "TT152") == []


def test_only_the_latest_reference_snapshot_counts(tmp_path: Path) -> None:
    ref = reference(
        tmp_path / "ref",
        catalog(
            [{"code": "1.000894", "name": "Đăng ký kết hôn"}],
            level="xa",
            province="48",
            effective="2024-01-01",
        ),
        catalog([{"code": "1.001193", "name": "Đăng ký khai sinh"}], level="xa", province="48"),
        catalog([{"code": "1.000894", "name": "Đăng ký kết hôn"}], level="tinh", province="48"),
    )
    text = catalog([{"code": "1.000894", "name": "Đăng ký kết hôn"}])
    assert [f.message for f in checked(text, ref, "TT152")] == [
        "the reference publishes 1.000894 at level tinh, not xa"
    ]
