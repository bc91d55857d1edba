"""TT205 misplaced-tone-mark."""

from __future__ import annotations

import unicodedata

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages, run


def _named(name: str) -> str:
    return CATALOG_HEAD + PROCEDURE.replace("Đăng ký khai sinh", name)


@pytest.mark.parametrize(
    "name",
    ["Thôn Quý Thạnh", "giúp đỡ", "Quỳnh Lưu", "Gìn giữ", "Gì", "Quả", "Già", "Quốc", "Giữa"],
)
def test_correct_spellings_pass(name: str) -> None:
    assert hits(_named(name), "TT205") == []


@pytest.mark.parametrize(
    ("name", "wrong", "fixed"),
    [
        ("Thôn Qúy Thạnh", "Qúy", "Quý"),
        ("Gíup đỡ", "Gíup", "Giúp"),
        ("gíup đỡ", "gíup", "giúp"),
        ("Qùynh Lưu", "Qùynh", "Quỳnh"),
        ("QÚY", "QÚY", "QUÝ"),
    ],
)
def test_mark_on_u_of_qu_or_i_of_gi(name: str, wrong: str, fixed: str) -> None:
    text = _named(name)
    assert hits(text, "TT205") == [(7, 11)]
    assert messages(text, "TT205") == [
        f"tone mark on the wrong letter: {wrong!r} should be {fixed!r}"
    ]


def test_nfd_spelling_is_reported_too() -> None:
    text = _named(unicodedata.normalize("NFD", "Thôn Qúy Thạnh"))
    assert hits(text, "TT205") == [(7, 11)]
    assert "should be 'Quý'" in messages(text, "TT205")[0]


def test_one_finding_per_value() -> None:
    assert hits(_named("Quý Qúy Gíup"), "TT205") == [(7, 11)]


def test_is_a_warning_with_a_fix() -> None:
    (finding,) = run(_named("Thôn Qúy Thạnh"), select="TT205")
    assert finding.severity == "warning"
    assert finding.fixable
