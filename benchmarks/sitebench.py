"""`python -m benchmarks site`: `tthc site` on the shipped catalogs and on the 2,000-file corpus
(wall and CPU seconds, peak memory, size), and, in headless Chromium when it is installed, what
a first search transfers and how long a keystroke takes to show results.

Targets (issue 18): shipped catalogs ≤ 2 s; the corpus ≤ 15 s and ≤ 500 MB; the first search
≤ 150 kB; a keystroke ≤ 50 ms. The build writes tens of thousands of small files, so its wall
time depends on the file system as much as on tthc: the CPU time is the figure to compare.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.measure import Usage, run_usage
from benchmarks.parsers import tthc_command

REPO = Path(__file__).resolve().parents[1]
QUERIES = ("đăng ký khai sinh", "ket hon", "chứng thực bản sao", "1.000123", "đất đai")


def _build(paths: Sequence[Path], out: Path, repeat: int) -> tuple[Usage, int, int]:
    runs = [
        run_usage([*tthc_command(), "site", *map(str, paths), "-o", str(out)], ok=(0,))
        for _ in range(repeat)
    ]
    files = [p for p in out.rglob("*") if p.is_file()]
    median = Usage(
        statistics.median(u.seconds for u in runs),
        statistics.median(u.cpu for u in runs),
        max(u.peak_mb for u in runs),
    )
    return median, len(files), sum(p.stat().st_size for p in files)


def _browser(site: Path) -> list[tuple[str, int, float, float]] | str:
    """(query, bytes the first search loads, ms of that first search, ms of the same keystroke
    once the index is loaded) per query; or why it could not be measured."""
    sys.path.insert(0, str(REPO / "tests" / "site"))
    try:
        from browser import browser_missing, chromium, served
    finally:
        sys.path.pop(0)
    reason = browser_missing()
    if reason is not None:
        return reason
    script = (
        "const [q, done] = [arguments[0], arguments[arguments.length - 1]];"
        "const t0 = performance.now();"
        "TTHC.search('', q, 10).then(() => {"
        "  const first = performance.now() - t0;"
        "  const files = performance.getEntriesByType('resource')"
        "    .map(e => new URL(e.name).pathname.slice(1)).filter(p => p.endsWith('.js'));"
        "  const t1 = performance.now();"
        "  TTHC.search('', q, 10).then(() => done([files, first, performance.now() - t1]));"
        "});"
    )
    found: list[tuple[str, int, float, float]] = []
    with chromium() as driver, served(site) as url:
        for query in QUERIES:
            driver.get(url + "index.html")  # a fresh page: nothing of the index loaded yet
            files, first, warm = driver.execute_async_script(script, query)
            # The page's two scripts and the index files the search loaded, as on disk (a
            # static server may compress them further).
            loaded = {"search.js", "site.js", *files}
            size = sum((site / name).stat().st_size for name in loaded)
            found.append((query, size, float(first), float(warm)))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks site", description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="a corpus from `python -m benchmarks generate`")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tthc-site-bench-") as tmp:
        corpus = args.corpus
        if corpus is None:
            from benchmarks.generate import generate

            corpus = Path(tmp) / "corpus"
            generate(corpus)
        print("| build | wall s | CPU s | peak MB | files | size MB |")
        print("|---|---:|---:|---:|---:|---:|")
        for label, paths in (
            ("shipped catalogs", [REPO / "catalogs"]),
            ("2,000-file corpus", [corpus]),
        ):
            out = Path(tmp) / label.split()[0].strip(",")
            usage, files, size = _build(paths, out, args.repeat)
            print(
                f"| `tthc site` {label} | {usage.seconds:.2f} | {usage.cpu:.2f} | "
                f"{usage.peak_mb:.0f} | {files:,} | {size / 1e6:.1f} |"
            )
        measured: Any = _browser(out)
        print()
        if isinstance(measured, str):
            print(f"First search: not measured ({measured}).")
            return 0
        print("| first search on the corpus site | bytes loaded | first ms | keystroke ms |")
        print("|---|---:|---:|---:|")
        for query, loaded, first, warm in measured:
            print(f"| `{query}` | {loaded:,} | {first:.1f} | {warm:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
