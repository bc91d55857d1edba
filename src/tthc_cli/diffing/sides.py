"""One side of a diff: the procedures of a set of catalogs, each with the levels it appears at."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from tthc_cli.catalog.cache import MISS, Store, cache_folder
from tthc_cli.catalog.loading import Document, discover
from tthc_cli.catalog.procfast import FastCatalog, read_fast
from tthc_cli.catalog.reader import read_catalog
from tthc_cli.catalog.reading import DEFAULT_MAX_BYTES, display_path, read_bytes
from tthc_cli.diffing.result import LEVEL_ORDER, Occurrence, Side, SideProcedure
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _
from tthc_cli.runtime.perf import aged, collector_paused
from tthc_cli.text.keys import procedure_key, procedure_name_key

_STORE = "diff"
_FORMAT = 1  # what a stored value is: (level, procedures, the line of each)


def load_side(
    paths: Sequence[Path],
    *,
    label: str = "",
    max_bytes: int = DEFAULT_MAX_BYTES,
    store: Store | None = None,
) -> Side:
    """Load every procedure catalog under paths; unreadable or invalid files become errors.
    With a store (`open_store`), each usable catalog's procedures come from the cache while
    the file is unchanged."""
    with collector_paused():
        # The side is long-lived: put it in the oldest generation, or the first collection
        # once the collector is back on walks all of it as young objects.
        side = aged(_load_side(paths, label, max_bytes, store or Store(None, _STORE)))
    return side


def open_store(use_cache: bool, max_bytes: int = DEFAULT_MAX_BYTES) -> Store:
    """The diff's part of the one catalog cache (save it after loading both sides)."""
    # A file over a smaller size limit must not be served from the cache without being read.
    return Store(cache_folder(use_cache), _STORE, [_FORMAT, max_bytes])


def _load_side(paths: Sequence[Path], label: str, max_bytes: int, store: Store) -> Side:
    discovery = discover(paths)
    side = Side(label=label or ", ".join(p.as_posix() for p in paths))
    side.errors.extend(discovery.errors)
    docs: list[Document | FastCatalog | _Stored] = []
    for path in discovery.files:
        shown = display_path(path)
        try:
            found, errors = store.read(
                path,
                shown,
                partial(_built, path, shown, path in discovery.named, max_bytes),
                _packed,
                partial(_restored, shown),
                read=partial(read_bytes, max_bytes=max_bytes),
            )
        except CatalogLoadError as exc:
            side.errors.append(exc)
            continue
        side.errors.extend(errors)
        if found is not None:
            docs.append(found)
    side.files = len(docs)
    if not docs and discovery.files and not side.errors:
        side.errors.append(
            CatalogLoadError(side.label, _("holds no procedure catalogs (kind: procedure-catalog)"))
        )
    _collect(side, docs)
    return side


_Loaded = tuple["Document | FastCatalog | _Stored | None", list[CatalogLoadError]]


@dataclass
class _Stored:
    """A usable catalog as the cache keeps it: its level, procedures and their lines."""

    path: str
    data: dict[str, Any]
    lines: list[int]

    def pos(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        return (self.lines[int(path[1])], 1)


def _built(path: Path, shown: str, named: bool, max_bytes: int, data: bytes) -> _Loaded:
    """One file read: the catalog (None for a file of another kind) with its errors."""
    found = read_catalog(
        path,
        "procedure-catalog",
        shown=shown,
        named=named,
        fast=read_fast,
        max_bytes=max_bytes,
        data=data,
    )
    if found is None or isinstance(found, FastCatalog):
        return found, []  # None: a units or decisions file in a folder
    problem = _problem(found)
    if problem is not None:
        error = CatalogLoadError(found.path, problem[0], line=problem[1], column=problem[2])
        return None, [error]
    return found, _schema_errors(found)


def _packed(loaded: _Loaded) -> Any:
    """What the cache keeps of a catalog without errors: its level, procedures and the line
    of each; nothing of other files (their errors are reported on every run)."""
    found, errors = loaded
    if found is None or errors:
        return MISS
    items = found.data["procedures"]
    lines = [found.pos(("procedures", index, "code"))[0] for index in range(len(items))]
    return (found.data["level"], items, lines)


def _restored(shown: str, value: Any) -> _Loaded | None:
    """A stored catalog; None when the entry is damaged."""
    try:
        level, items, lines = value
    except (TypeError, ValueError):
        return None
    if not (
        isinstance(level, str)
        and type(items) is list
        and type(lines) is list
        and len(items) == len(lines)
        and all(type(line) is int for line in lines)
    ):
        return None
    return _Stored(shown, {"level": level, "procedures": items}, lines), []


def _problem(doc: Document) -> tuple[str, int, int | None] | None:
    """Why a procedure catalog cannot take part in a diff (None when it can)."""
    data = doc.data
    if data.get("level") not in LEVEL_ORDER:
        # Translators: tinh, huyen and xa are the values `level` takes; keep them as they are.
        message = _("the catalog has no valid `level` (tinh, huyen or xa)")
        return (message, *doc.pos(("level",)))
    if not isinstance(data.get("procedures"), list):
        return (_("the catalog has no `procedures` list"), *doc.pos(("procedures",)))
    return None


def _schema_errors(doc: Document) -> list[CatalogLoadError]:
    """Schema problems of an otherwise usable catalog, one line each, at their real line.

    The procedures that are fine are still compared: one bad value must not make a whole
    file's procedures look removed.
    """
    error = doc.validated()[1]
    if error is None:
        return []
    problems = []
    for detail in error.errors(include_url=False)[:5]:
        loc = tuple(detail["loc"])
        where = ".".join(str(part) for part in loc)
        problems.append(
            CatalogLoadError(
                doc.path,
                # Translators: {where} is a path in the file such as procedures.3.name;
                # {reason} is the schema validator's explanation (in English).
                _("{where}: {reason} (run `tthc validate` on it)").format(
                    where=where, reason=detail["msg"]
                ),
                line=doc.pos(loc)[0],
            )
        )
    return problems


def _collect(side: Side, docs: Sequence[Document | FastCatalog | _Stored]) -> None:
    by_key: dict[str, SideProcedure] = {}
    for doc in docs:
        level = str(doc.data["level"])
        items = doc.data["procedures"]
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            code, name = item.get("code"), item.get("name")
            if not isinstance(code, str) or not isinstance(name, str) or not name.strip():
                continue  # reported by _schema_errors
            code = code.strip()
            key = procedure_key(code, name)
            where = Occurrence(doc.path, doc.pos(("procedures", index, "code"))[0], level)
            existing = by_key.get(key)
            if existing is None:
                by_key[key] = SideProcedure(
                    key=key,
                    code=code,
                    name=name,
                    name_key=procedure_name_key(name),
                    levels={level},
                    values=dict(item),
                    occurrences=[where],
                )
            else:
                # The same procedure in several files of one side (levels, or merged communes).
                existing.levels.add(level)
                existing.occurrences.append(where)
    side.procedures = list(by_key.values())
