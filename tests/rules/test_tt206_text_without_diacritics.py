"""TT206 text-without-diacritics."""

from __future__ import annotations

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD, hits, messages, run


def _procedure(name: str = "Đăng ký khai sinh", field: str = "Hộ tịch", agency: str = "") -> str:
    text = PROCEDURE.replace("Đăng ký khai sinh", name).replace("Hộ tịch", field)
    if agency:
        text = text.replace("Ủy ban nhân dân cấp xã", agency)
    return CATALOG_HEAD + text


def _hamlet(name: str) -> str:
    return UNITS_HEAD + (
        f'  - code: "20194"\n    name: Phường Hải Vân\n    hamlets:\n      - name: {name}\n'
    )


def test_the_issue_examples_are_found_at_the_word() -> None:
    text = _procedure("Thu tuc dang ky khai sinh", "Ho tich", "UBND cap xa")
    # name: line 7, "tuc" at column 15; field: line 8, "tich" at 15; agency: line 9, "cap" at 18
    assert hits(text, "TT206") == [(7, 15), (8, 15), (9, 18)]
    assert messages(text, "TT206") == [
        "Vietnamese text typed without marks: 'tuc' ('tục'?) cannot be written without them",
        "Vietnamese text typed without marks: 'tich' ('tịch'?) cannot be written without them",
        "Vietnamese text typed without marks: 'cap' ('cấp'?) cannot be written without them",
    ]


def test_a_quoted_value_is_located_inside_the_quotes() -> None:
    # "xac" needs a mark (a syllable ending in c): column 12, after the quote at 11
    assert hits(_procedure('"Xac nhan tam tru"'), "TT206") == [(7, 12)]


@pytest.mark.parametrize(
    "name",
    [
        "Đăng ký khai sinh",  # marked
        "Thôn Ia Bang",  # every word can be written without marks: real names are
        "Kon Tum",
        "Sa Pa",
        "Tan An",
        "Project management",  # not Vietnamese
        "UBND TDP",  # acronyms
        "Đăk Lăk",
    ],
)
def test_text_that_may_be_as_written_passes(name: str) -> None:
    assert hits(_procedure(name), "TT206") == []


@pytest.mark.parametrize(
    ("name", "word"),
    [("Thôn Nguyen Trai", "Nguyen"), ("Tổ dân phố Le Duan", "Duan"), ("Thon Phuong Lam", "Phuong")],
)
def test_hamlet_names_are_checked(name: str, word: str) -> None:
    (message,) = messages(_hamlet(name), "TT206")
    assert f"'{word}'" in message


def test_one_finding_per_value_listing_each_word_once() -> None:
    (message,) = messages(_procedure("Cap lai giay phep cap phep"), "TT206")
    assert message.count("'cap'") == 1
    assert "'phep'" in message


def test_is_a_warning_without_a_fix() -> None:
    (finding,) = run(_procedure("Thu tuc dang ky"), select="TT206")
    assert finding.severity == "warning"
    assert not finding.fixable
