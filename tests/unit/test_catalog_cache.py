"""catalog/cache.py: the one cache store: where it lives, when it is off, its key, stamps,
damage, unwritable folders and concurrent writers."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tthc_cli.catalog import cache
from tthc_cli.catalog.cache import CACHE_DIR, MISS, Store, cache_folder, file_stamp
from tthc_cli.runtime import atomic

TEXT = "kind: units\nname: Hòa Bình, Đ đ\n"


def _reads(store: Store, path: Path, shown: str = "a.yaml") -> tuple[str, int]:
    """What `read` gives for path, and how many times it read the file's bytes."""
    calls = []

    def read(target: Path) -> bytes:
        calls.append(target)
        return target.read_bytes()

    def build(data: bytes) -> str:
        return data.decode("utf-8").upper()

    def restore(value: Any) -> str | None:
        return value if isinstance(value, str) else None

    return store.read(path, shown, build, lambda text: text, restore, read=read), len(calls)


@pytest.fixture
def file(tmp_path: Path) -> Path:
    target = tmp_path / "a.yaml"
    target.write_text(TEXT, encoding="utf-8")
    return target


def test_the_folder_is_the_working_folders_unless_told_or_turned_off(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("TTHC_CACHE_DIR")
    assert cache_folder() == Path(CACHE_DIR)
    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path))
    assert cache_folder() == tmp_path
    assert cache_folder(use_cache=False) is None
    monkeypatch.setenv("TTHC_NO_CACHE", "1")
    assert cache_folder() is None


def test_entries_survive_a_save_and_belong_to_their_bytes(tmp_path: Path) -> None:
    store = Store(tmp_path, "t")
    store.put("a.yaml", "sha1", {"names": ["Hòa", "Hoà"], "n": (1, 2.5, None, True)})
    store.save()
    again = Store(tmp_path, "t")
    assert again.get("a.yaml", "sha1") == {"names": ["Hòa", "Hoà"], "n": (1, 2.5, None, True)}
    assert again.get("a.yaml", "sha2") is MISS
    assert again.get("b.yaml", "sha1") is MISS
    assert (tmp_path / ".gitignore").read_text() == "*\n"


def test_another_key_version_or_source_means_an_empty_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path, "t", ["settings", 1])
    store.put("a.yaml", "sha", "value")
    store.save()
    assert Store(tmp_path, "t", ["settings", 1]).get("a.yaml", "sha") == "value"
    assert Store(tmp_path, "t", ["settings", 2]).get("a.yaml", "sha") is MISS
    import tthc_cli

    monkeypatch.setattr(tthc_cli, "__version__", "99.0")
    assert Store(tmp_path, "t", ["settings", 1]).get("a.yaml", "sha") is MISS
    monkeypatch.undo()
    monkeypatch.setattr(cache, "_source_digest", lambda: "edited source")
    assert Store(tmp_path, "t", ["settings", 1]).get("a.yaml", "sha") is MISS


def test_the_key_names_the_parsing_libraries_without_importing_them() -> None:
    versions = cache._library_versions()
    assert [v.partition(":")[0] for v in versions] == list(cache._LIBRARIES)
    assert any(v.startswith("yaml:pyyaml-") for v in versions)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # a bit flipped: bad checksum
        lambda data: data.replace(b"tthc-cache 1 ", b"tthc-cache 2 "),  # another format
        lambda data: b"tthc-cache 1 " + b"0" * 64 + b"\n" + data[78:],  # another key
        lambda data: bytes(range(256)),
        lambda data: b"",
    ],
    ids=["truncated", "bad-checksum", "wrong-version", "wrong-key", "garbage", "empty"],
)
def test_a_damaged_file_is_read_as_empty_and_rebuilt(
    tmp_path: Path, file: Path, damage: Callable[[bytes], bytes]
) -> None:
    folder = tmp_path / "cache"
    store = Store(folder, "t")
    assert _reads(store, file) == (TEXT.upper(), 1)
    store.save()
    stored = folder / "t.marshal"
    stored.write_bytes(damage(stored.read_bytes()))
    again = Store(folder, "t")
    assert again.get("a.yaml", cache.digest_bytes(file.read_bytes())) is MISS
    assert _reads(again, file) == (TEXT.upper(), 1)
    assert (again.hits, again.misses) == (0, 1)
    again.save()
    third = Store(folder, "t")
    _reads(third, file)
    assert third.hits == 1


def test_a_damaged_value_is_rebuilt(tmp_path: Path, file: Path) -> None:
    store = Store(tmp_path, "t")
    store.put("a.yaml", cache.digest_bytes(file.read_bytes()), 12345)  # not what restore takes
    assert _reads(store, file) == (TEXT.upper(), 1)
    assert (store.hits, store.misses) == (0, 1)


def test_a_value_marshal_cannot_hold_is_not_stored(tmp_path: Path) -> None:
    store = Store(tmp_path, "t")
    store.put("a.yaml", "sha", {"effective": dt.date(2025, 7, 1)})
    store.save()
    assert not (tmp_path / "t.marshal").exists()
    assert Store(tmp_path, "t").get("a.yaml", "sha") is MISS


def test_errors_are_never_stored(tmp_path: Path, file: Path) -> None:
    store = Store(tmp_path, "t")

    def build(data: bytes) -> str:
        raise ValueError("bad file")

    with pytest.raises(ValueError, match="bad file"):
        store.read(file, "a.yaml", build, str, lambda value: value, read=Path.read_bytes)
    store.save()
    assert Store(tmp_path, "t").get("a.yaml", cache.digest_bytes(file.read_bytes())) is MISS


def test_a_cache_that_is_off_reads_every_time_and_writes_nothing(
    tmp_path: Path, file: Path
) -> None:
    store = Store(None, "t")
    assert _reads(store, file) == (TEXT.upper(), 1)
    assert _reads(store, file) == (TEXT.upper(), 1)
    store.save()
    assert list(tmp_path.iterdir()) == [file]


def test_an_unwritable_folder_only_means_nothing_is_stored(
    tmp_path: Path, file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(target: Path, data: bytes, **_: object) -> None:
        raise OSError(28, "No space left on device")

    folder = tmp_path / "cache"
    monkeypatch.setattr(atomic, "write_bytes_atomic", full_disk)
    store = Store(folder, "t")
    assert _reads(store, file) == (TEXT.upper(), 1)
    store.save()
    assert not folder.exists()  # no half-made cache folder is left
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.undo()
    store = Store(blocked, "t")
    assert _reads(store, file) == (TEXT.upper(), 1)
    store.save()
    assert blocked.read_text(encoding="utf-8") == "a file where the folder should be"


def test_two_writers_leave_one_whole_file(tmp_path: Path) -> None:
    first, second = Store(tmp_path, "t"), Store(tmp_path, "t")
    first.put("a.yaml", "sha-a", "from the first")
    second.put("b.yaml", "sha-b", "from the second")
    first.save()
    second.save()  # the last writer's entries are kept, whole
    after = Store(tmp_path, "t")
    assert after.get("b.yaml", "sha-b") == "from the second"
    assert after.get("a.yaml", "sha-a") is MISS


WRITER = """
import sys
from pathlib import Path
from tthc_cli.catalog.cache import MISS, Store
folder, me = Path(sys.argv[1]), sys.argv[2]
for round in range(15):
    store = Store(folder, "t")
    for other in range(4):
        value = store.get(f"{other}.yaml", f"sha-{other}")
        assert value is MISS or value == ["v", other] * 300, value
    store.put(f"{me}.yaml", f"sha-{me}", ["v", int(me)] * 300)
    store.save()
"""


def test_concurrent_writer_processes_never_leave_a_damaged_file(tmp_path: Path) -> None:
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(me)]) for me in range(4)
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0, 0, 0]
    store = Store(tmp_path, "t")
    found = [store.get(f"{me}.yaml", f"sha-{me}") for me in range(4)]
    assert any(value is not MISS for value in found)  # the file is whole and readable
    assert all(value is MISS or value == ["v", me] * 300 for me, value in enumerate(found))


def test_a_settled_file_is_recalled_by_its_stamp_without_reading_it(
    tmp_path: Path, file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.name != "posix":
        pytest.skip("stamps are used on POSIX systems only")
    monkeypatch.setattr(cache, "SETTLED_NS", -(10**12))  # every file counts as settled
    store = Store(tmp_path, "t")
    assert _reads(store, file) == (TEXT.upper(), 1)
    store.save()
    again = Store(tmp_path, "t")
    assert _reads(again, file) == (TEXT.upper(), 0)
    assert again.hits == 1


def test_a_change_that_keeps_size_and_modification_time_is_still_seen(
    tmp_path: Path, file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "SETTLED_NS", -(10**12))
    store = Store(tmp_path, "t")
    _reads(store, file)
    store.save()
    info = file.stat()
    file.write_text(TEXT.replace("Hòa", "Hoà"), encoding="utf-8")  # same length in bytes
    os.utime(file, ns=(info.st_atime_ns, info.st_mtime_ns))  # as `touch -d` or `cp -p` do
    assert file.stat().st_size == info.st_size
    again = Store(tmp_path, "t")
    assert _reads(again, file) == (TEXT.replace("Hòa", "Hoà").upper(), 1)


def test_a_recently_changed_file_gets_no_stamp_and_is_hashed(file: Path) -> None:
    assert file_stamp(file) is None  # written just now: a second write could keep its times
    store = Store(file.parent / "cache", "t")
    _reads(store, file)
    store.save()
    again = Store(file.parent / "cache", "t")
    assert _reads(again, file) == (TEXT.upper(), 1)  # read and hashed, and still a hit
    assert again.hits == 1


def test_a_missing_file_has_no_stamp(tmp_path: Path) -> None:
    assert file_stamp(tmp_path / "none.yaml") is None
