"""text/syllables.py: what Vietnamese writes without marks, and one syllable's other spellings."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc_cli.text.keys import fold_key
from tthc_cli.text.syllables import (
    can_be_unmarked,
    marked_spellings,
    needs_marks,
    regional_spelling,
    same_i_y,
    unmarked_name_possible,
)


@pytest.mark.parametrize("word", ["ia", "kon", "sa", "tan", "hoang", "Ia", "KON", "quy", "buk"])
def test_syllables_written_without_marks(word: str) -> None:
    assert can_be_unmarked(word)
    assert not needs_marks(word)


@pytest.mark.parametrize(
    "word",
    [
        "nguyen",  # uyên needs its circumflex
        "duan",  # uân
        "phuong",  # ương / uông
        "thieu",  # iêu
        "xuan",
        "tuc",  # a syllable ending in c carries sắc or nặng
        "tich",
        "lap",  # ... and one ending in p
        "Viet",
    ],
)
def test_words_that_need_marks(word: str) -> None:
    assert not can_be_unmarked(word)
    assert needs_marks(word)


@pytest.mark.parametrize("word", ["krong", "hla", "jlơi", "tuc1", ""])
def test_words_that_are_no_syllable_either_way_prove_nothing(word: str) -> None:
    assert not needs_marks(word)


def test_marked_spellings() -> None:
    assert set(marked_spellings("tuc")) == {"túc", "tục", "tức", "tực"}
    assert "nguyễn" in marked_spellings("nguyen")
    assert "đường" in marked_spellings("duong")
    assert marked_spellings("krong") == ()


@pytest.mark.parametrize(
    ("text", "possible"),
    [
        ("Ia Bang", True),
        ("Tan An", True),
        ("Kon Tum", True),
        ("Krong Pa", True),
        ("Nguyen Trai", False),
        ("Le Duan", False),
        ("Phuong Lam", False),
        ("Thu tuc dang ky khai sinh", False),
    ],
)
def test_unmarked_name_possible(text: str, possible: bool) -> None:
    assert unmarked_name_possible(text) is possible


@pytest.mark.parametrize(
    ("x", "y", "how"),
    [
        ("xuân", "suân", "s/x"),
        ("trung", "chung", "ch/tr"),
        ("giang", "dang", "d/gi/r"),
        ("gia", "da", "d/gi/r"),
        ("rừng", "dừng", "d/gi/r"),
        ("long", "nong", "l/n"),
    ],
)
def test_regional_spellings(x: str, y: str, how: str) -> None:
    assert regional_spelling(x, y) == how
    assert regional_spelling(y, x) == how


@pytest.mark.parametrize(
    ("x", "y"),
    [("ninh", "lĩnh"), ("đa", "gia"), ("lâm", "nam"), ("sơn", "sơn"), ("xuan", "suan")],
)
def test_not_regional_spellings(x: str, y: str) -> None:
    assert regional_spelling(x, y) is None


@pytest.mark.parametrize(("x", "y"), [("quí", "quý"), ("kì", "kỳ"), ("lí", "lý"), ("mĩ", "mỹ")])
def test_i_y(x: str, y: str) -> None:
    assert same_i_y(x, y)


def test_i_y_only_for_a_lone_vowel() -> None:
    assert not same_i_y("tuy", "tui")
    assert not same_i_y("lý", "lý")


WORDS = st.text(alphabet="abcdeghiklmnopqrstuvxy", min_size=1, max_size=7)


@given(WORDS)
def test_every_marked_spelling_folds_back_to_the_word(word: str) -> None:
    for spelled in marked_spellings(word):
        assert fold_key(spelled) == word
        assert unicodedata.is_normalized("NFC", spelled)


@given(WORDS)
def test_a_word_either_can_be_unmarked_or_needs_marks_or_is_no_syllable(word: str) -> None:
    spellings = marked_spellings(word)
    assert can_be_unmarked(word) == (word in spellings)
    assert needs_marks(word) == (bool(spellings) and word not in spellings)


@given(st.sampled_from(["xuân", "trung", "giang", "long", "sinh", "ra"]), st.booleans())
def test_regional_spelling_is_symmetric(word: str, flip: bool) -> None:
    for other in ("s" + word[1:], "ch" + word[2:], "d" + word[2:], "n" + word[1:]):
        x, y = (word, other) if flip else (other, word)
        assert regional_spelling(x, y) == regional_spelling(y, x)
