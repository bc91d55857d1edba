"""SIGKILL the real `tthc fmt` and `tthc apply-renames` at random moments over many runs: each
file is always byte for byte the old version or the new one, and parses.

The delays are seeded (the same kills on every run) and spread over the length of a whole
run, measured first. A few runs are in the default suite; many more are `adversarial_heavy`.
A killed run cannot clean up after itself: it may leave a `.NAME.*.tmp` file beside the
target, which no command ever reads as a catalog.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from adversarial._support import GOOD_CATALOG
from helpers import REPO
from tthc_cli.catalog.loading import discover, load_text

RUNS = {"default": 5, "heavy": 25}


def _command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "tthc_cli", *(str(arg) for arg in args)]


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def _snapshot(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(root.rglob("*.yaml"))}


def _restore(files: dict[Path, bytes]) -> None:
    for path, data in files.items():
        path.write_bytes(data)
    for leftover in {path.parent for path in files}:
        for tmp in leftover.glob(".*.tmp"):
            tmp.unlink()


def _kill_runs(
    root: Path, command: list[str], runs: int, seed: int
) -> tuple[dict[Path, bytes], dict[Path, bytes], list[tuple[int, int]]]:
    """Run once to completion (the new files), then kill `runs` runs; check every file after
    each. Returns old, new and (old count, new count) per killed run."""
    old = _snapshot(root)
    started = time.monotonic()
    subprocess.run(command, cwd=root, env=_env(), capture_output=True, check=False)
    duration = time.monotonic() - started
    new = _snapshot(root)
    assert new != old, "the run changed nothing: the test would prove nothing"
    rng = random.Random(seed)
    mixes = []
    for _ in range(runs):
        _restore(old)
        process = subprocess.Popen(
            command, cwd=root, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.1, 1.1) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        olds = news = 0
        for path, before in old.items():
            after = path.read_bytes()
            assert after in (before, new[path]), f"{path.name} was left half-written"
            olds += after == before
            news += after == new[path] != before
            assert load_text(after.decode("utf-8-sig")).parsed.ok
        mixes.append((olds, news))
        # Whatever a killed run left behind is never taken for a catalog.
        found = {path.resolve() for path in discover([root]).files}
        assert found == {path.resolve() for path in old}
    _restore(old)
    return old, new, mixes


def _fmt_tree(root: Path) -> Path:
    """The shipped catalogs in NFD (every Vietnamese value changes) and a big catalog."""
    tree = root / "catalogs"
    shutil.copytree(REPO / "catalogs", tree)
    for path in tree.rglob("*.yaml"):
        path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")))
    head, procedure = GOOD_CATALOG.split("procedures:\n")
    # 2,000 values to fix: long enough for kills to land in the middle of the run.
    (tree / "big.yaml").write_text(head + "procedures:\n" + procedure * 500, encoding="utf-8")
    return tree


def _renames_tree(root: Path) -> tuple[Path, Path]:
    tree = root / "catalogs"
    tree.mkdir()
    rows = ["group,province,commune,kind,name,decision,rename_to"]
    for number, commune in enumerate(("20194", "20195", "20196")):
        hamlets = "".join(f"      - {{name: Thôn {n}, from: Xã Hòa Bắc}}\n" for n in range(1500))
        (tree / f"units-{number}.yaml").write_text(
            "kind: units\n"
            'province: {code: "48", name: Thành phố Đà Nẵng}\n'
            "effective: 2025-07-01\n"
            "communes:\n"
            f'  - code: "{commune}"\n'
            "    name: Xã Hòa Vang\n"
            "    hamlets:\n" + hamlets,
            encoding="utf-8",
        )
        rows.append(f"G{number},48,{commune},hamlet,Thôn 1499,rename,Thôn Cuối")
    report = root / "report.csv"
    report.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tree, report


def _check_fmt(tmp_path: Path, runs: int) -> list[tuple[int, int]]:
    tree = _fmt_tree(tmp_path)
    _, _, mixes = _kill_runs(tree, _command("fmt", "--no-config", tree), runs, seed=20250701)
    return mixes


def _check_renames(tmp_path: Path, runs: int) -> list[tuple[int, int]]:
    tree, report = _renames_tree(tmp_path)
    command = _command("apply-renames", report, tree, "--date", "2026-11-22")
    _, new, mixes = _kill_runs(tree, command, runs, seed=7)
    assert all("Thôn Cuối" in data.decode("utf-8") for data in new.values())
    return mixes


def test_a_killed_fmt_leaves_each_file_old_or_new(tmp_path: Path) -> None:
    _check_fmt(tmp_path, RUNS["default"])


def test_a_killed_apply_renames_leaves_each_file_old_or_new(tmp_path: Path) -> None:
    _check_renames(tmp_path, RUNS["default"])


@pytest.mark.adversarial_heavy
def test_many_killed_fmt_runs(tmp_path: Path) -> None:
    mixes = _check_fmt(tmp_path, RUNS["heavy"])
    # The kills landed before, during and after the writes, not all at one moment.
    assert any(olds and news for olds, news in mixes), mixes


@pytest.mark.adversarial_heavy
def test_many_killed_apply_renames_runs(tmp_path: Path) -> None:
    mixes = _check_renames(tmp_path, RUNS["heavy"])
    assert len(set(mixes)) > 1, mixes
