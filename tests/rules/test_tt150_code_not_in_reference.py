"""TT150 code-not-in-reference."""

from __future__ import annotations

from pathlib import Path

from helpers import catalog, checked, reference

NATIONAL = catalog(
    [
        {"code": "1.001193", "name": "Đăng ký khai sinh"},
        {"code": "1.000894", "name": "Đăng ký kết hôn"},
        {"code": "2.000635", "name": "Công nhận hòa giải viên"},
    ],
    province="00",
)


def _messages(tmp_path: Path, text: str) -> list[str]:
    return [f.message for f in checked(text, reference(tmp_path / "ref", NATIONAL), "TT150")]


def test_known_codes_pass_local_suffix_included(tmp_path: Path) -> None:
    text = catalog(
        [
            {"code": "1.001193", "name": "Đăng ký khai sinh"},
            {"code": "1.000894.000.00.00.H48", "name": "Đăng ký kết hôn"},
        ]
    )
    assert _messages(tmp_path, text) == []


def test_unknown_code_with_the_same_name_names_its_code(tmp_path: Path) -> None:
    # The name matches whatever its tone placement: hoà is hòa.
    text = catalog([{"code": "1.999999", "name": "Thủ tục công nhận hoà giải viên"}])
    assert _messages(tmp_path, text) == [
        "code 1.999999 is not in the reference list (the reference lists this name as 2.000635)"
    ]


def test_unknown_code_suggests_the_nearest_code(tmp_path: Path) -> None:
    text = catalog([{"code": "1.001139", "name": "Cấp giấy phép xây dựng"}])
    found = checked(text, reference(tmp_path / "ref", NATIONAL), "TT150")
    assert [(f.line, f.column) for f in found] == [(7, 11)]
    assert found[0].message == (
        "code 1.001139 is not in the reference list (did you mean 1.001193 “Đăng ký khai sinh”?)"
    )


def test_unknown_code_suggests_by_name_when_no_code_is_near(tmp_path: Path) -> None:
    text = catalog([{"code": "3.000412", "name": "Đăng ký kết hôn lại"}])
    assert _messages(tmp_path, text) == [
        "code 3.000412 is not in the reference list (did you mean 1.000894 “Đăng ký kết hôn”?)"
    ]


def test_nothing_near_gives_no_hint(tmp_path: Path) -> None:
    text = catalog([{"code": "3.000412", "name": "Cấp phép khai thác khoáng sản"}])
    assert _messages(tmp_path, text) == ["code 3.000412 is not in the reference list"]


def test_no_reference_no_findings() -> None:
    assert checked(catalog([{"code": "3.000412", "name": "X"}]), None, "TT150") == []


def test_invalid_codes_are_left_to_tt103(tmp_path: Path) -> None:
    assert _messages(tmp_path, catalog([{"code": "abc", "name": "Không rõ"}])) == []


def test_a_province_the_reference_does_not_cover_is_not_checked(tmp_path: Path) -> None:
    provincial = catalog([{"code": "1.001193", "name": "Đăng ký khai sinh"}], province="48")
    ref = reference(tmp_path / "ref", provincial)
    assert checked(catalog([{"code": "3.000412", "name": "X"}], province="01"), ref, "TT150") == []
    assert len(checked(catalog([{"code": "3.000412", "name": "X"}]), ref, "TT150")) == 1


def test_inline_ignore(tmp_path: Path) -> None:
    text = catalog([{"code": "3.000412", "name": "X"}]).replace(
        'code: "3.000412"', 'code: "3.000412"  # tthc: ignore[TT150]'
    )
    assert _messages(tmp_path, text) == []
