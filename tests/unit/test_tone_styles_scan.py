"""tone_styles finds styled words by their oa/oe/uy ending; it must count like a word walk."""

from __future__ import annotations

import collections
import re
import unicodedata
from typing import Literal

from hypothesis import given
from hypothesis import strategies as st

from tthc_cli.text.tones import ToneStyle, tone_styles
from tthc_cli.text.unicode import nfc

_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
_PIECES = [
    "hòa", "hoà", "Hòa", "HOÀ", "thủy", "thuỷ", "khỏe", "khoẻ", "xóa", "hoạ", "Quý", "quỳ",
    "oa", "uy", "qua", "hoa", "toán", "oá", "úy", "2", "_", " ", "\n", "-", ".", "ò", "\u0300",
    "a", "Đ", "ngoài", "hoàng", "Thuý", "²", "x", "đoàn",
]  # fmt: skip


def _walk_words(text: str) -> collections.Counter[ToneStyle]:
    from tthc_cli.text.tones import _word_style

    counts: collections.Counter[ToneStyle] = collections.Counter()
    for match in _WORD.finditer(nfc(text)):
        style = _word_style(match.group())
        if style is not None:
            counts[style] += 1
    return counts


@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from(["NFC", "NFD"]))
def test_counts_equal_a_walk_over_every_word(
    pieces: list[str], form: Literal["NFC", "NFD"]
) -> None:
    text = unicodedata.normalize(form, "".join(pieces))
    assert tone_styles(text) == _walk_words(text)


def test_counts_both_styles() -> None:
    counts = tone_styles("Thôn Hòa Bình, xã Thuỷ Lợi, hoà thuận; 2hòa")
    assert counts[ToneStyle.FIRST_VOWEL] == 2
    assert counts[ToneStyle.SECOND_VOWEL] == 2
