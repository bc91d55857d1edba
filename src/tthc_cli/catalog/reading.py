"""Read a catalog file's bytes and decode them as UTF-8, or explain precisely why not."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import BinaryIO

from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
_GROWTH_STEP = 1 << 24
_HEAD_BYTES = 64 * 1024

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "UTF-32-LE"),
    (codecs.BOM_UTF32_BE, "UTF-32-BE"),
    (codecs.BOM_UTF16_LE, "UTF-16-LE"),
    (codecs.BOM_UTF16_BE, "UTF-16-BE"),
)


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the file's text; raise CatalogLoadError with a one-line reason otherwise.

    A UTF-8 byte-order mark is accepted and dropped. Everything else that is not UTF-8
    (UTF-16/32, Windows-1258, TCVN3 bytes, binary files) is refused with the byte offset,
    so the user knows what to re-save; nothing is guessed silently.
    """
    return decode(read_bytes(path, max_bytes=max_bytes), path)


def read_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, refused as :func:`read_text` refuses them, but not yet decoded."""
    try:
        info = path.stat()
    except OSError as exc:
        raise _os_error(path, exc) from None
    _check_kind_and_size(path, info, max_bytes)
    try:
        with path.open("rb") as handle:
            data = _read_bounded(handle, path, info.st_size, max_bytes)
    except OSError as exc:
        raise _os_error(path, exc) from None
    if len(data) > max_bytes:
        raise CatalogLoadError(path, _("file grew past the size limit while being read"))
    return data


def _os_error(path: Path, exc: OSError) -> CatalogLoadError:
    """What the operating system refused, in the user's words."""
    if isinstance(exc, FileNotFoundError):
        return CatalogLoadError(path, _("file not found (it may have been moved or deleted)"))
    if isinstance(exc, IsADirectoryError):
        return CatalogLoadError(path, _("is a directory, not a file"))
    if isinstance(exc, PermissionError):
        return CatalogLoadError(path, _("permission denied"))
    return CatalogLoadError(
        # Translators: {reason} is the operating system's explanation.
        path,
        _("cannot read file: {reason}").format(reason=exc.strerror or exc),
    )


def _check_kind_and_size(path: Path, info: os.stat_result, max_bytes: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise CatalogLoadError(path, _("is a directory, not a file"))
    if not stat.S_ISREG(info.st_mode):
        # A pipe or a device would block or never end.
        raise CatalogLoadError(path, _("not a regular file (a pipe, socket or device)"))
    if info.st_size > max_bytes:
        raise CatalogLoadError(
            path,
            # Translators: {size} and {limit} are sizes in MiB; keep `max-file-size` and
            # `[tool.tthc]` as they are (a setting name and a TOML table).
            _(
                "file is {size:.1f} MiB, larger than the {limit:.0f} MiB "
                "limit for one catalog (set max-file-size in [tool.tthc] to raise it)"
            ).format(size=info.st_size / 1_048_576, limit=max_bytes / 1_048_576),
        )


def _read_bounded(handle: BinaryIO, path: Path, size: int, max_bytes: int) -> bytes:
    # A binary or UTF-16 file (a sparse file of zeros, an image) is refused after its first
    # block, not after the whole of it is read into memory.
    data = handle.read(min(_HEAD_BYTES, max_bytes + 1))
    refuse_non_utf8_start(data, path)
    if len(data) == _HEAD_BYTES:
        # read(n) allocates n bytes first, so ask for what stat() saw (plus one byte, to
        # notice growth), not for the limit; a file that grew since is read on in bounded
        # steps, one byte past the limit at most.
        data += handle.read(min(max_bytes, max(size, len(data))) + 1 - len(data))
        while len(data) <= max_bytes:
            more = handle.read(min(_GROWTH_STEP, max_bytes + 1 - len(data)))
            if not more:
                break
            data += more
    return data


def decode(data: bytes, path: Path | str) -> str:
    """Decode catalog bytes as UTF-8 (optionally with a BOM)."""
    refuse_non_utf8_start(data, path)
    had_bom = data.startswith(codecs.BOM_UTF8)
    if had_bom:
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        # Columns count characters, like every other position tthc reports.
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        bad = data[exc.start : exc.start + 4].hex(" ")
        # Offsets count from the start of the file, BOM included.
        offset = exc.start + (len(codecs.BOM_UTF8) if had_bom else 0)
        raise CatalogLoadError(
            path,
            # Translators: {bytes} are the offending bytes in hexadecimal, e.g. "c3 28".
            _(
                "not valid UTF-8 at byte offset {offset} (bytes {bytes}); the file may be in "
                "Windows-1258, TCVN3 or VNI encoding: save it as UTF-8"
            ).format(offset=offset, bytes=bad),
            line=line,
            column=column,
        ) from None


def refuse_non_utf8_start(data: bytes, path: Path | str) -> None:
    """Refuse bytes that are UTF-16/32 (with or without a BOM) or binary, from their start."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise CatalogLoadError(
                path,
                # Translators: {encoding} is an encoding name such as UTF-16-LE.
                _(
                    "file is encoded as {encoding} (byte-order mark at the start); save it as UTF-8"
                ).format(encoding=name),
            )
    nul = data.find(b"\x00")
    if nul != -1:
        if _looks_like_utf16(data):
            message = _(
                "NUL byte at byte offset {offset}: it looks like UTF-16 or UTF-32 without a "
                "byte-order mark; catalogs must be UTF-8 text"
            )
        else:
            message = _(
                "NUL byte at byte offset {offset}: it looks like a binary file; "
                "catalogs must be UTF-8 text"
            )
        raise CatalogLoadError(path, message.format(offset=nul))


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:200]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    return max(even_nuls, odd_nuls) > len(sample) // 4


def display_path(path: Path) -> str:
    """A path as users should see it: relative to the working directory when inside it."""
    text = os.fspath(path)
    if not os.path.isabs(text):
        # What relpath gives, without looking up the working folder twice per file.
        rel = os.path.normpath(text)
        if not rel.startswith(".."):
            # A normalized relative path is already in POSIX form where "/" is the separator.
            return rel if os.sep == "/" else Path(rel).as_posix()
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path.as_posix()
    if rel.startswith(".."):
        return path.as_posix()
    return Path(rel).as_posix()
