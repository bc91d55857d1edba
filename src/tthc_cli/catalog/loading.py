"""Load each catalog file into a Document that knows where every value came from.

Finding the files is `tthc_cli.catalog.discovery`'s job; its names are kept importable here.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from tthc_cli.catalog.discovery import CATALOG_SUFFIXES, Discovery, discover, path_matches
from tthc_cli.catalog.fast import FastData, fastdata_equal, read_fast_data
from tthc_cli.catalog.nodepaths import NodeIndex
from tthc_cli.catalog.reading import DEFAULT_MAX_BYTES, display_path, read_text
from tthc_cli.catalog.yamltree import ParsedYaml, Path_, Pos, ScalarRef, YamlIssue, parse
from tthc_cli.domain.models import model_for

__all__ = [
    "CATALOG_SUFFIXES",
    "Discovery",
    "Document",
    "LazyRef",
    "discover",
    "iter_items",
    "load_document",
    "load_text",
    "path_matches",
]


class Document:
    """One parsed catalog file: its data, the position of each value, and parse issues.

    A document read by :func:`load_fast` holds yaml-rs data only; its positions (and the
    source text of numbers and the style of strings) come from the full parse, which runs
    the first time something asks for them, usually only for a file that has a finding.
    """

    def __init__(self, path: str, text: str, parsed: ParsedYaml | None = None) -> None:
        self.path = path
        self.text = text
        self._parsed = parsed
        self._fast: FastData | None = None
        self._model: tuple[BaseModel | None, ValidationError | None] | None = None
        # Set when the full parse read other data than yaml-rs did: the engine checks again.
        self.mismatch = False

    def __repr__(self) -> str:
        return f"Document(path={self.path!r})"

    @classmethod
    def from_fast(cls, path: str, text: str, fast: FastData) -> Document:
        doc = cls(path, text)
        doc._fast = fast
        return doc

    @property
    def is_fast(self) -> bool:
        """Whether the data came from yaml-rs and the full parse has not run (yet)."""
        return self._parsed is None and self._fast is not None

    @property
    def parsed(self) -> ParsedYaml:
        """The full parse: data, positions, string styles, number texts and issues."""
        parsed = self._parsed
        if parsed is None:
            parsed = self._parsed = parse(self.text)
            fast = self._fast
            if fast is not None and not fastdata_equal(fast.data, parsed.data):
                self.mismatch = True
                self._model = None
                for name in ("strings", "string_values", "string_text"):
                    self.__dict__.pop(name, None)
        return parsed

    @property
    def data(self) -> Any:
        fast = self._fast
        if fast is not None and not self.mismatch:
            return fast.data
        return self.parsed.data

    @property
    def ok(self) -> bool:
        """Whether the file parsed (yaml-rs data is only kept for files that do)."""
        return True if self.is_fast else self.parsed.ok

    @property
    def issues(self) -> list[YamlIssue]:
        # The fast path is taken only for files without syntax problems, duplicate keys or tags.
        return [] if self.is_fast else self.parsed.issues

    @cached_property
    def strings(self) -> list[ScalarRef] | list[LazyRef]:
        """Every string value in document order (keys are not values)."""
        fast = self._fast
        if fast is not None and not self.mismatch:
            return [LazyRef(self, path, value) for path, value in fast.strings]
        return self.parsed.strings

    @cached_property
    def string_values(self) -> list[str]:
        """The values of :attr:`strings`, without building a reference for each."""
        fast = self._fast
        if fast is not None and not self.mismatch:
            return [value for _, value in fast.strings]
        return [ref.value for ref in self.parsed.strings]

    @cached_property
    def string_text(self) -> str:
        """All string values joined by blank lines: one regex search over it tells whether any
        value can match (every rule pattern that uses it stops at a line break)."""
        return "\n\n".join(self.string_values)

    def plain_number(self, path: Path_, default: str) -> str:
        """How a number read from a plain scalar was written (`50.000`), or default."""
        return self.parsed.plain_numbers.get(path, default)

    def is_plain_number(self, path: Path_) -> bool:
        return path in self.parsed.plain_numbers

    @property
    def kind(self) -> str | None:
        data = self.data
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
    def nodes(self) -> NodeIndex:
        """Which node each position is on (the full parse; built for a file with a finding)."""
        return NodeIndex(self.parsed)

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
                    self._model = (model_cls.model_validate(self.data), None)
                except ValidationError as exc:
                    self._model = (None, exc)
        return self._model


class LazyRef:
    """A string value of a fast-path document; its position and style need the full parse."""

    __slots__ = ("_doc", "path", "value")

    def __init__(self, doc: Document, path: Path_, value: str) -> None:
        self._doc = doc
        self.path = path
        self.value = value

    def _ref(self) -> ScalarRef:
        for ref in self._doc.parsed.strings:
            if ref.path == self.path:
                return ref
        line, column = self._doc.pos(self.path)
        return ScalarRef(self.path, self.value, line, column)

    @property
    def line(self) -> int:
        return self._ref().line

    @property
    def column(self) -> int:
        return self._ref().column

    @property
    def style(self) -> str:
        return self._ref().style


def load_text(
    text: str, path: str = "<string>", *, fast: bool = False, spans: bool = False
) -> Document:
    """The Document of a text: read by yaml-rs when ``fast`` and the text is admitted, else
    by the positioned parser, with the spans of its values when ``spans`` (for rewriting)."""
    if spans:
        return Document(path=path, text=text, parsed=parse(text, spans=True))
    if fast:
        found = read_fast_data(text)
        if found is not None:
            return Document.from_fast(path, text, found)
    return Document(path=path, text=text, parsed=parse(text))


def load_document(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, fast: bool = False
) -> Document:
    """Read and parse one file; raises CatalogLoadError when it cannot be read as UTF-8 text.

    With fast=True a file that yaml-rs reads exactly as the full parser would is read by
    yaml-rs, and positions are computed only when asked for (see :mod:`tthc_cli.catalog.fast`).
    """
    text = read_text(path, max_bytes=max_bytes)
    return load_text(text, display_path(path), fast=fast)


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
