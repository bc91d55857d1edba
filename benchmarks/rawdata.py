"""Where the public raw data is: `shared/data/raw` beside the repository (or beside a parent
folder, as for a git worktree under `wt/`), or the folder named by `TTHC_RAW_DATA`."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def find_raw(start: Path = REPO) -> Path:
    """The raw-data folder; a path that does not exist when none is found (callers skip)."""
    named = os.environ.get("TTHC_RAW_DATA")
    if named:
        return Path(named)
    for parent in start.parents:
        candidate = parent / "shared" / "data" / "raw"
        if candidate.is_dir():
            return candidate
    return start.parent / "shared" / "data" / "raw"


RAW = find_raw()
