"""The one cache of what tthc makes of catalog files, for every command that reads them.

Where: `$TTHC_CACHE_DIR` when it is set, else `.tthc-cache/` in the working folder (which gets
its own `.gitignore`). Whether: never when `TTHC_NO_CACHE` is set to anything, or when a
command is given `--no-cache`. Each user of the cache opens a `Store` (one file in that folder,
`<name>.marshal`) under a *key*: the tthc version and a digest of its source, the versions of
the libraries that parse and check files, the Python version, and the user's own parts
(validate adds its settings, rules, language, ...). A file written under another key is empty
to the reader.

An entry belongs to one file (by the path users see) and holds the SHA-256 of its bytes and a
value of plain data (marshal-able: text, numbers, tuples, lists, dicts). A value is used only
for bytes with the same digest. The stamp (size, modification and change times, inode,
device) is a fast pre-check that spares reading and hashing an unchanged file, and it is
trusted only when it cannot hide a change:

- the stamp is taken *before* the bytes are read, so a change while reading leaves a stamp
  that no longer matches;
- a file's change time (`st_ctime`) is set by the system on every write or rename and cannot
  be set back by programs (`touch -d`, `cp -p`, `rsync -t` and unpacking archives set the
  modification time, never the change time);
- a stamp is recorded only for a file last changed more than `SETTLED_NS` before it was read:
  two writes within one tick of a coarse file-system clock (two seconds on FAT, one on older
  file systems) would leave equal times, so a recently changed file is hashed again next time
  (git calls such files "racily clean");
- only on POSIX systems: elsewhere `st_ctime` is the creation time, so every file is hashed.

The file carries a header naming its format and key, then a SHA-256 of its body: a damaged,
truncated or foreign file is noticed before anything in it is used, and read as empty. Writes
go to a temporary file, then a rename (`runtime.atomic`), so a reader sees a whole file; of
two runs writing at once, the last one's entries are kept. A folder that cannot be written, a
full disk or a value marshal cannot hold only means that nothing is stored.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import marshal
import os
import sys
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, TypeVar

CACHE_DIR: Final = ".tthc-cache"
FORMAT: Final = 1
# Entries of files not met in a run are kept (another run may read another folder) until
# there are this many; then only the entries met in the current run are kept.
MAX_ENTRIES = 50_000
# A file changed less than this long before it was read gets no stamp (see the docstring).
SETTLED_NS = 3_000_000_000
# Modules whose version changes what a file is read as (parsers, the schema library).
_LIBRARIES = ("yaml", "yaml_rs", "pydantic", "pydantic_core")
_MAGIC = b"tthc-cache"

Stamp = tuple[int, int, int, int, int]
R = TypeVar("R")


class _Miss:
    def __repr__(self) -> str:
        return "MISS"


MISS: Final = _Miss()


def cache_folder(use_cache: bool = True) -> Path | None:
    """The cache folder, or None when the cache is off (`--no-cache`, TTHC_NO_CACHE)."""
    if not use_cache or os.environ.get("TTHC_NO_CACHE"):
        return None
    return Path(os.environ.get("TTHC_CACHE_DIR") or CACHE_DIR)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def digest_bytes(data: bytes) -> str:
    """`digest` of the text these UTF-8 bytes decode to, without decoding them."""
    if data.startswith(codecs.BOM_UTF8):  # the text has no BOM: decoding drops it
        return hashlib.sha256(memoryview(data)[len(codecs.BOM_UTF8) :]).hexdigest()
    return hashlib.sha256(data).hexdigest()


def file_stamp(path: Path | str, info: os.stat_result | None = None) -> Stamp | None:
    """The stamp of a settled file (None: hash it; see the module docstring). info: the
    file's `os.stat`, when the caller has just taken it."""
    if os.name != "posix":
        return None
    now = time.time_ns()
    try:
        info = os.stat(path) if info is None else info
    except OSError:
        return None
    if max(info.st_mtime_ns, info.st_ctime_ns) > now - SETTLED_NS:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


@lru_cache(maxsize=1)
def _source_digest() -> str:
    """The package's own code: a change without a version bump must not reuse entries."""
    root = Path(__file__).resolve().parent.parent  # the whole tthc_cli package
    sha = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        sha.update(path.relative_to(root).as_posix().encode())
        with contextlib.suppress(OSError):
            sha.update(path.read_bytes())
    return sha.hexdigest()


@lru_cache(maxsize=1)
def _library_versions() -> tuple[str, ...]:
    """The installed versions of the libraries, found without importing them (a run served
    from the cache never imports the schema library)."""
    import importlib.util

    found = []
    for module in _LIBRARIES:
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        if spec is None or spec.origin is None:
            found.append(f"{module}:absent")
            continue
        origin = Path(spec.origin)
        site = origin.parent.parent if origin.name == "__init__.py" else origin.parent
        found.append(f"{module}:{_dist_info(str(site), module) or _stat_of(origin)}")
    return tuple(found)


@lru_cache(maxsize=8)
def _dist_infos(site: str) -> tuple[str, ...]:
    try:
        return tuple(name for name in os.listdir(site) if name.endswith(".dist-info"))
    except OSError:
        return ()


def _dist_info(site: str, module: str) -> str | None:
    """The `name-version.dist-info` folder of the distribution that holds the module."""
    wanted = {"yaml": "pyyaml"}.get(module, module)
    for name in _dist_infos(site):
        project = name.removesuffix(".dist-info").rpartition("-")[0]
        if project.lower().replace("-", "_").replace(".", "_") == wanted:
            return name
    return None


def _stat_of(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return "unknown"
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def store_key(name: str, extra: object = None) -> str:
    """The key of a store: what every entry depends on besides its file's bytes."""
    import json

    from tthc_cli import __version__

    parts = {
        "format": FORMAT,
        "store": name,
        "tthc": __version__,
        "source": _source_digest(),
        "libraries": _library_versions(),
        "python": [sys.implementation.cache_tag, marshal.version],
        "extra": extra,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


class Store:
    """The entries of one cache file, read once and written back once (atomically).

    folder None: the cache is off; every lookup misses and nothing is written.
    """

    def __init__(self, folder: Path | None, name: str, extra: object = None) -> None:
        self.folder = folder
        self.file = folder / f"{name}.marshal" if folder is not None else None
        self.key = store_key(name, extra) if folder is not None else ""
        # path -> (sha, stamp or None, value)
        self._entries: dict[str, tuple[str, Stamp | None, Any]] = {}
        self._seen: set[str] = set()
        self._dirty = False
        self.hits = 0  # of `read`
        self.misses = 0
        if self.file is not None:
            self._entries = _load(self.file, self._header())

    def _header(self) -> bytes:
        return b"%s %d %s\n" % (_MAGIC, FORMAT, self.key.encode())

    @property
    def enabled(self) -> bool:
        return self.file is not None

    def holds(self, path: str, sha: str) -> bool:
        """Whether an entry for these bytes is stored (its value may still prove damaged)."""
        entry = self._entries.get(path)
        return entry is not None and entry[0] == sha

    def get(self, path: str, sha: str, stamp: Stamp | None = None) -> Any:
        """The value stored for these bytes of path, or MISS. A stamp given with a hit is
        recorded, so the next run need not read the file."""
        self._seen.add(path)
        entry = self._entries.get(path)
        if entry is None or entry[0] != sha:
            return MISS
        if stamp is not None and entry[1] != stamp:
            self._entries[path] = (sha, stamp, entry[2])
            self._dirty = True
        return entry[2]

    def recall(self, path: str, stamp: Stamp | None) -> Any:
        """The value stored for path if its stamp is the one recorded, else MISS (then the
        caller hashes the file and asks `get`)."""
        if stamp is None:
            return MISS
        entry = self._entries.get(path)
        if entry is None or entry[1] != stamp:
            return MISS
        self._seen.add(path)
        return entry[2]

    def put(self, path: str, sha: str, value: Any, stamp: Stamp | None = None) -> None:
        """Store value for these bytes of path; a value marshal cannot hold is not stored."""
        self._seen.add(path)
        if self.file is None:
            return
        try:
            marshal.dumps(value)  # a value marshal cannot hold must not spoil the whole file
        except ValueError:
            self._entries.pop(path, None)
            return
        self._entries[path] = (sha, stamp, value)
        self._dirty = True

    def save(self) -> None:
        """Write the file if anything changed; a folder that cannot be written is left be."""
        if self.file is None or self.folder is None or not self._dirty:
            return
        if len(self._entries) > MAX_ENTRIES:
            self._entries = {p: self._entries[p] for p in self._seen if p in self._entries}
        from tthc_cli.runtime.atomic import write_bytes_atomic

        # One marshal of everything: a text met in many files is written once.
        body = marshal.dumps(self._entries)
        created = not self.folder.exists()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                write_bytes_atomic(ignore, b"*\n")
            write_bytes_atomic(self.file, self._header() + hashlib.sha256(body).digest() + body)
            self._dirty = False
        except (OSError, ValueError):
            if created:  # a full disk or a read-only tree keeps no half-made cache folder
                with contextlib.suppress(OSError):
                    (self.folder / ".gitignore").unlink(missing_ok=True)
                    self.folder.rmdir()

    def read(
        self,
        path: Path,
        shown: str,
        build: Callable[[bytes], R],
        pack: Callable[[R], Any],
        restore: Callable[[Any], R | None],
        *,
        read: Callable[[Path], bytes],
        info: os.stat_result | None = None,
    ) -> R:
        """What `build` makes of the file's bytes, from the store while they are unchanged.

        `read` reads the bytes (raising the command's errors); `pack` turns a result into the
        plain value to store (MISS: store nothing), and is called only when the cache is on;
        `restore` turns a stored value back into a result, or None when it is damaged.
        Nothing is stored when `build` raises. info: the file's `os.stat`, when the caller has
        just taken it.
        """
        stamp = file_stamp(path, info) if self.file is not None else None
        found = self.recall(shown, stamp)
        result = restore(found) if found is not MISS else None
        if result is not None:
            self.hits += 1
            return result
        data = read(path)
        if self.file is None:
            return build(data)
        sha = digest_bytes(data)
        found = self.get(shown, sha, stamp)
        result = restore(found) if found is not MISS else None
        if result is not None:
            self.hits += 1
            return result
        self.misses += 1
        result = build(data)
        value = pack(result)
        if value is not MISS:
            self.put(shown, sha, value, stamp)
        return result


def _load(file: Path, header: bytes) -> dict[str, tuple[str, Stamp | None, Any]]:
    """The entries of a cache file; empty when it is missing, damaged or of another key."""
    try:
        data = file.read_bytes()
    except OSError:
        return {}
    if not data.startswith(header):
        return {}
    check, body = data[len(header) : len(header) + 32], data[len(header) + 32 :]
    if hashlib.sha256(body).digest() != check:
        return {}
    try:
        entries = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {path: entry for path, entry in entries.items() if _is_entry(path, entry)}


def _is_entry(path: object, entry: object) -> bool:
    return (
        isinstance(path, str)
        and type(entry) is tuple
        and len(entry) == 3
        and isinstance(entry[0], str)
        and (entry[1] is None or _is_stamp(entry[1]))
    )


def _is_stamp(stamp: object) -> bool:
    return type(stamp) is tuple and len(stamp) == 5 and all(type(part) is int for part in stamp)
