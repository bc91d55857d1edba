"""The type word of a commune's name, and "is this commune a ward", for every module that asks."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tthc_cli.names.lists import read_names
from tthc_cli.names.renames import _places
from tthc_cli.text.units import is_ward, strip_unit_type, unit_type_word


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("Phường Hải Châu", "phường"),
        ("PHƯỜNG 1", "phường"),
        ("phường  Hòa Khánh", "phường"),
        (nfd("Phường Hải Châu"), "phường"),
        ("Phường1", "phường"),  # no space before a number is still the type word
        ("Phương Sơn", None),  # a commune named Phương Sơn: no ward
        ("Phuong 1", None),  # without diacritics "phuong" is also Phương
        ("Xã Phương Sơn", "xã"),
        ("XÃ Hòa Bắc", "xã"),
        (nfd("Thị trấn Đông Anh"), "thị trấn"),
        ("Đặc khu Phú Quốc", "đặc khu"),
        ("Hòa Bắc", None),
        ("", None),
    ],
)
def test_unit_type_word(name: str, word: str | None) -> None:
    assert unit_type_word(name) == word
    assert is_ward(name) is (word == "phường")


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Xã Hòa Bắc", "Hòa Bắc"),
        ("PHƯỜNG  Hải Châu", "Hải Châu"),
        ("đặc khu Côn Đảo", "Côn Đảo"),
        ("Phương Sơn", "Phương Sơn"),
        ("Xã", "Xã"),  # a type word alone is a name
    ],
)
def test_strip_unit_type(name: str, bare: str) -> None:
    assert strip_unit_type(name) == bare


COMMUNES = ["Phường Hải Châu", "Phương Sơn", "PHƯỜNG 1", nfd("Phường Hòa Khánh"), "Xã Hòa Bắc"]


def test_dedupe_and_apply_renames_agree_on_wards(tmp_path: Path) -> None:
    # `dedupe-names` (lists.py) once asked "phường", `apply-renames` (renames.py) "phuong" without
    # diacritics, so "Phương Sơn" was a ward to one of them: a bare "Tổ 1" read two ways.
    communes = "".join(
        f'  - code: "{20100 + i}"\n    name: "{name}"\n    hamlets:\n      - {{name: Tổ 1}}\n'
        for i, name in enumerate(COMMUNES)
    )
    units = tmp_path / "units.yaml"
    units.write_text(
        "kind: units\nprovince: {code: '48', name: Đà Nẵng}\neffective: 2025-07-01\n"
        f"communes:\n{communes}",
        encoding="utf-8",
    )
    names = read_names([units])
    places, errors = _places([units])
    assert not names.errors
    assert not errors
    expected = [True, False, True, True, False]
    assert [entry.ward for entry in names.entries] == expected
    assert [place.ward for place in places] == expected
