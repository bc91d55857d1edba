"""Grouping colliding names: scopes, verdicts, transitivity, suggestions, exit codes."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tthc_cli.cli.app import app
from tthc_cli.names import dedupe
from tthc_cli.names.dedupe import find_duplicates
from tthc_cli.names.lists import NameEntry, NameList
from tthc_cli.names.result import DedupeResult
from tthc_cli.names.suggestions import short_commune

runner = CliRunner()


def entry(
    name: str,
    commune: str = "20194",
    kind: str = "hamlet",
    origin: str | None = None,
    line: int = 1,
    commune_name: str = "Xã Hòa Vang",
    province: str = "48",
) -> NameEntry:
    return NameEntry(province, commune, commune_name, kind, name, origin, "units.yaml", line)


def groups_of(*entries: NameEntry, scope: str = "province") -> list[tuple[str, list[str]]]:
    names = NameList(entries=list(entries), communes={(e.province, e.commune) for e in entries})
    result = find_duplicates(names, street_scope=scope)
    return [(g.verdict, [m.entry.name for m in g.members]) for g in result.groups]


def test_same_numbered_hamlet_from_two_former_communes() -> None:
    assert groups_of(
        entry("Thôn 1", origin="Xã Hòa Bắc", line=1), entry("Thôn 1", origin="Xã Hòa Liên", line=2)
    ) == [("duplicate", ["Thôn 1", "Thôn 1"])]


def test_written_differently_is_still_the_same_and_groups_are_transitive() -> None:
    result = groups_of(
        entry("Thôn 1", line=1),
        entry("thôn 01", line=2),
        entry("Thôn I", line=3),
        entry("Thôn 11", line=4),
    )
    assert result == [("duplicate", ["Thôn 1", "thôn 01", "Thôn I"])]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("TDP số 5", "Tổ dân phố 05"),
        ("Thôn Hoà Khánh", "Thôn Hòa Khánh"),
        ("Thon Hoa Loc", "Thôn Hòa Lộc"),
        ("Ấp An Phú", "An Phú"),
        ("Khu phố 3", "KP3"),
    ],
)
def test_duplicates(a: str, b: str) -> None:
    assert groups_of(entry(a, line=1), entry(b, line=2)) == [("duplicate", [a, b])]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Thôn 1", "Thôn 11"),
        ("Khu phố 1", "Khu phố 1A"),
        ("Thôn Hòa Khánh", "Thôn Hòa Khánh Bắc"),
        ("Ấp Tân An 1", "Ấp Tân An 2"),
        ("Thôn Phú Thượng", "Thôn Phú Thạnh"),
    ],
)
def test_different_names_make_no_group(a: str, b: str) -> None:
    assert groups_of(entry(a, line=1), entry(b, line=2)) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [("Thôn 1", "Tổ dân phố 1"), ("Ấp Mỹ Hòa", "Ấp Mỹ Hóa"), ("Thôn Hòa Bình", "Thôn Bình Hòa")],
)
def test_similar_pairs(a: str, b: str) -> None:
    assert groups_of(entry(a, line=1), entry(b, line=2)) == [("similar", [a, b])]


def test_an_unmarked_name_that_can_be_real_is_only_similar() -> None:
    # "Ia Bang" and "Ia Băng" are two communes of one district: no false merge.
    assert groups_of(entry("Thôn Ia Bang", line=1), entry("Thôn Ia Băng", line=2)) == [
        ("similar", ["Thôn Ia Bang", "Thôn Ia Băng"])
    ]


def test_a_list_typed_without_marks_makes_its_unmarked_names_duplicates() -> None:
    def typed(name: str, line: int, file: str) -> NameEntry:
        return NameEntry("48", "20194", "Xã Hòa Vang", "hamlet", name, None, file, line)

    plain = [
        typed("Thon Tan An", 1, "plain.csv"),
        typed("Thon Phu Loc", 2, "plain.csv"),
        typed("Thon Nguyen Trai", 3, "plain.csv"),
    ]
    marked = typed("Thôn Tân An", 1, "units.yaml")
    names = NameList(entries=[*plain, marked], communes={("48", "20194")})
    verdicts = [
        (g.verdict, [m.entry.name for m in g.members]) for g in find_duplicates(names).groups
    ]
    assert ("duplicate", ["Thôn Tân An", "Thon Tan An"]) in verdicts or (
        "duplicate",
        ["Thon Tan An", "Thôn Tân An"],
    ) in verdicts


def test_hamlets_are_compared_within_their_commune_only() -> None:
    assert groups_of(entry("Thôn 1", commune="20194"), entry("Thôn 1", commune="20197")) == []


def test_streets_across_the_province_by_default_and_per_commune_on_request() -> None:
    a = entry("Đường Hùng Vương", commune="20194", kind="street", commune_name="Phường Hải Châu")
    b = entry("Đ. Hùng Vương", commune="20197", kind="street", commune_name="Phường Thanh Khê")
    names = NameList(entries=[a, b], communes={("48", "20194"), ("48", "20197")})
    result = find_duplicates(names)
    (group,) = result.groups
    assert (group.verdict, group.commune, group.kind) == ("duplicate", None, "street")
    assert "different communes" in group.reason
    # No bracketed note in a suggested name: a named street gets none, the unit is apart.
    assert [(s.rename_to, s.former_unit) for s in group.suggestions] == [("", "Thanh Khê")]
    assert groups_of(a, b, scope="commune") == []


def test_suggestions_are_unique_and_never_collide_with_existing_names() -> None:
    names = NameList(
        entries=[
            entry("Thôn 1", origin="Xã Hòa Liên", line=1),
            entry("Thôn 1", origin="Xã Hòa Bắc", line=2),
            entry("Thôn Hòa Bắc 1", line=3),
            entry("Thôn 2", line=4),
            entry("Thôn 2", line=5),
            entry("Thôn 3", line=6),
        ],
        communes={("48", "20194")},
    )
    result = find_duplicates(names)
    renames = [(s.member.entry.line, s.rename_to) for g in result.groups for s in g.suggestions]
    assert renames == [(2, "Thôn 4"), (5, "Thôn 5")]


def test_suggestion_uses_the_former_commune() -> None:
    names = NameList(
        entries=[
            entry("Thôn 1", origin="Xã Hòa Liên", line=1),
            entry("Thôn 1", origin="Xã Hòa Bắc", line=2),
        ],
        communes={("48", "20194")},
    )
    (group,) = find_duplicates(names).groups
    assert [s.rename_to for s in group.suggestions] == ["Thôn Hòa Bắc 1"]


def test_no_suggested_name_has_brackets_or_a_former_unit_note() -> None:
    names = NameList(
        entries=[
            entry("Đường Hùng Vương", kind="street", origin="Xã Hương Trà", line=1),
            entry("Đường Hùng Vương", kind="street", origin="Xã Hương Xuân", line=2),
            entry("Thôn Tân An", origin="Xã Hòa Bắc", line=3),
            entry("Thôn Tân An", origin="Xã Hòa Liên", line=4),
        ],
        communes={("48", "20194")},
    )
    suggestions = [s for g in find_duplicates(names).groups for s in g.suggestions]
    assert sorted((s.rename_to, s.former_unit) for s in suggestions) == [
        ("", "Hòa Liên"),
        ("", "Hương Xuân"),
    ]
    assert not any("(" in s.rename_to for s in suggestions)


def test_short_commune() -> None:
    assert short_commune("Xã Hòa Bắc") == "Hòa Bắc"
    assert short_commune("Phường Hải Vân") == "Hải Vân"
    assert short_commune("Đặc khu Côn Đảo") == "Côn Đảo"


_NAMES = st.sampled_from(
    [
        "Thôn 1",
        "Tổ dân phố 5",
        "Thôn Hòa Khánh",
        "Ấp Mỹ Hóa",
        "Bản Nà Phặc",
        "Xóm Đồng",
        "Khu phố 3A",
        "Thôn Quý Thạnh",
    ]
)


@settings(max_examples=60)
@given(_NAMES, st.sampled_from(["nfd", "upper", "spaces"]))
def test_a_name_always_collides_with_its_variants(name: str, how: str) -> None:
    variant = {
        "nfd": unicodedata.normalize("NFD", name),
        "upper": name.upper(),
        "spaces": name.replace(" ", "  "),
    }[how]
    assert groups_of(entry(name, line=1), entry(variant, line=2)) == [
        ("duplicate", [name, variant])
    ]


UNITS = """\
kind: units
province: {code: "48", name: Thành phố Đà Nẵng}
effective: 2025-07-01
communes:
  - code: "20194"
    name: Phường Hải Vân
    formed_from:
      - {code: "20194", name: Phường Hòa Hiệp Bắc}
      - {code: "20293", name: Xã Hòa Bắc}
    hamlets:
      - {name: Tổ dân phố 1, from: Phường Hòa Hiệp Bắc}
      - {name: TDP 01, from: Xã Hòa Bắc}
      - {name: Thôn 1, from: Xã Hòa Bắc}
"""


@pytest.fixture
def units(tmp_path: Path) -> Path:
    path = tmp_path / "units.yaml"
    path.write_text(UNITS, encoding="utf-8")
    return path


def test_cli_json_shape(units: Path) -> None:
    result = runner.invoke(app, ["dedupe-names", str(units), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"] == {
        "communes": 1,
        "names": 3,
        "duplicate_groups": 1,
        "similar_groups": 1,
    }
    duplicate = data["groups"][0]
    assert duplicate["verdict"] == "duplicate"
    assert duplicate["commune"] == "20194"
    assert duplicate["commune_name"] == "Phường Hải Vân"
    assert [m["line"] for m in duplicate["members"]] == [11, 12]
    assert duplicate["suggestions"] == [
        {
            "name": "TDP 01",
            "from": "Xã Hòa Bắc",
            "rename_to": "Tổ dân phố Hòa Bắc 1",
            "former_unit": "Hòa Bắc",
        }
    ]


def test_cli_fail_on(units: Path) -> None:
    assert runner.invoke(app, ["dedupe-names", str(units), "--fail-on", "duplicate"]).exit_code == 1
    assert runner.invoke(app, ["dedupe-names", str(units), "--fail-on", "similar"]).exit_code == 1
    assert runner.invoke(app, ["dedupe-names", str(units)]).exit_code == 0


def test_cli_text_report(units: Path) -> None:
    result = runner.invoke(app, ["dedupe-names", str(units)], env={"COLUMNS": "160"})
    assert "Phường Hải Vân (20194)" in result.stdout
    assert "1 duplicate groups" in result.stdout.replace("1 duplicate group", "1 duplicate groups")
    assert "Tổ dân phố Hòa Bắc 1" in result.stdout


def test_cli_text_report_says_when_no_name_can_be_suggested(tmp_path: Path) -> None:
    path = tmp_path / "streets.csv"
    path.write_text(
        "province,commune,kind,name,from\n"
        "48,20194,street,Đường Hùng Vương,Xã Hương Trà\n"
        "48,20194,street,Đường Hùng Vương,Xã Hương Xuân\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["dedupe-names", str(path)], env={"COLUMNS": "320"})
    assert "no good name to suggest: choose one" in result.stdout
    assert "told apart by Hương Xuân" in result.stdout
    assert "(Hương Xuân)" not in result.stdout.replace("(told apart by Hương Xuân)", "")


def test_cli_bad_input_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["dedupe-names", str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert "no such file or directory" in result.stderr


def test_shipped_catalogs(monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import REPO

    monkeypatch.chdir(REPO)
    result = runner.invoke(app, ["dedupe-names", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["names"] > 300


def test_numbered_routes_are_one_road_across_communes_but_not_within_one() -> None:
    a = entry("Quốc lộ 1A", commune="20194", kind="street")
    b = entry("QL1A", commune="20197", kind="street")
    assert groups_of(a, b) == []
    c = entry("Quốc lộ 1A", commune="20194", kind="street", line=2)
    assert groups_of(a, c) == [("duplicate", ["Quốc lộ 1A", "Quốc lộ 1A"])]


def test_same_spelling_reason() -> None:
    names = NameList(entries=[entry("Thôn 1", line=1), entry("Thôn 1", line=2)], communes=set())
    (group,) = find_duplicates(names).groups
    assert group.codes == ["same-spelling"]


def test_a_name_without_diacritics_does_not_join_two_different_names() -> None:
    result = groups_of(
        entry("Thôn Tân Thành", line=1),
        entry("Thôn Tân Thạnh", line=2),
        entry("Thon Tan Thanh", line=3),
    )
    assert ("duplicate", ["Thôn Tân Thành", "Thôn Tân Thạnh", "Thon Tan Thanh"]) not in result
    assert all(verdict == "similar" for verdict, _ in result)


def test_word_breaks_are_found_through_the_parser_keys() -> None:
    assert groups_of(entry("Buôn A Râng", line=1), entry("Buôn Arâng", line=2)) == [
        ("duplicate", ["Buôn A Râng", "Buôn Arâng"])
    ]


def test_a_name_without_type_word_does_not_join_two_types() -> None:
    result = groups_of(
        entry("Thôn Phú Lộc", line=1), entry("Tổ dân phố Phú Lộc", line=2), entry("Phú Lộc", line=3)
    )
    assert all(verdict == "similar" for verdict, _ in result)


def test_split_numbers_are_different_streets() -> None:
    a = entry("Đường DA1-1", kind="street", line=1)
    b = entry("Đường DA11", kind="street", line=2)
    assert groups_of(a, b) == []


def test_a_province_group_within_one_commune_is_that_communes_and_uses_former_communes() -> None:
    a = entry("Đường Hùng Vương", kind="street", origin="Phường Hòa Hiệp Bắc", line=1)
    b = entry("Hùng Vương", kind="street", origin="Phường Hòa Hiệp Nam", line=2)
    names = NameList(entries=[a, b], communes={("48", "20194")})
    (group,) = find_duplicates(names).groups
    assert group.commune == "20194"
    assert "different communes" not in group.reason
    assert [(s.rename_to, s.former_unit) for s in group.suggestions] == [("", "Hòa Hiệp Nam")]


def test_a_numbered_former_ward_is_named_in_full() -> None:
    names = NameList(
        entries=[
            entry("Khu phố 1", origin="Phường 1", line=1),
            entry("Khu phố 1", origin="Phường 2", line=2),
        ],
        communes={("48", "20194")},
    )
    (group,) = find_duplicates(names).groups
    assert [(s.rename_to, s.former_unit) for s in group.suggestions] == [("Khu phố 2", "Phường 2")]


def _report(result: DedupeResult) -> list[tuple[object, ...]]:
    return [
        (
            g.province,
            g.commune,
            g.commune_name,
            g.kind,
            g.verdict,
            g.codes,
            g.reason,
            [(m.entry, m.parsed) for m in g.members],
            [(s.member.entry, s.rename_to) for s in g.suggestions],
        )
        for g in result.groups
    ]


def test_two_processes_give_the_same_groups_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entries = [
        entry(name, commune=commune, kind=kind, origin=origin, line=line, province=province)
        for line, (province, commune, kind, name, origin) in enumerate(
            [
                (province, commune, kind, name, origin)
                for province in ("01", "48", "79")
                for commune in ("00001", "00004")
                for kind, name, origin in (
                    ("hamlet", "Thôn 1", "Xã Hòa Bắc"),
                    ("hamlet", "thôn 01", "Xã Hòa Liên"),
                    ("hamlet", "Thon Tan Thanh", None),
                    ("hamlet", "Thôn Tân Thành", None),
                    ("hamlet", "Thôn Tân Thạnh", None),
                    ("street", "Đường Hùng Vương", None),
                    ("street", "Quốc lộ 1A", None),
                    ("street", "Đ. Hùng Vuơng", None),
                )
            ],
            start=1,
        )
    ]
    names = NameList(entries=entries, communes={(e.province, e.commune) for e in entries})
    alone = find_duplicates(names)
    # Two forked workers whatever this machine's cores (the input is far below the threshold).
    monkeypatch.setattr(dedupe, "_workers", lambda size: 2)
    together = find_duplicates(names)
    assert any(g.suggestions for g in alone.groups)
    assert {g.commune is None for g in alone.groups} == {True, False}
    assert _report(together) == _report(alone)
