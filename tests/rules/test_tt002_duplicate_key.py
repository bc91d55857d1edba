"""TT002 duplicate-key."""

from __future__ import annotations

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD, doc, hits, messages


def test_distinct_keys_pass() -> None:
    assert hits(CATALOG_HEAD + PROCEDURE, "TT002") == []


def test_same_key_in_different_mappings_passes() -> None:
    second = PROCEDURE.replace("1.001193", "1.000894").replace("khai sinh", "kết hôn")
    assert hits(CATALOG_HEAD + PROCEDURE + second, "TT002") == []


def test_duplicate_key_in_a_procedure_names_the_first_line() -> None:
    text = CATALOG_HEAD + PROCEDURE + "    name: Đăng ký lại khai sinh\n"
    assert hits(text, "TT002") == [(14, 5)]
    (message,) = messages(text, "TT002")
    assert "'name' appears twice" in message
    assert "first at line 7" in message


def test_first_value_is_kept() -> None:
    text = CATALOG_HEAD + PROCEDURE + "    name: Đăng ký lại khai sinh\n"
    assert doc(text).data["procedures"][0]["name"] == "Đăng ký khai sinh"


def test_duplicate_top_level_key() -> None:
    text = CATALOG_HEAD.replace("level: xa\n", "level: xa\nlevel: tinh\n") + PROCEDURE
    assert hits(text, "TT002") == [(4, 1)]
    assert "first at line 3" in messages(text, "TT002")[0]


def test_duplicate_key_deep_in_a_flow_mapping() -> None:
    text = CATALOG_HEAD + PROCEDURE.replace(
        "{value: 1, unit: working-days}", "{value: 1, unit: working-days, value: 2}"
    )
    assert hits(text, "TT002") == [(10, 48)]
    assert "'value' appears twice" in messages(text, "TT002")[0]
    assert "first at line 10" in messages(text, "TT002")[0]


def test_every_repeat_is_reported() -> None:
    text = (
        UNITS_HEAD
        + '  - code: "20194"\n'
        + "    name: Phường Hải Vân\n"
        + "    hamlets: []\n"
        + "    hamlets: []\n"
        + "    hamlets: []\n"
    )
    assert hits(text, "TT002") == [(8, 5), (9, 5)]
    assert all("first at line 7" in m for m in messages(text, "TT002"))


def test_keys_differing_in_unicode_form_are_different_keys() -> None:
    # Keys are English; NFC vs NFD keys are not the same YAML key (TT005 reports the unknown one).
    text = "kind: units\nghi_chú: a\nghi_chu\u0301: b\n"
    assert hits(text, "TT002") == []
