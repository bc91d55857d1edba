"""Document numbers from the flattened "Căn cứ pháp lý" table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc_cli.domain.documents import parse_document_number
from tthc_cli.importing.legal import numbers_in

HEAD = "Tên văn bản pháp lýMã văn bản"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A year at the end of a name glued to the number after it.
        (HEAD + "Luật Cư trú 202068/2020/QH14", ["68/2020/QH14"]),
        # The code column glued to the next row's name (upper- and lower-case words).
        (
            HEAD + "Thông tư 57/2021/TT-BCA57/2021/TT-BCAThông tư số 53/2025/TT-BCAngày 01/7",
            ["57/2021/TT-BCA", "53/2025/TT-BCA"],
        ),
        # A law's two-digit term glued to the number of the next document.
        (HEAD + "Luật 60/2014/QH1360/2014/QH13Nghị định", ["60/2014/QH13"]),
        # The Prime Minister's symbol ends in a lower-case letter.
        (HEAD + "Quyết định 90/QĐ-TTg, 15/2023/QĐ-TTgLuật", ["90/QĐ-TTg", "15/2023/QĐ-TTg"]),
        (HEAD + "Nghị định 166/2016/NĐ-CP-Quy định", ["166/2016/NĐ-CP"]),
        # ASCII D for Đ is written as Đ.
        ("Nghị định 123/2015/ND-CP", ["123/2015/NĐ-CP"]),
    ],
)
def test_numbers_from_glued_cells(text: str, expected: list[str]) -> None:
    found, unresolved = numbers_in(text)
    assert found == expected
    assert unresolved == []


def test_each_number_once_in_order() -> None:
    found, _ = numbers_in("123/2015/NĐ-CP; 60/2014/QH13; 123/2015/NĐ-CP")
    assert found == ["123/2015/NĐ-CP", "60/2014/QH13"]


def test_text_without_numbers() -> None:
    assert numbers_in(HEAD + "Luật Hộ tịch") == ([], [])


@given(st.text(alphabet=st.sampled_from(list("0123456789/.-ĐđNQTCPBHgLuậtThông ")), max_size=40))
def test_every_number_found_is_a_document_number(text: str) -> None:
    found, _ = numbers_in(text)
    assert all(parse_document_number(number) is not None for number in found)
    assert len(found) == len(set(found))
