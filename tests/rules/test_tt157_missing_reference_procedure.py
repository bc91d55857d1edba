"""TT157 missing-reference-procedure."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from helpers import catalog, checked, reference

NATIONAL = catalog(
    [
        {"code": "1.001193", "name": "Đăng ký khai sinh"},
        {"code": "1.000894", "name": "Đăng ký kết hôn"},
        {"code": "2.000635", "name": "Công nhận hòa giải viên"},
    ],
    province="00",
)


def _found(tmp_path: Path, texts: str | dict[str, str]) -> list[tuple[str, int, int, str]]:
    ref = reference(tmp_path / "ref", NATIONAL)
    return [(f.file, f.line, f.column, f.message) for f in checked(texts, ref, "TT157")]


def test_one_finding_per_missing_procedure_at_the_procedures_key(tmp_path: Path) -> None:
    found = _found(tmp_path, catalog([{"code": "1.001193", "name": "Đăng ký khai sinh"}]))
    assert [(line, column) for _file, line, column, _message in found] == [(5, 1), (5, 1)]
    assert [message.split(", which")[0] for *_rest, message in found] == [
        "missing 1.000894 “Đăng ký kết hôn”",
        "missing 2.000635 “Công nhận hòa giải viên”",
    ]
    assert found[0][3].endswith("ref0.yaml:10)")


def test_a_list_split_in_files_is_taken_together(tmp_path: Path) -> None:
    texts = {
        "a.yaml": catalog([{"code": "1.001193", "name": "Đăng ký khai sinh"}]),
        "b.yaml": catalog(
            [
                {"code": "1.000894.000.00.00.H48", "name": "Đăng ký kết hôn"},
                # No code: listed by its name, in NFD and the other tone placement.
                {"code": "", "name": unicodedata.normalize("NFD", "Công nhận hoà giải viên")},
            ]
        ),
    }
    assert _found(tmp_path, texts) == []


def test_a_name_differing_by_a_tone_does_not_list_it(tmp_path: Path) -> None:
    text = catalog(
        [
            {"code": "1.001193", "name": "Đăng ký khai sinh"},
            {"code": "1.000894", "name": "Đăng ký kết hôn"},
            {"code": "", "name": "Công nhận hóa giải viên"},
        ]
    )
    assert [message.split(",")[0] for *_rest, message in _found(tmp_path, text)] == [
        "missing 2.000635 “Công nhận hòa giải viên”"
    ]


def test_a_selection_is_not_asked_for_the_rest(tmp_path: Path) -> None:
    text = catalog([{"code": "1.001193", "name": "Đăng ký khai sinh"}]).replace(
        "procedures:", "selection: true\nprocedures:"
    )
    assert _found(tmp_path, text) == []


def test_other_levels_are_not_asked_for(tmp_path: Path) -> None:
    text = catalog([{"code": "1.008891", "name": "Cấp giấy phép"}], level="tinh")
    assert _found(tmp_path, text) == []


def test_no_reference_no_findings() -> None:
    assert (
        checked(catalog([{"code": "1.001193", "name": "Đăng ký khai sinh"}]), None, "TT157") == []
    )


def test_a_list_older_than_the_reference_is_not_checked(tmp_path: Path) -> None:
    text = catalog([{"code": "1.001193", "name": "Đăng ký khai sinh"}], effective="2024-07-01")
    assert _found(tmp_path, text) == []
