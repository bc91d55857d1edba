"""`tthc dedupe-names` as one call: the accepted groups of a decisions file, the names under
the paths, and the colliding groups among them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from tthc_cli.names.dedupe import find_duplicates
from tthc_cli.names.lists import read_names
from tthc_cli.names.result import DedupeResult


def run_dedupe(
    paths: Sequence[Path],
    *,
    street_scope: str = "province",
    decisions: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    use_cache: bool = True,
) -> DedupeResult:
    """The colliding names under `paths`, less the groups `decisions` accepted; raises
    CatalogLoadError when the decisions file cannot be read."""
    accepted: list[tuple[str, str, str, list[str]]] = []
    if decisions is not None:
        from tthc_cli.names.decisions import load_accepted

        # Read before the names: a bad decisions file fails at once.
        accepted = [entry[:4] for entry in load_accepted(decisions)]
    names = read_names(paths, use_cache=use_cache)
    return find_duplicates(names, street_scope=street_scope, progress=progress, accepted=accepted)
