"""Province codes of the statistics office before and after the 1 July 2025 arrangement."""

from __future__ import annotations

REFORM_DATE = "2025-07-01"

# The 34 provinces from 1 July 2025, with the codes of Công văn 915/CTK-CSCL (Cục Thống kê).
PROVINCES_2025: dict[str, str] = {
    "01": "Thành phố Hà Nội",
    "04": "Tỉnh Cao Bằng",
    "08": "Tỉnh Tuyên Quang",
    "11": "Tỉnh Điện Biên",
    "12": "Tỉnh Lai Châu",
    "14": "Tỉnh Sơn La",
    "15": "Tỉnh Lào Cai",
    "19": "Tỉnh Thái Nguyên",
    "20": "Tỉnh Lạng Sơn",
    "22": "Tỉnh Quảng Ninh",
    "24": "Tỉnh Bắc Ninh",
    "25": "Tỉnh Phú Thọ",
    "31": "Thành phố Hải Phòng",
    "33": "Tỉnh Hưng Yên",
    "37": "Tỉnh Ninh Bình",
    "38": "Tỉnh Thanh Hóa",
    "40": "Tỉnh Nghệ An",
    "42": "Tỉnh Hà Tĩnh",
    "44": "Tỉnh Quảng Trị",
    "46": "Thành phố Huế",
    "48": "Thành phố Đà Nẵng",
    "51": "Tỉnh Quảng Ngãi",
    "52": "Tỉnh Gia Lai",
    "56": "Tỉnh Khánh Hòa",
    "66": "Tỉnh Đắk Lắk",
    "68": "Tỉnh Lâm Đồng",
    "75": "Tỉnh Đồng Nai",
    "79": "Thành phố Hồ Chí Minh",
    "80": "Tỉnh Tây Ninh",
    "82": "Tỉnh Đồng Tháp",
    "86": "Tỉnh Vĩnh Long",
    "91": "Tỉnh An Giang",
    "92": "Thành phố Cần Thơ",
    "96": "Tỉnh Cà Mau",
}

# The 63 provinces before 1 July 2025, as the statistics office's unit list of 18 July 2025
# names them (danhmuchanhchinh.gso.gov.vn); several of their codes now mean another, merged
# province (52 was Bình Định, now Gia Lai; 80 was Long An, now Tây Ninh).
PROVINCES_BEFORE_2025: dict[str, str] = {
    "01": "Thành phố Hà Nội",
    "02": "Tỉnh Hà Giang",
    "04": "Tỉnh Cao Bằng",
    "06": "Tỉnh Bắc Kạn",
    "08": "Tỉnh Tuyên Quang",
    "10": "Tỉnh Lào Cai",
    "11": "Tỉnh Điện Biên",
    "12": "Tỉnh Lai Châu",
    "14": "Tỉnh Sơn La",
    "15": "Tỉnh Yên Bái",
    "17": "Tỉnh Hòa Bình",
    "19": "Tỉnh Thái Nguyên",
    "20": "Tỉnh Lạng Sơn",
    "22": "Tỉnh Quảng Ninh",
    "24": "Tỉnh Bắc Giang",
    "25": "Tỉnh Phú Thọ",
    "26": "Tỉnh Vĩnh Phúc",
    "27": "Tỉnh Bắc Ninh",
    "30": "Tỉnh Hải Dương",
    "31": "Thành phố Hải Phòng",
    "33": "Tỉnh Hưng Yên",
    "34": "Tỉnh Thái Bình",
    "35": "Tỉnh Hà Nam",
    "36": "Tỉnh Nam Định",
    "37": "Tỉnh Ninh Bình",
    "38": "Tỉnh Thanh Hóa",
    "40": "Tỉnh Nghệ An",
    "42": "Tỉnh Hà Tĩnh",
    "44": "Tỉnh Quảng Bình",
    "45": "Tỉnh Quảng Trị",
    "46": "Thành phố Huế",
    "48": "Thành phố Đà Nẵng",
    "49": "Tỉnh Quảng Nam",
    "51": "Tỉnh Quảng Ngãi",
    "52": "Tỉnh Bình Định",
    "54": "Tỉnh Phú Yên",
    "56": "Tỉnh Khánh Hòa",
    "58": "Tỉnh Ninh Thuận",
    "60": "Tỉnh Bình Thuận",
    "62": "Tỉnh Kon Tum",
    "64": "Tỉnh Gia Lai",
    "66": "Tỉnh Đắk Lắk",
    "67": "Tỉnh Đắk Nông",
    "68": "Tỉnh Lâm Đồng",
    "70": "Tỉnh Bình Phước",
    "72": "Tỉnh Tây Ninh",
    "74": "Tỉnh Bình Dương",
    "75": "Tỉnh Đồng Nai",
    "77": "Tỉnh Bà Rịa - Vũng Tàu",
    "79": "Thành phố Hồ Chí Minh",
    "80": "Tỉnh Long An",
    "82": "Tỉnh Tiền Giang",
    "83": "Tỉnh Bến Tre",
    "84": "Tỉnh Trà Vinh",
    "86": "Tỉnh Vĩnh Long",
    "87": "Tỉnh Đồng Tháp",
    "89": "Tỉnh An Giang",
    "91": "Tỉnh Kiên Giang",
    "92": "Thành phố Cần Thơ",
    "93": "Tỉnh Hậu Giang",
    "94": "Tỉnh Sóc Trăng",
    "95": "Tỉnh Bạc Liêu",
    "96": "Tỉnh Cà Mau",
}

# The 63 province codes in use before 1 July 2025.
PROVINCE_CODES_BEFORE_2025: frozenset[str] = frozenset(PROVINCES_BEFORE_2025)


def known_codes(effective: str | None) -> frozenset[str]:
    """The province codes valid on a date (ISO text); before the reform, the 63 old codes."""
    if effective is not None and effective < REFORM_DATE:
        return PROVINCE_CODES_BEFORE_2025
    return frozenset(PROVINCES_2025)


_TYPE_WORDS = ("Thành phố ", "Tỉnh ")


def province_name(code: str, effective: str | None = None) -> str | None:
    """The official name of the province with this code on a date (ISO text; None or empty:
    today), or None for a code no province had then."""
    if effective and effective < REFORM_DATE:
        return PROVINCES_BEFORE_2025.get(code)
    return PROVINCES_2025.get(code)


def short_province_name(name: str) -> str:
    """A province's name without its type word: "Thành phố Đà Nẵng" -> "Đà Nẵng"."""
    for word in _TYPE_WORDS:
        if name.startswith(word):
            return name[len(word) :]
    return name
