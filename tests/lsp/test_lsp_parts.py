"""The parts of `tthc lsp` without a client: positions, edits, ignores, completion contexts,
hover tokens and what a document number's symbol says."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types as lsp

from tthc_cli.domain.doctypes import describe_document_number
from tthc_cli.lsp.actions import ignore_action
from tthc_cli.lsp.complete import completions
from tthc_cli.lsp.convert import from_utf16, line_edits, to_utf16
from tthc_cli.lsp.hover import token_at
from tthc_cli.validation.findings import Finding, Severity


@given(st.text(alphabet="aàđĐ\U0001f600x ", max_size=20), st.integers(0, 25))
def test_utf16_offsets_round_trip(line: str, column: int) -> None:
    column = min(column, len(line))
    assert from_utf16(line, to_utf16(line, column)) == column


def test_an_emoji_counts_two_utf16_units() -> None:
    assert to_utf16("\U0001f600đ", 2) == 3


def _apply(text: str, edits: list[lsp.TextEdit]) -> str:
    lines = text.splitlines(keepends=True)
    for edit in sorted(edits, key=lambda e: e.range.start.line, reverse=True):
        start, end = edit.range.start, edit.range.end
        head = (
            "".join(lines[: start.line]) + lines[start.line][: start.character]
            if start.line < len(lines)
            else "".join(lines)
        )
        tail = (lines[end.line][end.character :] if end.line < len(lines) else "") + "".join(
            lines[end.line + 1 :]
        )
        lines = (head + edit.new_text + tail).splitlines(keepends=True)
    return "".join(lines)


@given(
    st.lists(st.sampled_from(["a\n", "hòa\n", "b: x\n", "\n"]), max_size=8),
    st.lists(st.sampled_from(["a\n", "hoà\n", "b: y\n", "\n"]), max_size=8),
)
def test_line_edits_turn_the_old_text_into_the_new(old: list[str], new: list[str]) -> None:
    before, after = "".join(old), "".join(new)
    assert _apply(before, line_edits(before, after)) == after


def test_line_edits_limited_to_one_line() -> None:
    edits = line_edits("a\nb\nc\n", "A\nb\nC\n", only_line=2)
    assert [(e.range.start.line, e.new_text) for e in edits] == [(2, "C\n")]


def _finding(line: int) -> Finding:
    return Finding("TT202", "irregular-whitespace", Severity.WARNING, "m", "x.yaml", line, 1)


def test_ignore_adds_a_comment_or_a_code_to_the_one_there() -> None:
    lines = [
        "name: Đăng  ký",
        "name: x  # tthc: ignore[TT201]",
        "name: x  # tthc: ignore",
        'name: "a',
    ]
    first = ignore_action("u", lines, _finding(1))
    assert first is not None
    assert first.edit is not None
    assert first.edit.changes is not None
    (edit,) = first.edit.changes["u"]
    assert (edit.range.start.character, edit.new_text) == (14, "  # tthc: ignore[TT202]")
    second = ignore_action("u", lines, _finding(2))
    assert second is not None
    assert second.edit is not None
    assert second.edit.changes is not None
    assert second.edit.changes["u"][0].new_text == ", TT202"
    assert ignore_action("u", lines, _finding(3)) is None  # already ignores every rule
    assert ignore_action("u", lines, _finding(4)) is None  # inside a quoted value


TEXT = """kind: units
province: {code: "48", name: Đà Nẵng}
communes:
  - code: "20194"
    hamlets:
      - name: Thôn 1
"""
TEXT += " " * 8 + "\n"  # the cursor's line: indented under the hamlet


def test_completion_finds_the_mapping_from_indentation_and_items() -> None:
    labels = {item.label for item in completions(TEXT, 6, 8)}
    assert {"name", "from", "former_names"} <= labels
    province = {item.label for item in completions(TEXT, 1, 24)}
    assert province == {"code", "name"}  # inside the flow mapping
    assert completions("kind: ", 0, 6)[0].label == "procedure-catalog"
    assert completions("kind: nope\nx", 1, 1) == []


def test_hover_tokens() -> None:
    line = 'legal_basis: ["123/2015/NĐ-CP"]  # tthc: ignore[TT109] 1.001193'
    assert token_at(line, line.index("NĐ")) == ("number", "123/2015/NĐ-CP")
    assert token_at(line, line.index("TT109") + 1) == ("rule", "TT109")
    assert token_at(line, line.index("1.001193")) == ("code", "1.001193")
    assert token_at(line, 2) is None


def test_document_numbers_described_in_vietnamese() -> None:
    assert describe_document_number("1390/QĐ-UBND") == [
        "Loại văn bản: Quyết định (QĐ)",
        "Cơ quan ban hành: Ủy ban nhân dân (UBND)",
        "Số: 1390",
    ]
    assert describe_document_number("60/2014/QH13") == [
        "Loại văn bản: Luật / Nghị quyết của Quốc hội (QH13)",
        "Số: 60",
        "Năm ban hành: 2014",
    ]
    assert describe_document_number("không phải") is None
