"""Atomic file writes: a temporary file beside the target, fsync, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from tthc_cli.i18n import _


def write_bytes_atomic(target: Path, data: bytes) -> None:
    """Replace target with data so that readers see the old file or the new one, never half.

    A symlink keeps pointing where it did: the file it points to is replaced. A target that is
    not a regular file (/dev/null, a pipe, a terminal) is written to in place, never replaced.
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
