"""Tests for tthc_cli.text.legacy: TCVN3/VNI mojibake detection and conversion."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc_cli.text.legacy import _TCVN3, _VNI, LegacyText, convert, detect_legacy
from tthc_cli.text.normalize import ToneStyle, canonical_tones, nfc

DIVISIONS = (
    Path(__file__).resolve().parents[2].parent
    / "shared/data/raw/pypi-vietnam-provinces/flat-divisions.json"
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# DOMAIN A3 samples, plus the rest of the standard heading in both encodings.
TCVN3_SAMPLES = [
    ("ViÖt Nam", "Việt Nam"),
    ("Hµ Néi", "Hà Nội"),
    ("Thñ tôc hµnh chÝnh", "Thủ tục hành chính"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Tr\xadêng ®¹i häc", "Trường đại học"),
    ("X· T©n An", "Xã Tân An"),
    ("Thñ tôc ®¨ng ký kÕt h«n (1.001193)", "Thủ tục đăng ký kết hôn (1.001193)"),
]
VNI_SAMPLES = [
    ("Vieät Nam", "Việt Nam"),
    ("Haø Noäi", "Hà Nội"),
    ("Thuû tuïc haønh chính", "Thủ tục hành chính"),
    ("Tieáng Vieät", "Tiếng Việt"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Ngöôøi daân", "Người dân"),
    ("Khoâng coù thoâng tin", "Không có thông tin"),
]


@pytest.mark.parametrize(
    ("encoding", "legacy", "unicode"),
    [("TCVN3", *s) for s in TCVN3_SAMPLES] + [("VNI", *s) for s in VNI_SAMPLES],
)
def test_samples_are_detected_and_converted(encoding: str, legacy: str, unicode: str) -> None:
    found = detect_legacy(legacy)
    assert found is not None
    assert found.encoding == encoding
    assert found.converted == unicode
    assert 0.5 <= found.confidence <= 1.0
    assert 0 < len(found.sample) <= 40
    assert found.sample in legacy
    assert convert(legacy, encoding) == unicode


def test_tcvn3_heading_in_ascii_capitals_comes_back_in_capitals() -> None:
    found = detect_legacy("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM")
    assert found is not None
    assert found.converted == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_multi_line_tcvn3_document() -> None:
    text = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n\nTê khai"
    found = detect_legacy(text)
    assert found is not None
    assert found.encoding == "TCVN3"
    assert found.converted == (
        "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n\nTờ khai"
    )


def test_sample_is_cut_to_40_characters() -> None:
    found = detect_legacy("Thñ tôc hµnh chÝnh " * 5)
    assert found is not None
    assert len(found.sample) <= 40
    assert found.sample.startswith("Thñ tôc")


def test_result_is_a_frozen_dataclass() -> None:
    found = detect_legacy("Hµ Néi")
    assert isinstance(found, LegacyText)
    with pytest.raises(AttributeError):
        found.encoding = "VNI"  # type: ignore[misc]


def test_convert_accepts_aliases_and_rejects_unknown_encodings() -> None:
    assert convert("Hµ Néi", "abc") == convert("Hµ Néi", "TCVN3") == "Hà Nội"
    assert convert("Haø Noäi", "vni") == "Hà Nội"
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        convert("Hà Nội", "VISCII")


def test_convert_output_is_nfc_and_leaves_non_letters_alone() -> None:
    converted = convert("§iÒu 5 \u2013 \u201cHµ Néi\u201d, 2024", "TCVN3")
    assert converted == "Điều 5 \u2013 \u201cHà Nội\u201d, 2024"
    assert unicodedata.is_normalized("NFC", converted)


def test_vni_tables_follow_the_scheme() -> None:
    assert _VNI["aø"] == "à"
    assert _VNI["AØ"] == "À"
    assert _VNI["aê"] == "ă"
    assert _VNI["aë"] == "ặ"
    assert _VNI["oâ"] == "ô"
    assert _VNI["oä"] == "ộ"
    assert _VNI["ôù"] == "ớ"
    assert _VNI["öï"] == "ự"
    assert _VNI["ñ"] == "đ"
    assert _VNI["Ñ"] == "Đ"
    assert _VNI["ó"] == "ĩ"
    assert _VNI["î"] == "ỵ"


def test_tcvn3_table_matches_tcvn_5712() -> None:
    # Spot checks of byte -> letter facts (the key is the byte read as cp1252).
    for byte, letter in [(0xB5, "à"), (0xA7, "Đ"), (0xAE, "đ"), (0xAD, "ư"), (0xD6, "ệ"),
                         (0xE9, "ộ"), (0xFE, "ỵ"), (0xA1, "Ă"), (0xF1, "ủ")]:  # fmt: skip
        assert _TCVN3[bytes([byte]).decode("cp1252")] == letter
    assert all(unicodedata.is_normalized("NFC", v) and len(v) == 1 for v in _TCVN3.values())
    # Smart quotes/dashes (0x80-0x9F) and combining marks (0xB0-0xB4) are deliberately absent.
    assert not set("\u201c\u201d\u2013\u2014\xb0\xb1\xb4") & set(_TCVN3)


# ---------------------------------------------------------------- no false positives

CORRECT_VIETNAMESE = [
    "Hòa Bình",
    "Hoà Bình",
    "Thủ tục hành chính",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Không có thông tin",
    "Lê Quý Đôn",
    "Tân An (5 µm)",
    "Số 5 · Tổ 3",
    "© 2024 Công ty",
    "Giá 100 £",
    "Điều 5 § 2",
    "ảnh 3\u00d74 cm",
    "Ðông Hòa",
    "Ðăk Drjăng",
    "Xã Laêê",
    "Nghị định 123/2024/NĐ-CP",
]
FOREIGN = [
    "Café crème",
    "Müller Straße",
    "niño",
    "São Paulo",
    "El niño está en la casa",
    "Aún no lo sé",
    "Raúl y María",
    "Noël à Paris, où l'on mange des bûches",
    "Où est la gare? Là-bas.",
    "façade, naïve, coöperate",
    "crème brûlée",
    "Ich möchte Käse",
    "Größe",
    "Zürich Hauptbahnhof",
    "Göteborg",
    "Søren Kierkegaard",
    "Ærø",
    "Björk Guðmundsdóttir",
    "Ångström",
    "Œuvre complète",
    "Ñandú",
    "mañana por la mañana",
    "ação e não",
    "Antônio Carlos Jobim",
    "Côte d'Ivoire",
    "½ cup sugar, 25°C",
    "5 µm",
    "Mai Lan (5 µm)",
    "Copyright © 2024 ACME®",
    "¿Qué será? ¡Será!",
]
CODES = [
    "",
    " ",
    "1.001193",
    "1.012563",
    "123/2024/NĐ-CP",
    "QĐ-UBND",
    "TT-BTC",
    "2.000986.000.00.00.H56",
]


@pytest.mark.parametrize("text", CORRECT_VIETNAMESE + FOREIGN + CODES)
def test_no_detection(text: str) -> None:
    assert detect_legacy(text) is None


@pytest.mark.parametrize("text", CORRECT_VIETNAMESE)
@pytest.mark.parametrize("form", [nfd, lambda t: canonical_tones(t, ToneStyle.SECOND_VOWEL)])
def test_no_detection_in_other_forms(text: str, form: object) -> None:
    assert callable(form)
    assert detect_legacy(form(text)) is None


def _names() -> list[str]:
    if not DIVISIONS.is_file():
        pytest.skip(f"{DIVISIONS} not available")
    data = json.loads(DIVISIONS.read_text(encoding="utf-8"))
    return [d["name"] for d in data] + sorted({d["province_name"] for d in data})


def test_no_detection_on_official_names() -> None:
    names = _names()
    assert len(names) == 3321 + 34
    for name in names:
        for form in (name, nfd(name), canonical_tones(name, ToneStyle.SECOND_VOWEL), name.upper()):
            assert detect_legacy(form) is None, form


def _to_tcvn3(text: str) -> str:
    # What a .VnTime document looks like after a cp1252 misreading; VN3 fonts have no accented
    # capitals, so those are typed as the lowercase code (drawn big by .VnTimeH fonts).
    inverse = {v: k for k, v in _TCVN3.items()}
    return "".join(inverse.get(c) or inverse.get(c.lower()) or c for c in text)


def _to_vni(text: str) -> str:
    inverse: dict[str, str] = {}
    for key, value in _VNI.items():
        same_case = len(key) == 1 or key[0].islower() == key[1].islower()
        if same_case and value not in inverse:
            inverse[value] = key
    return "".join(inverse.get(c, c) for c in text)


@pytest.mark.parametrize(("encoding", "encode"), [("TCVN3", _to_tcvn3), ("VNI", _to_vni)])
def test_official_names_round_trip(encoding: str, encode: object) -> None:
    assert callable(encode)
    names = sorted(set(_names()))
    detected = 0
    for name in names:
        legacy = encode(name)
        found = detect_legacy(legacy)
        if found is None:
            continue
        detected += 1
        assert found.encoding == encoding, (name, legacy)
        # TCVN3 keeps no case for accented capitals, so compare those case-insensitively.
        assert found.converted.lower() == name.lower(), (name, legacy)
        if encoding == "VNI":
            assert found.converted == name
    # Misses are mostly minority-language names (Ea Na, Kon Plông) that are not Vietnamese
    # syllables, and short VNI names with no character outside the Vietnamese letter set.
    assert detected >= 0.95 * len(names)


_WORDS = [
    "Thủ", "tục", "hành", "chính", "cấp", "xã", "Không", "có", "thông", "tin", "Lê", "Quý", "Đôn",
    "Tân", "An", "Hòa", "Bình", "Thuỷ", "Phú", "Mỹ", "Văn", "Cừ", "người", "được", "công", "dân",
    "giấy", "tờ", "hồ", "sơ", "Café", "Müller", "niño", "São", "Straße",
]  # fmt: skip
_SYMBOLS = [*"©®°±\u00d7·«»§¶£¥½¼¾µ¿¡¬¦¤¢", "5", "2024", "1.001193", "-", ",", "(", ")"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_WORDS + _SYMBOLS), max_size=12), st.booleans())
def test_property_no_detection_on_words_and_symbols(parts: list[str], decompose: bool) -> None:
    text = " ".join(parts)
    assert detect_legacy(nfd(text) if decompose else text) is None


@settings(max_examples=200)
@given(st.lists(st.sampled_from([w for w in _WORDS if w.isascii() or nfc(w) == w]), max_size=8))
def test_property_conversion_never_raises(parts: list[str]) -> None:
    text = " ".join(parts)
    for encoding in ("TCVN3", "VNI"):
        assert unicodedata.is_normalized("NFC", convert(text, encoding))
