"""TT204 mixed-tone-style."""

from __future__ import annotations

import unicodedata

from helpers import UNITS_HEAD, hits, messages, run

COMMUNE = '  - code: "20194"\n    name: Phường Hải Vân\n    hamlets:\n'


def _hamlets(*names: str) -> str:
    """A units file whose hamlets (from line 8 on, value at column 16) have these names."""
    return UNITS_HEAD + COMMUNE + "".join(f"      - {{name: {name}}}\n" for name in names)


def test_first_vowel_style_only_passes() -> None:
    assert hits(_hamlets("Thôn Hòa Bình", "Thôn Thủy Lợi", "Thôn Khỏe"), "TT204") == []


def test_second_vowel_style_only_passes() -> None:
    assert hits(_hamlets("Thôn Hoà Bình", "Thôn Thuỷ Lợi", "Thôn Khoẻ"), "TT204") == []


def test_closed_syllables_do_not_count() -> None:
    # hoàng, thuyết, khoán: the mark is on the second vowel in every style.
    assert hits(_hamlets("Thôn Hòa Bình", "Thôn Hoàng Mai", "Thôn Khoán"), "TT204") == []


def test_one_finding_at_the_minority_value() -> None:
    text = _hamlets("Thôn Hòa Bình", "Thôn Hòa Phước", "Thôn Thuỷ Lợi")
    assert hits(text, "TT204") == [(10, 16)]
    assert messages(text, "TT204") == [
        "file mixes tone-mark styles: 2 syllables like 'hòa' (first vowel) and 1 syllable like "
        "'hoà' (second vowel); first hoà-style value here: 'Thôn Thuỷ Lợi'"
    ]


def test_minority_in_the_first_vowel_style() -> None:
    text = _hamlets("Thôn Hoà Bình", "Thôn Thủy Lợi", "Thôn Hoà Phước")
    assert hits(text, "TT204") == [(9, 16)]
    assert "first hòa-style value here: 'Thôn Thủy Lợi'" in messages(text, "TT204")[0]


def test_finding_is_at_the_first_minority_value() -> None:
    text = _hamlets("Thôn Hòa Bình", "Thôn Thuỷ Lợi", "Thôn Hòa Phước", "Thôn Khoẻ", "Thôn Thủy")
    assert hits(text, "TT204") == [(9, 16)]


def test_tie_is_decided_by_the_tone_style_setting() -> None:
    text = _hamlets("Thôn Hòa Bình", "Thôn Thuỷ Lợi")
    default = run(text, select="TT204")
    assert [(f.line, f.column) for f in default] == [(9, 16)]
    second = run(text, select="TT204", tone_style="second-vowel")
    assert [(f.line, f.column) for f in second] == [(8, 16)]
    assert "first hòa-style value here: 'Thôn Hòa Bình'" in second[0].message


def test_setting_does_not_override_a_clear_majority() -> None:
    text = _hamlets("Thôn Hòa Bình", "Thôn Hòa Phước", "Thôn Thuỷ Lợi")
    findings = run(text, select="TT204", tone_style="second-vowel")
    assert [(f.line, f.column) for f in findings] == [(10, 16)]


def test_nfd_text_counts_like_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Thôn Thuỷ Lợi")
    text = _hamlets("Thôn Hòa Bình", "Thôn Hòa Phước", nfd)
    assert hits(text, "TT204") == [(10, 16)]


def test_syllables_in_one_value_count() -> None:
    text = _hamlets("Thôn Hòa Thủy", "Thôn Khoẻ")
    assert hits(text, "TT204") == [(9, 16)]
    assert "2 syllables like 'hòa'" in messages(text, "TT204")[0]


def test_a_single_value_mixing_both_styles() -> None:
    text = _hamlets("Thôn Hòa Thuỷ")
    assert hits(text, "TT204") == [(8, 16)]


def test_no_tone_syllables_pass() -> None:
    assert hits(_hamlets("Thôn 1", "Thôn Hoa Lư"), "TT204") == []
