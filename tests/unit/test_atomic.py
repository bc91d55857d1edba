"""Atomic writes: old or new content, never half; links and special files are respected."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from tthc_cli.runtime.atomic import write_text_atomic


def test_new_and_replaced_files(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_text_atomic(target, "một")
    write_text_atomic(target, "hai")
    assert target.read_text(encoding="utf-8") == "hai"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_permissions_of_the_original_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("x", encoding="utf-8")
    target.chmod(0o640)
    write_text_atomic(target, "y")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symlink_keeps_pointing_at_its_file(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_a_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_text_atomic(fifo, "qua ống")
    reader.join(timeout=5)
    assert received == ["qua ống".encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dev_null_stays_a_device() -> None:
    null = Path(os.devnull)
    if not null.exists():
        pytest.skip("no /dev/null here")
    write_text_atomic(null, "nothing")
    assert null.is_char_device()


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_text_atomic(tmp_path, "x")


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may write any file")
    target = tmp_path / "ro.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(PermissionError):
        write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"


def test_read_only_check_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ro.yaml"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(PermissionError):
        write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
