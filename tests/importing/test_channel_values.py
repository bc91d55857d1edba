"""Time limit, fees and online level from a record's channels: the one fee rule."""

from __future__ import annotations

from typing import Any

import pytest

from tthc_cli.importing.channel_values import add_channel_values, fees_of
from tthc_cli.importing.channels import parse_flat
from tthc_cli.importing.problems import ImportResult

HEAD = "Hình thức nộpThời gianPhí, lệ phíMô tả"
COUNCIL = "Mức lệ phí (nếu có) theo quy định của Hội đồng nhân dân cấp tỉnh"


def values(table: str) -> dict[str, Any]:
    channels, _problems = parse_flat(HEAD + table)
    procedure: dict[str, Any] = {}
    add_channel_values(procedure, channels, ImportResult(), "x.json", "1.000001")
    return procedure


def test_free_with_a_council_description_is_a_fee_left_to_the_province() -> None:
    # The same description with and without its full stop is one fee.
    table = (
        f"Trực tiếp5 Ngày làm việcMiễn phí({COUNCIL}.)Trực tuyến5 Ngày làm việcMiễn phí({COUNCIL})"
    )
    assert values(table)["fees"] == [{"name": "Lệ phí", "note": COUNCIL}]


def test_the_hdnd_abbreviation_and_nfd_text_read_the_same() -> None:
    import unicodedata

    note = unicodedata.normalize("NFD", "Theo mức thu lệ phí do HĐND cấp tỉnh quy định.")
    fees = values(f"Trực tiếp1 Ngày làm việcMiễn phí({note})")["fees"]
    assert fees == [{"name": "Lệ phí", "note": "Theo mức thu lệ phí do HĐND cấp tỉnh quy định"}]


def test_free_under_the_law_on_fees_is_a_fee_set_elsewhere() -> None:
    note = "Theo quy định của Luật phí và lệ phí và các văn bản hướng dẫn"
    assert values(f"Trực tiếp15 NgàyMiễn phí({note}.)")["fees"] == [
        {"name": "Lệ phí", "note": note}
    ]


@pytest.mark.parametrize(
    "table",
    [
        "Trực tiếp1 Ngày làm việcMiễn phí",
        "Trực tiếp1 Ngày làm việcMiễn phí(Nộp tại Ủy ban nhân dân cấp xã.)",
        "Trực tiếp1 Ngày làm việc0 Đồng",
    ],
)
def test_free_without_the_council_is_free(table: str) -> None:
    assert values(table)["fees"] == []


def test_channels_that_differ_each_get_a_fee_named_by_channel() -> None:
    table = (
        f"Trực tiếp5 Ngày làm việcMiễn phí({COUNCIL})"
        "Trực tuyến5 Ngày làm việcMiễn phí(Miễn lệ phí khi nộp trực tuyến.)"
    )
    assert values(table)["fees"] == [
        {"name": "Lệ phí", "note": f"Trực tiếp: {COUNCIL}"},
        {"name": "Phí, lệ phí", "amount": 0, "note": "Trực tuyến"},
    ]


def test_one_amount_stated_by_some_channels_names_them() -> None:
    table = (
        "Trực tiếp5 Ngày làm việc50,000 Việt Nam ĐồngTrực tuyến5 Ngày làm việcKhông có thông tin"
    )
    assert values(table)["fees"] == [{"name": "Phí, lệ phí", "amount": 50000, "note": "Trực tiếp"}]


def test_no_fee_stated_leaves_fees_out() -> None:
    assert fees_of([]) is None
    assert "fees" not in values("Trực tiếp5 Ngày làm việcKhông có thông tin")


def test_online_channel_is_available_and_no_online_channel_says_nothing() -> None:
    assert values("Trực tuyến5 Ngày làm việcMiễn phí")["online"] == "available"
    offline = values("Trực tiếp5 Ngày làm việcMiễn phíDịch vụ bưu chính5 Ngày làm việcMiễn phí")
    assert "online" not in offline
