"""`tthc fmt` as one call: the fixes asked for, the settings, and the formatting of the files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tthc_cli.catalog.cache import cache_folder
from tthc_cli.fixing.formatting import format_paths
from tthc_cli.fixing.result import FmtRun
from tthc_cli.validation.fixable import default_fixes, fixes_for_rules
from tthc_cli.validation.run import load_config


def run_fmt(
    paths: Sequence[Path],
    *,
    dry: bool,
    fix_encoding: bool = False,
    config: Path | None = None,
    no_config: bool = False,
    use_cache: bool = True,
    cwd: Path,
) -> FmtRun:
    """Format the catalogs under `paths` (writing them unless `dry`); raises TthcError for a bad
    configuration."""
    # The registry is read at each call, so a rule added to it is fixed at once.
    fixes = default_fixes()
    if fix_encoding:
        fixes |= fixes_for_rules(["TT203"])  # the legacy-encoding fix is never applied unasked
    settings = load_config(config, no_config, cwd, paths)
    run = format_paths(paths, fixes, settings, write=not dry, cache=cache_folder(use_cache))
    return FmtRun(run, dry=dry)
