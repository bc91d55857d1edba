"""Find catalog files, load each into a Document that knows where every value came from."""

from __future__ import annotations

import fnmatch
import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from tthc_cli.errors import CatalogLoadError
from tthc_cli.i18n import _
from tthc_cli.models import model_for
from tthc_cli.reading import DEFAULT_MAX_BYTES, display_path, read_text
from tthc_cli.yamltree import ParsedYaml, Path_, Pos, parse

CATALOG_SUFFIXES = (".yaml", ".yml")


@dataclass
class Document:
    """One parsed catalog file: its data, the position of each value, and parse issues."""

    path: str
    text: str
    parsed: ParsedYaml
    _model: tuple[BaseModel | None, ValidationError | None] | None = field(default=None, repr=False)

    @property
    def data(self) -> Any:
        return self.parsed.data

    @property
    def kind(self) -> str | None:
        data = self.parsed.data
        if isinstance(data, dict):
            kind = data.get("kind")
            return kind if isinstance(kind, str) else None
        return None

    def pos(self, path: Path_) -> Pos:
        """Position of the value at path, or of its nearest enclosing value that has one."""
        value_pos = self.parsed.value_pos
        for end in range(len(path), -1, -1):
            hit = value_pos.get(path[:end])
            if hit is not None:
                return hit
        return (1, 1)

    def key_pos(self, path: Path_) -> Pos:
        """Position of the key that holds path (falls back to the value's position)."""
        hit = self.parsed.key_pos.get(path)
        return hit if hit is not None else self.pos(path)

    @cached_property
    def lines(self) -> list[str]:
        # Only real line breaks: str.splitlines() also breaks at U+2028, U+0085 and \x0c,
        # which would shift the lines that inline ignores are matched against.
        return [line.removesuffix("\r") for line in self.text.split("\n")]

    def validated(self) -> tuple[BaseModel | None, ValidationError | None]:
        """The pydantic model of this file (None when the kind is unknown or invalid)."""
        if self._model is None:
            model_cls = model_for(self.kind)
            if model_cls is None:
                self._model = (None, None)
            else:
                try:
                    self._model = (model_cls.model_validate(self.parsed.data), None)
                except ValidationError as exc:
                    self._model = (None, exc)
        return self._model


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many documents are parsed and kept.

    Parse results are millions of small tuples with no reference cycles; the collector would
    walk them over and over (a third of `tthc validate`'s time on the benchmark corpus).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_text(text: str, path: str = "<string>") -> Document:
    return Document(path=path, text=text, parsed=parse(text))


def load_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and parse one file; raises CatalogLoadError when it cannot be read as UTF-8 text."""
    text = read_text(path, max_bytes=max_bytes)
    return Document(path=display_path(path), text=text, parsed=parse(text))


@dataclass
class Discovery:
    files: list[Path]
    errors: list[CatalogLoadError]


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
    paths: Sequence[Path], *, exclude: Iterable[str] = (), base: Path | None = None
) -> Discovery:
    """Expand files and folders into catalog files, sorted, without following symlink loops."""
    patterns = tuple(exclude)
    files: list[Path] = []
    errors: list[CatalogLoadError] = []
    seen: set[Path] = set()
    for root in paths:
        if not root.exists():
            reason = (
                _("broken or looping symbolic link")
                if root.is_symlink()
                else _("no such file or directory")
            )
            errors.append(CatalogLoadError(root, reason))
            continue
        if root.is_dir():
            found = [p for p in _walk(root, errors) if not path_matches(p, patterns, base)]
            if not found:
                errors.append(
                    CatalogLoadError(root, _("no catalog files (*.yaml, *.yml) in this folder"))
                )
            candidates: Iterable[Path] = found
        else:
            candidates = [root]
        for candidate in candidates:
            key = candidate.resolve() if candidate.exists() else candidate
            if key not in seen:
                seen.add(key)
                files.append(candidate)
    return Discovery(files=files, errors=errors)


def _walk(root: Path, errors: list[CatalogLoadError]) -> Iterator[Path]:
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
            if name.lower().endswith(CATALOG_SUFFIXES) and not name.startswith("."):
                yield Path(dirpath) / name


def iter_items(doc: Document, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mapping entries of a top-level list (procedures, communes), skipping malformed ones."""
    data = doc.data
    if not isinstance(data, dict):
        return
    items = data.get(key)
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        if isinstance(item, dict):
            yield index, item
