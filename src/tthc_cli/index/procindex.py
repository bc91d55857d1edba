"""The procedures of many catalogs as compact rows, for `tthc stats` and `tthc search`.

Both commands read every catalog under their paths and need a few values of each procedure,
not positions of every key. Files are found and read as by every command
(`catalog.discovery`, `catalog.reader`: the yaml-rs fast path when it admits the text, else the
full loader). The one catalog cache (`catalog.cache`) keeps the rows of each file, so a
second run over thousands of unchanged files reads one small file instead of parsing them all
(`--no-cache` or TTHC_NO_CACHE=1 turns it off). The cache is only a cache: when it cannot be
read or written, everything is parsed as if it were not there.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from tthc_cli.catalog.cache import Store, cache_folder
from tthc_cli.catalog.discovery import discover
from tthc_cli.catalog.reading import read_bytes
from tthc_cli.catalog.scalars import number_of, text_of
from tthc_cli.domain.models import ONLINE_LEVELS
from tthc_cli.index.result import Row
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _
from tthc_cli.runtime.perf import collector_paused

# The store's key follows tthc's source; this says what a stored value is (a file's packed rows).
CACHE_VERSION = 6  # 6: `online: available` is kept


@dataclass
class Index:
    rows: list[Row] = field(default_factory=list)
    files: int = 0
    errors: list[CatalogLoadError] = field(default_factory=list)
    cached: int = 0  # files whose rows came from the cache


def rows_of(path: str, data: dict[str, Any], line_of: Any) -> list[Row]:
    """Rows of a loaded procedure catalog; values of the wrong type count as not stated."""
    # Imported here: a run served from the cache never needs the text package.
    from tthc_cli.text.keys import procedure_key

    province, level = text_of(data.get("province")), text_of(data.get("level"))
    effective = data.get("effective")
    effective_text = effective.isoformat() if isinstance(effective, dt.date) else text_of(effective)
    rows = []
    items = data.get("procedures")
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        limit = item.get("time_limit")
        value = number_of(limit.get("value")) if isinstance(limit, dict) else None
        unit = text_of(limit.get("unit")) if isinstance(limit, dict) else ""
        raw_fees = item.get("fees")
        fees = (
            tuple(
                (sys.intern(text_of(fee.get("name"))), number_of(fee.get("amount")))
                for fee in raw_fees
                if isinstance(fee, dict)
            )
            if isinstance(raw_fees, list)
            else None
        )
        online = item.get("online")
        located = item.get("location_independent")
        legal = item.get("legal_basis")
        rows.append(
            Row(
                file=path,
                line=line_of(index),
                province=province,
                level=level,
                effective=effective_text,
                code=text_of(item.get("code")),
                name=text_of(item.get("name")),
                field=text_of(item.get("field")),
                agency=text_of(item.get("agency")),
                time_value=value,
                time_unit=unit,
                fees=fees,
                online=online if online in ONLINE_LEVELS else "",
                location_independent=located if isinstance(located, bool) else None,
                legal_basis=tuple(text_of(x) for x in legal if isinstance(x, str))
                if isinstance(legal, list)
                else (),
                key=procedure_key(text_of(item.get("code")), text_of(item.get("name"))),
            )
        )
    return rows


def _load_file(path: Path, shown: str, named: bool, data: bytes) -> list[Row]:
    """The rows of one file's bytes; raises CatalogLoadError for a file that has none to give."""
    from tthc_cli.catalog.procfast import read_fast
    from tthc_cli.catalog.reader import read_catalog

    found = read_catalog(
        path, "procedure-catalog", shown=shown, named=named, fast=read_fast, data=data
    )
    if found is None:
        return []  # units and decision files have no procedures
    if not isinstance(found.data.get("procedures"), list):
        line = found.pos(("procedures",))[0]
        raise CatalogLoadError(shown, _("the catalog has no `procedures` list"), line=line)
    # A fast catalog knows the line of each procedure; a Document, the line of its code.
    return rows_of(shown, found.data, lambda i: found.pos(("procedures", i, "code"))[0])


def _files(roots: Sequence[Path], errors: list[CatalogLoadError]) -> list[tuple[Path, str, bool]]:
    """The catalog files under roots: each with the path shown to the user, and whether it
    was named on the command line."""
    found = discover(roots)
    errors.extend(found.errors)
    return [(path, os.path.normpath(path), path in found.named) for path in found.files]


def load_index(paths: Sequence[Path], *, use_cache: bool = True) -> Index:
    index = Index()
    files = _files(paths, index.errors)
    store = Store(cache_folder(use_cache), "procindex", CACHE_VERSION)
    seen: set[tuple[int, int]] = set()  # a file reached twice (overlapping paths, links)
    # Many small tuples: the collector would walk them again and again.
    with collector_paused():
        for path, shown, named in files:
            info: os.stat_result | None = None
            try:
                info = os.stat(shown)
                if (info.st_dev, info.st_ino) in seen:
                    continue
                seen.add((info.st_dev, info.st_ino))
            except OSError:
                pass  # reported when it is read
            try:
                rows = store.read(
                    path,
                    shown,
                    partial(_load_file, path, shown, named),
                    _pack,
                    partial(_restore, shown),
                    read=read_bytes,
                    info=info,
                )
            except CatalogLoadError as error:
                index.errors.append(error)
                continue
            index.files += 1
            index.rows.extend(rows)
    index.cached = store.hits
    store.save()
    return index


def _restore(shown: str, packed: Any) -> list[Row] | None:
    """The rows of a stored value; None when it is damaged (only a cache)."""
    try:
        rows = _unpack(shown, packed)
    except (TypeError, ValueError, IndexError, KeyError, AttributeError):
        return None
    return rows  # [] is a file without procedures; None is kept for damage


def _pack(rows: list[Row]) -> tuple[Any, ...]:
    """A file's rows for the cache: its header once, repeated strings interned (marshal then
    writes each once and refers to it)."""
    if not rows:
        return ("", "", "", ())
    first = rows[0]
    intern = sys.intern
    body = tuple(
        (
            row.line,
            row.code,
            intern(row.name),
            intern(row.field),
            intern(row.agency),
            row.time_value,
            intern(row.time_unit),
            row.fees,
            intern(row.online),
            row.location_independent,
            tuple(intern(x) for x in row.legal_basis),
            row.key,
        )
        for row in rows
    )
    return (first.province, first.level, first.effective, body)


def _unpack(shown: str, packed: tuple[Any, ...]) -> list[Row]:
    province, level, effective, body = packed
    make = Row._make
    return [make((shown, item[0], province, level, effective, *item[1:])) for item in body]
