"""TT401 duplicate-commune-code."""

from __future__ import annotations

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD, hits, messages


def _communes(*pairs: tuple[str, str]) -> str:
    """A units file with one flow-mapping commune per line from line 5 (code value at column 12)."""
    return UNITS_HEAD + "".join(f'  - {{code: "{code}", name: {name}}}\n' for code, name in pairs)


def test_unique_codes_pass() -> None:
    text = _communes(("20194", "Phường Hải Vân"), ("20197", "Phường Liên Chiểu"))
    assert hits(text, "TT401") == []


def test_repeated_code_names_the_first_line() -> None:
    text = _communes(
        ("20194", "Phường Hải Vân"),
        ("20197", "Phường Liên Chiểu"),
        ("20194", "Phường Hòa Khánh"),
    )
    assert hits(text, "TT401") == [(7, 12)]
    assert messages(text, "TT401") == ["commune code 20194 is already used at line 5"]


def test_every_repeat_is_reported() -> None:
    text = _communes(
        ("20194", "Phường Hải Vân"), ("20194", "Phường Hòa Khánh"), ("20194", "Phường Thanh Khê")
    )
    assert hits(text, "TT401") == [(6, 12), (7, 12)]
    assert all(m.endswith("at line 5") for m in messages(text, "TT401"))


def test_block_style_position() -> None:
    text = UNITS_HEAD + (
        '  - code: "20194"\n'
        "    name: Phường Hải Vân\n"
        '  - code: "20194"\n'
        "    name: Phường Hòa Khánh\n"
    )
    assert hits(text, "TT401") == [(7, 11)]


def test_same_code_as_a_former_commune_is_fine() -> None:
    # A new commune often keeps the code of one it was formed from.
    text = UNITS_HEAD + (
        '  - code: "20194"\n'
        "    name: Phường Hải Vân\n"
        '    formed_from: [{code: "20194", name: Phường Hòa Hiệp Bắc}]\n'
    )
    assert hits(text, "TT401") == []


def test_empty_and_unquoted_codes_are_not_compared() -> None:
    text = UNITS_HEAD + (
        '  - {code: "", name: Phường Hải Vân}\n'
        '  - {code: "", name: Phường Hòa Khánh}\n'
        "  - {code: 20194, name: Phường Liên Chiểu}\n"
        "  - {code: 20194, name: Phường Thanh Khê}\n"
    )
    assert hits(text, "TT401") == []


def test_procedure_catalogs_are_not_checked() -> None:
    assert hits(CATALOG_HEAD + PROCEDURE + PROCEDURE, "TT401") == []
