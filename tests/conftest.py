"""Test-wide settings: hypothesis runs the same examples on every CI run (no flaky red)."""

from __future__ import annotations

import os

from hypothesis import settings

# Locally hypothesis explores new examples each run; in CI it replays a fixed set, so a red CI
# always means a change broke something, never that a new random example turned up.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
