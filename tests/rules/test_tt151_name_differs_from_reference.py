"""TT151 name-differs-from-reference."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from helpers import catalog, checked, reference

NATIONAL = catalog(
    [
        {"code": "1.001193", "name": "Đăng ký khai sinh"},
        {"code": "2.000635", "name": "Công nhận hòa giải viên"},
        {"code": "1.000001", "name": "Cấp phép khai thác thủy sản ở Mỹ Hòa"},
    ],
    province="00",
)


def _found(tmp_path: Path, *procedures: dict[str, object]) -> list[tuple[int, str]]:
    ref = reference(tmp_path / "ref", NATIONAL)
    return [(f.line, f.message) for f in checked(catalog(procedures), ref, "TT151")]


def test_normalization_differences_do_not_count(tmp_path: Path) -> None:
    assert (
        _found(
            tmp_path,
            {"code": "1.001193", "name": unicodedata.normalize("NFD", "ĐĂNG KÝ  khai sinh")},
            {"code": "2.000635", "name": "Thủ tục công nhận hoà giải viên"},
            {"code": "1.000001", "name": "Cấp phép khai thác thuỷ sản ở Mỹ Hoà."},
        )
        == []
    )


def test_a_different_tone_is_a_different_name(tmp_path: Path) -> None:
    found = _found(tmp_path, {"code": "1.000001", "name": "Cấp phép khai thác thủy sản ở Mỹ Hóa"})
    assert len(found) == 1
    line, message = found[0]
    assert line == 8
    assert message.startswith(
        "name “Cấp phép khai thác thủy sản ở Mỹ Hóa” differs from the reference's "
        "“Cấp phép khai thác thủy sản ở Mỹ Hòa” ("
    )
    assert message.endswith("ref0.yaml:13)")


def test_the_reference_name_is_offered_not_applied(tmp_path: Path) -> None:
    ref = reference(tmp_path / "ref", NATIONAL)
    text = catalog([{"code": "1.001193.000.00.00.H48", "name": "Đăng kí khai sinh"}])
    (finding,) = checked(text, ref, "TT151")
    assert finding.suggestion is not None
    assert finding.suggestion.replacement == "Đăng ký khai sinh"
    assert finding.suggestion.description == "take the reference name: Đăng ký khai sinh"
    assert not finding.fixable


def test_fmt_does_not_take_the_reference_name(tmp_path: Path) -> None:
    from tthc_cli.validation.fixable import all_fixes, default_fixes
    from tthc_cli.validation.rules import get

    rule = get("TT151")
    assert rule is not None
    assert rule.fix is None
    assert rule.offer == "take the reference name"
    assert all(fix not in default_fixes() for fix in all_fixes() if fix.name == "name")


def test_unknown_codes_are_left_to_tt150(tmp_path: Path) -> None:
    assert _found(tmp_path, {"code": "3.000412", "name": "Khác hẳn"}) == []
