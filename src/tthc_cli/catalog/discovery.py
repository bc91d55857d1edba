"""The one directory walker: the files every command reads under the paths it is given.

Kept free of the YAML parsers and pydantic, so that `tthc stats` and `tthc search` served
from their cache import neither.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _

CATALOG_SUFFIXES = (".yaml", ".yml")


@dataclass
class Discovery:
    files: list[Path]
    errors: list[CatalogLoadError]
    # The files named on the command line (not found in a folder): a command refuses one of
    # these that it cannot read, where a folder walk skips it.
    named: set[Path] = field(default_factory=set)


def path_matches(path: Path | str, patterns: Iterable[str], base: Path | None = None) -> bool:
    """Whether a glob pattern matches the path as shown, relative to base (the folder of the
    configuration file, so patterns mean the same from any working directory), or its name."""
    path = Path(path)
    forms = {path.as_posix(), path.name}
    if base is not None:
        with suppress(ValueError, OSError):
            forms.add(path.resolve().relative_to(base.resolve()).as_posix())
    return any(fnmatch.fnmatch(form, pattern) for pattern in patterns for form in forms)


def discover(
    paths: Sequence[Path],
    *,
    exclude: Iterable[str] = (),
    base: Path | None = None,
    suffixes: tuple[str, ...] = CATALOG_SUFFIXES,
    empty: str | None = None,
) -> Discovery:
    """Expand files and folders into the files to read, sorted, each once, without following
    symlink loops. A folder yields its files ending in one of suffixes (hidden files and
    folders left out); a file named directly is read whatever its suffix. `empty` is the
    reason given for a folder without such files."""
    patterns = tuple(exclude)
    found = Discovery(files=[], errors=[])
    seen: dict[str, Path] = {}
    real_dirs: dict[str, str] = {}
    for root in paths:
        if not root.exists():
            reason = (
                _("broken or looping symbolic link")
                if root.is_symlink()
                else _("no such file or directory")
            )
            found.errors.append(CatalogLoadError(root, reason))
            continue
        named = not root.is_dir()
        if named:
            candidates: Iterable[Path] = [root]
        else:
            candidates = [
                p
                for p in _walk(root, suffixes, found.errors)
                if not (patterns and path_matches(p, patterns, base))
            ]
            if not candidates:
                default = _("no catalog files (*.yaml, *.yml) in this folder")
                found.errors.append(CatalogLoadError(root, empty or default))
        for candidate in candidates:
            key = _real_path(candidate, real_dirs)
            first = seen.get(key)
            if first is None:
                seen[key] = first = candidate
                found.files.append(candidate)
            if named:
                found.named.add(first)
    return found


def _real_path(path: Path, real_dirs: dict[str, str]) -> str:
    """What `path.resolve(strict=True)` gives, or the path itself when it is missing or loops.

    A file that is not a symbolic link resolves to its folder's real path plus its name, so
    each folder is resolved once instead of every file component by component.
    """
    text = os.fspath(path)
    try:
        if not stat.S_ISLNK(os.lstat(text).st_mode):
            folder, name = os.path.split(text)
            real = real_dirs.get(folder)
            if real is None:
                real = real_dirs[folder] = os.path.realpath(folder or ".", strict=True)
            return os.path.join(real, name)
        return os.path.realpath(text, strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return text


def _walk(root: Path, suffixes: tuple[str, ...], errors: list[CatalogLoadError]) -> Iterator[Path]:
    visited: set[tuple[int, int]] = set()

    def unreadable(exc: OSError) -> None:
        # A folder that cannot be listed must not be skipped silently.
        where = exc.filename if exc.filename is not None else root
        reason = (
            _("permission denied")
            if isinstance(exc, PermissionError)
            # Translators: {reason} is the operating system's explanation.
            else _("cannot read folder: {reason}").format(reason=exc.strerror or exc)
        )
        errors.append(CatalogLoadError(where, reason))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=unreadable):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in visited:  # a symlink loop: do not descend again
            dirnames[:] = []
            continue
        visited.add(ident)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.lower().endswith(suffixes) and not name.startswith("."):
                yield Path(os.path.join(dirpath, name))  # one Path built, not two
