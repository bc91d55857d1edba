"""`tthc fmt` as one call: the fixes asked for, the settings, and the formatting of the files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tthc_cli.fixing.formatting import FormatRun, format_paths
from tthc_cli.validation.fixable import default_fixes, fixes_for_rules
from tthc_cli.validation.run import load_config


@dataclass
class FmtRun:
    """What `tthc fmt` reports: the files formatted, and whether they were only checked."""

    run: FormatRun
    dry: bool  # --check or --diff: nothing was written

    def exit_code(self) -> int:
        """2 when a file could not be read or written, 1 when a dry run would change one."""
        if self.run.errors or self.run.write_errors:
            return 2
        return 1 if self.dry and self.run.changed else 0


def run_fmt(
    paths: Sequence[Path],
    *,
    dry: bool,
    fix_encoding: bool = False,
    config: Path | None = None,
    no_config: bool = False,
    cwd: Path,
) -> FmtRun:
    """Format the catalogs under `paths` (writing them unless `dry`); raises TthcError for a bad
    configuration."""
    # The registry is read at each call, so a rule added to it is fixed at once.
    fixes = default_fixes()
    if fix_encoding:
        fixes |= fixes_for_rules(["TT203"])  # the legacy-encoding fix is never applied unasked
    settings = load_config(config, no_config, cwd)
    return FmtRun(format_paths(paths, fixes, settings, write=not dry), dry=dry)
