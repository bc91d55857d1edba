"""TT111 unknown-field."""

from __future__ import annotations

import unicodedata

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, hits, messages, run
from tthc_cli.domain.fields import national_fields


def _field(field: str) -> str:
    return CATALOG_HEAD + PROCEDURE.replace("Hộ tịch", field)


@pytest.mark.parametrize(
    "field",
    [
        "Hộ tịch",
        "hộ tịch",
        unicodedata.normalize("NFD", "Hộ tịch"),
        "Hòa giải ở cơ sở",
        "Hoà giải ở cơ sở",  # tone placement
        "Nghĩa vụ quân sự",  # the Ministry of Defence's records
        "Đăng ký, quản lý cư trú",
    ],
)
def test_national_fields_pass(field: str) -> None:
    assert hits(_field(field), "TT111") == []


@pytest.mark.parametrize(
    ("field", "guess"),
    [("Hô tịch", "Hộ tịch"), ("Ho tich", "Hộ tịch"), ("Chứng thưc", "Chứng thực")],
)
def test_a_field_not_in_the_list_gets_a_suggestion(field: str, guess: str) -> None:
    text = _field(field)
    assert hits(text, "TT111") == [(8, 12)]
    assert messages(text, "TT111") == [
        f"field {field!r} is not in the national list of fields (did you mean `{guess}`?)"
    ]


def test_an_unrelated_field_gets_no_suggestion() -> None:
    assert messages(_field("Zzz qqq"), "TT111") == [
        "field 'Zzz qqq' is not in the national list of fields"
    ]


def test_the_list_is_shipped_data() -> None:
    fields = national_fields()
    assert len(fields) > 100
    assert "Hộ tịch" in fields
    assert all(unicodedata.is_normalized("NFC", f) and f == f.strip() for f in fields)
    assert list(fields) == sorted(fields)


def test_is_a_warning_without_a_fix() -> None:
    (finding,) = run(_field("Hô tịch"), select="TT111")
    assert finding.severity == "warning"
    assert not finding.fixable


def test_the_shipped_lists_are_what_the_script_builds() -> None:
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "build_backend"))
    try:
        import national_fields as script
    finally:
        sys.path.pop(0)
    raw = script._raw()
    if not (raw / "chatbot-tthc").is_dir():
        pytest.skip(f"{raw}: the raw portal records are not here")
    fields, words = script.build(raw)
    assert list(national_fields()) == fields
    shipped = script.WORDS.read_text(encoding="utf-8").splitlines()
    assert [line for line in shipped if not line.startswith("#")] == words
