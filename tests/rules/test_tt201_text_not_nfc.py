"""TT201 text-not-nfc."""

from __future__ import annotations

import unicodedata

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD, hits, messages, run


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _named(name: str) -> str:
    return CATALOG_HEAD + PROCEDURE.replace("Đăng ký khai sinh", name)


@pytest.mark.parametrize("name", ["Đăng ký khai sinh", "Xã Hòa Vang", "Xã Hoà Vang", "Thủy Lợi"])
def test_nfc_text_passes(name: str) -> None:
    assert hits(_named(name), "TT201") == []


def test_ascii_text_passes() -> None:
    assert hits(_named("Dang ky khai sinh"), "TT201") == []


@pytest.mark.parametrize(
    "name", ["Đăng ký khai sinh", "Xã Hòa Vang", "Xã Hoà Vang", "Thôn Thuỷ Lợi"]
)
def test_nfd_text_is_reported(name: str) -> None:
    text = _named(_nfd(name))
    assert hits(text, "TT201") == [(7, 11)]
    assert messages(text, "TT201") == ["text is not in Unicode NFC form (decomposed accents)"]


def test_nfd_without_any_change_from_d_stroke_passes() -> None:
    # Đ/đ have no decomposition: the NFD form of "Đ" is "Đ".
    assert _nfd("Đ") == "Đ"
    assert hits(_named(_nfd("Đ")), "TT201") == []


def test_quoted_and_list_values_are_checked() -> None:
    text = (
        CATALOG_HEAD
        + PROCEDURE.replace("Hộ tịch", f'"{_nfd("Hộ tịch")}"')
        + (f"    subjects: [Công dân, {_nfd('Người nước ngoài')}]\n")
    )
    assert hits(text, "TT201") == [(8, 12), (14, 26)]


def test_every_value_in_a_units_file() -> None:
    text = UNITS_HEAD + (
        '  - code: "20194"\n'
        f"    name: {_nfd('Phường Hải Vân')}\n"
        "    hamlets:\n"
        f"      - {{name: Thôn 1, from: {_nfd('Xã Hòa Bắc')}}}\n"
    )
    assert hits(text, "TT201") == [(6, 11), (8, 30)]


def test_mixed_nfc_and_nfd_value_is_reported() -> None:
    assert hits(_named("Đăng ký " + _nfd("khai sinh ở Hòa Vang")), "TT201") == [(7, 11)]


def test_combining_mark_that_has_no_precomposed_form_passes() -> None:
    # NFC leaves it decomposed, so there is nothing to fix.
    value = "Ký hiệu x\u0301"
    assert unicodedata.is_normalized("NFC", value)
    assert hits(_named(value), "TT201") == []


def test_nfd_value_is_one_finding_per_value() -> None:
    text = _named(_nfd("Đăng ký khai sinh"))
    assert [f.rule for f in run(text, select="TT201")] == ["TT201"]
