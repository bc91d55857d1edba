"""Atomic file writes: a temporary file beside the target, fsync, then rename."""

from __future__ import annotations

import collections
import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from tthc_cli.runtime.i18n import _

if TYPE_CHECKING:
    from concurrent.futures import Future


class FileChangedError(OSError):
    """The file on disk is no longer the one that was read: writing would lose that change."""

    def __init__(self, target: Path) -> None:
        super().__init__(
            errno.EAGAIN,
            _(
                "the file changed on disk while tthc was working on it; nothing was written, "
                "run the command again"
            ),
            str(target),
        )


def write_bytes_atomic(target: Path, data: bytes, *, expect: bytes | None = None) -> None:
    """Replace target with data so that readers see the old file or the new one, never half.

    A symlink keeps pointing where it did: the file it points to is replaced. A target that is
    not a regular file (/dev/null, a pipe, a terminal) is written to in place, never replaced.
    With ``expect`` (the bytes the new content was made from), a file that another program
    changed meanwhile is left alone (FileChangedError) instead of losing that change; a file
    that already holds ``data`` (another run made the same edit) is not written again.
    """
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if target.exists() and not target.is_file():
        if target.is_dir():
            raise IsADirectoryError(21, _("is a directory"), str(target))
        with target.open("wb") as handle:
            handle.write(data)
        return
    if target.exists() and not os.access(target, os.W_OK):
        # Replacing by rename would succeed in a writable folder; the file's own mode says no.
        raise PermissionError(13, _("permission denied (the file is read-only)"), str(target))
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            # Keep the permissions people gave the original file.
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            with contextlib.suppress(OSError):
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        if expect is not None:
            # As late as possible, so the window for a lost update is the rename alone.
            current = _current_bytes(target)
            if current == data:
                tmp.unlink()
                return
            if current != expect:
                raise FileChangedError(target)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


def _current_bytes(target: Path) -> bytes | None:
    try:
        return target.read_bytes()
    except FileNotFoundError:
        return None


TREE_MARK = ".tthc-tree"
_WRITERS = 4  # creating many small files waits on the file system, not on Python
_PENDING = 256  # files handed to the writers and not yet written, at most


class TreeFiles:
    """The files of a new tree, written by a few threads; errors come out of `close`."""

    def __init__(self, root: Path) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.root = root
        self._pool = ThreadPoolExecutor(_WRITERS, thread_name_prefix="tthc-write")
        self._pending: collections.deque[Future[None]] = collections.deque()
        self._folders: set[Path] = {root}

    def write(self, path: str, data: bytes) -> None:
        """Write data at path (relative to the tree, `/`-separated)."""
        target = self.root / path
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        while len(self._pending) >= _PENDING:
            self._pending.popleft().result()
        self._pending.append(self._pool.submit(target.write_bytes, data))  # type: ignore[arg-type]

    def close(self) -> None:
        try:
            while self._pending:
                self._pending.popleft().result()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def replaced_tree(target: Path) -> Iterator[TreeFiles]:
    """Files to write that then replace the folder `target` whole: readers see the old tree or
    the new one.

    The new tree is written beside the target and renamed into place; a failure leaves the old
    one as it was. A target that exists must be empty or a tree this function made (it holds
    TREE_MARK): a folder of other files is never deleted.
    """
    if target.exists():
        if not target.is_dir():
            raise NotADirectoryError(20, _("is not a directory"), str(target))
        if any(target.iterdir()) and not (target / TREE_MARK).is_file():
            raise FileExistsError(
                17, _("is a folder tthc did not write; give an empty or new folder"), str(target)
            )
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    files = TreeFiles(fresh)
    try:
        files.write(TREE_MARK, b"")
        yield files
        files.close()
        os.chmod(fresh, 0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            os.replace(target, old / "tree")
            os.replace(fresh, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(fresh, target)
    except BaseException:
        files.close()
        shutil.rmtree(fresh, ignore_errors=True)
        raise
