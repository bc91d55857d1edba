"""TT003 unsupported-tag."""

from __future__ import annotations

from pathlib import Path

from helpers import CATALOG_HEAD, PROCEDURE, doc, hits, messages, run


def _with_notes(notes: str) -> str:
    return CATALOG_HEAD + PROCEDURE + f"    notes: {notes}\n"


def test_untagged_file_passes() -> None:
    assert hits(CATALOG_HEAD + PROCEDURE, "TT003") == []


def test_python_object_tag_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = _with_notes(f'!!python/object/apply:os.system ["touch {marker}"]')
    assert hits(text, "TT003") == [(14, 12)]
    (message,) = messages(text, "TT003")
    assert "!!python/object/apply:os.system" in message
    assert "not allowed" in message
    run(text)
    assert not marker.exists()


def test_python_tag_on_a_scalar_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = _with_notes(f'!!python/object/apply:os.system "touch {marker}"')
    assert hits(text, "TT003") == [(14, 12)]
    assert not marker.exists()


def test_python_tag_on_a_mapping(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = _with_notes(f'!!python/object/new:subprocess.Popen {{args: [["touch", "{marker}"]]}}')
    assert hits(text, "TT003") == [(14, 12)]
    assert not marker.exists()


def test_custom_tag() -> None:
    text = _with_notes("!custom Ghi chú")
    assert hits(text, "TT003") == [(14, 12)]
    assert "tag !custom is not allowed" in messages(text, "TT003")[0]


def test_core_tag_with_a_value_that_does_not_fit() -> None:
    text = _with_notes('!!int "abc"')
    assert hits(text, "TT003") == [(14, 12)]
    assert messages(text, "TT003") == ["value 'abc' is not a valid !!int"]


def test_core_str_tag_is_fine_and_keeps_the_text() -> None:
    text = _with_notes("!!str 123")
    assert hits(text, "TT003") == []
    assert doc(text).data["procedures"][0]["notes"] == "123"


def test_other_core_tags_are_fine() -> None:
    text = CATALOG_HEAD + PROCEDURE.replace(
        "{value: 1, unit: working-days}", "!!map {value: !!int 1, unit: !!str working-days}"
    ).replace("fees: []", "fees: !!seq []")
    assert hits(text, "TT003") == []
    assert doc(text).data["procedures"][0]["time_limit"] == {"value": 1, "unit": "working-days"}


def test_non_specific_tag_is_a_string() -> None:
    text = _with_notes('! "Ghi chú"')
    assert hits(text, "TT003") == []
    assert doc(text).data["procedures"][0]["notes"] == "Ghi chú"
