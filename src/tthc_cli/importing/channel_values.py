"""A record's submission channels as the procedure's time limit, fees and online level.

Fees follow one rule. A channel's fee cell that reads "Miễn phí" followed by a description
saying the amount is set elsewhere, by the provincial People's Council ("Miễn phí (Mức lệ phí
(nếu có) theo quy định của Hội đồng nhân dân cấp tỉnh)", "HĐND") or under the Law on Fees and
Charges ("Theo quy định của Luật phí và lệ phí …"), is a fee without an amount, `{name, note}`
with the description (its last full stop dropped) as the note: the national record fixes no
amount. "Miễn phí" without such a description is free; an amount is an amount. `fees: []` only
when every channel that states a fee is free.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tthc_cli.importing.channels import CHANNELS, Channel
from tthc_cli.importing.clean import clean
from tthc_cli.importing.problems import ImportResult
from tthc_cli.text.normalize import fold_key

_CHANNEL_ORDER = {name: index for index, name in enumerate(CHANNELS)}
_SET_ELSEWHERE = ("hoi dong nhan dan", "hdnd", "luat phi va le phi")


def add_channel_values(
    procedure: dict[str, Any],
    channels: Sequence[Channel],
    result: ImportResult,
    source: str,
    code: str,
) -> None:
    """time_limit, fees and online from channels; what they do not state is counted missing."""
    for channel in channels:
        for reason, detail in channel.problems:
            result.problem(source, code, reason, f"{channel.name}: {detail}")
    ordered = sorted(channels, key=lambda ch: _CHANNEL_ORDER.get(ch.name, 9))
    limit = _time_limit(ordered)
    if limit is None:
        result.missing["time_limit"] += 1
    else:
        procedure["time_limit"] = limit
    fees = fees_of(ordered)
    if fees is None:
        result.missing["fees"] += 1
    else:
        procedure["fees"] = fees
    # The records list the channels but carry no toàn trình / một phần flag: an online channel
    # is `available`, and no online channel says nothing (a channel list is not a level).
    if any(ch.name == "Trực tuyến" for ch in ordered):
        procedure["online"] = "available"
    else:
        result.missing["online"] += 1


def _time_limit(channels: Sequence[Channel]) -> dict[str, Any] | None:
    timed = [ch for ch in channels if ch.time is not None]
    if not timed:
        return None
    first = timed[0].time
    assert first is not None
    limit: dict[str, Any] = {"value": first.value, "unit": first.unit}
    others = [
        f"{ch.name}: {ch.time.text}"
        for ch in timed[1:]
        if ch.time is not None and (ch.time.value, ch.time.unit) != (first.value, first.unit)
    ]
    if others:
        limit["note"] = f"{timed[0].name}: {first.text}; " + "; ".join(others)
    return limit


def council_note(channel: Channel) -> str | None:
    """The description of a "Miễn phí" cell that leaves the amount to the provincial council
    or to the law on fees; None for any other cell."""
    if channel.charge is None or not channel.charge.free or channel.charge.amount:
        return None
    note = clean(channel.note).rstrip(". ")
    key = fold_key(note)
    return note if note and any(word in key for word in _SET_ELSEWHERE) else None


def _value(channel: Channel) -> dict[str, Any] | None:
    """{"amount": n}, {"note": …} (left to the council) or None (free)."""
    assert channel.charge is not None
    note = council_note(channel)
    if note is not None:
        return {"note": note}
    if channel.charge.free:
        return None
    return {"amount": channel.charge.amount or 0}


def _name(channel: Channel, value: dict[str, Any] | None) -> str:
    assert channel.charge is not None
    text = channel.charge.text
    if text and not text[:1].isdigit() and text != "Miễn phí":
        return text  # the BQP cell's own name: "Phí", "Lệ phí"
    if value is not None and "note" in value and "le phi" in fold_key(value["note"]):
        return "Lệ phí"
    return "Phí, lệ phí"


def fees_of(channels: Sequence[Channel]) -> list[dict[str, Any]] | None:
    """None when no channel states a fee; [] when every stated channel is free; one fee when
    they agree; else one per channel, the channel named in the note."""
    stated = [ch for ch in channels if ch.charge is not None]
    if not stated:
        return None
    values = [_value(ch) for ch in stated]
    if all(value is None for value in values):
        return []
    distinct = [v for i, v in enumerate(values) if v not in values[:i]]
    if len(distinct) == 1:
        fee = {"name": _name(stated[0], values[0]), **(values[0] or {"amount": 0})}
        if len(stated) < len(channels):
            where = ", ".join(ch.name for ch in stated)
            fee["note"] = f"{where}: {fee['note']}" if "note" in fee else where
        return [fee]
    fees: list[dict[str, Any]] = []
    for ch, value in zip(stated, values, strict=True):
        fee = {"name": _name(ch, value), **(value or {"amount": 0})}
        fee["note"] = f"{ch.name}: {fee['note']}" if "note" in fee else ch.name
        if fee not in fees:
            fees.append(fee)
    return fees
