"""TT303 invalid-commune-code."""

from __future__ import annotations

import pytest

from helpers import UNITS_HEAD, hits, messages


def _commune(code: str, former: str = "20194") -> str:
    return UNITS_HEAD + (
        f'  - code: "{code}"\n'
        "    name: Phường Hải Vân\n"
        "    formed_from:\n"
        f'      - {{code: "{former}", name: Phường Hòa Hiệp Bắc}}\n'
        '      - {code: "20296", name: Xã Hòa Liên, part: true}\n'
    )


def test_five_digit_codes_pass() -> None:
    assert hits(_commune("20194"), "TT303") == []
    assert hits(_commune("00004", "00001"), "TT303") == []


@pytest.mark.parametrize("code", ["2019", "201940", "2O194", "20 194", "", "20194 "])
def test_commune_code_must_be_five_digits(code: str) -> None:
    text = _commune(code)
    assert hits(text, "TT303") == [(5, 11)]
    assert messages(text, "TT303") == [
        f'commune code {code!r} must be exactly 5 digits, e.g. "00004"'
    ]


def test_former_commune_code_is_checked() -> None:
    text = _commune("20194", "202960")
    assert hits(text, "TT303") == [(8, 16)]
    assert "'202960'" in messages(text, "TT303")[0]


def test_both_codes_wrong() -> None:
    assert hits(_commune("2019", "4"), "TT303") == [(5, 11), (8, 16)]


def test_unquoted_code_is_left_to_tt005() -> None:
    text = UNITS_HEAD + "  - {code: 20194, name: Phường Hải Vân}\n"
    assert hits(text, "TT303") == []
    assert hits(text, "TT005") == [(5, 12)]


def test_procedure_catalogs_are_not_checked() -> None:
    text = 'kind: procedure-catalog\ncommunes: [{code: "1"}]\n'
    assert hits(text, "TT303") == []
