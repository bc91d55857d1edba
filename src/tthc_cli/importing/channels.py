"""The portal's "Cách thức thực hiện" table: time limit and fee per submission channel.

The chatbot-tthc scrape flattens the table into one string with the cell boundaries lost:
"Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(…)".
A row starts where a channel name is followed by what a time cell starts with; the time, the
fee and the description follow in that order. When a unit-less number runs into an amount
("Trực tuyến120 VNĐ") the digits cannot be shared out, and the row is reported, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CHANNELS = ("Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính")
_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
_NO_INFO = ("Không có thông tin", "Không quy định")
_CELL_START = r"(?=\d|Không có thông tin|Không quy định|Miễn phí|Trong ngày|Ngay)"
_ROW_RE = re.compile("(" + "|".join(map(re.escape, CHANNELS)) + ")" + _CELL_START)
_TIME_RE = re.compile(
    r"(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm)?",
    re.IGNORECASE,
)
_CURRENCY = r"(?:Việt Nam Đồng|VNĐ|VND|Đồng|đồng|đ)"
_AMOUNT_RE = re.compile(r"(?P<amount>\d{1,3}(?:[.,]\d{3})+|\d+)\s*" + _CURRENCY)
_FOREIGN_RE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:USD|EUR)")
UNITS = {"ngày làm việc": "working-days", "ngày": "calendar-days"}


@dataclass(frozen=True, slots=True)
class Time:
    value: int
    unit: str  # working-days | calendar-days
    text: str


@dataclass(frozen=True, slots=True)
class Charge:
    """A channel's fee: free, an amount in đồng, or not stated (amount None, free False)."""

    free: bool
    amount: int | None
    text: str


@dataclass(frozen=True, slots=True)
class Channel:
    name: str  # one of CHANNELS
    time: Time | None
    charge: Charge | None  # None: the portal gives no information
    note: str
    problems: tuple[tuple[str, str], ...] = ()  # (reason, detail)


def parse_time(text: str) -> tuple[Time | None, str, tuple[str, str] | None]:
    """(time, the rest of the text, a problem) for text that starts with a time cell."""
    for empty in _NO_INFO:
        if text.startswith(empty):
            return None, text[len(empty) :], None
    if text.startswith("Trong ngày"):
        return Time(0, "working-days", "Trong ngày"), text[len("Trong ngày") :], None
    match = _TIME_RE.match(text)
    if match is None:
        return None, text, ("time-unreadable", text[:60])
    rest = text[match.end() :]
    unit = (match.group("unit") or "").lower()
    if not unit:
        if re.match(r"\s*" + _CURRENCY, rest):
            return None, "", ("time-and-fee-run-together", text[:60])
        return None, rest, ("time-without-unit", match.group(0))
    if unit not in UNITS:
        return None, rest, ("time-unit-not-in-days", match.group(0))
    value = match.group("value").replace(",", ".")
    if "." in value:
        return None, rest, ("time-not-whole-days", match.group(0))
    return Time(int(value), UNITS[unit], match.group(0).strip()), rest, None


def parse_charge(text: str) -> tuple[Charge | None, str, tuple[str, str] | None]:
    """(fee, the rest of the text, a problem) for text that starts with a fee cell."""
    stripped = text.lstrip()
    if stripped.startswith("Miễn phí"):
        return Charge(True, None, "Miễn phí"), stripped[len("Miễn phí") :], None
    for empty in _NO_INFO:
        if stripped.startswith(empty):
            return None, stripped[len(empty) :], None
    match = _AMOUNT_RE.match(stripped)
    if match is not None:
        amount = int(re.sub(r"[.,]", "", match.group("amount")))
        return Charge(amount == 0, amount, match.group(0)), stripped[match.end() :], None
    foreign = _FOREIGN_RE.match(stripped)
    if foreign is not None:
        return None, stripped[foreign.end() :], ("fee-not-in-dong", foreign.group(0))
    if not stripped:
        return None, "", None
    return None, stripped, ("fee-unreadable", stripped[:60])


def _note(text: str) -> str:
    text = " ".join(text.split())
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    return text


def parse_flat(text: str) -> tuple[list[Channel], list[tuple[str, str]]]:
    """The channels of a flattened table, and problems with the table as a whole."""
    body = text.strip()
    if not body:
        return [], [("no-channel-table", "")]
    if body.startswith(_HEADER):
        body = body[len(_HEADER) :]
    starts = list(_ROW_RE.finditer(body))
    if not starts:
        return [], [("no-channel-table", body[:60])]
    channels = []
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(body)
        channels.append(parse_cells(start.group(1), body[start.end() : end]))
    return channels, []


def parse_cells(name: str, cells: str) -> Channel:
    """One row from the text after its channel name: time, fee, then the description."""
    problems = []
    time, rest, problem = parse_time(cells)
    if problem:
        problems.append(problem)
    charge, rest, problem = parse_charge(rest) if rest else (None, "", None)
    if problem and problem[0] != "fee-unreadable":
        problems.append(problem)
    return Channel(name, time, charge, _note(rest), tuple(problems))


def parse_fee_cell(text: str) -> tuple[str, Charge | None, tuple[str, str] | None]:
    """A separate fee cell as in the BQP records: "Phí : 0 Đồng", "Lệ phí : 1.5 USD"."""
    name, _, value = text.partition(":")
    name = (name.strip() if value else "") or "Phí, lệ phí"
    value = (value if _ else text).strip()
    if not value:
        return name, None, None
    if re.match(r"(?:không|o)\s*Đồng", value, re.IGNORECASE):
        return name, Charge(True, 0, value), None
    charge, _rest, problem = parse_charge(value)
    return name, charge, problem
