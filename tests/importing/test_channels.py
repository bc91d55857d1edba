"""The flattened "Cách thức thực hiện" table: time limit and fee per channel."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tthc_cli.importing.channels import parse_fee_cell, parse_flat

HEAD = "Hình thức nộpThời gianPhí, lệ phíMô tả"


def test_residence_registration_row_by_row() -> None:
    text = (
        HEAD + "Trực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(Nộp qua cổng dịch vụ công.)"
        "Trực tiếp7 Ngày làm việc20,000 Việt Nam Đồng(Trường hợp miễn phí theo Điều 4.)"
    )
    channels, problems = parse_flat(text)
    assert problems == []
    assert [(c.name, c.time.value if c.time else None, c.time.unit if c.time else None)
            for c in channels] == [
        ("Trực tuyến", 7, "working-days"),
        ("Trực tiếp", 7, "working-days"),
    ]  # fmt: skip
    assert [c.charge.amount if c.charge else None for c in channels] == [10000, 20000]
    assert channels[0].note == "Nộp qua cổng dịch vụ công."


def test_channel_words_inside_a_description_do_not_start_a_row() -> None:
    text = HEAD + "Trực tuyến1 Ngày làm việcMiễn phí- Trực tuyến qua Cổng dịch vụ công quốc gia."
    channels, _ = parse_flat(text)
    assert len(channels) == 1
    assert channels[0].charge is not None
    assert channels[0].charge.free
    assert "Trực tuyến qua Cổng" in channels[0].note


def test_calendar_days_same_day_and_no_information() -> None:
    text = HEAD + "Trực tiếp15 NgàyKhông có thông tinTrực tuyếnTrong ngàyMiễn phí"
    channels, _ = parse_flat(text)
    first, second = channels
    assert first.time is not None
    assert (first.time.value, first.time.unit) == (15, "calendar-days")
    assert first.charge is None
    assert second.time is not None
    assert second.time.value == 0


def test_a_number_without_unit_is_reported_not_guessed() -> None:
    channels, _ = parse_flat(HEAD + "Trực tuyến5Miễn phí")
    assert channels[0].time is None
    assert channels[0].problems == (("time-without-unit", "5"),)
    assert channels[0].charge is not None
    assert channels[0].charge.free


def test_time_and_amount_run_together_are_reported() -> None:
    channels, _ = parse_flat(HEAD + "Trực tuyến120 VNĐ(20.000 đ/tờ khai)")
    assert channels[0].time is None
    assert channels[0].charge is None
    assert channels[0].problems[0][0] == "time-and-fee-run-together"


def test_hours_are_not_days() -> None:
    channels, _ = parse_flat(HEAD + "Trực tiếp8 GiờMiễn phí")
    assert channels[0].time is None
    assert channels[0].problems[0] == ("time-unit-not-in-days", "8 Giờ")


def test_no_table() -> None:
    assert parse_flat("")[1] == [("no-channel-table", "")]
    assert parse_flat(HEAD + "Xem chi tiết")[1][0][0] == "no-channel-table"


def test_bqp_fee_cells() -> None:
    name, charge, problem = parse_fee_cell("Phí : 0 Đồng")
    assert (name, charge is not None and charge.free, problem) == ("Phí", True, None)
    name, charge, problem = parse_fee_cell("Lệ phí : 2.000.000 Đồng (Thẩm định)")
    assert name == "Lệ phí"
    assert charge is not None
    assert charge.amount == 2_000_000
    _, charge, problem = parse_fee_cell("Lệ phí : 1.5 USD")
    assert charge is None
    assert problem == ("fee-not-in-dong", "1.5 USD")
    _, charge, _ = parse_fee_cell("Phí : Không Đồng")
    assert charge is not None
    assert charge.free


PIECES = [
    HEAD, "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính", "7 Ngày làm việc", "15 Ngày", "1",
    "Miễn phí", "Không có thông tin", "10,000 Việt Nam Đồng", "20 VNĐ", "1.5 USD", "8 Giờ",
    "(ghi chú)", "Trong ngày", "0,5 Ngày", " ", "Phí : ", "Đồng",
]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=12))
def test_any_table_text_parses_without_error(pieces: list[str]) -> None:
    channels, _ = parse_flat("".join(pieces))
    for channel in channels:
        assert channel.name in ("Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính")
        if channel.time is not None:
            assert channel.time.value >= 0
            assert channel.time.unit in ("working-days", "calendar-days")
        if channel.charge is not None and channel.charge.amount is not None:
            assert channel.charge.amount >= 0
    name, charge, _ = parse_fee_cell("".join(pieces))
    assert name
    assert charge is None or charge.amount is None or charge.amount >= 0
