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


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands keep their cache in a folder of each test's own, never in the repository or
    the working folder; a test of the default location removes TTHC_CACHE_DIR again."""
    monkeypatch.delenv("TTHC_NO_CACHE", raising=False)
    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path_factory.mktemp("tthc-cache")))
