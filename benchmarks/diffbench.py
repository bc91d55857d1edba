"""Time `tthc diff` on two 10,000-procedure snapshots next to loading the same files alone.

`python -m benchmarks diff [--procedures N] [--repeat R]` builds an old snapshot (a third of its
files at district level, effective 2024-07-01) and a new one (everything at commune level) with
the kinds of change a re-publication brings: moves, removals, additions, changed time limits
and fees, and codes replaced under the same name. It then times, in one run: loading both
sides (read, parse, schema), the whole diff, and the diff written as JSON, and prints ratios.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml
from rich.console import Console

from benchmarks.generate import generate
from tthc_cli.diffing.compare import diff_paths, diff_sides
from tthc_cli.diffing.sides import load_side
from tthc_cli.reports.diff.jsonout import JsonDiffReporter

PER_FILE = 14


def build(root: Path, procedures: int, seed: int = 7) -> tuple[Path, Path]:
    """Write the old and new snapshots under root; returns their folders."""
    rng = random.Random(seed)
    old_dir, new_dir = root / "old", root / "new"
    files = max(1, -(-procedures // PER_FILE))
    generated = generate(old_dir, files=files, procedures_per_file=PER_FILE, seed=seed)
    next_code = 8_000_000
    for index, path in enumerate(generated):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        old = dict(data, effective="2024-07-01", level="huyen" if index % 3 == 0 else "xa")
        new_procedures = []
        for procedure in data["procedures"]:
            roll = rng.random()
            if roll < 0.04:
                continue  # abolished
            changed = dict(procedure)
            if roll < 0.06:
                next_code += 1
                changed["code"] = f"{1 + next_code // 1_000_000}.{next_code % 1_000_000:06d}"
            elif roll < 0.16:
                changed["time_limit"] = {"value": rng.randint(1, 10), "unit": "working-days"}
            elif roll < 0.20:
                changed["fees"] = [{"name": "Lệ phí", "amount": rng.choice([5000, 8000, 10000])}]
            new_procedures.append(changed)
        for _ in range(rng.choice([0, 0, 1])):
            next_code += 1
            new_procedures.append(
                {
                    "code": f"{1 + next_code // 1_000_000}.{next_code % 1_000_000:06d}",
                    "name": f"Thủ tục mới số {next_code}",
                    "field": "Hộ tịch",
                }
            )
        new = dict(data, procedures=new_procedures)
        relative = path.relative_to(old_dir)
        path.write_text(_dump(old), encoding="utf-8")
        target = new_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_dump(new), encoding="utf-8")
    return old_dir, new_dir


def _dump(data: dict[str, object]) -> str:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    # PyYAML (YAML 1.1) leaves `08` unquoted as it is no 1.1 number; YAML 1.2 reads it as 8.
    return re.sub(r"^province: (\d+)$", r'province: "\1"', text, flags=re.MULTILINE)


def _time(job: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks diff", description=__doc__)
    parser.add_argument("--procedures", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tthc-diffbench-") as tmp:
        old_dir, new_dir = build(Path(tmp), args.procedures)
        old_side, new_side = load_side([old_dir]), load_side([new_dir])
        result = diff_sides(old_side, new_side)

        def load_both() -> None:
            load_side([old_dir])
            load_side([new_dir])

        def whole_diff() -> None:
            diff_paths([old_dir], [new_dir])

        def match_only() -> None:
            diff_sides(old_side, new_side)

        def as_json() -> None:
            console = Console(file=io.StringIO())
            JsonDiffReporter().render(result, result.entries, console)

        jobs = {
            "load both sides (read, parse, schema)": load_both,
            "tthc diff, in-process (load + match + compare)": whole_diff,
            "match + compare only (sides loaded)": match_only,
            "JSON report of the result": as_json,
        }
        timings = {name: _time(job, args.repeat) for name, job in jobs.items()}
        base = statistics.median(timings["load both sides (read, parse, schema)"])
        print(
            f"old: {len(old_side.procedures):,} procedures {old_side.level_counts()}; "
            f"new: {len(new_side.procedures):,} {new_side.level_counts()}"
        )
        print(f"statuses: {result.counts()}; hints: {len(result.hints)}")
        print()
        print("| job | median s | min s | max s | × load |")
        print("|---|---:|---:|---:|---:|")
        for name, values in timings.items():
            median = statistics.median(values)
            print(
                f"| {name} | {median:.3f} | {min(values):.3f} | {max(values):.3f} | "
                f"{median / base:.2f}× |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
