"""TT108 invalid-document-number."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD, hits, messages

BASIS = '["60/2014/QH13", "123/2015/NĐ-CP"]'


def _with_basis(*numbers: str) -> str:
    listed = ", ".join(f'"{number}"' for number in numbers)
    return CATALOG_HEAD + PROCEDURE.replace(BASIS, f"[{listed}]")


@pytest.mark.parametrize(
    "number",
    [
        "123/2015/NĐ-CP",
        "60/2014/QH13",
        "66.7/2025/NQ-CP",
        "1390/QĐ-UBND",
        "47/2009/TTLT-BTC-BLĐTBXH",
        "267/VPCP-TTĐT",
        "1656/NQ-UBTVQH15",
        "15/2020/QĐ-TTg",
        "41/VBHN-BNNMT",
        "07/2025/TT-BTP",
        "01/2014/NQLT-CP-UBTƯMTTQVN",
    ],
)
def test_document_numbers_pass(number: str) -> None:
    assert hits(_with_basis(number), "TT108") == []


def test_nfd_form_of_a_number_passes() -> None:
    # Đ has no decomposition; the NFD text is the same document number.
    assert hits(_with_basis(unicodedata.normalize("NFD", "123/2015/NĐ-CP")), "TT108") == []


def test_title_before_the_number() -> None:
    text = _with_basis("Nghị định 123/2015/NĐ-CP")
    assert hits(text, "TT108") == [(13, 19)]
    assert messages(text, "TT108") == [
        "'Nghị định 123/2015/NĐ-CP' is not a document number: write only the number and "
        "symbol, e.g. 123/2015/NĐ-CP"
    ]


def test_spaces_around_slashes() -> None:
    text = _with_basis("123 / 2015 / NĐ-CP")
    assert hits(text, "TT108") == [(13, 19)]
    assert "remove the spaces around '/' and '-'" in messages(text, "TT108")[0]


def test_spaces_around_the_number() -> None:
    assert "remove the spaces around it" in messages(_with_basis("123/2015/NĐ-CP "), "TT108")[0]


def test_not_a_number_at_all() -> None:
    text = _with_basis("abc")
    assert hits(text, "TT108") == [(13, 19)]
    (message,) = messages(text, "TT108")
    assert "'abc' is not a document number" in message
    assert "NUMBER/YEAR/TYPE-ISSUER" in message


def test_lower_case_symbol() -> None:
    assert hits(_with_basis("123/2015/nđ-cp"), "TT108") == [(13, 19)]


@pytest.mark.parametrize("year", [1944, 2999, dt.date.today().year + 2])
def test_impossible_year(year: int) -> None:
    text = _with_basis(f"123/{year}/NĐ-CP")
    assert hits(text, "TT108") == [(13, 19)]
    assert messages(text, "TT108") == [f"'123/{year}/NĐ-CP' has an impossible year {year}"]


def test_first_and_next_year_pass() -> None:
    assert hits(_with_basis("1/1945/SL", f"1/{dt.date.today().year + 1}/NĐ-CP"), "TT108") == []


def test_only_the_bad_entry_is_reported() -> None:
    text = _with_basis("60/2014/QH13", "abc")
    assert hits(text, "TT108") == [(13, 35)]


def test_ascii_d_is_tt109_not_tt108() -> None:
    text = _with_basis("123/2015/ND-CP")
    assert hits(text, "TT108") == []
    assert hits(text, "TT109") == [(13, 19)]


def test_look_alike_eth_is_not_tt108() -> None:
    assert hits(_with_basis("123/2015/N\u00d0-CP"), "TT108") == []


def test_title_with_ascii_d_is_still_not_a_number() -> None:
    assert hits(_with_basis("Nghị định 123/2015/ND-CP"), "TT108") == [(13, 19)]


def test_procedure_decision_and_catalog_decisions_are_checked() -> None:
    head = CATALOG_HEAD.replace("procedures:\n", 'decisions: ["Quyết định 1390"]\nprocedures:\n')
    text = head + PROCEDURE + '    decision: "163 / QĐ-BTP"\n'
    assert hits(text, "TT108") == [(5, 13), (15, 15)]


def test_former_name_decision_in_a_units_file() -> None:
    text = UNITS_HEAD + (
        '  - code: "20194"\n'
        "    name: Phường Hải Vân\n"
        "    hamlets:\n"
        "      - name: Tổ dân phố 1\n"
        "        former_names: [{name: Tổ 1, decision: Nghị quyết số 12}]\n"
    )
    assert hits(text, "TT108") == [(9, 47)]
