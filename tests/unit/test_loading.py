"""Documents: kind, positions with fallback to the enclosing value, discovery of files."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CATALOG_HEAD, PROCEDURE
from tthc_cli.catalog.loading import discover, iter_items, load_document, load_text


def test_kind_and_positions() -> None:
    doc = load_text(CATALOG_HEAD + PROCEDURE)
    assert doc.kind == "procedure-catalog"
    assert doc.pos(("procedures", 0, "code")) == (6, 11)
    assert doc.key_pos(("procedures", 0, "code")) == (6, 5)
    # A path below a value that has no position of its own falls back to the nearest parent.
    assert doc.pos(("procedures", 0, "code", "nothing", 3)) == (6, 11)
    assert doc.pos(("nope",)) == (1, 1)


def test_kind_of_non_mapping_is_none() -> None:
    assert load_text("- a\n- b\n").kind is None
    assert load_text("kind: 5\n").kind is None


def test_iter_items_skips_malformed_entries() -> None:
    doc = load_text("kind: procedure-catalog\nprocedures: [1, {code: x}, null, {code: y}]\n")
    assert [index for index, _ in iter_items(doc, "procedures")] == [1, 3]
    assert list(iter_items(load_text("procedures: 5\n"), "procedures")) == []


def test_validated_model_is_cached() -> None:
    doc = load_text(CATALOG_HEAD + PROCEDURE)
    model, error = doc.validated()
    assert error is None
    assert model is not None
    assert doc.validated()[0] is model


def test_load_document_uses_a_relative_display_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.yaml").write_text(CATALOG_HEAD + PROCEDURE, encoding="utf-8")
    doc = load_document(tmp_path / "a" / "x.yaml")
    assert doc.path == "a/x.yaml"


def test_discover_sorts_and_deduplicates(tmp_path: Path) -> None:
    for name in ["b.yaml", "a.yml", "c.txt", ".hidden.yaml"]:
        (tmp_path / name).write_text("kind: units\n", encoding="utf-8")
    found = discover([tmp_path, tmp_path / "b.yaml"])
    assert [p.name for p in found.files] == ["a.yml", "b.yaml"]
    assert found.errors == []


def test_an_explicit_file_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("kind: units\n", encoding="utf-8")
    assert discover([path]).files == [path]


def test_discover_keeps_a_file_once_through_links_and_parents(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "x.yaml").write_text("kind: units\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(folder / "x.yaml")
    (tmp_path / "dirlink").symlink_to(folder, target_is_directory=True)
    found = discover(
        [folder, tmp_path / "link.yaml", tmp_path / "dirlink", folder / ".." / "a" / "x.yaml"]
    )
    assert found.files == [folder / "x.yaml"]
    assert found.errors == []
