"""The portal's list (XLSX) and the unit list with the old -> new mapping."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook
from portal_records import RAW

from tthc_cli.catalog.loading import load_text
from tthc_cli.domain.models import UnitsFile
from tthc_cli.importing.portal_json import Filters
from tthc_cli.importing.portal_xlsx import read_xlsx
from tthc_cli.importing.problems import ImportResult
from tthc_cli.importing.units import import_units, units_yaml

HEADER = ("Mã số", "Tên", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực")


def make_xlsx(path: Path, rows: Sequence[tuple[str | None, ...]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nDANH SÁCH THỦ TỤC HÀNH CHÍNH",))
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_list_rows_become_procedures(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "list.xlsx",
        [
            ("1.001193", " Đăng ký khai sinh ", "Bộ Tư pháp", "Ủy ban nhân dân cấp xã", "Hộ tịch"),
            ("1.000001", "Cấp phép", "Bộ Tư pháp", "Sở Tư pháp\nỦy ban nhân dân cấp tỉnh", "X"),
            ("abc", "Không mã", "Bộ Tư pháp", "", "Hộ tịch"),
            ("1.001193", "Đăng ký khai sinh", "Bộ Tư pháp", "Ủy ban nhân dân cấp xã", "Hộ tịch"),
            (None, None, None, None, None),
        ],
    )
    result = ImportResult()
    read_xlsx([path], Filters(), result)
    assert result.items == [
        {"code": "1.001193", "name": "Đăng ký khai sinh", "field": "Hộ tịch",
         "agency": "Ủy ban nhân dân cấp xã"},
        {"code": "1.000001", "name": "Cấp phép", "field": "X",
         "agency": "Sở Tư pháp; Ủy ban nhân dân cấp tỉnh"},
    ]  # fmt: skip
    assert [(p.source, p.reason) for p in result.problems] == [
        (f"{path}:5", "bad-code"),
        (f"{path}:6", "duplicate-code"),
    ]
    assert result.read == 4
    assert result.missing["time_limit"] == 2  # the list has no time limits: counted, not filled


def test_agency_filter_and_unreadable_files(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "list.xlsx",
        [
            ("1.001193", "Đăng ký khai sinh", "Bộ", "Ủy ban nhân dân cấp xã", "Hộ tịch"),
            ("1.000001", "Cấp phép", "Bộ", "Sở Tư pháp", "X"),
        ],
    )
    (tmp_path / "bad.xlsx").write_bytes(b"not a workbook")
    result = ImportResult()
    read_xlsx([path, tmp_path / "bad.xlsx"], Filters(agencies=["cap xa"]), result)
    assert [item["code"] for item in result.items] == ["1.001193"]
    assert result.filtered == 1
    assert result.errors == [
        f"{tmp_path / 'bad.xlsx'}: not a readable .xlsx workbook (File is not a zip file)"
    ]


XLSX = RAW / "chatbot-tthc" / "xlsx"


@pytest.mark.skipif(not XLSX.is_dir(), reason=f"real portal lists not present: {XLSX}")
def test_real_lists() -> None:
    result = ImportResult()
    read_xlsx(sorted(XLSX.glob("*.xlsx")), Filters(), result)
    assert not result.errors
    assert result.read == 2642
    assert len(result.items) == 2642
    assert result.missing["agency"] == 510  # rows with an empty Cơ quan thực hiện
    commune = ImportResult()
    read_xlsx(sorted(XLSX.glob("*.xlsx")), Filters(agencies=["cấp xã"]), commune)
    assert len(commune.items) == 236


UNIT_LIST = "Mã,Tên,Tên Tiếng Anh,Cấp,Mã QH,Quận Huyện,Mã TP,Tỉnh / Thành Phố\n" + "\n".join(
    [
        "20194,Phường Hòa Hiệp Bắc,,Phường,490,Quận Liên Chiểu,48,Thành phố Đà Nẵng",
        "20195,Phường Hòa Hiệp Nam,,Phường,490,Quận Liên Chiểu,48,Thành phố Đà Nẵng",
        "20296,Xã Hòa Liên,,Xã,497,Huyện Hòa Vang,48,Thành phố Đà Nẵng",
    ]
)
MAPPING = "province_code,province_name,code,name,old_code,old_name,part\n" + "\n".join(
    [
        "48,Thành phố Đà Nẵng,20194,Phường Hải Vân,20194,Phường Hoà Hiệp Bắc,",
        "48,Thành phố Đà Nẵng,20194,Phường Hải Vân,20195,Phường Hòa Hiệp Nam,",
        "48,Thành phố Đà Nẵng,20194,Phường Hải Vân,20296,Xã Hòa Liên Cũ,x",
        "48,Thành phố Đà Nẵng,20197,Phường Liên Chiểu,20296,,true",
        "48,Thành phố Đà Nẵng,20197,Phường Liên Chiểu,20999,Xã Không Có,",
    ]
)


def test_units_from_a_csv_mapping(tmp_path: Path) -> None:
    (tmp_path / "units.csv").write_text("\ufeff" + UNIT_LIST, encoding="utf-8")
    (tmp_path / "map.csv").write_text(MAPPING, encoding="utf-8")
    result = ImportResult()
    provinces = import_units([tmp_path / "units.csv"], tmp_path / "map.csv", result)
    text = units_yaml(provinces["48"], "2025-07-01", "test")
    data = load_text(text).data
    UnitsFile.model_validate(data)
    first, second = data["communes"]
    assert first["formed_from"] == [
        {"code": "20194", "name": "Phường Hòa Hiệp Bắc"},
        {"code": "20195", "name": "Phường Hòa Hiệp Nam"},
        {"code": "20296", "name": "Xã Hòa Liên", "part": True},
    ]
    assert second["formed_from"][0] == {"code": "20296", "name": "Xã Hòa Liên", "part": True}
    # Tone placement alone is not a different name; another word is.
    assert [(p.record, p.reason) for p in result.problems] == [
        ("20296", "old-name-differs"),
        ("20999", "old-code-not-in-unit-list"),
    ]


def test_units_from_dvhcvn_merges(tmp_path: Path) -> None:
    merges = {
        "data": [
            {
                "level1_id": "48",
                "name": "Thành phố Đà Nẵng",
                "level2s": [
                    {
                        "level2_id": "20194",
                        "name": "Phường Hải Vân",
                        "merges": [{"old_id": "20296", "name": "Xã Hòa Liên", "type": "partial"}],
                    }
                ],
            }
        ]
    }
    (tmp_path / "merges.json").write_text(json.dumps(merges), encoding="utf-8")
    (tmp_path / "units.csv").write_text(UNIT_LIST, encoding="utf-8")
    result = ImportResult()
    provinces = import_units([tmp_path / "units.csv"], tmp_path / "merges.json", result)
    commune = provinces["48"].communes["20194"]
    assert commune.formed_from == [{"code": "20296", "name": "Xã Hòa Liên", "part": True}]
    assert result.problems == []


GSO = RAW / "vietnamadminunits" / "danhmuchanhchinh.gso.gov.vn_ward_2025-07-18.csv"
MERGES = RAW / "dvhcvn-20250701" / "mapping" / "merges.json"


@pytest.mark.skipif(
    not (GSO.is_file() and MERGES.is_file()), reason=f"real unit list or mapping not present: {GSO}"
)
def test_real_unit_list_and_mapping() -> None:
    result = ImportResult()
    provinces = import_units([GSO], MERGES, result)
    assert len(provinces) == 34
    assert sum(len(p.communes) for p in provinces.values()) == 3321
    links = sum(len(c.formed_from) for p in provinces.values() for c in p.communes.values())
    assert links == 10604
    assert result.reasons() == {"old-code-not-in-unit-list": 17, "old-name-differs": 4}
    hai_van = provinces["48"].communes["20194"]
    assert {"code": "20296", "name": "Xã Hòa Liên", "part": True} in hai_van.formed_from
