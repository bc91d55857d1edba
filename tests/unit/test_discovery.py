"""The one directory walker: what every command reads under the paths it is given."""

from __future__ import annotations

from pathlib import Path

from tthc_cli.catalog.discovery import discover


def test_files_named_on_the_command_line_are_told_apart(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("kind: units\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("kind: units\n", encoding="utf-8")
    found = discover([tmp_path, tmp_path / "b.yaml"])
    assert [p.name for p in found.files] == ["a.yaml", "b.yaml"]
    # b.yaml was found in the folder first, and named as well: a command treats it as named.
    assert {p.name for p in found.named} == {"b.yaml"}


def test_other_suffixes_and_the_reason_for_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "list.CSV").write_text("x\n", encoding="utf-8")
    (tmp_path / ".hidden.csv").write_text("x\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text("kind: units\n", encoding="utf-8")
    found = discover([tmp_path], suffixes=(".yml", ".csv"))
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == ["a.yml", "sub/list.CSV"]
    assert found.named == set()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert [e.message for e in discover([empty], empty="nothing here").errors] == ["nothing here"]
    assert "no catalog files" in discover([empty]).errors[0].message


def test_a_missing_path_and_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "link.yaml").symlink_to(tmp_path / "gone.yaml")
    found = discover([tmp_path / "missing", tmp_path / "link.yaml"])
    assert found.files == []
    assert [e.message for e in found.errors] == [
        "no such file or directory",
        "broken or looping symbolic link",
    ]
