"""Every command that reads catalogs gives the same output with the cache as without it: on a
cold cache, and on a warm one after some files changed (including edits that break them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpers import REPO
from tthc_cli.catalog import cache
from tthc_cli.cli.app import app

SHIPPED = sorted(path for path in (REPO / "catalogs").rglob("*.yaml"))
JSON = ["--format", "json"]
COMMANDS = {
    "validate": ["validate", "catalogs", *JSON],
    "stats": ["stats", "catalogs", *JSON],
    "search": ["search", "khai sinh", "catalogs", *JSON],
    "diff": ["diff", "catalogs/da-nang/2024", "catalogs/da-nang/2025", *JSON],
    "dedupe-names": ["dedupe-names", "catalogs", *JSON],
    "fmt": ["fmt", "catalogs", "--diff"],
}
PIECES = ["  ", "\t", "hoà ", "Hòa", '"1.001193"', "- ", ": x", "Qúy", "Đ", "\n- name: Thôn 1\n"]
runner = CliRunner()


def _output(args: list[str], *, cached: bool) -> tuple[int, str, str]:
    done = runner.invoke(app, [*args, *([] if cached else ["--no-cache"])])
    return done.exit_code, done.stdout, done.stderr


@pytest.mark.skipif(not SHIPPED, reason="no shipped catalogs")
@pytest.mark.parametrize("command", list(COMMANDS))
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(SHIPPED), st.integers(0, 10**6), st.sampled_from(PIECES), st.booleans()
        ),
        max_size=3,
    ),
    trust_stamps=st.booleans(),
)
def test_cached_and_uncached_runs_give_identical_outputs(
    command: str,
    edits: list[tuple[Path, int, str, bool]],
    trust_stamps: bool,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = tmp_path_factory.mktemp("shipped")
    shutil.copytree(REPO / "catalogs", root / "catalogs")
    monkeypatch.chdir(root)
    monkeypatch.setenv("TTHC_CACHE_DIR", str(root / "cache"))
    # Trusted stamps spare reading unchanged files; otherwise every file is hashed.
    monkeypatch.setattr(cache, "SETTLED_NS", -(10**12) if trust_stamps else 10**12)
    args = COMMANDS[command]
    cold = _output(args, cached=True)
    assert cold == _output(args, cached=False)
    for path, at, piece, keep_times in edits:  # change some files between two cached runs
        target = root / path.relative_to(REPO)
        text = target.read_text(encoding="utf-8")
        at %= len(text) + 1
        target.write_text(text[:at] + piece + text[at:], encoding="utf-8")
        if keep_times:  # as `cp -p` or `touch -d` would leave it
            shutil.copystat(path, target)
            assert target.stat().st_mtime_ns == path.stat().st_mtime_ns
    warm = _output(args, cached=True)
    assert warm == _output(args, cached=False)
    if not edits:
        assert warm == cold
