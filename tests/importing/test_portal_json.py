"""Portal detail records as procedures: fields, normalization, filters, problems."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from portal_records import RAW, bqp_record, chatbot_record, make_records, write_json

from tthc_cli.importing.portal_json import Filters, import_records, read_records, result_text
from tthc_cli.importing.problems import ImportResult


@pytest.fixture
def records(tmp_path: Path) -> Path:
    return make_records(tmp_path)


def run(paths: list[Path], filters: Filters | None = None) -> ImportResult:
    result = ImportResult()
    import_records(read_records(paths, result), filters or Filters(level="xa"), result)
    return result


def by_code(result: ImportResult) -> dict[str, dict[str, Any]]:
    return {item["code"]: item for item in result.items}


def test_known_record_times_fees_and_legal_basis(records: Path) -> None:
    item = by_code(run([records]))["1.004222"]
    assert item["time_limit"] == {"value": 7, "unit": "working-days"}
    assert item["fees"] == [
        {"name": "Phí, lệ phí", "amount": 20000, "note": "Trực tiếp"},
        {"name": "Phí, lệ phí", "amount": 10000, "note": "Trực tuyến"},
    ]
    assert item["legal_basis"] == ["68/2020/QH14", "57/2021/TT-BCA"]
    assert item["agency"] == "Công an cấp Xã"
    assert item["decision"] == "1523/QĐ-BCA-C06"
    assert item["subjects"] == ["Công dân Việt Nam", "Người Việt Nam định cư ở nước ngoài"]
    # An online channel, but no toàn trình / một phần flag: the level is not published.
    assert item["online"] == "available"


def test_text_is_nfc_with_one_tone_placement(records: Path) -> None:
    name = by_code(run([records]))["1.004194"]["name"]
    assert name == "Đăng ký tạm trú cho người ở khu vực Hòa Bình"
    assert unicodedata.is_normalized("NFC", name)


def test_bqp_shape(records: Path) -> None:
    item = by_code(run([records]))["1.013129"]
    assert item["time_limit"] == {
        "value": 5,
        "unit": "working-days",
        "note": "Trực tiếp: 05 Ngày làm việc; Dịch vụ bưu chính: 07 Ngày làm việc",
    }
    assert item["fees"] == []
    assert "online" not in item  # no online channel listed: not stated, never `none`
    assert item["legal_basis"] == ["67/2024/TT-BQP"]
    assert item["decision"] == "6376/QĐ-BQP"


def test_level_and_field_filters(records: Path) -> None:
    result = run([records])
    assert set(by_code(result)) == {"1.004222", "1.004194", "1.000001", "1.013129"}
    assert result.read == 5
    assert result.filtered == 1
    result = run([records], Filters(level="xa", exclude_fields=["hai quan"]))
    assert "1.000001" not in by_code(result)
    result = run([records], Filters(level="tinh"))
    assert set(by_code(result)) == {"2.000002"}


def test_problems_record_by_record(tmp_path: Path) -> None:
    folder = tmp_path / "json"
    write_json(
        folder,
        "a.json",
        chatbot_record(
            "1.000100",
            "Thñ tôc ®¨ng ký khai sinh cho trÎ em",
            cach_thuc_thuc_hien="Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5Miễn phí",
            raw_text="Mã thủ tục1.000999Số quyết định",
            so_quyet_dinh="QĐ/0001-BCA",
        ),
    )
    write_json(folder, "b.json", chatbot_record("bad", "Không mã"))
    (folder / "c.json").write_text("{not json", encoding="utf-8")
    result = run([folder])
    reasons = {(p.record, p.reason) for p in result.problems}
    assert reasons == {
        ("1.000100", "mojibake"),
        ("1.000100", "time-without-unit"),
        ("1.000100", "code-differs-from-page"),
        ("1.000100", "decision-unreadable"),
        ("bad", "bad-code"),
    }
    assert len(result.errors) == 1
    assert "c.json: cannot read" in result.errors[0]
    item = by_code(result)["1.000100"]
    assert "time_limit" not in item
    assert item["fees"] == []
    assert "decision" not in item


def test_a_code_seen_twice_is_kept_once(tmp_path: Path) -> None:
    folder = tmp_path / "json"
    write_json(folder, "a.json", chatbot_record("1.004222", "Đăng ký thường trú"))
    write_json(folder, "b.json", [chatbot_record("1.004222", "Đăng ký thường trú")])
    result = run([folder])
    assert len(result.items) == 1
    assert [p.reason for p in result.problems] == ["duplicate-code"]


CHATBOT = RAW / "chatbot-tthc" / "cap-xa-json"
BQP = RAW / "nhdandz-tthc-bqp" / "extracted_fixed"


@pytest.mark.skipif(not CHATBOT.is_dir(), reason=f"real portal records not present: {CHATBOT}")
def test_real_chatbot_records() -> None:
    result = run([CHATBOT])
    assert result.read == 588
    assert len(result.items) == 588
    assert not result.errors
    item = by_code(result)["1.004222"]
    assert item["name"] == "Đăng ký thường trú"
    assert item["time_limit"] == {"value": 7, "unit": "working-days"}
    fees = {fee["note"]: fee["amount"] for fee in item["fees"]}
    assert fees == {"Trực tiếp": 20000, "Trực tuyến": 10000}
    assert "68/2020/QH14" in item["legal_basis"]
    assert "53/2025/TT-BCA" in item["legal_basis"]
    birth = by_code(result)["1.001193"]
    assert birth["fees"] == []
    assert "60/2014/QH13" in birth["legal_basis"]
    # The scrape stored some pages under another procedure's code.
    differs = [p for p in result.problems if p.reason == "code-differs-from-page"]
    assert len(differs) == 17


@pytest.mark.skipif(not BQP.is_dir(), reason=f"real BQP records not present: {BQP}")
def test_real_bqp_records_at_commune_level() -> None:
    result = run([BQP])
    assert result.read == 207
    assert not result.errors
    assert len(result.items) == 85  # "Cấp Xã" among the levels
    assert all("field" in item and "name" in item for item in result.items)


def test_json_list_and_bad_items(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([chatbot_record("1.004222", "A"), 3]), encoding="utf-8")
    result = run([path])
    assert len(result.items) == 1
    assert result.errors == [f"{path}[1]: not a portal procedure record"]


LATE_BASIS = (
    "Tên văn bản pháp lýMã văn bản"
    "Nghị định số 220/2025/NĐ-CP ngày 07/8/2025 của Chính phủ220/2025/NĐ-CP"
    "Nghị định sửa đổi18/2026/NĐ-CP"
    "Nghị định số 120/2025/NĐ-CP của Chính phủ120/2025/NĐ-CP"
    "Luật 60/2014/QH1360/2014/QH13"
)


def test_documents_issued_after_effective_are_left_out_and_reported(tmp_path: Path) -> None:
    folder = tmp_path / "json"
    write_json(folder, "a.json", chatbot_record("1.001193", "Khai sinh", can_cu_phap_ly=LATE_BASIS))
    result = ImportResult()
    import_records(read_records([folder], result), Filters(level="xa"), result, "2025-07-01")
    # 220/2025 is dated 07/8/2025 by the record; 18/2026 has a later year; 120/2025 gives no
    # date and has the same year, so it is kept.
    assert result.items[0]["legal_basis"] == ["60/2014/QH13", "120/2025/NĐ-CP"]  # by year
    late = [(p.reason, p.detail) for p in result.problems]
    assert late == [
        ("legal-basis-after-effective", "220/2025/NĐ-CP (2025-08-07)"),
        ("legal-basis-after-effective", "18/2026/NĐ-CP (2026)"),
    ]
    # Without a date every document the record cites is kept.
    assert len(by_code(run([folder]))["1.001193"]["legal_basis"]) == 4


def test_bqp_rows_give_their_dates_and_a_bare_number_takes_its_title(tmp_path: Path) -> None:
    record = bqp_record("1.013133", "Đăng ký nghĩa vụ quân sự lần đầu")
    record["tables"]["can_cu_phap_ly"] = [
        {"so_ky_hieu": "78/2015/QH13", "trich_yeu": "Luật", "ngay_ban_hanh": "19-06-2015"},
        {"so_ky_hieu": "104", "trich_yeu": "Nghị định số 104/2022/NĐ-CP của Chính phủ: Sửa đổi"},
        {"so_ky_hieu": "220/2025/NĐ-CP", "trich_yeu": "", "ngay_ban_hanh": "07-08-2025"},
    ]
    write_json(tmp_path, "b.json", record)
    result = ImportResult()
    import_records(read_records([tmp_path], result), Filters(level="xa"), result, "2025-07-01")
    assert result.items[0]["legal_basis"] == ["78/2015/QH13", "104/2022/NĐ-CP"]
    assert [p.reason for p in result.problems] == ["legal-basis-after-effective"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tinMô tả", "Giấy khai sinh"),
        (
            "Văn bản từ chốiMã: KQ-G10.001197Quyết định giao khu vực biểnMã: KQ.G10.001439",
            "Văn bản từ chối; Quyết định giao khu vực biển",
        ),
        ("Không có thông tin", ""),
    ],
)
def test_result_without_codes_and_page_text(text: str, expected: str) -> None:
    assert result_text(text) == expected


def test_a_name_keeps_no_trailing_colon_and_an_agency_must_be_a_name(tmp_path: Path) -> None:
    write_json(
        tmp_path,
        "a.json",
        chatbot_record(
            "2.000942",
            "Cấp giấy phép xây dựng và nhà ở riêng lẻ:",
            co_quan_thuc_hien="chứng thực tiến hành chụp từ bản chính như sau: * Ghi đầy đủ",
        ),
    )
    result = run([tmp_path])
    item = by_code(result)["2.000942"]
    assert item["name"] == "Cấp giấy phép xây dựng và nhà ở riêng lẻ"
    assert "agency" not in item
    assert [p.reason for p in result.problems] == ["agency-unreadable"]


def test_a_subject_with_commas_stays_one(tmp_path: Path) -> None:
    subjects = "Công dân Việt Nam, Cán bộ, công chức, viên chức, Doanh nghiệp (không gồm HTX, tổ)"
    write_json(tmp_path, "a.json", chatbot_record("1.000001", "A", doi_tuong_thuc_hien=subjects))
    assert by_code(run([tmp_path]))["1.000001"]["subjects"] == [
        "Công dân Việt Nam",
        "Cán bộ, công chức, viên chức",
        "Doanh nghiệp (không gồm HTX, tổ)",
    ]
