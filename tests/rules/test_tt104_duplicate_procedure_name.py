"""TT104 duplicate-procedure-name."""

from __future__ import annotations

import unicodedata

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _catalog(*entries: tuple[str, str]) -> str:
    body = "".join(
        PROCEDURE.replace('"1.001193"', f'"{code}"').replace("Đăng ký khai sinh", name)
        for code, name in entries
    )
    return CATALOG_HEAD + body


def test_different_names_pass() -> None:
    assert (
        hits(_catalog(("1.001193", "Đăng ký khai sinh"), ("1.000894", "Đăng ký kết hôn")), "TT104")
        == []
    )


def test_leading_thu_tuc_is_not_counted() -> None:
    text = _catalog(("1.000894", "Thủ tục đăng ký kết hôn"), ("1.004746", "Đăng ký kết hôn"))
    assert hits(text, "TT104") == [(15, 11)]
    assert messages(text, "TT104") == ["name is also used by code 1.000894 at line 7"]


def test_an_added_word_is_a_different_procedure() -> None:
    text = _catalog(("1.000894", "Đăng ký kết hôn"), ("1.004746", "Đăng ký lại kết hôn"))
    assert hits(text, "TT104") == []


def test_nfd_and_nfc_names_match() -> None:
    text = _catalog(("1.000894", _nfd("Đăng ký kết hôn")), ("1.004746", "Đăng ký kết hôn"))
    assert hits(text, "TT104") == [(15, 11)]


def test_tone_placement_variants_match() -> None:
    text = _catalog(
        ("1.000001", "Công nhận hòa giải viên"),
        ("1.000002", "Công nhận hoà giải viên"),
        ("1.000003", "Cấp phép khai thác thủy sản"),
        ("1.000004", "Cấp phép khai thác thuỷ sản"),
    )
    assert hits(text, "TT104") == [(15, 11), (31, 11)]
    assert messages(text, "TT104") == [
        "name is also used by code 1.000001 at line 7",
        "name is also used by code 1.000003 at line 23",
    ]


def test_case_spacing_and_punctuation_do_not_count() -> None:
    text = _catalog(("1.000894", "Đăng ký kết hôn"), ("1.004746", "ĐĂNG KÝ  KẾT HÔN."))
    assert hits(text, "TT104") == [(15, 11)]


def test_a_different_tone_is_a_different_name() -> None:
    text = _catalog(("1.000001", "Thôn Phú Thượng"), ("1.000002", "Thôn Phú Thương"))
    assert hits(text, "TT104") == []
    text = _catalog(("1.000001", "Đăng ký Mỹ Hòa"), ("1.000002", "Đăng ký Mỹ Hóa"))
    assert hits(text, "TT104") == []


def test_missing_diacritics_are_a_different_name() -> None:
    text = _catalog(("1.000894", "Đăng ký kết hôn"), ("1.004746", "Dang ky ket hon"))
    assert hits(text, "TT104") == []


def test_same_code_with_a_local_suffix_is_left_to_tt101() -> None:
    text = _catalog(("1.000894", "Đăng ký kết hôn"), ("1.000894.000.00.00.H48", "Đăng ký kết hôn"))
    assert hits(text, "TT104") == []


def test_third_use_names_the_first() -> None:
    text = _catalog(
        ("1.000001", "Đăng ký kết hôn"),
        ("1.000002", "Thủ tục đăng ký kết hôn"),
        ("1.000003", "Đăng ký kết hôn"),
    )
    assert hits(text, "TT104") == [(15, 11), (23, 11)]
    assert all("code 1.000001 at line 7" in m for m in messages(text, "TT104"))
