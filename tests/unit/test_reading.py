"""Reading catalog bytes: UTF-8 only, every other encoding refused with a precise reason."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from tthc_cli.catalog.reading import display_path, read_text
from tthc_cli.runtime.errors import CatalogLoadError

TEXT = "kind: units\nname: Hòa Khánh\n"


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "catalog.yaml"
    path.write_bytes(data)
    return path


def _error(path: Path, **kwargs: int) -> CatalogLoadError:
    with pytest.raises(CatalogLoadError) as info:
        read_text(path, **kwargs)
    return info.value


def test_utf8_is_read(tmp_path: Path) -> None:
    assert read_text(_write(tmp_path, TEXT.encode())) == TEXT


def test_utf8_bom_is_accepted_and_dropped(tmp_path: Path) -> None:
    assert read_text(_write(tmp_path, codecs.BOM_UTF8 + TEXT.encode())) == TEXT


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16", "UTF-16"), ("utf-32", "UTF-32"), ("utf-16-be", None), ("utf-16-le", None)],
)
def test_utf16_and_utf32_are_refused(tmp_path: Path, encoding: str, name: str | None) -> None:
    error = _error(_write(tmp_path, TEXT.encode(encoding)))
    assert "UTF-8" in error.message
    if name is not None:  # with a BOM the encoding is named
        assert name in error.message
    else:
        assert "UTF-16 or UTF-32 without a byte-order mark" in error.message


def test_windows_1258_bytes_give_offset_and_line(tmp_path: Path) -> None:
    data = "kind: units\nname: Vi\u00eat\n".encode("cp1258")
    error = _error(_write(tmp_path, data))
    assert "not valid UTF-8 at byte offset 20" in error.message
    assert (error.line, error.column) == (2, 9)
    assert error.describe().startswith(f"{error.path}:2:9: ")


def test_tcvn3_bytes_are_refused(tmp_path: Path) -> None:
    # "Hà Nội" in TCVN3 (ABC) bytes: H \xb5 space N \xe9 i
    error = _error(_write(tmp_path, b"name: H\xb5 N\xe9i\n"))
    assert "TCVN3" in error.message


def test_binary_file_is_refused(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert "binary" in error.message


def test_too_big_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:  # a sparse 1 GiB file costs no disk
        handle.truncate(1024**3)
    error = _error(path)
    assert "larger than" in error.message


def test_limit_is_configurable(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, b"a: " + b"x" * 100), max_bytes=50)
    assert "limit" in error.message


def test_missing_file(tmp_path: Path) -> None:
    assert "not found" in _error(tmp_path / "gone.yaml").message


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    assert "directory" in _error(folder).message


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, TEXT.encode())

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    assert _error(path).message == "permission denied"


def test_empty_file_is_empty_text(tmp_path: Path) -> None:
    assert read_text(_write(tmp_path, b"")) == ""


@pytest.mark.parametrize(
    "shown",
    ["a.yaml", "./a.yaml", "catalogs//48/xa.yaml", "x/../a.yaml", "../a.yaml", "..a.yaml", "."],
)
def test_display_path_of_a_relative_path_is_its_relpath(shown: str) -> None:
    rel = os.path.relpath(shown)
    expected = Path(shown).as_posix() if rel.startswith("..") else Path(rel).as_posix()
    assert display_path(Path(shown)) == expected
