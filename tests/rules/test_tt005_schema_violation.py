"""TT005 schema-violation."""

from __future__ import annotations

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD, hits, messages, run

COMMUNE = """\
  - code: "20194"
    name: Phường Hải Vân
    formed_from:
      - {code: "20194", name: Phường Hòa Hiệp Bắc}
      - {code: "20296", name: Xã Hòa Liên, part: true}
    hamlets:
      - {name: Tổ dân phố 1, from: Phường Hòa Hiệp Bắc}
    streets:
      - {name: Đường Nguyễn Tất Thành, from: Xã Hòa Liên}
"""


def _procedure(old: str, new: str) -> str:
    assert old in PROCEDURE
    return CATALOG_HEAD + PROCEDURE.replace(old, new)


def _hamlets(*entries: str) -> str:
    head = UNITS_HEAD + '  - code: "20194"\n    name: Phường Hải Vân\n    hamlets:\n'
    return head + "".join(f"      - {entry}\n" for entry in entries)


def test_valid_files_pass() -> None:
    assert hits(CATALOG_HEAD + PROCEDURE, "TT005") == []
    assert hits(UNITS_HEAD + COMMUNE, "TT005") == []


def test_all_optional_procedure_keys_pass() -> None:
    extra = (
        "    location_independent: true\n"
        '    decision: "163/QĐ-BTP"\n'
        "    type: TTHC được luật giao quy định chi tiết\n"
        "    subjects: [Công dân Việt Nam]\n"
        "    documents: [Tờ khai đăng ký khai sinh]\n"
        "    steps: [Nộp hồ sơ, Trả kết quả]\n"
        "    result: Giấy khai sinh\n"
        "    conditions: Không\n"
        "    notes: Miễn lệ phí\n"
    )
    assert hits(CATALOG_HEAD + PROCEDURE + extra, "TT005") == []


def test_unknown_key_gets_a_did_you_mean() -> None:
    text = _procedure("field:", "feild:")
    # One finding: the suggestion already explains why the required `field` is missing.
    assert hits(text, "TT005") == [(8, 5)]
    assert messages(text, "TT005") == ["unknown key `feild` (did you mean `field`?)"]


def test_unknown_key_without_a_close_match() -> None:
    text = CATALOG_HEAD + PROCEDURE + "    xyz: 1\n"
    assert hits(text, "TT005") == [(14, 5)]
    assert messages(text, "TT005") == ["unknown key `xyz`"]


def test_missing_required_key_names_the_vietnamese_term() -> None:
    text = _procedure("    name: Đăng ký khai sinh\n", "")
    assert hits(text, "TT005") == [(6, 5)]
    assert messages(text, "TT005") == ["missing required key `name` (Tên thủ tục)"]


def test_missing_top_level_key() -> None:
    text = CATALOG_HEAD.replace("effective: 2025-07-01\n", "") + PROCEDURE
    assert hits(text, "TT005") == [(1, 1)]
    assert messages(text, "TT005") == [
        "missing required key `effective` (Ngày danh mục có hiệu lực)"
    ]


def test_vietnamese_online_level_suggests_full() -> None:
    text = _procedure("online: full", "online: toàn trình")
    assert hits(text, "TT005") == [(12, 13)]
    (message,) = messages(text, "TT005")
    assert "`online` must be one of full, partial, available, none" in message
    assert "got 'toàn trình'" in message
    assert "did you mean `full`?" in message


def test_nfd_vietnamese_online_level_suggests_partial() -> None:
    import unicodedata

    text = _procedure("online: full", "online: " + unicodedata.normalize("NFD", "một phần"))
    assert "did you mean `partial`?" in messages(text, "TT005")[0]


def test_vietnamese_level_suggests_xa() -> None:
    text = CATALOG_HEAD.replace("level: xa", "level: xã") + PROCEDURE
    assert hits(text, "TT005") == [(3, 8)]
    (message,) = messages(text, "TT005")
    assert "`level` must be one of tinh, huyen, xa" in message
    assert "did you mean `xa`?" in message


def test_unquoted_code_shows_the_quoted_form() -> None:
    text = _procedure('"1.001193"', "2.000720")
    assert hits(text, "TT005") == [(6, 11)]
    (message,) = messages(text, "TT005")
    assert "read as the number 2.00072" in message
    assert '"2.000720"' in message


def test_unquoted_province_keeps_its_leading_zero() -> None:
    text = CATALOG_HEAD.replace('"48"', "01") + PROCEDURE
    assert hits(text, "TT005") == [(2, 11)]
    assert '"01"' in messages(text, "TT005")[0]


def test_unquoted_commune_code_keeps_its_zeros() -> None:
    text = UNITS_HEAD + "  - {code: 00004, name: Phường Ba Đình}\n"
    assert hits(text, "TT005") == [(5, 12)]
    assert '"00004"' in messages(text, "TT005")[0]


def test_fees_as_a_string() -> None:
    text = _procedure("fees: []", "fees: miễn phí")
    assert hits(text, "TT005") == [(11, 11)]
    assert messages(text, "TT005") == ["`fees` must be a list; got 'miễn phí'"]


def test_time_limit_as_a_string() -> None:
    text = _procedure("{value: 1, unit: working-days}", '"5 ngày làm việc"')
    assert hits(text, "TT005") == [(10, 17)]
    assert messages(text, "TT005") == ["`time_limit` must be a mapping; got '5 ngày làm việc'"]


def test_boolean_written_in_vietnamese() -> None:
    text = CATALOG_HEAD + PROCEDURE + "    location_independent: có\n"
    assert hits(text, "TT005") == [(14, 27)]
    assert messages(text, "TT005") == ["`location_independent` must be true or false; got 'có'"]


def test_fee_amount_as_text() -> None:
    text = _procedure("fees: []", "fees: [{name: Lệ phí, amount: '8.000 đồng'}]")
    assert hits(text, "TT005") == [(11, 35)]
    assert "`amount` must be a number;" in messages(text, "TT005")[0]


def test_empty_name() -> None:
    text = _procedure("name: Đăng ký khai sinh", 'name: ""')
    assert hits(text, "TT005") == [(7, 11)]
    assert messages(text, "TT005") == ["`name` must not be empty"]


def test_null_name() -> None:
    text = _procedure("name: Đăng ký khai sinh", "name:")
    assert hits(text, "TT005") == [(7, 10)]
    assert messages(text, "TT005") == ["`name` must be text; got nothing"]


def test_list_item_of_the_wrong_type() -> None:
    text = _procedure('["60/2014/QH13", "123/2015/NĐ-CP"]', '["60/2014/QH13", 123]')
    assert hits(text, "TT005") == [(13, 35)]
    assert messages(text, "TT005")[0].startswith("item 2 ")


def test_units_file_with_an_unknown_commune_key() -> None:
    text = UNITS_HEAD + COMMUNE.replace("    hamlets:", "    hamlet:")
    assert hits(text, "TT005") == [(10, 5)]
    assert messages(text, "TT005") == ["unknown key `hamlet` (did you mean `hamlets`?)"]


def test_units_file_with_a_misspelt_hamlet_key() -> None:
    text = _hamlets("{name: Thôn 1, form: Xã Hòa Bắc}")
    assert hits(text, "TT005") == [(8, 24)]
    assert "did you mean `from`?" in messages(text, "TT005")[0]


def test_units_province_must_be_a_mapping() -> None:
    text = UNITS_HEAD.replace('{code: "48", name: Thành phố Đà Nẵng}', '"48"') + COMMUNE
    assert hits(text, "TT005") == [(2, 11)]
    assert messages(text, "TT005") == ["`province` must be a mapping; got '48'"]


def test_former_commune_part_must_be_a_boolean() -> None:
    text = UNITS_HEAD + COMMUNE.replace("part: true", "part: một phần")
    assert hits(text, "TT005") == [(9, 50)]
    assert "must be true or false" in messages(text, "TT005")[0]


def test_unnamed_hamlets_are_left_to_tt402() -> None:
    text = _hamlets('{name: ""}', "{from: Xã Hòa Bắc}", "{name: }", '{name: "  "}', "")
    assert hits(text, "TT005") == []
    assert {f.rule for f in run(text) if f.line >= 8} >= {"TT402"}


def test_unnamed_street_is_left_to_tt402() -> None:
    text = (
        UNITS_HEAD
        + '  - code: "20194"\n    name: Phường Hải Vân\n    streets:\n      - {name: ""}\n'
    )
    assert hits(text, "TT005") == []


def test_hamlet_name_of_the_wrong_type_is_reported() -> None:
    text = _hamlets("{name: 5}", "{name: [Thôn 1]}")
    assert hits(text, "TT005") == [(8, 16), (9, 16)]
    first, second = messages(text, "TT005")
    assert '"5"' in first
    assert second == "`name` must be text; got a list"


def test_hamlet_entry_that_is_not_a_mapping() -> None:
    text = _hamlets("Thôn 1")
    assert hits(text, "TT005") == [(8, 9)]
    assert messages(text, "TT005") == ["item 1 must be a mapping; got 'Thôn 1'"]


def test_unknown_kind_is_not_checked_against_a_schema() -> None:
    assert hits("kind: procedures\nfeild: x\n", "TT005") == []


def test_available_is_an_online_level() -> None:
    # An online channel exists, its level (toàn trình / một phần) is not published.
    assert hits(_procedure("online: full", "online: available"), "TT005") == []


def test_truc_tuyen_without_a_level_suggests_available() -> None:
    text = _procedure("online: full", "online: trực tuyến")
    assert "did you mean `available`?" in messages(text, "TT005")[0]


def test_a_national_list_has_no_province() -> None:
    # The list the ministries publish (catalogs/national/) belongs to no province.
    national = CATALOG_HEAD.replace('province: "48"\n', "")
    assert national != CATALOG_HEAD
    assert hits(national + PROCEDURE, "TT005") == []
    assert hits(national + PROCEDURE, "TT302") == []
