"""TT203 legacy-encoding."""

from __future__ import annotations

import unicodedata

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages


def _named(name: str) -> str:
    return CATALOG_HEAD + PROCEDURE.replace("Đăng ký khai sinh", name)


@pytest.mark.parametrize(
    "name",
    [
        "Thủ tục hành chính",
        "Đăng ký khai sinh",
        "Xã Hòa Vang",
        "Xã Hoà Vang",
        "Thôn Thủy Lợi",
        "Thôn Thuỷ Lợi",
        "Ấp Phú Thượng",
        "Quỳnh Lưu",
        "Café crème",
        "Crème brûlée à la française",
        "naïve façade",
        "Dang ky khai sinh",
    ],
)
def test_correct_text_passes(name: str) -> None:
    assert hits(_named(name), "TT203") == []


def test_nfd_vietnamese_passes() -> None:
    assert hits(_named(unicodedata.normalize("NFD", "Thủ tục hành chính")), "TT203") == []


def test_tcvn3_mojibake() -> None:
    text = _named("Thñ tôc hµnh chÝnh")
    assert hits(text, "TT203") == [(7, 11)]
    (message,) = messages(text, "TT203")
    assert "TCVN3" in message
    assert "'Thủ tục hành chính'" in message


def test_tcvn3_d_stroke() -> None:
    text = _named("§¨ng ký khai sinh")
    assert hits(text, "TT203") == [(7, 11)]
    assert "'Đăng ký khai sinh'" in messages(text, "TT203")[0]


def test_vni_mojibake() -> None:
    text = _named("Thuû tuïc haønh chính")
    assert hits(text, "TT203") == [(7, 11)]
    (message,) = messages(text, "TT203")
    assert "VNI" in message
    assert "'Thủ tục hành chính'" in message


def test_vni_d_stroke() -> None:
    text = _named("Ñoàng Nai")
    assert hits(text, "TT203") == [(7, 11)]
    assert "'Đồng Nai'" in messages(text, "TT203")[0]


def test_only_the_mojibake_value_is_reported() -> None:
    text = CATALOG_HEAD + PROCEDURE.replace("Hộ tịch", "Hé tÞch")
    assert hits(text, "TT203") == [(8, 12)]
