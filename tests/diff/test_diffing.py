"""Statuses, changed fields, level sets, summary and transitions of a diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import REPO, catalog
from tthc_cli.diffing.compare import compare_fields, diff_paths, filtered

KHAI_SINH = {"code": "1.001193", "name": "Đăng ký khai sinh", "agency": "UBND cấp xã"}
KET_HON_NN = {
    "code": "2.000806",
    "name": "Thủ tục đăng ký kết hôn có yếu tố nước ngoài",
    "agency": "Phòng Tư pháp",
    "time_limit": {"value": 15, "unit": "working-days"},
}


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def sides(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "2024", tmp_path / "2025"
    write(
        old,
        "huyen.yaml",
        catalog(
            [KET_HON_NN, {"code": "2.000001", "name": "Bãi bỏ X"}],
            level="huyen",
            effective="2024-07-01",
        ),
    )
    write(
        old,
        "xa.yaml",
        catalog(
            [KHAI_SINH, {"code": "1.000656", "name": "Đăng ký khai tử", "fees": []}],
            effective="2024-07-01",
        ),
    )
    moved = {
        **KET_HON_NN,
        "agency": "UBND cấp xã",
        "time_limit": {"value": 5, "unit": "working-days"},
    }
    write(
        new,
        "xa.yaml",
        catalog(
            [
                KHAI_SINH,
                moved,
                {
                    "code": "1.000656",
                    "name": "Đăng ký khai tử",
                    "fees": [{"name": "Lệ phí", "amount": 8000}],
                },
                {"code": "1.013225", "name": "Cấp giấy phép xây dựng"},
            ]
        ),
    )
    return old, new


def test_statuses_and_summary(sides: tuple[Path, Path]) -> None:
    result = diff_paths([sides[0]], [sides[1]])
    status = {e.code: e.status for e in result.entries}
    assert status == {
        "2.000806": "moved",
        "1.000656": "changed",
        "1.013225": "added",
        "2.000001": "removed",
        "1.001193": "unchanged",
    }
    assert result.summary() == {
        "old": {"huyen": 2, "xa": 2},
        "new": {"xa": 4},
        "transitions": {"huyen->xa": 1, "huyen->removed": 1, "xa->xa": 2, "added->xa": 1},
        "moved": 1,
        "added": 1,
        "removed": 1,
        "changed": 1,
        "unchanged": 1,
    }
    assert result.exit_code() == 1


def test_changes_list_each_field_with_old_and_new(sides: tuple[Path, Path]) -> None:
    result = diff_paths([sides[0]], [sides[1]])
    moved = next(e for e in result.entries if e.status == "moved")
    assert [(c.field, c.old, c.new) for c in moved.changes] == [
        ("agency", "Phòng Tư pháp", "UBND cấp xã"),
        ("time_limit", {"value": 15, "unit": "working-days"}, {"value": 5, "unit": "working-days"}),
    ]
    assert (moved.old_levels, moved.new_levels, moved.match, moved.score) == (
        ["huyen"],
        ["xa"],
        "code",
        100.0,
    )
    changed = next(e for e in result.entries if e.status == "changed")
    assert [c.field for c in changed.changes] == ["fees"]


def test_same_catalogs_exit_0(tmp_path: Path) -> None:
    text = catalog([KHAI_SINH])
    a = write(tmp_path, "a.yaml", text)
    b = write(tmp_path, "b.yaml", text.replace("2025-07-01", "2025-08-01"))
    result = diff_paths([a], [b])
    assert [e.status for e in result.entries] == ["unchanged"]
    assert result.exit_code() == 0


def test_unstated_fields_are_not_changes_unless_asked() -> None:
    assert compare_fields({"fees": []}, {}) == []
    assert [c.field for c in compare_fields({"fees": []}, {}, include_unstated=True)] == ["fees"]


def test_order_of_legal_basis_is_not_a_change() -> None:
    assert compare_fields({"legal_basis": ["a", "b"]}, {"legal_basis": ["b", "a"]}) == []
    assert compare_fields({"steps": ["a", "b"]}, {"steps": ["b", "a"]}) != []


def test_a_side_with_several_levels_gives_level_sets(tmp_path: Path) -> None:
    old = tmp_path / "old"
    write(old, "tinh.yaml", catalog([KHAI_SINH], level="tinh", effective="2024-07-01"))
    write(old, "xa.yaml", catalog([KHAI_SINH], level="xa", effective="2024-07-01"))
    new = write(tmp_path, "new.yaml", catalog([KHAI_SINH]))
    entry = diff_paths([old], [new]).entries[0]
    assert (entry.status, entry.old_levels, entry.new_levels) == ("moved", ["tinh", "xa"], ["xa"])
    assert entry.transition == "tinh+xa->xa"


def test_former_communes_in_one_folder_are_one_side(tmp_path: Path) -> None:
    old = tmp_path / "old"
    write(old, "xa-hoa-bac.yaml", catalog([KHAI_SINH], effective="2024-07-01"))
    write(old, "xa-hoa-lien.yaml", catalog([KHAI_SINH], effective="2024-07-01"))
    new = write(tmp_path, "new.yaml", catalog([KHAI_SINH]))
    result = diff_paths([old], [new])
    assert [e.status for e in result.entries] == ["unchanged"]
    assert result.old.level_counts() == {"xa": 1}


def test_code_change_with_same_name_lists_the_code_change(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", catalog([{"code": "1.008903", "name": "Cấp giấy phép xây dựng"}]))
    b = write(tmp_path, "b.yaml", catalog([{"code": "1.013225", "name": "Cấp giấy phép xây dựng"}]))
    entry = diff_paths([a], [b]).entries[0]
    assert (entry.status, entry.match, entry.old_code, entry.code) == (
        "changed",
        "name",
        "1.008903",
        "1.013225",
    )
    assert [(c.field, c.old, c.new) for c in entry.changes] == [("code", "1.008903", "1.013225")]


def test_invalid_and_unreadable_files_are_errors_and_the_rest_is_diffed(tmp_path: Path) -> None:
    old = tmp_path / "old"
    write(old, "good.yaml", catalog([KHAI_SINH]))
    write(old, "bad.yaml", "kind: procedure-catalog\nprovince: 48\n")
    (old / "utf16.yaml").write_bytes("kind: units\n".encode("utf-16"))
    write(
        old,
        "units.yaml",
        "kind: units\nprovince: {code: '48', name: X}\neffective: 2025-07-01\ncommunes: []\n",
    )
    new = write(tmp_path, "new.yaml", catalog([KHAI_SINH]))
    result = diff_paths([old], [new])
    assert sorted(Path(e.path).name for e in result.errors) == ["bad.yaml", "utf16.yaml"]
    assert [e.status for e in result.entries] == ["unchanged"]
    assert result.exit_code() == 2


def test_filters(sides: tuple[Path, Path]) -> None:
    result = diff_paths([sides[0]], [sides[1]])
    assert {e.status for e in filtered(result, only=["moved", "removed"])} == {"moved", "removed"}
    assert [e.code for e in filtered(result, fields=["time_limit"])] == ["2.000806"]


def test_shipped_da_nang_tells_the_transfer_story() -> None:
    root = REPO / "catalogs" / "da-nang"
    result = diff_paths([root / "2024"], [root / "2025"])
    summary = result.summary()
    assert summary["old"]["huyen"] == summary["transitions"]["huyen->xa"]
    assert summary["moved"] == summary["old"]["huyen"]
    moved_codes = {e.code for e in result.entries if e.status == "moved"}
    assert {"2.000806", "2.000528", "1.001612", "2.000992"} <= moved_codes
    assert "1.013225" in {e.code for e in result.entries if e.status == "added"}


def test_decomposed_accents_are_no_change(tmp_path: Path) -> None:
    import unicodedata

    a = write(tmp_path, "a.yaml", catalog([{**KHAI_SINH, "agency": "Ủy ban nhân dân cấp xã"}]))
    nfd = unicodedata.normalize("NFD", "Ủy ban nhân dân cấp xã")
    b = write(tmp_path, "b.yaml", catalog([{**KHAI_SINH, "agency": nfd}]))
    assert [e.status for e in diff_paths([a], [b]).entries] == ["unchanged"]


def test_one_bad_value_does_not_drop_the_other_procedures(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", catalog([KHAI_SINH, {**KET_HON_NN, "online": "full"}]))
    b = write(tmp_path, "b.yaml", catalog([KHAI_SINH, {**KET_HON_NN, "online": "toàn trình"}]))
    result = diff_paths([a], [b])
    assert {e.code: e.status for e in result.entries} == {
        "1.001193": "unchanged",
        "2.000806": "changed",
    }
    assert [(Path(e.path).name, e.line) for e in result.errors] == [("b.yaml", 15)]
    assert result.exit_code() == 2


def test_a_side_without_procedure_catalogs_is_trouble(tmp_path: Path) -> None:
    units = write(
        tmp_path,
        "units.yaml",
        "kind: units\nprovince: {code: '48', name: X}\neffective: 2025-07-01\ncommunes: []\n",
    )
    b = write(tmp_path, "b.yaml", catalog([KHAI_SINH]))
    result = diff_paths([units], [b])
    assert result.exit_code() == 2
    assert "holds no procedure catalogs" in result.errors[0].message


def test_fast_reader_gives_the_same_diff_as_the_full_loader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tthc_cli.catalog import fast as fastload

    root = REPO / "catalogs" / "da-nang"

    def run() -> list[tuple[object, ...]]:
        result = diff_paths([root / "2024"], [root / "2025"])
        return [
            (
                e.status,
                e.code,
                e.old_code,
                e.old_where,
                e.new_where,
                [(c.field, c.old, c.new) for c in e.changes],
            )
            for e in result.entries
        ]

    fast = run()
    monkeypatch.setattr(fastload, "yaml_rs", None)
    assert run() == fast


def test_fast_reader_leaves_tagged_or_invalid_files_to_the_full_loader() -> None:
    from tthc_cli.catalog.procfast import read_fast

    good = catalog([KHAI_SINH])
    assert read_fast("a.yaml", good) is not None
    assert read_fast("a.yaml", good.replace("Đăng ký", "!!str Đăng ký")) is None
    assert read_fast("a.yaml", good + "kind: units\n") is None  # duplicate key
    assert read_fast("a.yaml", good.replace('"48"', "48")) is None  # schema


@pytest.mark.parametrize(("old", "new"), [("partial", "available"), ("available", "none")])
def test_available_is_an_online_value_like_the_others(tmp_path: Path, old: str, new: str) -> None:
    a = write(tmp_path, "a.yaml", catalog([{**KHAI_SINH, "online": old}]))
    b = write(tmp_path, "b.yaml", catalog([{**KHAI_SINH, "online": new}]))
    result = diff_paths([a], [b])
    assert result.errors == []
    [entry] = result.entries
    assert entry.status == "changed"
    assert [(c.field, c.old, c.new) for c in entry.changes] == [("online", old, new)]
