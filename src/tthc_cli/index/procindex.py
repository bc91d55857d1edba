"""The procedures of many catalogs as compact rows, for `tthc stats` and `tthc search`.

Both commands read every catalog under their paths and need a few values of each procedure,
not positions of every key. Files are found and read as by every command
(`catalog.discovery`, `catalog.reader`: the yaml-rs fast path when it admits the text, else the
full loader). A cache keeps the rows of each file under its size
and modification time, so a second run over thousands of unchanged files reads one small file
instead of parsing them all (`--no-cache` or TTHC_NO_CACHE=1 turns it off). The cache is only
a cache: when it cannot be read or written, everything is parsed as if it were not there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc_cli.catalog.discovery import discover
from tthc_cli.domain.models import ONLINE_LEVELS
from tthc_cli.index.result import Row
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _
from tthc_cli.runtime.perf import collector_paused

# 4: rows keyed by text.keys.procedure_key (the identity diff uses), read by the one catalog
# reader.
CACHE_VERSION = 5  # 5: `online: available` is kept


@dataclass
class Index:
    rows: list[Row] = field(default_factory=list)
    files: int = 0
    errors: list[CatalogLoadError] = field(default_factory=list)
    cached: int = 0  # files whose rows came from the cache


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def rows_of(path: str, data: dict[str, Any], line_of: Any) -> list[Row]:
    """Rows of a loaded procedure catalog; values of the wrong type count as not stated."""
    # Imported here: a run served from the cache never needs the text package.
    from tthc_cli.text.keys import procedure_key

    province, level = _text(data.get("province")), _text(data.get("level"))
    effective = data.get("effective")
    effective_text = effective.isoformat() if isinstance(effective, dt.date) else _text(effective)
    rows = []
    items = data.get("procedures")
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        limit = item.get("time_limit")
        value = _number(limit.get("value")) if isinstance(limit, dict) else None
        unit = _text(limit.get("unit")) if isinstance(limit, dict) else ""
        raw_fees = item.get("fees")
        fees = (
            tuple(
                (sys.intern(_text(fee.get("name"))), _number(fee.get("amount")))
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
                code=_text(item.get("code")),
                name=_text(item.get("name")),
                field=_text(item.get("field")),
                agency=_text(item.get("agency")),
                time_value=value,
                time_unit=unit,
                fees=fees,
                online=online if online in ONLINE_LEVELS else "",
                location_independent=located if isinstance(located, bool) else None,
                legal_basis=tuple(_text(x) for x in legal if isinstance(x, str))
                if isinstance(legal, list)
                else (),
                key=procedure_key(_text(item.get("code")), _text(item.get("name"))),
            )
        )
    return rows


def _load_file(path: Path, shown: str, named: bool) -> tuple[list[Row], CatalogLoadError | None]:
    from tthc_cli.catalog.procfast import read_fast
    from tthc_cli.catalog.reader import read_catalog

    try:
        found = read_catalog(path, "procedure-catalog", shown=shown, named=named, fast=read_fast)
    except CatalogLoadError as exc:
        return [], exc
    if found is None:
        return [], None  # units and decision files have no procedures
    if not isinstance(found.data.get("procedures"), list):
        line = found.pos(("procedures",))[0]
        return [], CatalogLoadError(shown, _("the catalog has no `procedures` list"), line=line)
    # A fast catalog knows the line of each procedure; a Document, the line of its code.
    return rows_of(shown, found.data, lambda i: found.pos(("procedures", i, "code"))[0]), None


def cache_dir() -> Path | None:
    if os.environ.get("TTHC_NO_CACHE"):
        return None
    base = os.environ.get("TTHC_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "tthc" if not os.environ.get("TTHC_CACHE_DIR") else root


def _cache_file(paths: Sequence[Path]) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        roots = "\0".join(sorted(str(p.resolve()) for p in paths))
    except (OSError, RuntimeError):  # a symlink loop: it is reported when read; no cache
        return None
    digest = hashlib.sha1(f"{CACHE_VERSION}\0{roots}".encode(), usedforsecurity=False)
    return folder / f"procindex-{digest.hexdigest()[:16]}.marshal"


def _read_cache(file: Path | None) -> dict[str, Any]:
    if file is None:
        return {}
    try:
        data = marshal.loads(file.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        return {}
    return data if isinstance(data.get("files"), dict) else {}


def _write_cache(file: Path | None, entries: dict[str, Any]) -> None:
    if file is None:
        return
    from tthc_cli.runtime.atomic import write_bytes_atomic

    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(file, marshal.dumps({"version": CACHE_VERSION, "files": entries}))
    except (OSError, ValueError):
        pass  # only a cache


def _files(roots: Sequence[Path], errors: list[CatalogLoadError]) -> list[tuple[Path, str, bool]]:
    """The catalog files under roots: each with the path shown to the user, and whether it
    was named on the command line."""
    found = discover(roots)
    errors.extend(found.errors)
    return [(path, os.path.normpath(path), path in found.named) for path in found.files]


def load_index(paths: Sequence[Path], *, use_cache: bool = True) -> Index:
    index = Index()
    files = _files(paths, index.errors)
    cache_file = _cache_file(paths) if use_cache else None
    old = _read_cache(cache_file).get("files", {})
    entries: dict[str, Any] = {}
    changed = False
    seen: set[tuple[int, int]] = set()  # a file reached twice (overlapping paths, links)
    # Many small tuples: the collector would walk them again and again.
    with collector_paused():
        for path, shown, named in files:
            try:
                info = os.stat(shown)
                stamp = (info.st_mtime_ns, info.st_size)
                if (info.st_dev, info.st_ino) in seen:
                    continue
                seen.add((info.st_dev, info.st_ino))
            except OSError:
                stamp = None
            hit = old.get(shown)
            cached = _cached_rows(shown, hit, stamp) if stamp is not None else None
            if cached is not None:
                entry = hit
                index.cached += 1
            else:
                rows, error = _load_file(path, shown, named)
                if error is not None:
                    index.errors.append(error)
                    continue
                entry = (stamp, _pack(rows))
                changed = True
            if stamp is not None:
                entries[shown] = entry
            index.files += 1
            index.rows.extend(cached if cached is not None else _unpack(shown, entry[1]))
    if cache_file is not None and (changed or len(entries) != len(old)):
        _write_cache(cache_file, entries)
    return index


def _cached_rows(shown: str, hit: Any, stamp: tuple[int, int]) -> list[Row] | None:
    """The rows of a current cache entry; None when it is stale or damaged (only a cache)."""
    if hit is None:
        return None
    try:
        return _unpack(shown, hit[1]) if hit[0] == stamp else None
    except (TypeError, ValueError, IndexError, KeyError, AttributeError):
        return None


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
