"""tthc_cli.fixing.formatting: fixed values replace only their own characters; everything else
is kept."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import shipped_fixes as shipped
from helpers import REPO
from tthc_cli.catalog.spans import Spans, plain_ok, spans
from tthc_cli.catalog.yamltree import Path_, parse
from tthc_cli.fixing.formatting import (
    apply_rule_fixes,
    format_file,
    format_paths,
    format_text,
)
from tthc_cli.fixing.result import unified_diff
from tthc_cli.fixing.roles import roles
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.text.normalize import ToneStyle
from tthc_cli.validation.config import Settings
from tthc_cli.validation.fix import Role, fix_text

BOM = codecs.BOM_UTF8

# A catalog as people write them: comments everywhere, every quoting style, flow and block
# collections, block scalars, long Vietnamese lines, and values that need each fix.
SOURCE = """\
# yaml-language-server: $schema=../schemas/tthc.schema.json
kind: procedure-catalog   # kind first
province: '1'             # Hà Nội, written without its zero
level: xa
effective: 2025-07-01
decisions: ["1390/QD-UBND", '12/QĐ-UBND']   # a flow list

procedures:
  # --- hộ tịch ---
  - code: "1.001193"
    name: "Đăng ký  khai sinh "
    field: Hộ\u00a0tịch
    agency: 'Ủy ban nhân dân  cấp xã, it''s quoted'
    time_limit: {value: 1, unit: working-days}   # flow map, untouched
    fees: []
    online: full
    legal_basis:
      - 60/2014/QH13
      - "123/2015/ND-CP"   # ASCII D
      - '04/2020/TT-BTP'
    decision: 163/QD-BTP
    notes: |
      Thủ tục  hoà\u00a0giải ở cơ sở:
        - bước 1: nộp hồ sơ   (kept: a block keeps its spaces)
      Qúy khách vui lòng đọc kỹ.

    result: >-
      Giấy khai sinh bản chính, cấp cho người được đăng ký khai sinh; bản sao cấp theo yêu cầu
      của người đi đăng ký, thuỷ lợi.
    subjects: [Công dân Việt Nam, "Người Việt Nam định cư ở nước ngoài\u200b"]
    steps: Nộp hồ sơ
      tại  bộ\u00a0phận một cửa thuỷ
    conditions: "Tờ khai theo mẫu: \\"TK-01\\"; bản sao giấy tờ \\
      tùy thân"
    type: a\u00a0#b
    location_independent: true
  - code: "1.000894"
    name: Đăng ký kết hôn   # nothing to fix here
    field: Hộ tịch
    legal_basis: [52/2014/QH13, "123/2015/NĐ-CP"]
"""

EXPECTED = """\
# yaml-language-server: $schema=../schemas/tthc.schema.json
kind: procedure-catalog   # kind first
province: '01'             # Hà Nội, written without its zero
level: xa
effective: 2025-07-01
decisions: ["1390/QĐ-UBND", '12/QĐ-UBND']   # a flow list

procedures:
  # --- hộ tịch ---
  - code: "1.001193"
    name: "Đăng ký khai sinh"
    field: Hộ tịch
    agency: 'Ủy ban nhân dân cấp xã, it''s quoted'
    time_limit: {value: 1, unit: working-days}   # flow map, untouched
    fees: []
    online: full
    legal_basis:
      - 60/2014/QH13
      - "123/2015/NĐ-CP"   # ASCII D
      - '04/2020/TT-BTP'
    decision: 163/QĐ-BTP
    notes: |
      Thủ tục  hòa giải ở cơ sở:
        - bước 1: nộp hồ sơ   (kept: a block keeps its spaces)
      Quý khách vui lòng đọc kỹ.

    result: >-
      Giấy khai sinh bản chính, cấp cho người được đăng ký khai sinh; bản sao cấp theo yêu cầu
      của người đi đăng ký, thủy lợi.
    subjects: [Công dân Việt Nam, "Người Việt Nam định cư ở nước ngoài"]
    steps: Nộp hồ sơ
      tại bộ phận một cửa thủy
    conditions: "Tờ khai theo mẫu: \\"TK-01\\"; bản sao giấy tờ \\
      tùy thân"
    type: "a #b"
    location_independent: true
  - code: "1.000894"
    name: Đăng ký kết hôn   # nothing to fix here
    field: Hộ tịch
    legal_basis: [52/2014/QH13, "123/2015/NĐ-CP"]
"""

CHANGED_LINES = {3, 6, 11, 12, 13, 19, 21, 23, 25, 29, 30, 32, 35}


def changed_lines(old: str, new: str, newline: str = "\n") -> set[int]:
    old_lines, new_lines = old.split(newline), new.split(newline)
    assert len(old_lines) == len(new_lines), "a fix added or removed a line"
    return {n for n, (a, b) in enumerate(zip(old_lines, new_lines, strict=True), 1) if a != b}


def test_round_trip_changes_only_the_values_that_need_a_fix() -> None:
    result = format_text(SOURCE)
    assert result.text == EXPECTED
    assert changed_lines(SOURCE, result.text) == CHANGED_LINES
    assert format_text(result.text).text == result.text
    assert format_text(result.text).fixes == []


def test_round_trip_reports_each_value_with_its_line_and_fixes() -> None:
    fixes = {fix.line: [change.fix for change in fix.changes] for fix in format_text(SOURCE).fixes}
    assert fixes == {
        3: [shipped.CODE_PADDING],
        6: [shipped.DOCUMENT_SYMBOL],
        11: [shipped.SPACES],
        12: [shipped.SPACES],
        13: [shipped.SPACES],
        19: [shipped.DOCUMENT_SYMBOL],
        21: [shipped.DOCUMENT_SYMBOL],
        22: [
            shipped.SPACES,
            shipped.MISPLACED_TONE,
            shipped.TONE_STYLE,
        ],  # the block starts at its `|`
        27: [shipped.TONE_STYLE],
        30: [shipped.SPACES],
        31: [shipped.SPACES, shipped.TONE_STYLE],
        35: [shipped.SPACES],
    }


def test_round_trip_with_crlf_line_endings() -> None:
    source, expected = SOURCE.replace("\n", "\r\n"), EXPECTED.replace("\n", "\r\n")
    result = format_text(source).text
    assert result == expected
    assert changed_lines(source, result, "\r\n") == CHANGED_LINES


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [b"", BOM])
def test_files_keep_their_bom_and_line_endings(tmp_path: Path, newline: str, bom: bytes) -> None:
    target = tmp_path / "xa.yaml"
    target.write_bytes(bom + SOURCE.replace("\n", newline).encode("utf-8"))
    run = format_paths([target], write=True)
    assert run.errors == []
    assert target.read_bytes() == bom + EXPECTED.replace("\n", newline).encode("utf-8")
    old_lines = (bom + SOURCE.replace("\n", newline).encode()).split(b"\n")
    new_lines = target.read_bytes().split(b"\n")
    unchanged = [n for n in range(1, len(old_lines) + 1) if n not in CHANGED_LINES]
    assert all(old_lines[n - 1] == new_lines[n - 1] for n in unchanged)
    assert [p.name for p in tmp_path.iterdir()] == ["xa.yaml"]  # no temporary file left
    again = format_paths([target], write=True)
    assert again.changed == []


def test_an_unchanged_file_is_not_written(tmp_path: Path) -> None:
    target = tmp_path / "xa.yaml"
    target.write_bytes(BOM + EXPECTED.encode())
    os.utime(target, (1_000_000, 1_000_000))
    run = format_paths([target], write=True)
    assert run.changed == []
    assert target.stat().st_mtime == 1_000_000


# -------------------------------------------------------------------- particulars


def fmt(text: str, **kwargs: Any) -> str:
    return format_text(text, **kwargs).text


def test_keys_and_comments_are_never_touched() -> None:
    text = "kind: units\n\"Hộ\u00a0tịch  \": 'x  y'  # bình  luận\u00a0hoà\n# Qúy  \n"
    assert fmt(text) == "kind: units\n\"Hộ\u00a0tịch  \": 'x y'  # bình  luận\u00a0hoà\n# Qúy  \n"


def test_numbers_booleans_and_nulls_stay_as_they_are() -> None:
    text = "kind: procedure-catalog\nprovince: 1\nlevel: ~\nonline: true\nx: 01\n"
    assert fmt(text) == text


def test_a_plain_value_that_can_no_longer_be_plain_is_quoted() -> None:
    text = "kind: units\na: a:\u00a0b\nb: x\u00a0#y\nc: 12\u00a0\nd: '12\u00a0'\ne: \u200b-x\n"
    assert fmt(text) == 'kind: units\na: "a: b"\nb: "x #y"\nc: "12"\nd: \'12\'\ne: "-x"\n'


def test_multi_line_values_keep_their_line_breaks() -> None:
    text = (
        "kind: units\n"
        "a: Nộp hồ sơ tại  bộ phận\n"
        "   một cửa hoà\n"
        "b: 'Nộp hồ sơ\u00a0tại\n"
        "   bộ phận  một cửa'\n"
        'c: "Nộp hồ sơ\\t tại\n'
        '   bộ phận"\n'
    )
    assert fmt(text) == (
        "kind: units\n"
        "a: Nộp hồ sơ tại bộ phận\n"
        "   một cửa hòa\n"
        "b: 'Nộp hồ sơ tại\n"
        "   bộ phận một cửa'\n"
        # an escape the source fix cannot see: the value is written again
        'c: "Nộp hồ sơ tại bộ phận"\n'
    )


def test_double_quoted_escapes_elsewhere_in_a_value_are_kept() -> None:
    text = 'kind: units\na: "\\u0110\u1ea1i  l\u00fd \\x41"\n'
    assert fmt(text) == 'kind: units\na: "\\u0110\u1ea1i l\u00fd \\x41"\n'


def test_block_scalars_are_never_rewrapped() -> None:
    text = (
        "kind: units\n"
        "a: |-  # ghi chú: thuỷ\n"
        "    \u00a0thuỷ  lợi\u00a0x\t y\n"
        "\n"
        "      Qúy\u200b khách   \n"
        "b: >\n"
        "  dòng một hoà\n"
        "  dòng hai\n"
        "\n"
        "c: x\n"
    )
    assert fmt(text) == (
        "kind: units\n"
        "a: |-  # ghi chú: thuỷ\n"
        "    \u00a0thủy  lợi x\t y\n"
        "\n"
        "      Quý khách   \n"
        "b: >\n"
        "  dòng một hòa\n"
        "  dòng hai\n"
        "\n"
        "c: x\n"
    )


def test_anchors_and_tags_are_kept() -> None:
    text = "kind: units\na: &n Hòa\u00a0Bình\nb: *n\nc: !!str 1\u00a0\nd: ! 'x  y'\ne: !!int 5\n"
    assert fmt(text) == (
        "kind: units\na: &n Hòa Bình\nb: *n\nc: !!str \"1\"\nd: ! 'x y'\ne: !!int 5\n"
    )
    assert parse(fmt(text)).data["c"] == "1"


def test_codes_are_padded_only_where_the_format_demands_it() -> None:
    units = (
        "kind: units\n"
        "province: {code: '1', name: Hà Nội}\n"
        "communes:\n"
        '  - code: "4"\n'
        "    name: '7'\n"
        "    formed_from: [{code: '194', name: X}, {code: 194, name: Y}]\n"
    )
    assert fmt(units) == (
        "kind: units\n"
        "province: {code: '01', name: Hà Nội}\n"
        "communes:\n"
        '  - code: "00004"\n'
        "    name: '7'\n"
        "    formed_from: [{code: '00194', name: X}, {code: 194, name: Y}]\n"
    )
    catalog = "kind: procedure-catalog\nprovince: \"7\"\nprocedures: [{code: '1'}]\n"
    assert fmt(catalog) == "kind: procedure-catalog\nprovince: \"07\"\nprocedures: [{code: '1'}]\n"


def test_document_symbols_only_in_document_numbers() -> None:
    text = (
        "kind: units\n"
        "title: ND-CP\n"
        "communes:\n"
        "  - code: '20194'\n"
        "    hamlets:\n"
        "      - name: Thôn 1\n"
        "        former_names: [{name: Thôn Một, decision: 12/QD-UBND}]\n"
    )
    assert fmt(text) == text.replace("12/QD-UBND", "12/QĐ-UBND")


def test_tone_style_follows_the_setting() -> None:
    text = "kind: units\na: Thuỷ Hoà\nb: Thủy Hòa\n"
    assert fmt(text) == "kind: units\na: Thủy Hòa\nb: Thủy Hòa\n"
    second = Settings(tone_style=ToneStyle.SECOND_VOWEL)
    assert fmt(text, settings=second) == "kind: units\na: Thuỷ Hoà\nb: Thuỷ Hoà\n"


def test_inline_and_file_ignores_keep_fixes_off() -> None:
    text = (
        "kind: units\n"
        "a: 'x  y  hoà'   # tthc: ignore[TT202]\n"
        "b: 'x  y  hoà'   # tthc: ignore\n"
        "c: 'x  y  hoà'\n"
    )
    assert fmt(text) == (
        "kind: units\n"
        "a: 'x  y  hòa'   # tthc: ignore[TT202]\n"
        "b: 'x  y  hoà'   # tthc: ignore\n"
        "c: 'x y hòa'\n"
    )
    whole = "# tthc: ignore-file[TT204] official names\n" + text
    assert "c: 'x y hoà'" in fmt(whole)
    per_file = Settings(per_file_ignores={"units.yaml": ["TT2"]})
    assert fmt(text, settings=per_file, path="catalogs/units.yaml") == text


def test_only_the_fixes_asked_for() -> None:
    text = "kind: units\na: 'x  hoà'\nb: 123/2015/ND-CP\nprovince: {code: '1'}\n"
    assert fmt(text, fixes={shipped.TONE_STYLE}) == text.replace("hoà", "hòa")
    assert fmt(text, fixes=set()) == text


def test_legacy_encoding_only_when_asked_for() -> None:
    text = "kind: units\nname: Thñ tôc hµnh chÝnh\nnote: 'Haø Noäi'\n"
    assert fmt(text) == text
    result = format_text(text, fixes=shipped.FMT_FIXES | {shipped.ENCODING})
    assert result.text == "kind: units\nname: Thủ tục hành chính\nnote: 'Hà Nội'\n"
    assert [(fix.line, fix.encoding) for fix in result.fixes] == [(2, "TCVN3"), (3, "VNI")]


def test_invalid_yaml_is_an_error_with_its_line() -> None:
    with pytest.raises(CatalogLoadError) as caught:
        format_text("kind: units\na: [b\n", path="x.yaml")
    assert caught.value.path == "x.yaml"
    assert caught.value.line is not None
    assert "cannot format" in caught.value.describe()
    with pytest.raises(CatalogLoadError, match="tag"):
        format_text("kind: units\na: !!python/object x\n")


def test_files_without_a_catalog_kind_are_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "workflow.yml"
    other.write_text("name: 'x  y'\n", encoding="utf-8")
    result = format_file(other)
    assert result.formatted.skipped
    assert not result.changed
    assert format_text("name: 'x  y'\n").text == "name: 'x y'\n"


def test_unreadable_and_invalid_files_are_errors_and_the_rest_is_done(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("kind: units\na: [b\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_bytes(b"kind: units\na: \xff\n")
    (tmp_path / "c.yaml").write_text("kind: units\na: 'x  y'\n", encoding="utf-8")
    run = format_paths([tmp_path], write=True)
    assert sorted(Path(error.path).name for error in run.errors) == ["a.yaml", "b.yaml"]
    assert (tmp_path / "c.yaml").read_text(encoding="utf-8") == "kind: units\na: 'x y'\n"


def test_a_file_that_cannot_be_written_is_a_write_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "c.yaml"
    target.write_text("kind: units\na: 'x  y'\n", encoding="utf-8")

    def refuse(path: Path, data: bytes, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("tthc_cli.fixing.formatting.write_bytes_atomic", refuse)
    run = format_paths([target], write=True)
    assert [Path(e.path).name for e in run.write_errors] == ["c.yaml"]
    assert "cannot write" in run.write_errors[0].describe()
    assert target.read_text(encoding="utf-8") == "kind: units\na: 'x  y'\n"


def test_unified_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("x.yaml").write_text("kind: units\na: 'x  y'\nb: z\n", encoding="utf-8")
    Path("y.yaml").write_text("kind: units\nb: z\na: 'x  y'", encoding="utf-8")
    assert unified_diff(format_file(Path("x.yaml"))) == (
        "--- a/x.yaml\n+++ b/x.yaml\n@@ -1,3 +1,3 @@\n kind: units\n-a: 'x  y'\n+a: 'x y'\n b: z\n"
    )
    assert unified_diff(format_file(Path("y.yaml"))).endswith(
        "-a: 'x  y'\n\\ No newline at end of file\n+a: 'x y'\n\\ No newline at end of file\n"
    )


def test_validate_fix_applies_only_the_enabled_fixable_rules(tmp_path: Path) -> None:
    target = tmp_path / "units.yaml"
    text = "kind: units\nprovince: {code: '1'}\ndecisions: [1/QD-UBND]\na: 'hoà  Qúy'\n"
    target.write_text(text, encoding="utf-8")
    apply_rule_fixes([target], Settings(ignore=["TT202", "TT109"]))
    # TT204 reports files that mix styles; this one keeps to one, so its hoà stays.
    assert target.read_text(encoding="utf-8") == text.replace("Qúy", "Quý").replace("'1'", "'01'")
    apply_rule_fixes([target], Settings())
    assert target.read_text(encoding="utf-8") == (
        "kind: units\nprovince: {code: '01'}\ndecisions: [1/QĐ-UBND]\na: 'hoà Quý'\n"
    )


def test_shipped_catalogs_are_formatted() -> None:
    run = format_paths([REPO / "catalogs"])
    assert run.errors == []
    assert run.changed == []


# ------------------------------------------------------------------ properties

WORDS = [
    "Đăng", "ký", "khai", "sinh", "hòa", "hoà", "thủy", "thuỷ", "khỏe", "khoẻ", "Quý", "Qúy",
    "giải", "Gíup", "Thôn", "Hòa", "Khánh", "Bắc", "xã", "phường", "1", "số", "Tổ", "dân",
    "Việt", "Nam", "Ủy", "ban", "a:", "x#y", "-", "(a)", "it's", '"q"', "ND-CP", "5,", "Đà",
]  # fmt: skip
DOCUMENTS = ["123/2015/NĐ-CP", "123/2015/ND-CP", "1390/QD-UBND", "60/2014/QH13", "12/NÐ-CP"]
KEYS = ["name", "field", "agency", "result", "notes", "type"]


def _dirty_word(draw: st.DrawFn, word: str) -> str:
    how = draw(st.sampled_from(["", "", "", "nfd", "zw"]))
    if how == "nfd":
        import unicodedata

        return unicodedata.normalize("NFD", word)
    if how == "zw":
        return word + "\u200b"
    return word


@st.composite
def _text(draw: st.DrawFn) -> str:
    chosen = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
    words = [_dirty_word(draw, w) for w in chosen]
    gaps = draw(
        st.lists(
            st.sampled_from([" ", " ", " ", "  ", "\u00a0", " \u00a0", "\u3000"]),
            min_size=len(words) - 1,
            max_size=len(words) - 1,
        )
    )
    out = words[0] + "".join(g + w for g, w in zip(gaps, words[1:], strict=True))
    return (
        draw(st.sampled_from(["", "", " ", "\u200b"]))
        + out
        + draw(st.sampled_from(["", "", " ", "\u00a0"]))
    )


def _quoted(draw: st.DrawFn, value: str, flow: bool, indent: str) -> str:
    styles = ["'", '"']
    if plain_ok(value) and not (flow and any(c in value for c in ",[]{}")):
        styles.append("")
    if not flow:
        styles.append("multi")
        if "" in styles:
            styles.append("plain-multi")
    style = draw(st.sampled_from(styles))
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style == '"':
        return json.dumps(value, ensure_ascii=False)
    if style == "":
        return value
    if style == "plain-multi":
        head, sep, tail = value.partition(" ")
        return f"{head}\n{indent}  {tail}" if sep and head and tail else value
    # a multi-line double-quoted value, broken at a plain space
    head, sep, tail = value.partition(" ")
    if not sep or not head or not tail:
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(head, ensure_ascii=False)[:-1] + "\n" + indent + "  " + json.dumps(tail)[1:]


@st.composite
def catalogs(draw: st.DrawFn) -> str:
    """A procedure catalog with random dirt in its values, comments and blank lines."""
    comment = st.sampled_from(["", "", "   # ghi chú", "  # tthc: kiểm tra  hoà"])
    lines = [
        "# Danh mục  thủ tục",
        "kind: procedure-catalog" + draw(comment),
        f"province: {json.dumps(draw(st.sampled_from(['1', '01', '48', '7'])))}",
        "level: xa",
        "effective: 2025-07-01",
        f"decisions: [{', '.join(json.dumps(d) for d in draw(st.lists(st.sampled_from(DOCUMENTS), max_size=2)))}]",  # noqa: E501
        "procedures:",
    ]
    for number in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            lines.append("")
        lines.append(f'  - code: "1.00{number:04d}"' + draw(comment))
        for key in draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=4, unique=True)):
            value = draw(_text())
            form = draw(st.sampled_from(["scalar", "scalar", "block", "flowmap"]))
            if form == "block":
                indicator = draw(st.sampled_from(["|", "|-", ">", ">-"]))
                body = [draw(_text()).strip(" \u00a0\u200b") or "x" for _ in range(2)]
                lines.append(f"    {key}: {indicator}" + draw(comment))
                lines.extend(f"      {b}" for b in body)
            elif form == "flowmap":
                lines.append(f"    {key}: {{text: {_quoted(draw, value, True, '    ')}}}")
            else:
                lines.append(f"    {key}: {_quoted(draw, value, False, '    ')}" + draw(comment))
        basis = draw(st.lists(st.sampled_from(DOCUMENTS), max_size=3))
        if draw(st.booleans()):
            lines.append(f"    legal_basis: [{', '.join(basis)}]")
        else:
            lines.append("    legal_basis:")
            lines.extend(f"      - {_quoted(draw, b, False, '      ')}" for b in basis or ["x"])
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + newline


def _walk(data: Any, path: Path_ = ()) -> list[tuple[Path_, Any]]:
    out: list[tuple[Path_, Any]] = [(path, data)]
    if isinstance(data, dict):
        for key, value in data.items():
            out.extend(_walk(value, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out.extend(_walk(value, (*path, index)))
    return out


def _expected(text: str, found: Spans) -> Any:
    """The parsed data with the fixes applied to each string value."""
    data = parse(text).data
    role_of = roles(data)

    def fixed(path: Path_, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: fixed((*path, k), v) for k, v in value.items()}
        if isinstance(value, list):
            return [fixed((*path, i), v) for i, v in enumerate(value)]
        if isinstance(value, str):
            block = found.values[path].style in ("|", ">")
            role = role_of.get(path, Role.TEXT)
            return fix_text(value, shipped.FMT_FIXES, role=role, block=block).text
        return value

    return fixed((), data)


def _scalars(found: Spans) -> list[tuple[int, int]]:
    every = [*found.values.values(), *found.keys.values()]
    return sorted((s.start, s.end) for s in every if s.style not in ("[", "{", "-"))


def _outside(text: str, found: Spans) -> list[str]:
    """The text between the scalars (keys, comments, indentation, punctuation, line breaks)."""
    out, position = [], 0
    for start, end in _scalars(found):
        out.append(text[position:start])
        position = end
    out.append(text[position:])
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_fmt_changes_nothing_but_the_fixed_values(text: str) -> None:
    assert parse(text).ok, text
    new = format_text(text).text
    before, after = spans(text), spans(new)
    # The data read back is the data with each string value fixed.
    assert parse(new).data == _expected(text, before)
    # Every character outside the values is where it was.
    assert _outside(new, after) == _outside(text, before)
    # Values that needed no fix keep their characters (quoting, escapes, line breaks).
    new_data = parse(new).data
    for path, value in _walk(parse(text).data):
        if isinstance(value, str) and _lookup(new_data, path) == value:
            span, new_span = before.values[path], after.values[path]
            assert new[new_span.start : new_span.end] == text[span.start : span.end]


def _lookup(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_fmt_is_idempotent(text: str) -> None:
    once = format_text(text)
    assert once.unsafe == []
    twice = format_text(once.text)
    assert twice.text == once.text
    assert twice.fixes == []


# A SIGKILLed fmt leaves each file old or new: tests/adversarial/test_interrupted_writes.py
