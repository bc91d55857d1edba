"""Which language tthc speaks: --lang, else TTHC_LANG, else the locale, else English."""

from __future__ import annotations

import pytest

from tthc_cli.cli.lang import lang_first
from tthc_cli.runtime.i18n import _, choose_language, current_language, language_from, set_language


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("vi", "vi"),
        ("VI", "vi"),
        ("vi_VN.UTF-8", "vi"),
        ("vi-VN", "vi"),
        ("en_US.UTF-8", "en"),
        ("fr_FR.UTF-8", "en"),  # no French catalog: English
        ("C", None),
        ("POSIX", None),
        ("C.UTF-8", None),
        ("", None),
        (None, None),
        ("vi:en", "vi"),  # LANGUAGE holds a list
    ],
)
def test_language_from(value: str | None, expected: str | None) -> None:
    assert language_from(value) == expected


def test_option_beats_environment_and_locale() -> None:
    env = {"TTHC_LANG": "vi", "LANG": "vi_VN.UTF-8"}
    assert choose_language("en", env) == "en"


def test_tthc_lang_beats_locale() -> None:
    assert choose_language(None, {"TTHC_LANG": "en", "LC_ALL": "vi_VN.UTF-8"}) == "en"
    assert choose_language(None, {"TTHC_LANG": "vi", "LANG": "en_US.UTF-8"}) == "vi"


def test_locale_order_follows_gettext() -> None:
    assert choose_language(None, {"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}) == "vi"
    assert choose_language(None, {"LANGUAGE": "en", "LC_ALL": "vi_VN.UTF-8"}) == "en"
    assert choose_language(None, {"LANG": "vi_VN"}) == "vi"


def test_english_when_nothing_is_set() -> None:
    assert choose_language(None, {}) == "en"
    assert choose_language(None, {"LANG": "C.UTF-8"}) == "en"


def test_unknown_tthc_lang_falls_through_to_english() -> None:
    assert choose_language(None, {"TTHC_LANG": "de", "LANG": "vi_VN.UTF-8"}) == "en"


def test_set_language_switches_messages() -> None:
    set_language("vi")
    assert current_language() == "vi"
    vietnamese = _("interrupted")
    set_language("en")
    assert _("interrupted") == "interrupted"
    assert vietnamese != "interrupted"


def test_unknown_language_is_english() -> None:
    set_language("xx")
    assert current_language() == "en"


@pytest.mark.parametrize(
    ("argv", "value", "reordered"),
    [
        (["validate", "--lang", "vi", "x.yaml"], "vi", ["--lang", "vi", "validate", "x.yaml"]),
        (["--lang=en", "diff", "a", "b"], "en", ["--lang=en", "diff", "a", "b"]),
        (["validate", "--", "--lang"], None, ["validate", "--", "--lang"]),
        (["validate"], None, ["validate"]),
        (["validate", "--lang"], None, ["validate", "--lang"]),  # click reports the missing value
    ],
)
def test_lang_is_moved_in_front_of_the_command(
    argv: list[str], value: str | None, reordered: list[str]
) -> None:
    assert lang_first(argv) == (value, reordered)
