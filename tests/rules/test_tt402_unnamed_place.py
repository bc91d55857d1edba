"""TT402 unnamed-place."""

from __future__ import annotations

from helpers import UNITS_HEAD, hits, messages

COMMUNE = '  - code: "20194"\n    name: Phường Hải Vân\n'


def _places(group: str, *entries: str) -> str:
    """A units file whose hamlets or streets (from line 8 on) are these flow entries."""
    return UNITS_HEAD + COMMUNE + f"    {group}:\n" + "".join(f"      - {e}\n" for e in entries)


def test_named_places_pass() -> None:
    assert (
        hits(
            _places("hamlets", "{name: Thôn 1}", "{name: Tổ dân phố 2, from: Xã Hòa Bắc}"), "TT402"
        )
        == []
    )
    assert hits(_places("streets", "{name: Đường Hùng Vương}"), "TT402") == []


def test_empty_name() -> None:
    text = _places("hamlets", "{name: Thôn 1}", '{name: "", from: Xã Hòa Bắc}')
    assert hits(text, "TT402") == [(9, 16)]
    assert messages(text, "TT402") == ["hamlet has no name"]


def test_blank_name() -> None:
    for blank in ('"  "', '"\u00a0"', '"\\t"'):
        assert hits(_places("hamlets", f"{{name: {blank}}}"), "TT402") == [(8, 16)]


def test_null_name() -> None:
    assert hits(_places("hamlets", "{name: , from: Xã Hòa Bắc}"), "TT402") == [(8, 16)]
    assert hits(_places("hamlets", "{name: null}"), "TT402") == [(8, 16)]


def test_missing_name_points_at_the_entry() -> None:
    text = _places("hamlets", "{from: Xã Hòa Bắc}")
    assert hits(text, "TT402") == [(8, 9)]
    assert messages(text, "TT402") == ["hamlet has no name"]


def test_null_entry() -> None:
    text = _places("hamlets", "{name: Thôn 1}", "")
    assert hits(text, "TT402") == [(9, 8)]
    assert messages(text, "TT402") == ["empty hamlet entry"]


def test_streets_are_checked() -> None:
    text = _places("streets", '{name: ""}', "")
    assert hits(text, "TT402") == [(8, 16), (9, 8)]
    assert messages(text, "TT402") == ["street has no name", "empty street entry"]


def test_no_schema_finding_for_the_same_problem() -> None:
    text = _places("hamlets", '{name: ""}', "{from: Xã Hòa Bắc}", "{name: }", "")
    assert len(hits(text, "TT402")) == 4
    assert hits(text, "TT005") == []


def test_name_of_the_wrong_type_is_left_to_tt005() -> None:
    text = _places("hamlets", "{name: 5}")
    assert hits(text, "TT402") == []
    assert hits(text, "TT005") == [(8, 16)]
