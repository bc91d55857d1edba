"""`tthc stats` and `tthc search` as one call each: the procedure index of the paths, then
the figures (with an earlier snapshot beside them) or the hits of a query."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tthc_cli.index.procindex import load_index
from tthc_cli.index.result import Change, Hit, Row, Stats
from tthc_cli.index.search import search
from tthc_cli.index.stats import compare, compute
from tthc_cli.runtime.errors import CatalogLoadError

if TYPE_CHECKING:
    from tthc_cli.catalog.reference import Reference


@dataclass
class StatsRun:
    """What `tthc stats` reports: the figures, the changes from `--before`, unreadable files."""

    stats: Stats
    changes: list[Change] | None = None
    errors: list[CatalogLoadError] = field(default_factory=list)

    def exit_code(self) -> int:
        return 2 if self.errors else 0


def run_stats(
    paths: Sequence[Path],
    *,
    by: str = "level",
    before: Sequence[Path] = (),
    use_cache: bool = True,
    reference: Sequence[Path] = (),
) -> StatsRun:
    """The figures of the catalogs under `paths`, how they changed since `before`, and how
    much of the `reference` list they publish."""
    index = load_index(paths, use_cache=use_cache)
    known: Reference | None = None
    errors = list(index.errors)
    if reference:
        from tthc_cli.catalog.reference import load_reference

        known = load_reference(reference)
        errors += known.errors
    run = StatsRun(compute(index.rows, by, files=index.files, reference=known), errors=errors)
    if before:
        earlier = load_index(before, use_cache=use_cache)
        run.errors.extend(earlier.errors)
        run.changes = compare(compute(earlier.rows, by, files=earlier.files), run.stats)
    return run


def filter_rows(
    rows: Iterable[Row], *, levels: Collection[str] = (), provinces: Collection[str] = ()
) -> list[Row]:
    """The rows at one of `levels` in one of `provinces` (codes zero-padded); all when empty."""
    wanted_levels = set(levels)
    wanted = {code.zfill(2) for code in provinces}
    return [
        row
        for row in rows
        if (not wanted_levels or row.level in wanted_levels)
        and (not wanted or row.province in wanted)
    ]


@dataclass
class SearchRun:
    """What `tthc search` reports: the query, its hits and the files that could not be read."""

    query: str
    hits: list[Hit]
    errors: list[CatalogLoadError] = field(default_factory=list)

    def exit_code(self) -> int:
        """2 when a file could not be read, else 0 when something was found and 1 when not."""
        if self.errors:
            return 2
        return 0 if self.hits else 1


def run_search(
    query: str,
    paths: Sequence[Path],
    *,
    limit: int = 10,
    levels: Collection[str] = (),
    provinces: Collection[str] = (),
    use_cache: bool = True,
) -> SearchRun:
    """The procedures under `paths` that match `query`, best first."""
    index = load_index(paths, use_cache=use_cache)
    rows = filter_rows(index.rows, levels=levels, provinces=provinces)
    return SearchRun(query, search(rows, query, limit=limit), list(index.errors))
