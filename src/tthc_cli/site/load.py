"""What the site shows, read once: every procedure list with each procedure's values, the
units files, and the index rows (`index.procindex.rows_of`) that stats and search use.

Files are found and read as by every command (`catalog.discovery`, `catalog.reader`); a file
that cannot be read is one error naming it, and the site is built from the others.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc_cli.catalog.discovery import discover
from tthc_cli.catalog.procfast import read_fast
from tthc_cli.catalog.reader import read_catalog
from tthc_cli.index.procindex import rows_of
from tthc_cli.index.result import Row
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.perf import collector_paused

LEVEL_ORDER = {"tinh": 0, "huyen": 1, "xa": 2}


@dataclass
class Listing:
    """One procedure of one list: its index row and every value the catalog states."""

    row: Row
    values: dict[str, Any]
    slug: str = ""


@dataclass
class ProcList:
    """The procedures of one province and level in force from one date (one or more files)."""

    province: str
    level: str
    effective: str
    titles: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, int, str, str]:
        return (self.province, LEVEL_ORDER.get(self.level, 9), self.level, self.effective)

    @property
    def slug(self) -> str:
        return segment(f"{self.level}-{self.effective or 'undated'}")


@dataclass
class UnitsFile:
    file: str
    province: str
    province_name: str
    effective: str
    decisions: list[str]
    communes: list[dict[str, Any]]


@dataclass
class Catalogs:
    lists: list[ProcList] = field(default_factory=list)
    units: list[UnitsFile] = field(default_factory=list)
    ordered: list[Listing] = field(default_factory=list)  # as read: the order search ranks in
    files: int = 0
    errors: list[CatalogLoadError] = field(default_factory=list)

    @property
    def rows(self) -> list[Row]:
        return [listing.row for plist in self.lists for listing in plist.listings]


_UNSAFE = re.compile(r"[^0-9A-Za-z_.-]+")


def segment(text: str) -> str:
    """Text as one safe part of a path or URL: itself when it is letters, digits, `.`, `_` and
    `-` only (a province code, a date), else those with a digest that keeps it apart."""
    safe = _UNSAFE.sub("-", text).strip(".-")
    if safe == text and safe:
        return safe
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return f"{safe}-{digest}" if safe else digest


def _text(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.strip() if isinstance(value, str) else ""


def _strings(value: Any) -> list[str]:
    return [_text(v) for v in value if _text(v)] if isinstance(value, list) else []


def _add_units(path: Path, shown: str, named: bool, found: Catalogs) -> None:
    doc = read_catalog(path, "units", shown=shown, named=named)
    if doc is None:
        return  # a decisions file: nothing to show
    data = doc.data
    province = data.get("province")
    code = _text(province.get("code")) if isinstance(province, dict) else _text(province)
    name = _text(province.get("name")) if isinstance(province, dict) else ""
    communes = [c for c in data.get("communes") or [] if isinstance(c, dict)]
    found.units.append(
        UnitsFile(
            shown,
            code,
            name,
            _text(data.get("effective")),
            _strings(data.get("decisions")),
            communes,
        )
    )
    found.files += 1


def _lines(catalog: Any) -> Callable[[int], int]:
    """The line of each procedure of a catalog, as index rows give it."""
    return lambda index: int(catalog.pos(("procedures", index, "code"))[0])


def load_catalogs(paths: Sequence[Path]) -> Catalogs:
    """Every procedure list and units file under paths, in a stable order."""
    found = Catalogs()
    discovery = discover(paths)
    found.errors.extend(discovery.errors)
    lists: dict[tuple[str, str, str], ProcList] = {}
    with collector_paused():  # many small values, kept to the end
        for path in discovery.files:
            shown = path.as_posix()
            named = path in discovery.named
            try:
                catalog = read_catalog(path, "procedure-catalog", shown=shown, fast=read_fast)
                if catalog is None:
                    _add_units(path, shown, named, found)
                    continue
            except CatalogLoadError as exc:
                found.errors.append(exc)
                continue
            data = catalog.data
            items = data.get("procedures")
            if not isinstance(items, list):
                continue
            rows = rows_of(shown, data, _lines(catalog))
            values = [item for item in items if isinstance(item, dict)]
            if not rows:
                found.files += 1
                continue
            first = rows[0]
            plist = lists.setdefault(
                (first.province, first.level, first.effective),
                ProcList(first.province, first.level, first.effective),
            )
            for bucket, value in (
                (plist.titles, _text(data.get("title"))),
                (plist.sources, _text(data.get("source"))),
            ):
                if value and value not in bucket:
                    bucket.append(value)
            # The list's decisions, then those its procedures name one by one.
            each = [_text(item.get("decision")) for item in values]
            for decision in [*_strings(data.get("decisions")), *filter(None, each)]:
                if decision not in plist.decisions:
                    plist.decisions.append(decision)
            plist.files.append(shown)
            listings = [Listing(r, v) for r, v in zip(rows, values, strict=True)]
            plist.listings.extend(listings)
            found.ordered.extend(listings)
            found.files += 1
    found.lists = sorted(lists.values(), key=lambda p: p.key)
    found.units.sort(key=lambda u: (u.province, u.effective, u.file))
    return found
