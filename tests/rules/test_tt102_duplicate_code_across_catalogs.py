"""TT102 duplicate-code-across-catalogs."""

from __future__ import annotations

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages, run

MARRIAGE = PROCEDURE.replace('"1.001193"', '"1.000894"').replace("khai sinh", "kết hôn")
BIRTH_FILE = CATALOG_HEAD + PROCEDURE
# The same birth registration, second in a file of another field.
OTHER_FILE = CATALOG_HEAD + MARRIAGE + PROCEDURE


def test_different_codes_in_two_files_pass() -> None:
    files = {"xa-ho-tich.yaml": BIRTH_FILE, "xa-chung-thuc.yaml": CATALOG_HEAD + MARRIAGE}
    assert run(files, select="TT102") == []


def test_same_code_in_two_files_is_reported_in_the_second() -> None:
    files = {"xa-ho-tich.yaml": BIRTH_FILE, "xa-chung-thuc.yaml": OTHER_FILE}
    findings = run(files, select="TT102")
    assert [(f.file, f.line, f.column) for f in findings] == [("xa-chung-thuc.yaml", 14, 11)]
    assert findings[0].message == (
        "code 1.001193 is also listed in xa-ho-tich.yaml:6 "
        "(province 48, level xa, effective 2025-07-01)"
    )


def test_local_suffix_is_the_same_code() -> None:
    suffixed = CATALOG_HEAD + PROCEDURE.replace('"1.001193"', '"1.001193.000.00.00.H48"')
    findings = run({"a.yaml": BIRTH_FILE, "b.yaml": suffixed}, select="TT102")
    assert [(f.file, f.line, f.column) for f in findings] == [("b.yaml", 6, 11)]
    assert "a.yaml:6" in findings[0].message


def test_every_later_file_names_the_first() -> None:
    files = {"a.yaml": BIRTH_FILE, "b.yaml": BIRTH_FILE, "c.yaml": BIRTH_FILE}
    findings = run(files, select="TT102")
    assert [(f.file, f.line) for f in findings] == [("b.yaml", 6), ("c.yaml", 6)]
    assert all("a.yaml:6" in f.message for f in findings)


def test_different_effective_dates_are_snapshots() -> None:
    later = OTHER_FILE.replace("2025-07-01", "2026-01-01")
    assert run({"2025/xa.yaml": BIRTH_FILE, "2026/xa.yaml": later}, select="TT102") == []


def test_different_levels_pass() -> None:
    tinh = OTHER_FILE.replace("level: xa", "level: tinh")
    assert run({"xa.yaml": BIRTH_FILE, "tinh.yaml": tinh}, select="TT102") == []


def test_different_provinces_pass() -> None:
    ha_noi = OTHER_FILE.replace('"48"', '"01"')
    assert run({"da-nang.yaml": BIRTH_FILE, "ha-noi.yaml": ha_noi}, select="TT102") == []


def test_same_code_twice_in_one_file_is_tt101_not_tt102() -> None:
    text = CATALOG_HEAD + PROCEDURE + PROCEDURE
    assert hits(text, "TT102") == []
    assert hits(text, "TT101") == [(14, 11)]


def test_repeat_inside_the_second_file_is_reported_once() -> None:
    files = {"a.yaml": BIRTH_FILE, "b.yaml": CATALOG_HEAD + PROCEDURE + PROCEDURE}
    findings = run(files, select="TT102")
    assert [(f.file, f.line) for f in findings] == [("b.yaml", 6)]


def test_units_files_are_ignored() -> None:
    units = 'kind: units\nprocedures:\n  - code: "1.001193"\n'
    assert run({"a.yaml": BIRTH_FILE, "units.yaml": units}, select="TT102") == []
    assert messages({"a.yaml": BIRTH_FILE}, "TT102") == []
