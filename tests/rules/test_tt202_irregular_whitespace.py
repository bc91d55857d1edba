"""TT202 irregular-whitespace."""

from __future__ import annotations

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages


def _named(quoted: str) -> str:
    """A catalog whose first procedure name is the double-quoted YAML scalar `quoted`."""
    return CATALOG_HEAD + PROCEDURE.replace("Đăng ký khai sinh", f'"{quoted}"')


def test_single_spaces_pass() -> None:
    assert hits(CATALOG_HEAD + PROCEDURE, "TT202") == []
    assert hits(_named("Đăng ký khai sinh"), "TT202") == []


@pytest.mark.parametrize(
    ("quoted", "words", "where"),
    [
        (" Đăng ký khai sinh", "leading space", 1),
        ("Đăng ký khai sinh ", "trailing space", 18),
        ("Đăng ký  khai sinh", "double space", 8),
        ("Đăng ký\\tkhai sinh", "tab", 8),
        ("Đăng ký\u00a0khai sinh", "non-breaking space", 8),
        ("Đăng ký\u200bkhai sinh", "zero-width character", 8),
        ("\ufeffĐăng ký khai sinh", "zero-width character", 1),
        ("Đăng ký\u2003khai sinh", "unusual space character", 8),
        ("Đăng ký\u3000khai sinh", "unusual space character", 8),
        ("Đăng ký\\u0007khai sinh", "control character", 8),
    ],
)
def test_each_kind_of_whitespace(quoted: str, words: str, where: int) -> None:
    text = _named(quoted)
    assert hits(text, "TT202") == [(7, 11)]
    assert messages(text, "TT202") == [f"text has {words} (first at character {where})"]


def test_several_problems_in_one_value_are_one_finding() -> None:
    text = _named("Đăng  ký ")
    assert hits(text, "TT202") == [(7, 11)]
    assert messages(text, "TT202") == [
        "text has double space, trailing space (first at character 5)"
    ]


def test_trailing_space_inside_single_quotes() -> None:
    text = CATALOG_HEAD + PROCEDURE.replace("Hộ tịch", "'Hộ tịch '")
    assert hits(text, "TT202") == [(8, 12)]


def test_list_items_are_checked() -> None:
    text = CATALOG_HEAD + PROCEDURE + '    subjects: [Công dân, "Người  nước ngoài"]\n'
    assert hits(text, "TT202") == [(14, 26)]


def test_literal_block_ending_in_a_newline_passes() -> None:
    text = CATALOG_HEAD + PROCEDURE + "    notes: |\n      Dòng một\n      Dòng hai\n"
    assert hits(text, "TT202") == []


def test_folded_and_keep_blocks_pass() -> None:
    assert (
        hits(CATALOG_HEAD + PROCEDURE + "    notes: >\n      Dòng một\n      Dòng hai\n", "TT202")
        == []
    )
    assert hits(CATALOG_HEAD + PROCEDURE + "    notes: |+\n      Dòng một\n\n\n", "TT202") == []


def test_trailing_space_on_a_block_line_is_reported() -> None:
    text = CATALOG_HEAD + PROCEDURE + "    notes: |\n      Dòng một  \n      Dòng hai\n"
    assert hits(text, "TT202") == [(14, 12)]


def test_empty_string_passes() -> None:
    assert hits(CATALOG_HEAD + PROCEDURE + '    notes: ""\n', "TT202") == []


def test_indentation_inside_a_block_scalar_is_layout() -> None:
    text = CATALOG_HEAD + PROCEDURE + "    notes: |\n      Hồ sơ gồm:\n        - Tờ khai\n"
    assert hits(text, "TT202") == []


def test_trailing_space_inside_a_block_scalar_is_reported() -> None:
    text = CATALOG_HEAD + PROCEDURE + "    notes: |\n      Hồ sơ gồm: \n        - Tờ khai\n"
    assert len(hits(text, "TT202")) == 1


def test_multi_line_findings_are_not_marked_safe_to_fix() -> None:
    from helpers import run

    text = CATALOG_HEAD + PROCEDURE + "    notes: |\n      dòng  hai\n"
    (finding,) = run(text, select="TT202")
    assert finding.fixable is False
    assert "fix it by hand" in finding.message
