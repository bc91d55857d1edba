"""TT004 unknown-kind."""

from __future__ import annotations

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD, hits, messages, run


def test_known_kinds_pass() -> None:
    assert hits(CATALOG_HEAD + PROCEDURE, "TT004") == []
    assert hits(UNITS_HEAD + '  - {code: "20194", name: Phường Hải Vân}\n', "TT004") == []


def test_empty_file() -> None:
    assert hits("", "TT004") == [(1, 1)]
    (message,) = messages("", "TT004")
    assert "empty" in message
    assert "kind: procedure-catalog" in message


def test_file_of_only_comments_is_empty() -> None:
    assert hits("# danh mục thủ tục\n", "TT004") == [(1, 1)]
    assert "empty" in messages("# danh mục thủ tục\n", "TT004")[0]


def test_list_at_top_level() -> None:
    text = "- kind: procedure-catalog\n- kind: units\n"
    assert hits(text, "TT004") == [(1, 1)]
    assert messages(text, "TT004") == ["the file holds a list, not a mapping with a `kind`"]


def test_single_value_at_top_level() -> None:
    assert messages("Đăng ký khai sinh\n", "TT004") == [
        "the file holds a single value, not a mapping with a `kind`"
    ]


def test_missing_kind() -> None:
    text = CATALOG_HEAD.replace("kind: procedure-catalog\n", "") + PROCEDURE
    assert hits(text, "TT004") == [(1, 1)]
    assert "missing `kind`" in messages(text, "TT004")[0]


def test_misspelt_kind_gets_a_suggestion() -> None:
    text = CATALOG_HEAD.replace("kind: procedure-catalog", "kind: procedures") + PROCEDURE
    assert hits(text, "TT004") == [(1, 7)]
    (message,) = messages(text, "TT004")
    assert "unknown kind 'procedures'" in message
    assert "did you mean `procedure-catalog`?" in message


def test_vietnamese_kind_gets_a_suggestion() -> None:
    text = "kind: đơn vị\ncommunes: []\n"
    assert "did you mean `units`?" in messages(text, "TT004")[0]


def test_unrelated_kind_has_no_suggestion() -> None:
    (message,) = messages("kind: zzz\n", "TT004")
    assert "unknown kind 'zzz'" in message
    assert "did you mean" not in message


def test_kind_that_is_not_text() -> None:
    assert hits("kind: 5\n", "TT004") == [(1, 7)]
    assert "unknown kind 5" in messages("kind: 5\n", "TT004")[0]


def test_broken_yaml_is_left_to_tt001() -> None:
    assert [f.rule for f in run("kind: [procedure-catalog\n")] == ["TT001"]


def test_no_schema_findings_for_an_unknown_kind() -> None:
    text = "kind: procedures\nfoo: bar\n"
    assert [f.rule for f in run(text)] == ["TT004"]
