"""The file system misbehaving: missing paths, folders without catalogs, unreadable files and
folders, symlink loops, files deleted, truncated or changed during a run, read-only targets and
a full disk. Each gives a clear error naming the file; originals stay intact; other files are
still done.

The suite runs as root in CI, where permission bits do not stop reads or writes, so denial is
simulated by monkeypatching (and tested for real when not root). A full disk is a real tiny
tmpfs when mounting is allowed, and a monkeypatched fsync otherwise.
"""

from __future__ import annotations

import errno
import os
import pathlib
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from adversarial._support import (
    COMMANDS,
    GOOD_CATALOG,
    GOOD_CATALOG_FIXED,
    GOOD_UNITS,
    Tree,
    assert_handled,
    check_every_command,
    invoke,
)

_real_open = pathlib.Path.open


def hook_open(monkeypatch: pytest.MonkeyPatch, hook: Callable[[Path, str], None]) -> None:
    """Call hook(path, mode) before every Path.open (read_text and read_bytes use it)."""

    def opened(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        hook(self, mode)
        return _real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", opened)


def test_a_missing_path_is_named(tree: Tree) -> None:
    check_every_command(tree.root / "khong-co.yaml", tree, validate_codes=(2,))


def test_a_folder_without_catalogs_is_named(tree: Tree) -> None:
    empty = tree.root / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("không phải YAML", encoding="utf-8")
    results = check_every_command(empty, tree, validate_codes=(2,))
    assert "no catalog files" in results["validate"].stderr


def test_a_permission_denied_file_is_named(tree: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    denied = tree.root / "denied.yaml"
    denied.write_text(GOOD_UNITS, encoding="utf-8")

    def deny(path: Path, mode: str) -> None:
        if path.name == "denied.yaml":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))

    hook_open(monkeypatch, deny)
    results = check_every_command(denied, tree, validate_codes=(2,))
    for result in results.values():
        assert "denied.yaml: permission denied" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file; see the monkeypatched test")
def test_a_really_unreadable_file_is_named(tree: Tree) -> None:
    denied = tree.root / "denied.yaml"
    denied.write_text(GOOD_UNITS, encoding="utf-8")
    denied.chmod(0)
    check_every_command(denied, tree, validate_codes=(2,))


def test_an_unlistable_folder_is_named(tree: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tree.root / "locked"
    folder.mkdir()
    (folder / "x.yaml").write_text(GOOD_CATALOG, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = invoke(["validate", "--no-config", folder, tree.catalog])
    assert_handled(result)
    assert "locked: permission denied" in result.stderr


def test_symlink_loops_end(tree: Tree) -> None:
    loops = tree.root / "loops"
    loops.mkdir()
    (loops / "units.yaml").write_text(GOOD_UNITS, encoding="utf-8")
    (loops / "again").symlink_to(loops, target_is_directory=True)  # a folder loop
    (loops / "a.yaml").symlink_to(loops / "b.yaml")  # a file loop
    (loops / "b.yaml").symlink_to(loops / "a.yaml")
    for command in COMMANDS:
        by_command: dict[str, list[str | Path]] = {
            "validate": ["validate", "--no-config", loops],
            "fmt": ["fmt", "--no-config", loops],
            "diff": ["diff", loops, tree.catalog],
            "dedupe-names": ["dedupe-names", loops],
            "apply-renames": ["apply-renames", tree.report, loops, "--dry-run"],
            "stats": ["stats", loops],
            "search": ["search", "Thôn", loops],
        }
        args = by_command[command]
        result = invoke(args)
        assert_handled(result)
        assert "a.yaml" in result.stderr, (command, result.stderr)
        assert "symbolic links" in result.stderr
    # Named on the command line, a looping link is one clear line too.
    check_every_command(loops / "a.yaml", tree, validate_codes=(2,))


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_deleted_during_the_run_is_named(
    tree: Tree, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    late = tree.root / "good" / "zz.yaml"
    late.write_text(GOOD_UNITS, encoding="utf-8")

    def delete_late(path: Path, mode: str) -> None:
        if path.name in ("units.yaml", "xa.yaml") and late.exists():
            late.unlink()  # discovered, then gone before it is read

    hook_open(monkeypatch, delete_late)
    by_command: dict[str, list[str | Path]] = {
        "validate": ["validate", "--no-config", tree.root / "good"],
        "fmt": ["fmt", "--no-config", tree.root / "good"],
        "diff": ["diff", tree.root / "good", tree.catalog],
        "dedupe-names": ["dedupe-names", tree.root / "good"],
        "apply-renames": ["apply-renames", tree.report, tree.root / "good", "--dry-run"],
        "stats": ["stats", tree.root / "good"],
        "search": ["search", "khai sinh", tree.root / "good"],
    }
    args = by_command[command]
    result = invoke(args)
    assert_handled(result)
    assert "zz.yaml: file not found (it may have been moved or deleted)" in result.stderr


@pytest.mark.parametrize("cut", [0.5, "mid-character"])
@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_truncated_during_the_run_is_named(
    tree: Tree, monkeypatch: pytest.MonkeyPatch, command: str, cut: object
) -> None:
    late = tree.root / "good" / "zz.yaml"
    data = GOOD_UNITS.encode("utf-8")
    late.write_bytes(data)
    # Half the file ends in a flow mapping; "mid-character" cuts inside "ố" of "Thành phố".
    size = int(len(data) * 0.5) if cut == 0.5 else data.index("ố".encode()) + 1

    def truncate_late(path: Path, mode: str) -> None:
        if path.name in ("units.yaml", "xa.yaml") and late.stat().st_size == len(data):
            with _real_open(late, "r+b") as handle:
                handle.truncate(size)

    hook_open(monkeypatch, truncate_late)
    by_command: dict[str, list[str | Path]] = {
        "validate": ["validate", "--no-config", "--format", "json", tree.root / "good"],
        "fmt": ["fmt", "--no-config", tree.root / "good"],
        "diff": ["diff", tree.root / "good", tree.catalog],
        "dedupe-names": ["dedupe-names", tree.root / "good"],
        "apply-renames": ["apply-renames", tree.report, tree.root / "good", "--dry-run"],
        "stats": ["stats", tree.root / "good"],
        "search": ["search", "khai sinh", tree.root / "good"],
    }
    args = by_command[command]
    result = invoke(args)
    assert_handled(result, codes=(1, 2) if command == "validate" else (2,))
    assert "zz.yaml" in result.stdout + result.stderr


# ----------------------------------------------------------------- writing


def _deny_write_to(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    real_access = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if Path(path).name == name and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def _second_catalog(tree: Tree) -> Path:
    other = tree.root / "good" / "other.yaml"
    other.write_text(GOOD_CATALOG.replace("1.001193", "1.000894"), encoding="utf-8")
    return other


def test_fmt_leaves_a_read_only_file_and_fixes_the_others(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _second_catalog(tree)
    _deny_write_to(monkeypatch, "xa.yaml")
    result = invoke(["fmt", "--no-config", tree.root / "good"])
    assert_handled(result)
    assert "xa.yaml: cannot write the fixed file: permission denied" in result.stderr
    assert tree.catalog.read_text(encoding="utf-8") == GOOD_CATALOG
    assert "Đăng ký khai sinh" in other.read_text(encoding="utf-8")


def test_apply_renames_leaves_a_read_only_file_and_renames_in_the_others(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tree.root / "good" / "more-units.yaml"
    other.write_text(GOOD_UNITS.replace('"20194"', '"20195"'), encoding="utf-8")
    tree.report.write_text(
        tree.report.read_text(encoding="utf-8")
        + "G2,48,20195,hamlet,Thôn Quang  Nam,Xã Hòa Liên,rename,Thôn Quang Nam Hai\n",
        encoding="utf-8",
    )
    _deny_write_to(monkeypatch, "units.yaml")
    result = invoke(["apply-renames", tree.report, tree.root / "good", "--date", "2026-01-01"])
    assert_handled(result)
    assert "units.yaml: cannot write: permission denied" in result.stderr
    assert tree.units.read_text(encoding="utf-8") == GOOD_UNITS
    assert "Thôn Quang Nam Hai" in other.read_text(encoding="utf-8")


def test_a_read_only_folder_leaves_the_file_intact(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_temp_file(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied", kwargs.get("dir"))

    monkeypatch.setattr(tempfile, "mkstemp", no_temp_file)
    result = invoke(["fmt", "--no-config", tree.catalog])
    assert_handled(result)
    assert "xa.yaml: cannot write the fixed file: Permission denied" in result.stderr
    assert tree.catalog.read_text(encoding="utf-8") == GOOD_CATALOG


def test_a_file_changed_by_someone_else_during_fmt_keeps_their_change(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tthc_cli.fixing import formatting

    theirs = GOOD_CATALOG.replace("Hộ tịch", "Hộ tịch, Chứng thực")
    real = formatting.format_text

    def format_then_edited(text: str, *args: Any, **kwargs: Any) -> Any:
        result = real(text, *args, **kwargs)
        tree.catalog.write_text(theirs, encoding="utf-8")  # an editor saves meanwhile
        return result

    monkeypatch.setattr(formatting, "format_text", format_then_edited)
    result = invoke(["fmt", "--no-config", tree.catalog])
    assert_handled(result)
    assert "xa.yaml: cannot write the fixed file: the file changed on disk" in result.stderr
    assert tree.catalog.read_text(encoding="utf-8") == theirs


def test_a_file_changed_by_someone_else_during_apply_renames_keeps_their_change(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tthc_cli.names import renames

    theirs = GOOD_UNITS + "# sửa tay\n"
    real = renames.edit_text

    def edit_then_edited(*args: Any, **kwargs: Any) -> str:
        result = real(*args, **kwargs)
        tree.units.write_text(theirs, encoding="utf-8")
        return result

    monkeypatch.setattr(renames, "edit_text", edit_then_edited)
    result = invoke(["apply-renames", tree.report, tree.units, "--date", "2026-01-01"])
    assert_handled(result)
    assert "units.yaml: cannot write: the file changed on disk" in result.stderr
    assert tree.units.read_text(encoding="utf-8") == theirs


# -------------------------------------------------------------------- full disk


@pytest.fixture
def full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on a tiny tmpfs filled to the last byte, or a monkeypatched full disk."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    monkeypatch.chdir(mount)
    try:
        if not mounted:
            real_fsync = os.fsync

            def fsync(fd: int) -> None:
                if Path(f"/proc/self/fd/{fd}").resolve().name.endswith(".tmp"):
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                real_fsync(fd)

            monkeypatch.setattr(os, "fsync", fsync)
        yield mount
    finally:
        if mounted:
            os.chdir(tmp_path)  # a busy mount point cannot be unmounted
            subprocess.run(["umount", str(mount)], check=False)


def _fill(folder: Path) -> None:
    """Fill the tmpfs to the last byte (no-op for the monkeypatched full disk)."""
    if not os.path.ismount(folder):
        return
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            try:
                os.write(fd, b"\0" * 512)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break
    finally:
        os.close(fd)


def test_a_full_disk_leaves_every_file_intact(
    full_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = full_disk / "xa.yaml"
    catalog.write_text(GOOD_CATALOG, encoding="utf-8")
    units = full_disk / "units.yaml"
    units.write_text(GOOD_UNITS, encoding="utf-8")
    report = full_disk / "report.csv"
    from adversarial._support import REPORT

    report.write_text(REPORT, encoding="utf-8")
    old_output = full_disk / "out.json"
    old_output.write_text("{}", encoding="utf-8")
    _fill(full_disk)
    before = {p.name: p.read_bytes() for p in full_disk.iterdir() if p.name != "filler"}

    result = invoke(["fmt", "--no-config", catalog])
    assert_handled(result)
    assert "xa.yaml: cannot write the fixed file: No space left on device" in result.stderr
    result = invoke(["apply-renames", report, units, "--date", "2026-01-01"])
    assert_handled(result)
    assert "units.yaml: cannot write: No space left on device" in result.stderr
    result = invoke(["validate", "--no-config", catalog, "-f", "json", "-o", old_output])
    assert_handled(result)
    assert "out.json: cannot write report: No space left on device" in result.stderr
    result = invoke(["dedupe-names", units, "-f", "xlsx", "-o", full_disk / "r.xlsx"])
    assert_handled(result)
    assert "r.xlsx: cannot write: No space left on device" in result.stderr

    after = {p.name: p.read_bytes() for p in full_disk.iterdir() if p.name != "filler"}
    assert after == before  # nothing changed, no temporary file left behind
    # With room again (or without the simulated full disk), the same run succeeds.
    (full_disk / "filler").unlink(missing_ok=True)
    monkeypatch.undo()
    monkeypatch.chdir(full_disk)
    assert invoke(["fmt", "--no-config", catalog]).exit_code == 0
    assert catalog.read_text(encoding="utf-8") == GOOD_CATALOG_FIXED


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "empty", "wrong-shape", "wrong-rows"],
)
def test_a_damaged_stats_and_search_cache_is_only_a_cache(tree: Tree, damage: str) -> None:
    import hashlib
    import marshal

    def sealed(header: bytes, entries: object) -> bytes:  # a well-formed file of the store
        body = marshal.dumps(entries)  # type: ignore[arg-type]
        return header + hashlib.sha256(body).digest() + body

    args: list[str | Path] = ["stats", tree.root / "good"]
    first = invoke(args)
    assert first.exit_code == 0
    caches = list((tree.root / ".cache").glob("*.marshal"))
    assert caches, "stats wrote no cache"
    for cache in caches:
        data = cache.read_bytes()
        header = data[: data.index(b"\n") + 1]
        entries = marshal.loads(data[len(header) + 32 :])
        cache.write_bytes(
            {
                "garbage": bytes(range(256)) * 4,
                "truncated": data[: len(data) // 2],
                "empty": b"",
                "wrong-shape": sealed(header, [1, 2]),
                "wrong-rows": sealed(
                    header,
                    {
                        path: (sha, stamp, ("x", None, 5))
                        for path, (sha, stamp, _) in entries.items()
                    },
                ),
            }[damage]
        )
    again = invoke(args)
    assert_handled(again, codes=(0,))
    assert again.stdout == first.stdout
    found = invoke(["search", "khai sinh", tree.root / "good"])
    assert_handled(found, codes=(0,))
    assert "1.001193" in found.stdout
