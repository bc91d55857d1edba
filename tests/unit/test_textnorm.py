"""Tests for tthc_cli.text.normalize: NFC, tone placement, whitespace and comparison keys."""

from __future__ import annotations

import collections
import json
import string
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc_cli.text.normalize import (
    VIETNAMESE_LETTERS,
    ToneStyle,
    WhitespaceProblem,
    canonical_tones,
    clean_spaces,
    fold_key,
    has_vietnamese_diacritics,
    is_nfc,
    is_vietnamese_syllable,
    match_key,
    nfc,
    procedure_name_key,
    tone_styles,
    whitespace_problems,
)

FIRST, SECOND = ToneStyle.FIRST_VOWEL, ToneStyle.SECOND_VOWEL
DIVISIONS = (
    Path(__file__).resolve().parents[2].parent
    / "shared/data/raw/pypi-vietnam-provinces/flat-divisions.json"
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# ----------------------------------------------------------------------------- NFC


def test_nfc_composes_decomposed_text() -> None:
    decomposed = nfd("Việt Nam")
    assert len(decomposed) == 10
    assert not is_nfc(decomposed)
    assert nfc(decomposed) == "Việt Nam"
    assert is_nfc(nfc(decomposed))


def test_nfc_repairs_composite_input_method_output() -> None:
    # Unikey "tổ hợp": tone as a combining mark on a precomposed base vowel (ê + dot below).
    assert nfc("Vi\u00ea\u0323t") == "Việt"


def test_vietnamese_letters_has_all_134() -> None:
    assert len(VIETNAMESE_LETTERS) == 134
    assert {"đ", "Đ", "ệ", "Ệ", "ư", "Ữ"} <= VIETNAMESE_LETTERS
    assert all(is_nfc(ch) and not ch.isascii() for ch in VIETNAMESE_LETTERS)


# -------------------------------------------------------------------- tone marks

# (first-vowel style, second-vowel style) for every open oa/oe/uy word of DOMAIN A2.
STYLE_PAIRS = [
    ("hòa", "hoà"),
    ("hóa", "hoá"),
    ("hỏa", "hoả"),
    ("tòa", "toà"),
    ("khỏe", "khoẻ"),
    ("hòe", "hoè"),
    ("xòe", "xoè"),
    ("thủy", "thuỷ"),
    ("túy", "tuý"),
    ("tùy", "tuỳ"),
    ("hủy", "huỷ"),
    ("lũy", "luỹ"),
    ("Thụy", "Thuỵ"),
    ("ủy", "uỷ"),
    ("Òa", "Oà"),
    ("lòa", "loà"),
    ("khòa", "khoà"),
]


@pytest.mark.parametrize(("first", "second"), STYLE_PAIRS)
@pytest.mark.parametrize("case", [str.lower, str.title, str.upper])
def test_open_diphthongs_follow_the_style(first: str, second: str, case: object) -> None:
    assert callable(case)
    a, b = case(first), case(second)
    for source in (a, b, nfd(a), nfd(b)):
        assert canonical_tones(source) == a
        assert canonical_tones(source, FIRST) == a
        assert canonical_tones(source, SECOND) == b


@pytest.mark.parametrize(
    ("source", "expected"),
    [("HOÀ", "HÒA"), ("Thuỷ", "Thủy"), ("KHOẺ", "KHỎE"), ("Tuỵ", "Tụy"), ("HoÀ", "HòA")],
)
def test_case_is_kept_per_letter(source: str, expected: str) -> None:
    assert canonical_tones(source) == expected


NEVER_CHANGE = [
    "quý", "quà", "quả", "quyết", "giá", "giữ", "gìn", "gì", "toàn", "hoàng", "thuyết", "khuỷu",
    "người", "được", "Quỳnh", "tuấn", "huế", "thuở", "chuyện", "mười", "mía", "múa", "của", "cái",
    "cháo", "túi", "mùi", "loét", "huých", "huỳnh", "ngoài", "ngoáy", "ngoẻo", "khuya", "quýt",
    "quyền", "giếng", "giường", "xoong", "toẹt", "nhoẻn", "hoạch", "Nguyễn", "Đắk", "Lắk", "Café",
    "Zoé",
]  # fmt: skip


@pytest.mark.parametrize("word", NEVER_CHANGE)
@pytest.mark.parametrize("style", list(ToneStyle))
def test_words_outside_the_rule_never_change(word: str, style: ToneStyle) -> None:
    assert canonical_tones(word, style) == word
    assert canonical_tones(word.upper(), style) == word.upper()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Qúy", "Quý"),
        ("Qủy", "Quỷ"),
        ("Qùy", "Quỳ"),
        ("qúa", "quá"),
        ("qủa", "quả"),
        ("Gíup", "Giúp"),
        ("gìa", "già"),
        ("gíêng", "giếng"),
        ("QÚY", "QUÝ"),
        ("Thôn Qúy Thạnh", "Thôn Quý Thạnh"),
    ],
)
@pytest.mark.parametrize("style", list(ToneStyle))
def test_marks_misplaced_after_qu_gi_are_fixed_in_both_styles(
    source: str, expected: str, style: ToneStyle
) -> None:
    assert canonical_tones(source, style) == expected


@pytest.mark.parametrize(
    ("source", "first", "second"),
    [
        ("Tổ dân phố 5, Hoà Khánh (cũ)", "Tổ dân phố 5, Hòa Khánh (cũ)", None),
        ("Xã Thuận Hoà; Phường Nguyễn Uý.", "Xã Thuận Hòa; Phường Nguyễn Úy.", None),
        ("Ấp Mỹ Hòa/Ấp Mỹ Hóa - 2024", None, "Ấp Mỹ Hoà/Ấp Mỹ Hoá - 2024"),
        ("thủy-lợi, hòa_bình", None, "thuỷ-lợi, hoà_bình"),
        ("HOÀ BÌNH và «Khoẻ» 100%", "HÒA BÌNH và «Khỏe» 100%", None),
        ("Hoàng Hoá, xã Qúy Lộc", "Hoàng Hóa, xã Quý Lộc", "Hoàng Hoá, xã Quý Lộc"),
    ],
)
def test_sentences_only_affected_syllables_change(
    source: str, first: str | None, second: str | None
) -> None:
    if first is not None:
        assert canonical_tones(source) == first
    if second is not None:
        assert canonical_tones(source, SECOND) == second


def test_text_without_candidates_is_returned_as_is() -> None:
    for text in ("", "1.001193", "Phường Ba Đình", "  spaces  ", "Café crème"):
        assert canonical_tones(text) == text


def test_tone_styles_counts_open_toned_syllables() -> None:
    text = "Hoà Bình, Hòa Bình; thuỷ lợi, quý, toàn, hoa, Khỏe, Thuỵ"
    assert tone_styles(text) == collections.Counter({SECOND: 3, FIRST: 2})
    assert tone_styles("quý toàn hoàng hoa thuy giá") == collections.Counter()
    assert tone_styles(nfd("thuỷ")) == collections.Counter({SECOND: 1})


@pytest.mark.parametrize(
    "word", ["hòa", "Quý", "NGƯỜI", "được", "xoong", "Đắk", "gìn", "khuya", "tuấn", "hoà", "y"]
)
def test_is_vietnamese_syllable_accepts(word: str) -> None:
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize(
    "word",
    ["", "Qúy", "tôc", "chÝnh", "céng", "héi", "Hµ", "street", "hòà", "ViỆt", "ge", "ngi", "baì"],
)
def test_is_vietnamese_syllable_rejects(word: str) -> None:
    assert not is_vietnamese_syllable(word)


# ------------------------------------------------------------------------- keys


@pytest.mark.parametrize(
    "variant",
    [
        "Hoà Bình",
        "hòa  bình",
        "HÒA BÌNH",
        nfd("Hòa Bình"),
        " Hòa\u00a0Bình\n",
        "Hòa-Bình",
        "HOÀ, BÌNH",
    ],
)
def test_match_key_equal_variants(variant: str) -> None:
    assert match_key(variant) == "hòa bình"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Thôn Thuỷ Lợi", "Thôn Thủy Lợi"),
        ("Thôn Quý Thạnh", "Thôn Qúy Thạnh"),
        ("Thôn Khánh Hòa", "THÔN KHÁNH HÒA"),
        ("Bản Nà Phặc", nfd("Bản Nà Phặc")),
        ("Đông Hòa", "ðông hòa"),
        ("Đông Hòa", "ÐÔNG HÒA"),
        ("Đông Hòa", "\u0189ông Hòa"),
        ("Đường 30/4", "Đường 30 \u2013 4"),
        ("Tổ dân phố 5 (cũ)", "tổ dân phố 5 cũ"),
        ("Xã\u200bTân An", "XãTân An"),
    ],
)
def test_match_key_same_text(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ấp Mỹ Hòa", "Ấp Mỹ Hóa"),
        ("Xóm Đồng", "Xóm Đông"),
        ("Phú Thượng", "Phú Thương"),
        ("Thôn Hòa Bình", "Thôn Bình Hòa"),
        ("Văn Lang", "Văn Lăng"),
        ("Sơn Hà", "Sơn Hạ"),
        ("Tân Thành", "Tân Thạnh"),
        ("Đông Hòa", "Dong Hoa"),
        ("Thôn 1", "Thôn 11"),
    ],
)
def test_match_key_different_text(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


def test_match_key_output_shape() -> None:
    assert match_key("  Thủ tục:  Đăng ký—kết hôn!! ") == "thủ tục đăng ký kết hôn"
    assert match_key("") == ""
    assert match_key(" ... ") == ""


def test_fold_key_removes_every_diacritic() -> None:
    assert fold_key("Đông Hòa") == "dong hoa"
    assert fold_key("Hoà Bình") == fold_key("HÒA BÌNH") == "hoa binh"
    assert fold_key(nfd("Nguyễn Thị Minh Khai")) == "nguyen thi minh khai"
    assert fold_key("Ðắk Lắk") == "dak lak"


def test_fold_key_merges_distinct_names_so_it_is_only_a_candidate_key() -> None:
    # DOMAIN A4: distinct communes of one province fold together; match_key keeps them apart.
    for a, b in [("Văn Lang", "Văn Lăng"), ("Ba Tô", "Ba Tơ"), ("Ấp Mỹ Hòa", "Ấp Mỹ Hóa")]:
        assert fold_key(a) == fold_key(b)
        assert match_key(a) != match_key(b)
    assert "never" in (fold_key.__doc__ or "").lower()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Thủ tục đăng ký kết hôn", "đăng ký kết hôn"),
        ("THỦ TỤC: Đăng ký kết hôn", "đăng ký kết hôn"),
        (nfd("thủ tục Đăng ký khai sinh"), "đăng ký khai sinh"),
        ("Đăng ký kết hôn", "đăng ký kết hôn"),
        ("Thủ tục", "thủ tục"),
        ("Hướng dẫn thủ tục đăng ký", "hướng dẫn thủ tục đăng ký"),
    ],
)
def test_procedure_name_key(name: str, key: str) -> None:
    assert procedure_name_key(name) == key


def test_procedure_name_key_matches_with_and_without_prefix() -> None:
    assert procedure_name_key("Thủ tục đăng ký khai tử") == procedure_name_key("Đăng ký khai tử")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hà Nội", True),
        (nfd("Hà Nội"), True),
        ("Da Nang", False),
        ("đ", True),
        ("Đ", True),
        ("ð", False),
        ("", False),
        ("1.001193", False),
        ("naïve", False),
    ],
)
def test_has_vietnamese_diacritics(text: str, expected: bool) -> None:
    assert has_vietnamese_diacritics(text) is expected


# -------------------------------------------------------------------- whitespace


def kinds(text: str) -> list[tuple[int, str, str]]:
    return [(p.offset, p.kind, p.char) for p in whitespace_problems(text)]


def test_whitespace_clean_text_has_no_problems() -> None:
    assert whitespace_problems("Xã Tân An") == []
    assert whitespace_problems("dòng 1\ndòng 2\n\ndòng 4") == []
    assert whitespace_problems("") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" a", [(0, "leading", " ")]),
        ("a ", [(1, "trailing", " ")]),
        ("a   b", [(1, "double", " ")]),
        ("a\u00a0b", [(1, "nbsp", "\u00a0")]),
        ("a\u202fb", [(1, "nbsp", "\u202f")]),
        ("a\u2007b", [(1, "nbsp", "\u2007")]),
        ("a\u200bb", [(1, "zero-width", "\u200b")]),
        ("\ufeffa", [(0, "zero-width", "\ufeff")]),
        ("a\tb", [(1, "tab", "\t")]),
        ("a\x00b", [(1, "control", "\x00")]),
        ("a\x85b", [(1, "control", "\x85")]),
        ("a\u3000b", [(1, "other-space", "\u3000")]),
        ("a\u2003b", [(1, "other-space", "\u2003")]),
        ("a\r\nb", [(1, "trailing", "\r"), (1, "control", "\r")]),
        ("a \nb", [(1, "trailing", " ")]),
        ("a\n  b", [(2, "leading", " ")]),
        ("\na", [(0, "leading", "\n")]),
        ("a\n", [(1, "trailing", "\n")]),
        (" a\u00a0 b ", [(0, "leading", " "), (2, "double", "\u00a0"), (2, "nbsp", "\u00a0"),
                          (5, "trailing", " ")]),
    ],
)  # fmt: skip
def test_whitespace_problems(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert kinds(text) == expected


def test_whitespace_problem_is_frozen() -> None:
    problem = WhitespaceProblem(0, "leading", " ")
    with pytest.raises(AttributeError):
        problem.offset = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Xã   Tân\u00a0An\u200b ", "Xã Tân An"),
        ("Hòa\tBình", "Hòa Bình"),
        ("Hòa\x00Bình", "Hòa Bình"),
        ("Hòa\u200bBình", "HòaBình"),
        ("dòng 1  \n   dòng  2\r\n\n dòng 4 \n\n", "dòng 1\ndòng 2\n\ndòng 4"),
        ("a\rb", "a\nb"),
        ("   ", ""),
        ("Xã Tân An", "Xã Tân An"),
    ],
)
def test_clean_spaces(text: str, expected: str) -> None:
    assert clean_spaces(text) == expected


# --------------------------------------------------------------- real data (opt.)


def _divisions() -> list[dict[str, str]]:
    if not DIVISIONS.is_file():
        pytest.skip(f"{DIVISIONS} not available")
    data: list[dict[str, str]] = json.loads(DIVISIONS.read_text(encoding="utf-8"))
    return data


def test_official_names_tone_style_counts_and_no_collisions() -> None:
    data = _divisions()
    names = [d["name"] for d in data] + sorted({d["province_name"] for d in data})
    # DOMAIN A2: 183 first-vowel vs 10 second-vowel names; 0 collisions within a province.
    assert sum(1 for n in names if tone_styles(n)[FIRST]) == 183
    assert sum(1 for n in names if tone_styles(n)[SECOND]) == 10
    by_province: dict[str, list[str]] = collections.defaultdict(list)
    for d in data:
        by_province[d["province_name"]].append(d["name"])
    for communes in by_province.values():
        assert len({match_key(n) for n in communes}) == len(communes)
    for name in names:
        assert match_key(name) == match_key(nfd(name)) == match_key(name.upper())


# -------------------------------------------------------------------- properties

_ONSETS = [
    "",
    "b",
    "ch",
    "đ",
    "g",
    "gh",
    "gi",
    "h",
    "kh",
    "l",
    "ng",
    "ngh",
    "nh",
    "qu",
    "th",
    "tr",
    "x",
]
_NUCLEI = [*"aăâeêioôơuưy", "oa", "oe", "uy", "uê", "ia", "ua", "ưa", "ai", "ao", "iê", "uô", "ươ",
           "oai", "uyê", "ươi", "uya", "oo"]  # fmt: skip
_FINALS = ["", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
_TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]


@st.composite
def syllables(draw: st.DrawFn) -> str:
    """Vietnamese-shaped syllables with the tone on any vowel (right, wrong or after qu/gi)."""
    word = draw(st.sampled_from(_ONSETS))
    if draw(st.booleans()):  # the open oa/oe/uy syllables are the interesting case
        word += draw(st.sampled_from(["oa", "oe", "uy"]))
    else:
        word += draw(st.sampled_from(_NUCLEI)) + draw(st.sampled_from(_FINALS))
    vowels = [i for i, ch in enumerate(word) if nfd(ch)[0] in "aeiouy"]
    at = draw(st.sampled_from(vowels))
    word = nfc(word[:at] + nfd(word[at]) + draw(st.sampled_from(_TONES)) + word[at + 1 :])
    case = draw(st.sampled_from([str.lower, str.title, str.upper]))
    return case(word)


_LETTERS = sorted(VIETNAMESE_LETTERS) + list(string.ascii_letters)
_SEPARATORS = [*" ,.;:-()/'\"\u2013\u2014«»!?", "  ", " - "]


@st.composite
def vietnamese_texts(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                syllables(),
                st.text(st.sampled_from(_LETTERS), min_size=1, max_size=6),
                st.text(st.sampled_from(string.digits), min_size=1, max_size=3),
                st.sampled_from(_SEPARATORS),
            ),
            max_size=12,
        )
    )
    joiner = draw(st.sampled_from([" ", "", ", "]))
    text = joiner.join(parts)
    return nfd(text) if draw(st.booleans()) else text


_STYLES = st.sampled_from(list(ToneStyle))


@settings(max_examples=400)
@given(vietnamese_texts())
def test_property_nfc(text: str) -> None:
    assert is_nfc(nfc(text))
    assert nfc(nfc(text)) == nfc(text)
    assert nfc(nfd(text)) == nfc(text)


@settings(max_examples=400)
@given(vietnamese_texts(), _STYLES, _STYLES)
def test_property_canonical_tones(text: str, style: ToneStyle, other: ToneStyle) -> None:
    once = canonical_tones(text, style)
    assert canonical_tones(once, style) == once
    assert canonical_tones(canonical_tones(once, other), style) == once
    assert canonical_tones(nfd(text), style) == once
    assert len(once) == len(nfc(text))
    # Only tone marks move: the text without tones and the multiset of tones are unchanged.
    tones = set(_TONES[1:])
    before, after = nfd(text), nfd(once)
    assert [c for c in before if c not in tones] == [c for c in after if c not in tones]
    assert sorted(c for c in before if c in tones) == sorted(c for c in after if c in tones)
    assert fold_key(once) == fold_key(text)
    assert other is style or not tone_styles(once)[other]


@settings(max_examples=400)
@given(vietnamese_texts())
def test_property_match_key(text: str) -> None:
    key = match_key(text)
    assert match_key(key) == key
    assert match_key(nfd(text)) == key
    assert match_key(text.upper()) == key
    assert match_key(text.lower()) == key
    assert match_key(canonical_tones(text, SECOND)) == key
    assert key == key.strip()
    assert "  " not in key


@settings(max_examples=400)
@given(vietnamese_texts())
def test_property_fold_key(text: str) -> None:
    key = fold_key(text)
    assert fold_key(key) == key
    assert key.isascii()
    assert fold_key(text.upper()) == key


_WS_ALPHABET = [*"ab \n\t\r\u00a0\u202f\u200b\ufeff\u3000\u2009\x00\x1f\x85\x0b", "Hòa"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_WS_ALPHABET), max_size=20).map("".join))
def test_property_clean_spaces(text: str) -> None:
    cleaned = clean_spaces(text)
    assert whitespace_problems(cleaned) == []
    assert clean_spaces(cleaned) == cleaned
    assert cleaned.replace(" ", "").replace("\n", "") == "".join(
        c for c in text if not c.isspace() and c not in "\u200b\ufeff\x00\x1f\x85"
    )
    for problem in whitespace_problems(text):
        assert text[problem.offset] == problem.char
