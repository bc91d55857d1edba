"""Imported procedures as YAML: new catalogs read back the same; merges keep what is there."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tthc_cli.catalog.loading import load_text
from tthc_cli.domain.models import ProcedureCatalog
from tthc_cli.importing.catalog_yaml import merge, new_catalog

HEADER = {"kind": "procedure-catalog", "province": "48", "level": "xa", "effective": "2025-07-01"}
RESIDENCE = {
    "code": "1.004222",
    "name": "Đăng ký thường trú",
    "field": "Đăng ký, quản lý cư trú",
    "time_limit": {"value": 7, "unit": "working-days"},
    "fees": [
        {"name": "Phí, lệ phí", "amount": 20000, "note": "Trực tiếp"},
        {"name": "Phí, lệ phí", "amount": 10000, "note": "Trực tuyến"},
    ],
    "legal_basis": ["68/2020/QH14", "55/2021/TT-BCA"],
}


def test_new_catalog_reads_back_and_passes_the_schema() -> None:
    text = new_catalog(HEADER, [RESIDENCE], "Imported for a test.")
    data = load_text(text).data
    assert data["procedures"] == [RESIDENCE]
    ProcedureCatalog.model_validate(data)
    assert text.startswith("# Imported for a test.\nkind: procedure-catalog\n")
    assert 'code: "1.004222"' in text


TEXT = st.text(
    alphabet=st.sampled_from(list("aăâđĐ:#'\"-[]{},!&*?|>% Hòa hoà 0123456789\t")), min_size=1
).filter(lambda s: s.strip() == s)


@given(names=st.lists(TEXT, min_size=1, max_size=4))
def test_any_text_is_written_so_that_it_reads_back(names: list[str]) -> None:
    procedures: list[dict[str, Any]] = [
        {"code": f"1.{index:06d}", "name": name, "field": name, "subjects": [name]}
        for index, name in enumerate(names)
    ]
    data = load_text(new_catalog(HEADER, procedures, "x")).data
    assert data["procedures"] == procedures


HAND = """\
kind: procedure-catalog   # written by hand
province: "48"
level: xa
effective: 2025-07-01
procedures:
  - code: "1.004222"   # checked with the ward
    name: Đăng ký thường trú (sửa tay)
    field: Cư trú
    fees:
      - {name: Lệ phí, amount: 15000}
  # next one
  - code: "1.000001"
    name: Khác
    field: X
# the end
"""


def test_merge_keeps_what_is_written_and_adds_what_is_missing() -> None:
    new = {"code": "2.000001", "name": "Mới", "field": "Y"}
    plan = merge(HAND, load_text(HAND).data, [RESIDENCE, new])
    assert plan.added == ["2.000001"]
    assert plan.filled == [("1.004222", "time_limit"), ("1.004222", "legal_basis")]
    assert plan.kept == [("1.004222", "name"), ("1.004222", "field"), ("1.004222", "fees")]
    # Every line of the hand-written file is still there, in order.
    lines = plan.text.splitlines()
    kept = [line for line in lines if line in HAND.splitlines()]
    assert kept == HAND.splitlines()
    data = load_text(plan.text).data
    first = data["procedures"][0]
    assert first["name"] == "Đăng ký thường trú (sửa tay)"
    assert first["fees"] == [{"name": "Lệ phí", "amount": 15000}]
    assert first["time_limit"] == {"value": 7, "unit": "working-days"}
    assert data["procedures"][2] == new
    assert plan.text.endswith("    field: Y\n# the end\n")


def test_merge_is_idempotent() -> None:
    once = merge(HAND, load_text(HAND).data, [RESIDENCE]).text
    twice = merge(once, load_text(once).data, [RESIDENCE])
    assert twice.text == once
    assert twice.added == []
    assert twice.filled == []


def test_merge_into_an_empty_flow_list_and_crlf() -> None:
    text = "kind: procedure-catalog\r\nprocedures: []\r\n"
    plan = merge(text, load_text(text).data, [RESIDENCE])
    assert "\n" not in plan.text.replace("\r\n", "")
    assert load_text(plan.text).data["procedures"] == [RESIDENCE]


def test_same_national_code_with_a_local_suffix_is_the_same_procedure() -> None:
    text = HAND.replace('"1.004222"', '"1.004222.000.00.00.H17"')
    plan = merge(text, load_text(text).data, [RESIDENCE])
    assert plan.added == []
    assert ("1.004222", "time_limit") in plan.filled
