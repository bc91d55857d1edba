"""TT404 unknown-former-commune."""

from __future__ import annotations

import unicodedata

import pytest

from helpers import UNITS_HEAD, hits, messages

COMMUNE = """\
  - code: "20194"
    name: Phường Hải Vân
    formed_from:
      - {code: "20194", name: Phường Hòa Hiệp Bắc}
      - {code: "20296", name: Xã Hòa Liên, part: true}
"""


def _hamlet_from(origin: str) -> str:
    """The units file with one hamlet (line 11, `from` value at column 30)."""
    return UNITS_HEAD + COMMUNE + f"    hamlets:\n      - {{name: Thôn 1, from: {origin}}}\n"


@pytest.mark.parametrize(
    "origin",
    [
        "Phường Hòa Hiệp Bắc",
        "Xã Hòa Liên",
        "Hòa Hiệp Bắc",  # without the type word
        "Hòa Liên",
        "Hoà Liên",  # tone placement
        unicodedata.normalize("NFD", "Xã Hòa Liên"),
        unicodedata.normalize("NFD", "Hoà Hiệp Bắc"),
        "xã hòa liên",
        "Xã  Hòa Liên",
    ],
)
def test_known_former_commune_passes(origin: str) -> None:
    assert hits(_hamlet_from(origin), "TT404") == []


@pytest.mark.parametrize(
    "origin",
    [
        "Phường Hòa Hiệp Nam",  # a neighbour, not a former part
        "Hòa Hiệp",  # a word missing
        "Xã Hóa Liên",  # a different tone
        "Hoa Lien",  # no diacritics
    ],
)
def test_unknown_former_commune_is_reported(origin: str) -> None:
    text = _hamlet_from(origin)
    assert hits(text, "TT404") == [(11, 30)]
    assert messages(text, "TT404") == [
        f"{origin!r} is not among the communes this one was formed from"
    ]


def test_streets_are_checked() -> None:
    text = (
        UNITS_HEAD + COMMUNE + "    streets:\n      - {name: Đường Hùng Vương, from: Xã Hòa Nhơn}\n"
    )
    assert hits(text, "TT404") == [(11, 40)]


def test_each_place_is_checked() -> None:
    text = (
        UNITS_HEAD
        + COMMUNE
        + (
            "    hamlets:\n"
            "      - {name: Thôn 1, from: Xã Hòa Liên}\n"
            "      - {name: Thôn 2, from: Xã Hòa Nhơn}\n"
            "      - {name: Thôn 3}\n"
            "      - {name: Thôn 4, from: Xã Hòa Sơn}\n"
        )
    )
    assert hits(text, "TT404") == [(12, 30), (14, 30)]


def test_commune_without_formed_from_is_not_checked() -> None:
    text = UNITS_HEAD + (
        '  - code: "20194"\n'
        "    name: Phường Hải Vân\n"
        "    hamlets:\n"
        "      - {name: Thôn 1, from: Xã Hòa Nhơn}\n"
    )
    assert hits(text, "TT404") == []


def test_empty_formed_from_is_not_checked() -> None:
    text = (
        UNITS_HEAD
        + COMMUNE.split("    formed_from:")[0]
        + ("    formed_from: []\n    hamlets:\n      - {name: Thôn 1, from: Xã Hòa Nhơn}\n")
    )
    assert hits(text, "TT404") == []


def test_former_communes_of_another_commune_do_not_count() -> None:
    text = (
        UNITS_HEAD
        + COMMUNE
        + (
            '  - code: "20209"\n'
            "    name: Xã Hòa Vang\n"
            '    formed_from: [{code: "20212", name: Xã Hòa Nhơn}]\n'
            "    hamlets:\n"
            "      - {name: Thôn 1, from: Xã Hòa Liên}\n"
        )
    )
    assert hits(text, "TT404") == [(14, 30)]
