"""Document numbers from the flattened "Căn cứ pháp lý" table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc_cli.domain.documents import parse_document_number
from tthc_cli.importing.legal import by_year, issue_dates, numbers_in

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The code column written out as "Thông tư số …" / "Luật …", glued to the next title.
        (
            HEAD + "Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư phápThông tư số "
            "03/2023/TT-BTPThông tư sửa đổi106/2021/TT-BTCLuật 60/2014/QH1360/2014/QH13",
            ["03/2023/TT-BTP", "106/2021/TT-BTC", "60/2014/QH13"],
        ),
        # A number without a year glued to the symbol before it.
        (HEAD + "Quyết định 601/QĐ-BTC601/QĐ-BTCQuyết định", ["601/QĐ-BTC"]),
        (HEAD + "Quyết định số 09/2023/QĐ-TTg09/2023/QĐ-TTg", ["09/2023/QĐ-TTg"]),
        (HEAD + "Nghị định 88/2020/NĐ-CP1040/QĐ-BHXH ban hành", ["88/2020/NĐ-CP", "1040/QĐ-BHXH"]),
        # A date's year glued before a number that has none.
        (HEAD + "ngày 12/6/20252418/QĐ-BNNMTNghị định", ["2418/QĐ-BNNMT"]),
        (HEAD + "giai đoạn 2026-203016/2026/QĐ-UBND", ["16/2026/QĐ-UBND"]),
        # An upper-case title glued to the symbol; a law's term glued to the next number.
        (HEAD + "dịch vụ công104/2022/NĐ-CPTHÔNG TƯ SỬA ĐỔI", ["104/2022/NĐ-CP"]),
        (HEAD + "Luật Đất đai;31/2024/QH15118/2020/NĐ-CP", ["31/2024/QH15", "118/2020/NĐ-CP"]),
        # The portal's typo for the Government's symbol.
        (HEAD + "Nghị định 118/2025/NĐ-C", ["118/2025/NĐ-CP"]),
        # A symbol glued to an upper-case title beside the clean number.
        (HEAD + "Quyết định 2222/QĐ-BHXHQUY ĐỊNH2222/QĐ-BHXH", ["2222/QĐ-BHXH"]),
    ],
)
def test_numbers_from_code_cells_written_out(text: str, expected: list[str]) -> None:
    assert numbers_in(text)[0] == expected


def test_issue_dates_written_after_a_number() -> None:
    text = (
        "Nghị định số 220/2025/NĐ-CP ngày 07 tháng 8 năm 2025 của Chính phủ"
        "Thông tư số 08/2025/TT-BTP ngày 12/6/2025 của Bộ trưởng; 60/2014/QH13"
    )
    numbers = ["220/2025/NĐ-CP", "08/2025/TT-BTP", "60/2014/QH13"]
    assert issue_dates(text, numbers) == {
        "220/2025/NĐ-CP": "2025-08-07",
        "08/2025/TT-BTP": "2025-06-12",
    }


def test_by_year_keeps_the_table_order_within_a_year() -> None:
    numbers = ["120/2025/NĐ-CP", "601/QĐ-BTC", "60/2014/QH13", "08/2025/TT-BTP", "52/2014/QH13"]
    assert by_year(numbers) == [
        "60/2014/QH13",
        "52/2014/QH13",
        "120/2025/NĐ-CP",
        "08/2025/TT-BTP",
        "601/QĐ-BTC",
    ]
