"""Fixtures of the adversarial suite: each test works in its own folder with a good tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from adversarial._support import Tree, make_tree


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Tree:
    monkeypatch.chdir(tmp_path)
    # stats and search keep a cache; each test gets its own, never the user's.
    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path / ".cache"))
    return make_tree(tmp_path)
