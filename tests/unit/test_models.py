"""The pydantic models: strict types, forbidden extras, the `from` alias."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tthc_cli.domain.models import Place, ProcedureCatalog, UnitsFile, model_for

CATALOG = {
    "kind": "procedure-catalog",
    "province": "48",
    "level": "xa",
    "effective": "2025-07-01",
    "procedures": [
        {
            "code": "1.001193",
            "name": "Đăng ký khai sinh",
            "field": "Hộ tịch",
            "time_limit": {"value": 1, "unit": "working-days"},
            "fees": [{"name": "Lệ phí", "amount": 8000}],
        }
    ],
}


def test_valid_catalog() -> None:
    model = ProcedureCatalog.model_validate(CATALOG)
    assert model.procedures[0].time_limit is not None
    assert model.procedures[0].time_limit.value == 1


def test_numbers_are_not_strings() -> None:
    bad = {**CATALOG, "province": 48}
    with pytest.raises(ValidationError):
        ProcedureCatalog.model_validate(bad)


def test_extra_keys_are_forbidden() -> None:
    with pytest.raises(ValidationError):
        ProcedureCatalog.model_validate({**CATALOG, "extra": 1})


def test_place_reads_from_alias() -> None:
    place = Place.model_validate({"name": "Thôn 1", "from": "Xã Hòa Bắc"})
    assert place.from_ == "Xã Hòa Bắc"


def test_units_minimal() -> None:
    units = UnitsFile.model_validate(
        {
            "kind": "units",
            "province": {"code": "48", "name": "Thành phố Đà Nẵng"},
            "effective": "2025-07-01",
            "communes": [{"code": "20194", "name": "Phường Hải Vân"}],
        }
    )
    assert units.communes[0].hamlets is None


def test_model_for() -> None:
    assert model_for("units") is UnitsFile
    assert model_for("nope") is None
    assert model_for(None) is None
