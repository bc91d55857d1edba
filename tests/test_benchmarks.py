"""The benchmark corpus generator: deterministic, clean for `tthc validate`, about 5 KB a file."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from tthc_cli.validation.config import Settings
from tthc_cli.validation.engine import validate_paths

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # `benchmarks` sits beside `src`, outside the installed package
    sys.path.insert(0, str(REPO))

from benchmarks.generate import BUILTIN, generate  # noqa: E402

# The shipped catalogs feed the names when present; the built-in list stands in otherwise.
POOLS = [pytest.param(REPO / "catalogs", id="shipped-catalogs"), pytest.param(None, id="builtin")]


@pytest.mark.parametrize("catalogs", POOLS)
def test_same_seed_gives_identical_bytes(tmp_path: Path, catalogs: Path | None) -> None:
    first = generate(tmp_path / "a", files=5, catalogs=catalogs)
    second = generate(tmp_path / "b", files=5, catalogs=catalogs)
    assert [p.relative_to(tmp_path / "a") for p in first] == [
        p.relative_to(tmp_path / "b") for p in second
    ]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    other = generate(tmp_path / "c", files=5, seed=2, catalogs=catalogs)
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in first]


@pytest.mark.parametrize("catalogs", POOLS)
def test_corpus_is_clean_and_about_5_kb_a_file(tmp_path: Path, catalogs: Path | None) -> None:
    paths = generate(tmp_path, files=5, catalogs=catalogs)
    result = validate_paths([tmp_path], Settings())
    assert result.load_errors == []
    assert [f for f in result.findings if f.severity == "error"] == []
    assert result.files == 5
    assert result.procedures == 5 * 12
    for path in paths:
        assert 3_000 <= path.stat().st_size <= 8_000, path


def test_more_procedures_than_names_stay_clean(tmp_path: Path) -> None:
    # Past the end of the name list the generator numbers names so TT104 has nothing to report.
    generate(tmp_path, files=2, procedures_per_file=len(BUILTIN) + 5, catalogs=None)
    result = validate_paths([tmp_path], Settings())
    assert result.load_errors == []
    assert result.findings == []


def test_diff_benchmark_snapshots_hold_every_kind_of_change(tmp_path: Path) -> None:
    from benchmarks.diffbench import build

    from tthc_cli.diffing.compare import diff_paths

    old, new = build(tmp_path, 300)
    result = diff_paths([old], [new])
    counts = result.counts()
    assert all(counts[status] > 0 for status in ("moved", "changed", "removed", "unchanged"))
    assert result.summary()["old"]["huyen"] > 0
    assert result.errors == []


@pytest.mark.slow
def test_the_whole_run_works_in_tiny_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Every row of `python -m benchmarks` on tiny corpora, one repetition, no peers (they may
    # not be installed): the harness cannot rot unnoticed. No timing is asserted.
    from benchmarks.__main__ import main

    assert main(["--tiny", "--no-peers", "--keep", str(tmp_path)]) == 0
    report = capsys.readouterr().out
    for row in (
        "`tthc --version`",
        "`tthc --help`",
        "`tthc validate --format json`",
        "`tthc dedupe-names --format json`",
        "`tthc diff --format json`",
        "skipped (--no-peers)",
    ):
        assert row in report
    assert "| target | measured (wall) | met | measured (CPU) | met on CPU |" in report
    assert "failed:" not in report
    # stats and search are timed when this tthc has them, and say so otherwise.
    assert "`tthc stats`" in report
    assert "`tthc search`" in report


def test_peer_extrapolation_counts_start_up_once(tmp_path: Path) -> None:
    from benchmarks import suite
    from benchmarks.measure import Usage

    paths = [tmp_path / f"{n}.yaml" for n in range(401)]
    calls: list[int] = []

    def fake(command: Sequence[str], **_: object) -> Usage:
        files = len(command) - 1
        calls.append(files)
        return Usage(1.0 + 0.01 * files, 0.5 + 0.005 * files, 10.0)  # start-up, then per file

    original = suite.run_usage  # type: ignore[attr-defined]
    suite.run_usage = fake  # type: ignore[attr-defined]
    try:
        seconds, cpu, _ = suite.peer(["tool"], paths)()
    finally:
        suite.run_usage = original  # type: ignore[attr-defined]
    assert calls == [1, suite.PEER_SUBSET]
    assert seconds == pytest.approx(1.0 + 0.01 * 401)
    assert cpu == pytest.approx(0.5 + 0.005 * 401)
