"""TT110 missing-publication-field."""

from __future__ import annotations

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages


def test_complete_procedure_passes() -> None:
    assert hits(CATALOG_HEAD + PROCEDURE, "TT110") == []


def test_free_procedure_with_empty_fees_passes() -> None:
    assert "    fees: []\n" in PROCEDURE
    assert hits(CATALOG_HEAD + PROCEDURE, "TT110") == []


def test_all_three_missing() -> None:
    text = CATALOG_HEAD + '  - {code: "1.001193", name: Đăng ký khai sinh, field: Hộ tịch}\n'
    assert hits(text, "TT110") == [(6, 5)]
    assert messages(text, "TT110") == [
        "procedure does not state agency (cơ quan thực hiện), time_limit (thời hạn), "
        "fees (phí, lệ phí; [] if free)"
    ]


@pytest.mark.parametrize(
    ("line", "stated"),
    [
        ("    agency: Ủy ban nhân dân cấp xã\n", "agency (cơ quan thực hiện)"),
        ("    time_limit: {value: 1, unit: working-days}\n", "time_limit (thời hạn)"),
        ("    fees: []\n", "fees (phí, lệ phí; [] if free)"),
    ],
)
def test_one_missing_part(line: str, stated: str) -> None:
    text = CATALOG_HEAD + PROCEDURE.replace(line, "")
    assert hits(text, "TT110") == [(6, 5)]
    assert messages(text, "TT110") == [f"procedure does not state {stated}"]


def test_null_fees_count_as_missing() -> None:
    text = CATALOG_HEAD + PROCEDURE.replace("    fees: []\n", "    fees:\n")
    assert messages(text, "TT110") == ["procedure does not state fees (phí, lệ phí; [] if free)"]


def test_each_incomplete_procedure_is_reported() -> None:
    second = PROCEDURE.replace('"1.001193"', '"1.000894"').replace(
        "    agency: Ủy ban nhân dân cấp xã\n", ""
    )
    text = CATALOG_HEAD + PROCEDURE + second
    assert hits(text, "TT110") == [(14, 5)]


def test_units_files_are_not_checked() -> None:
    text = (
        'kind: units\nprovince: {code: "48", name: Đà Nẵng}\neffective: 2025-07-01\ncommunes: []\n'
    )
    assert hits(text, "TT110") == []
