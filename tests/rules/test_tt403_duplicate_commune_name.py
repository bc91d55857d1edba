"""TT403 duplicate-commune-name."""

from __future__ import annotations

import unicodedata

import pytest

from helpers import UNITS_HEAD, hits, messages


def _communes(*names: str) -> str:
    """A units file with one commune per line from line 5 (name value at column 27)."""
    return UNITS_HEAD + "".join(
        f'  - {{code: "{20194 + n}", name: {name}}}\n' for n, name in enumerate(names)
    )


def test_distinct_names_pass() -> None:
    assert hits(_communes("Phường Hải Vân", "Phường Liên Chiểu", "Xã Hòa Vang"), "TT403") == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Xã Tân Thành", "Xã Tân Thạnh"),
        ("Phường Mỹ Hòa", "Phường Mỹ Hóa"),
        ("Xã Phú Thượng", "Xã Phú Thương"),
        ("Xã Hòa Khánh", "Xã Hòa Khánh Bắc"),
        ("Xã Hòa Bình", "Xã Bình Hòa"),
        ("Xã Đông Hòa", "Xã Dong Hoa"),
        ("Xã Hòa Vang", "Phường Hòa Vang"),
    ],
)
def test_names_differing_by_a_letter_tone_or_word_pass(first: str, second: str) -> None:
    assert hits(_communes(first, second), "TT403") == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Xã Hòa Vang", unicodedata.normalize("NFD", "Xã Hòa Vang")),
        (unicodedata.normalize("NFD", "Xã Hòa Vang"), "Xã Hoà Vang"),
        ("Xã Hòa Vang", "Xã Hoà Vang"),
        ("Xã Thủy An", "Xã Thuỷ An"),
        ("Phường Hải Vân", "Phường Hải  Vân"),
        ("Phường Hải Vân", "phường hải vân"),
        ("Đặc khu Lý Sơn", "đặc khu Lý Sơn"),
    ],
)
def test_same_name_after_normalization(first: str, second: str) -> None:
    text = _communes(first, second)
    assert hits(text, "TT403") == [(6, 27)]
    assert messages(text, "TT403") == [f"commune name {second!r} is already used at line 5"]


def test_every_repeat_names_the_first() -> None:
    text = _communes("Xã Hòa Vang", "Phường Hải Vân", "Xã Hoà Vang", "Xã Hòa Vang")
    assert hits(text, "TT403") == [(7, 27), (8, 27)]
    assert all(m.endswith("at line 5") for m in messages(text, "TT403"))


def test_blank_names_are_not_compared() -> None:
    assert hits(_communes('""', '""', '"  "', '"  "'), "TT403") == []
