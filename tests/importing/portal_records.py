"""Small portal records written like the real ones, for the importer tests."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any


def raw_data() -> Path:
    """../shared/data/raw beside the repository (or beside its worktree folder)."""
    from helpers import REPO

    for base in (REPO.parent, REPO.parent.parent):
        if (base / "shared" / "data" / "raw").is_dir():
            return base / "shared" / "data" / "raw"
    return REPO.parent / "shared" / "data" / "raw"


RAW = raw_data()
HEAD = "Hình thức nộpThời gianPhí, lệ phíMô tả"


def chatbot_record(code: str, name: str, **extra: Any) -> dict[str, Any]:
    record = {
        "ma_thu_tuc": code,
        "ten_thu_tuc": name,
        "so_quyet_dinh": "1523/QĐ-BCA-C06",
        "cap_thuc_hien": "Cấp xã",
        "loai_thu_tuc": "TTHC được giao luật quy định chi tiết",
        "linh_vuc": "Đăng ký, quản lý cư trú",
        "doi_tuong_thuc_hien": "Công dân Việt Nam, Người Việt Nam định cư ở nước ngoài",
        "co_quan_co_tham_quyen": "Công an cấp Xã",
        "cach_thuc_thuc_hien": HEAD
        + "Trực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(Nộp trực tuyến.)"
        + "Trực tiếp7 Ngày làm việc20,000 Việt Nam Đồng(Nộp tại cơ quan.)",
        "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật Cư trú 202068/2020/QH14"
        "Thông tư 57/2021/TT-BCA57/2021/TT-BCA",
        "co_quan_thuc_hien": "Công an cấp Xã",
        "raw_text": f"{name}Mã thủ tục{code}Số quyết định1523/QĐ-BCA-C06",
    }
    record.update(extra)
    return record


def bqp_record(code: str, name: str, levels: str = "Cấp Xã") -> dict[str, Any]:
    return {
        "thu_tuc_id": code,
        "metadata": {
            "mã_thủ_tục": code,
            "tên_thủ_tục": name,
            "số_quyết_định": "Quyết định số 6376/QĐ-BQP",
            "cấp_thực_hiện": levels,
            "loại_thủ_tục": "TTHC được luật giao quy định chi tiết",
            "lĩnh_vực": "Nghĩa vụ quân sự",
        },
        "content": {"cơ_quan_thực_hiện": "Ủy ban nhân dân cấp xã", "đối_tượng_thực_hiện": ""},
        "tables": {
            "hinh_thuc_nop": [
                {
                    "hinh_thuc": "Trực tiếp",
                    "thoi_han_giai_quyet": "05 Ngày làm việc",
                    "phi_le_phi": "Phí : 0 Đồng",
                    "mo_ta": "",
                },
                {
                    "hinh_thuc": "Dịch vụ bưu chính",
                    "thoi_han_giai_quyet": "07 Ngày làm việc",
                    "phi_le_phi": "Phí : 0 Đồng",
                    "mo_ta": "",
                },
            ],
            "can_cu_phap_ly": [{"so_ky_hieu": "Thông tư số 67/2024/TT-BQP", "trich_yeu": ""}],
        },
    }


def write_json(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def make_records(tmp_path: Path) -> Path:
    """Four chatbot records (one in NFD with the other tone placement, one customs procedure
    tagged commune level, one province-only) and one BQP record."""
    folder = tmp_path / "json"
    write_json(folder, "1.004222.json", chatbot_record("1.004222", "Đăng ký thường trú"))
    nfd_name = unicodedata.normalize("NFD", "Đăng ký tạm trú cho người ở khu vực Hoà Bình")
    write_json(folder, "1.004194.json", chatbot_record("1.004194", nfd_name))
    write_json(
        folder,
        "1.000001.json",
        chatbot_record(
            "1.000001", "Khai hải quan", linh_vuc="Hải quan", co_quan_thuc_hien="Chi cục Hải quan"
        ),
    )
    write_json(
        folder,
        "2.000002.json",
        chatbot_record("2.000002", "Cấp phép tỉnh", cap_thuc_hien="Cấp tỉnh"),
    )
    write_json(folder, "bqp/1.013129.json", bqp_record("1.013129", "Đăng ký nghĩa vụ quân sự"))
    return folder
