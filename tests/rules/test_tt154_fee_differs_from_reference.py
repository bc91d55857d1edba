"""TT154 fee-differs-from-reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import catalog, checked, reference

FEE = {"name": "Lệ phí", "amount": 8000}
COUNCIL = {"name": "Lệ phí", "note": "HĐND tỉnh quyết định"}


def _found(tmp_path: Path, theirs: object, mine: object) -> list[str]:
    ref = reference(
        tmp_path / "ref",
        catalog([{"code": "2.000635", "name": "Cấp bản sao trích lục", "fees": theirs}]),
    )
    text = catalog([{"code": "2.000635", "name": "Cấp bản sao trích lục", "fees": mine}])
    return [f"{f.line}:{f.column} {f.message}" for f in checked(text, ref, "TT154")]


def test_free_where_the_reference_charges(tmp_path: Path) -> None:
    (found,) = _found(tmp_path, [FEE], [])
    assert found.startswith("9:11 fees (free) differ from the reference's (Lệ phí: 8000 đ, ")


@pytest.mark.parametrize(
    ("theirs", "mine"),
    [
        ([FEE], [{"name": "Lệ phí cấp bản sao", "amount": 8000}]),  # names are not compared
        ([], []),
        ([], [{"name": "Phí", "amount": 0}]),  # a zero amount is no fee
        ([COUNCIL], [FEE]),  # the council set the amount
        ([COUNCIL], [COUNCIL]),
        ([COUNCIL, COUNCIL], [COUNCIL]),  # one council fee per way of filing is one fee
        ([FEE, FEE], [FEE]),
        ([COUNCIL, FEE], [FEE, {"name": "Phí thẩm định", "amount": 50000}]),
        (None, [FEE]),
        ([FEE], None),
    ],
)
def test_same_fees(tmp_path: Path, theirs: object, mine: object) -> None:
    assert _found(tmp_path, theirs, mine) == []


@pytest.mark.parametrize(
    ("theirs", "mine"),
    [
        ([FEE], [{"name": "Lệ phí", "amount": 10000}]),
        ([COUNCIL], []),  # "free" where the council sets the fee
        ([], [COUNCIL]),
        ([FEE], [FEE, {"name": "Phí", "amount": 5000}]),
        ([FEE, {"name": "Lệ phí trực tuyến", "amount": 4000}], [FEE]),  # omits an amount
        ([FEE], [FEE, COUNCIL]),
    ],
)
def test_different_fees(tmp_path: Path, theirs: object, mine: object) -> None:
    assert len(_found(tmp_path, theirs, mine)) == 1


def test_the_council_fee_is_named_in_the_message(tmp_path: Path) -> None:
    (found,) = _found(tmp_path, [COUNCIL], [])
    assert "(Lệ phí: set by the provincial council, " in found
