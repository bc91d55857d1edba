"""The reference: reading it through the one catalog reader, its scopes and snapshots, and
what differs between a listing and the reference's listing of it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import catalog, reference
from tthc_cli.catalog.refcompare import differences, name_differs, omitted_documents
from tthc_cli.catalog.reference import Entry, RefProcedure, entry_of, load_reference
from tthc_cli.domain.documents import document_key


def _ref(**values: object) -> RefProcedure:
    entry = entry_of({"code": "1.001193", "name": "Đăng ký khai sinh", **values})
    return RefProcedure.of(entry, "xa", None, "ref.yaml", 7)


def test_an_unreadable_file_is_one_error_and_the_others_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ref").mkdir()
    (tmp_path / "ref" / "bad.yaml").write_bytes(b"kind: procedure-catalog\nname: \xff\n")
    (tmp_path / "ref" / "units.yaml").write_text(
        'kind: units\nprovince: {code: "48", name: X}\neffective: 2025-07-01\ncommunes: []\n',
        encoding="utf-8",
    )
    (tmp_path / "ref" / "xa.yaml").write_text(
        catalog([{"code": "1.001193", "name": "Đăng ký khai sinh"}]), encoding="utf-8"
    )
    found = load_reference([tmp_path / "ref"])
    assert [error.path for error in found.errors] == ["ref/bad.yaml"]
    assert [(ref.file, ref.line) for ref in found.procedures] == [("ref/xa.yaml", 7)]
    assert found.holds_file("ref/xa.yaml")
    assert not found.holds_file("ref/units.yaml")


def test_scopes_national_and_provincial(tmp_path: Path) -> None:
    found = reference(
        tmp_path,
        catalog([{"code": "1.001193", "name": "Đăng ký khai sinh"}], province="00"),
        catalog([{"code": "1.000894", "name": "Đăng ký kết hôn"}], province="48"),
    )
    assert found.for_list("01")
    assert [ref.entry.code for ref in found.for_list("48").at_level("xa")] == [
        "1.001193",
        "1.000894",
    ]
    assert [ref.entry.code for ref in found.for_list("01").at_level("xa")] == ["1.001193"]
    assert found.for_list("48").at_level("tinh") == []


def test_a_provincial_reference_covers_only_its_province(tmp_path: Path) -> None:
    found = reference(tmp_path, catalog([{"code": "1.001193", "name": "X"}], province="48"))
    assert found.for_list("48")
    assert not found.for_list("01")


def test_the_snapshot_in_force_on_the_lists_date(tmp_path: Path) -> None:
    found = reference(
        tmp_path,
        catalog([{"code": "1.000001", "name": "Cũ"}], province="48", effective="2024-07-01"),
        catalog([{"code": "1.000002", "name": "Mới"}], province="48", effective="2025-07-01"),
    )

    def codes(effective: str) -> list[str]:
        return [ref.entry.code for ref in found.for_list("48", effective).all]

    assert codes("2025-07-01") == ["1.000002"]
    assert codes("2026-01-01") == ["1.000002"]
    assert codes("2024-12-31") == ["1.000001"]
    assert codes("") == ["1.000002"]  # no date: the latest
    assert not found.for_list("48", "2020-01-01")  # older than the reference: not checked


def test_find_by_code_then_by_name(tmp_path: Path) -> None:
    found = reference(tmp_path, catalog([{"code": "1.001193", "name": "Công nhận hòa giải viên"}]))
    view = found.for_list("48")
    by_code = Entry("1.001193.000.00.00.H48", "Khác")
    by_name = Entry("", unicodedata.normalize("NFD", "Thủ tục công nhận hoà giải viên"))
    assert [ref.entry.code for ref in view.find(by_code)] == ["1.001193"]
    assert [ref.entry.code for ref in view.find(by_name)] == ["1.001193"]
    assert view.find(Entry("", "Công nhận hóa giải viên")) == []
    # A listing with a code is never paired by its name.
    assert view.find(Entry("1.000894", "Công nhận hòa giải viên")) == []


def test_the_digest_follows_the_content(tmp_path: Path) -> None:
    one = reference(tmp_path / "a", catalog([{"code": "1.001193", "name": "X", "online": "full"}]))
    same = reference(tmp_path / "a", catalog([{"code": "1.001193", "name": "X", "online": "full"}]))
    other = reference(
        tmp_path / "a", catalog([{"code": "1.001193", "name": "X", "online": "none"}])
    )
    assert one.digest == same.digest != other.digest


def test_name_differences_beyond_normalization_only() -> None:
    ref = _ref(name="Xác nhận tình trạng hôn nhân ở Mỹ Hòa")
    assert not name_differs(Entry("1.001193", "XÁC NHẬN tình trạng hôn nhân ở Mỹ Hoà"), ref)
    assert name_differs(Entry("1.001193", "Xác nhận tình trạng hôn nhân ở Mỹ Hóa"), ref)


def test_differences_counts_each_kind() -> None:
    ref = _ref(time_limit={"value": 1, "unit": "working-days"}, fees=[], online="full")
    entry = entry_of(
        {
            "code": "1.001193",
            "name": "Đăng kí khai sinh",
            "time_limit": {"value": 2, "unit": "working-days"},
            "fees": [{"name": "Lệ phí", "amount": 8000}],
            "online": "partial",
        }
    )
    assert differences(entry, "tinh", [ref]) == {"name", "level", "time_limit", "fees", "online"}
    assert (
        differences(entry_of({"code": "1.001193", "name": "Đăng ký khai sinh"}), "xa", [ref])
        == set()
    )


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("123/2015/ND-CP", "123/2015/NĐ-CP"),
        (" 123/2015/nđ-cp", "123/2015/NĐ-CP"),
        (unicodedata.normalize("NFD", "123/2015/NĐ-CP"), "123/2015/NĐ-CP"),
        ("12a/2020/TT-BTC", "12A/2020/TT-BTC"),
    ],
)
def test_document_key_ignores_how_the_number_is_written(text: str, same_as: str) -> None:
    assert document_key(text) == document_key(same_as)
    assert document_key(text) is not None


def test_document_key_of_other_text_is_none() -> None:
    assert document_key("Luật Hộ tịch") is None
    key = document_key("1390/QĐ-UBND")
    assert key is not None
    assert key.year is None


_NAMES = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạòóỏõọùúủũụ ", min_size=1)
_FEES = st.lists(
    st.builds(
        lambda amount: {"name": "Lệ phí", "amount": amount}, st.none() | st.integers(0, 10**6)
    ),
    max_size=3,
)


@given(
    name=_NAMES.filter(str.strip),
    days=st.none() | st.integers(0, 60),
    unit=st.sampled_from(["working-days", "calendar-days"]),
    fees=st.none() | _FEES,
    online=st.sampled_from(["full", "partial", "none", "available", None]),
    basis=st.none() | st.lists(st.sampled_from(["60/2014/QH13", "03/2023/TT-BTP", "1/QĐ-UBND"])),
)
def test_a_listing_never_differs_from_itself_in_any_unicode_form(
    name: str,
    days: int | None,
    unit: str,
    fees: list[dict[str, object]] | None,
    online: str | None,
    basis: list[str] | None,
) -> None:
    item: dict[str, object] = {"code": "1.001193", "name": name}
    if days is not None:
        item["time_limit"] = {"value": days, "unit": unit}
    for key, value in (("fees", fees), ("online", online), ("legal_basis", basis)):
        if value is not None:
            item[key] = value
    ref = RefProcedure.of(entry_of(item), "xa", None, "ref.yaml", 1)
    again = entry_of({**item, "name": unicodedata.normalize("NFD", name.upper())})
    assert differences(again, "xa", [ref]) == frozenset()
    assert omitted_documents(again, ref) == []
