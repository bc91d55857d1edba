"""The plain-shape check of `tthc diff`'s fast reader never accepts what the schema refuses."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tthc_cli.catalog.procfast import plainly_valid_catalog, read_fast
from tthc_cli.domain.models import ProcedureCatalog

_ODD = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.sampled_from(["", " ", "x", "Hòa", "Hoà", "đ", "full", "xa", "huyen", "procedure-catalog"])
    | st.lists(st.sampled_from(["", "a", 1, None]), max_size=2)
    | st.dictionaries(
        st.sampled_from(["name", "value", "unit", "note", "amount", "extra"]),
        st.sampled_from(["", "Lệ phí", 0, 1.5, float("nan"), True, None]),
        max_size=3,
    )
)
_CATALOG_KEYS = ["kind", "province", "level", "effective", "title", "source", "decisions", "x"]
_PROCEDURE_KEYS = [
    "code", "name", "field", "agency", "time_limit", "fees", "online",
    "location_independent", "legal_basis", "subjects", "notes", "other",
]  # fmt: skip

BASE: dict[str, Any] = {
    "kind": "procedure-catalog",
    "province": "48",
    "level": "xa",
    "effective": "2025-07-01",
    "title": "Danh mục",
    "decisions": ["1390/QĐ-UBND"],
    "procedures": [
        {
            "code": "1.001193",
            "name": "Đăng ký khai sinh",
            "field": "Hộ tịch",
            "time_limit": {"value": 5, "unit": "working-days", "note": "n"},
            "fees": [{"name": "Lệ phí", "amount": 8000}, {"name": "Phí", "amount": None}],
            "online": "full",
            "location_independent": True,
            "legal_basis": ["60/2014/QH13"],
        },
        {"code": "1.000001", "name": "Hoà giải", "field": "Tư pháp", "fees": []},
    ],
}


def _schema_accepts(data: dict[str, Any]) -> bool:
    try:
        ProcedureCatalog.model_validate(data)
    except ValidationError:
        return False
    return True


def test_a_plain_catalog_needs_no_schema_run() -> None:
    assert plainly_valid_catalog(copy.deepcopy(BASE))
    assert _schema_accepts(BASE)


@settings(max_examples=400)
@given(
    top=st.dictionaries(st.sampled_from(_CATALOG_KEYS), _ODD, max_size=2),
    drop=st.sets(st.sampled_from(["kind", "province", "level", "effective", "procedures"])),
    item=st.dictionaries(st.sampled_from(_PROCEDURE_KEYS), _ODD, max_size=3),
    index=st.integers(0, 1),
)
def test_never_accepts_what_the_schema_refuses(
    top: dict[str, Any], drop: set[str], item: dict[str, Any], index: int
) -> None:
    data = copy.deepcopy(BASE)
    data.update(top)
    for key in drop:
        data.pop(key, None)
    if "procedures" in data:
        data["procedures"][index].update(item)
    if plainly_valid_catalog(data):
        assert _schema_accepts(data)


@pytest.mark.parametrize(
    "change",
    [
        {"online": "sometimes"},
        {"name": ""},
        {"time_limit": {"value": True, "unit": "working-days"}},
        {"fees": [{"name": "Lệ phí", "amount": "8000"}]},
        {"legal_basis": ["60/2014/QH13", ""]},
        {"unknown": 1},
    ],
)
def test_a_catalog_the_schema_refuses_takes_the_full_loader(change: dict[str, Any]) -> None:
    data = copy.deepcopy(BASE)
    data["procedures"][0].update(change)
    assert not plainly_valid_catalog(data)
    assert not _schema_accepts(data)
    text = (
        "kind: procedure-catalog\nprovince: '48'\nlevel: xa\neffective: '2025-07-01'\n"
        "procedures:\n- code: '1.001193'\n  name: ''\n  field: Hộ tịch\n"
    )
    assert read_fast("a.yaml", text) is None
