"""Test-wide settings: hypothesis replays the same examples in CI; tests speak English."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

# Locally hypothesis explores new examples each run; in CI it replays a fixed set, so a red CI
# always means a change broke something, never that a new random example turned up.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test speaks English unless it asks otherwise, whatever the machine's locale."""
    from tthc_cli.runtime.i18n import set_language

    monkeypatch.setenv("TTHC_LANG", "en")
    set_language("en")
    yield
    set_language("en")
