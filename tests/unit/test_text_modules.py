"""One definition per text comparison: the odd-space class, a word's tone split, i/y spelling,
words as typed. (NFC, tones and keys themselves are in test_textnorm.py.)"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc_cli.text import normalize
from tthc_cli.text.keys import i_y_spelling, match_key, words_as_typed
from tthc_cli.text.spaces import ODD_SPACE_RE, ZERO_WIDTH, clean_spaces, whitespace_problems
from tthc_cli.text.unicode import tone_split
from tthc_cli.validation import fixes
from tthc_cli.validation.fixes import fix_spaces
from tthc_cli.validation.rules import tt202_irregular_whitespace as tt202

_PER_CHARACTER = {"nbsp", "zero-width", "tab", "control", "other-space"}


def test_the_odd_space_class_is_defined_once() -> None:
    # The rule and the fixer import it (private names: looked up in the modules' namespaces).
    assert vars(tt202)["_ODD"] is ODD_SPACE_RE
    assert vars(fixes)["_ZERO_WIDTH"] is ZERO_WIDTH


def test_the_odd_class_is_what_tt202_reports_per_character() -> None:
    for ch in map(chr, range(0x3100)):  # controls, Latin, every Unicode space up to U+3000
        odd = ODD_SPACE_RE.fullmatch(ch) is not None
        kinds = {p.kind for p in whitespace_problems(f"a{ch}b") if p.offset == 1}
        assert odd == bool(kinds & _PER_CHARACTER), hex(ord(ch))
        if odd and ch != "\r":
            # `tthc fmt` and clean_spaces both make it a space or remove it.
            assert fix_spaces(f"a{ch}b") == clean_spaces(f"a{ch}b") in ("a b", "ab"), hex(ord(ch))


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("hòang", ("hoang", "\u0300")),
        ("Hoàng", ("Hoang", "\u0300")),
        ("Nguyễn", ("Nguyên", "\u0303")),
        ("đ", ("đ", "")),
        (unicodedata.normalize("NFD", "thuỷ"), ("thuy", "\u0309")),
    ],
)
def test_tone_split(word: str, split: tuple[str, str]) -> None:
    assert tone_split(word) == split


@given(st.sampled_from(["hòa", "hoà", "thủy", "thuỷ", "Đông", "Mỹ", "Hóa"]))
def test_tone_split_of_nfd_is_that_of_nfc(word: str) -> None:
    assert tone_split(unicodedata.normalize("NFD", word)) == tone_split(word)


@pytest.mark.parametrize(
    ("word", "spelled"),
    [("lý", "lí"), ("quý", "quí"), ("ky", "ki"), ("my", "mi"), ("yên", "yên"), ("huy", "huy")],
)
def test_i_y_spelling(word: str, spelled: str) -> None:
    assert i_y_spelling(word) == spelled


def test_words_as_typed_keep_the_tone_where_it_was_typed() -> None:
    nfd = unicodedata.normalize("NFD", "Thôn HOÀ Bình")
    assert words_as_typed(nfd) == {"thôn", "hoà", "bình"}
    assert match_key(nfd) == "thôn hòa bình"  # the key moves it


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Đông Hòa", "đông hoà", True),
        ("Đông Hòa", unicodedata.normalize("NFD", "ĐÔNG HÒA"), True),
        ("Đông Hòa", "Dong Hoa", False),  # folding finds it; it is not equality
        ("Mỹ Hòa", "Mỹ Hóa", False),  # one tone
        ("Thủy", "Thuỷ", True),
    ],
)
def test_match_key_through_the_old_module(a: str, b: str, same: bool) -> None:
    assert (normalize.match_key(a) == normalize.match_key(b)) is same
