"""What the symbol of a legal-document number says: the document type and who issued it
(`123/2015/NĐ-CP`: nghị định of the Chính phủ), in Vietnamese, for readers (editor hovers)."""

from __future__ import annotations

from tthc_cli.domain.documents import parse_document_number

# The first part of a symbol: the document type (Nghị định 30/2020/NĐ-CP, Phụ lục I).
TYPES = {
    "L": "Luật",
    "QH": "Luật / Nghị quyết của Quốc hội",
    "NĐ": "Nghị định",
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "CT": "Chỉ thị",
    "VBHN": "Văn bản hợp nhất",
    "PL": "Pháp lệnh",
    "KH": "Kế hoạch",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
}
# The issuer, after the type.
ISSUERS = {
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "BTC": "Bộ Tài chính",
    "BTP": "Bộ Tư pháp",
    "BCA": "Bộ Công an",
    "BNV": "Bộ Nội vụ",
    "BYT": "Bộ Y tế",
    "BXD": "Bộ Xây dựng",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BCT": "Bộ Công Thương",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "VPCP": "Văn phòng Chính phủ",
}


def describe_document_number(text: str) -> list[str] | None:
    """Lines saying what a document number is (type, issuer, number, year); None when text is
    not a document number."""
    parsed = parse_document_number(text)
    if parsed is None:
        return None
    parts = parsed.symbol.split("-")
    lines = []
    kind = TYPES.get(parts[0]) or TYPES.get(parts[0].rstrip("0123456789"))
    if kind is not None:
        lines.append(f"Loại văn bản: {kind} ({parts[0]})")
    issuers = [ISSUERS.get(p) or ISSUERS.get(p.rstrip("0123456789")) for p in parts[1:]]
    named = [f"{name} ({code})" for name, code in zip(issuers, parts[1:], strict=True) if name]
    if named:
        lines.append("Cơ quan ban hành: " + ", ".join(named))
    lines.append(f"Số: {parsed.number}")
    if parsed.year is not None:
        lines.append(f"Năm ban hành: {parsed.year}")
    return lines
