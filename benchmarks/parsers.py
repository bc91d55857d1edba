"""Time YAML parsers and `tthc validate` on one generated corpus, in one run.

`python -m benchmarks parsers [--files N] [--repeat R] [--corpus DIR]` prints a Markdown table
of median, min and max seconds per job and each median as a multiple of PyYAML's
`yaml.load(text, Loader=CSafeLoader)`. Absolute times on a shared machine drift from run to run;
the ratios within one run are what to compare. Repetitions go round-robin over the jobs so a
burst of load from a neighbour hits all jobs alike instead of one job's three samples.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import importlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

try:  # a peer from the `benchmarks` extra; without it its rows are left out
    import ruamel.yaml
    from ruamel.yaml import YAML

    HAVE_RUAMEL = True
except ImportError:  # pragma: no cover - depends on the extras installed
    HAVE_RUAMEL = False

from benchmarks.generate import generate
from tthc_cli.catalog import yamltree
from tthc_cli.fixing.formatting import format_paths
from tthc_cli.validation.cache import CACHE_DIR
from tthc_cli.validation.config import Settings
from tthc_cli.validation.engine import cache_for, validate_paths

BASELINE = "PyYAML load (CSafeLoader)"


@dataclass
class Job:
    """One timed thing: ``run`` does the whole job once; ``scale`` extrapolates a subset."""

    name: str
    run: Callable[[], object]
    scale: float = 1.0
    samples: list[float] = field(default_factory=list)
    prepare: Callable[[], object] | None = None  # untimed, before each run
    cleanup: Callable[[], object] | None = None  # once, after all runs

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def _texts(paths: Sequence[Path]) -> Callable[[], list[str]]:
    # Every parser job reads and decodes its files itself, so all rows include the same I/O
    # and the "read bytes" row is the floor under each of them.
    def read() -> list[str]:
        return [p.read_bytes().decode("utf-8") for p in paths]

    return read


def _optional(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def tthc_command() -> list[str]:
    """The installed `tthc` script beside this interpreter, else `python -m tthc_cli`."""
    script = Path(sys.executable).with_name("tthc")
    if script.is_file():
        return [str(script)]
    found = shutil.which("tthc")
    return [found] if found else [sys.executable, "-m", "tthc_cli"]


def build_jobs(corpus: Path, paths: Sequence[Path], subset_size: int) -> list[Job]:
    read = _texts(paths)
    step = max(1, len(paths) // subset_size)
    subset = list(paths[::step])[:subset_size]  # spread over every province folder
    read_subset = _texts(subset)
    scale = len(paths) / len(subset) if subset else 1.0
    extrapolated = f" ({len(subset)} files ×{scale:g}, extrapolated)" if scale != 1 else ""

    def read_bytes() -> None:
        for p in paths:
            p.read_bytes()

    def pyyaml_load() -> None:
        for text in read():
            yaml.load(text, Loader=yaml.CSafeLoader)

    def pyyaml_compose() -> None:
        for text in read():
            yaml.compose(text, Loader=yaml.CSafeLoader)

    def tthc_yamltree() -> None:
        for text in read():
            yamltree.parse(text)

    def ruamel_rt() -> None:
        loader = YAML()  # reused, as ruamel recommends; a new instance per file is slower
        for text in read_subset():
            loader.load(text)

    def ruamel_safe() -> None:
        loader = YAML(typ="safe", pure=True)
        for text in read_subset():
            loader.load(text)

    def validate_in_process() -> None:
        result = validate_paths([corpus], Settings())
        if result.errors or result.load_errors:
            raise RuntimeError(f"corpus is not clean: {result.errors} errors")

    command = [*tthc_command(), "validate", str(corpus), "--format", "json"]
    cold_command = [*command, "--no-cache"]

    def validate_subprocess() -> None:
        _run_command(cold_command, None)

    # The warm rows: a cache filled once, then before each run one file changes (a comment
    # line that alternates, so the corpus stays clean and every run has one cache miss).
    cache_home = Path(tempfile.mkdtemp(prefix="tthc-bench-cache-"))
    changing = paths[len(paths) // 2]
    original = changing.read_bytes()
    turn = [0]

    def change_one_file() -> None:
        turn[0] += 1
        changing.write_bytes(original + f"# benchmark edit {turn[0] % 2}\n".encode())

    settings = Settings()
    cache_folder = cache_home / "in-process" / CACHE_DIR

    def validate_warm_in_process() -> None:
        result = validate_paths([corpus], settings, cache=cache_for(settings, cache_folder))
        if result.errors or result.load_errors:
            raise RuntimeError(f"corpus is not clean: {result.errors} errors")

    def validate_warm_subprocess() -> None:
        _run_command(command, cache_home)

    def fmt_in_process() -> None:
        run = format_paths([corpus], None, settings)
        if run.errors:
            raise RuntimeError(f"corpus does not parse: {run.errors[0]}")

    fmt_command = [*tthc_command(), "fmt", str(corpus), "--check"]

    def fmt_subprocess(*extra: str, cwd: Path | None = None) -> None:
        done = subprocess.run(
            [*fmt_command, *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd
        )
        if done.returncode not in (0, 1):  # 1: some file would change, as in a generated corpus
            raise RuntimeError(f"tthc fmt exited {done.returncode}: {done.stderr!r}")

    def fmt_cold() -> None:
        fmt_subprocess("--no-cache")

    def fmt_warm() -> None:
        fmt_subprocess(cwd=cache_home)

    def restore() -> None:
        changing.write_bytes(original)
        shutil.rmtree(cache_home, ignore_errors=True)

    validate_warm_in_process()  # fill the caches
    validate_warm_subprocess()
    fmt_warm()

    jobs = [
        Job("read bytes only (floor)", read_bytes),
        Job(BASELINE, pyyaml_load),
        Job("PyYAML compose (CSafeLoader, nodes with marks)", pyyaml_compose),
        Job("tthc_cli.catalog.yamltree.parse (positions)", tthc_yamltree),
        *(
            [
                Job(f"ruamel.yaml round-trip YAML().load{extrapolated}", ruamel_rt, scale),
                Job(f"ruamel.yaml YAML(typ='safe', pure=True){extrapolated}", ruamel_safe, scale),
            ]
            if HAVE_RUAMEL
            else []
        ),
    ]
    yaml_rs: Any = _optional("yaml_rs")
    if yaml_rs is not None and hasattr(yaml_rs, "loads"):

        def yaml_rs_loads() -> None:
            for text in read():
                yaml_rs.loads(text)

        jobs.append(Job("yaml_rs.loads", yaml_rs_loads))
    jobs += [
        Job("engine.validate_paths (in-process, all rules)", validate_in_process),
        Job("`tthc validate --format json --no-cache` (subprocess)", validate_subprocess),
        Job(
            "engine.validate_paths, warm cache, 1 file changed (in-process)",
            validate_warm_in_process,
            prepare=change_one_file,
        ),
        Job(
            "`tthc validate --format json`, warm cache, 1 file changed (subprocess)",
            validate_warm_subprocess,
            prepare=change_one_file,
            cleanup=restore,
        ),
        Job("fixing.format_paths (fmt in-process, nothing written)", fmt_in_process),
        Job("`tthc fmt --check --no-cache` (subprocess)", fmt_cold),
        Job("`tthc fmt --check`, warm cache (subprocess)", fmt_warm),
    ]
    return jobs


def _run_command(command: list[str], cwd: Path | None) -> None:
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr!r}")


def warm_up(paths: Sequence[Path]) -> None:
    """Pay one-time costs (imports, regex compiles, page cache) before the clock runs."""
    for p in paths:
        p.read_bytes()
    sample = list(paths[:5])
    validate_paths(sample, Settings())
    for p in sample:
        text = p.read_text(encoding="utf-8")
        yaml.load(text, Loader=yaml.CSafeLoader)
        if HAVE_RUAMEL:
            YAML().load(text)
            YAML(typ="safe", pure=True).load(text)


def run(jobs: Sequence[Job], repeat: int, progress: Callable[[str], None]) -> None:
    for rep in range(repeat):
        for job in jobs:
            if job.prepare is not None:
                job.prepare()
            gc.collect()  # start each job without the previous job's garbage
            start = time.perf_counter()
            job.run()
            job.samples.append((time.perf_counter() - start) * job.scale)
            progress(f"  rep {rep + 1}/{repeat}  {job.samples[-1]:8.3f} s  {job.name}")


def machine() -> list[str]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return [
        f"date: {dt.date.today().isoformat()}",
        f"cpu: {cpu}, nproc {affinity or os.cpu_count()}",
        f"python {platform.python_version()} ({platform.python_implementation()}), "
        f"PyYAML {yaml.__version__} libyaml={yaml.__with_libyaml__}, "
        f"ruamel.yaml {ruamel.yaml.__version__ if HAVE_RUAMEL else 'not installed'}",
    ]


def table(jobs: Sequence[Job]) -> list[str]:
    base = next(j for j in jobs if j.name == BASELINE).median
    rows = [
        "| job | median s | min s | max s | × CSafeLoader load |",
        "|---|---:|---:|---:|---:|",
    ]
    for job in jobs:
        rows.append(
            f"| {job.name} | {job.median:.3f} | {min(job.samples):.3f} | "
            f"{max(job.samples):.3f} | {job.median / base:.2f}× |"
        )
    return rows


def find_corpus(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks parsers",
        description="Time YAML parsers and tthc validate on a generated catalog corpus.",
    )
    parser.add_argument("--files", type=int, default=2000, help="files to generate (2000)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions per job (3)")
    parser.add_argument("--corpus", type=Path, help="use this folder instead of generating one")
    parser.add_argument("--subset", type=int, default=200, help="files for the ruamel rows (200)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.files < 1 or args.subset < 1:
        parser.error("--files, --repeat and --subset must be at least 1")

    def progress(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="tthc-bench-") as tmp:
        if args.corpus is not None:
            corpus = args.corpus
            paths = find_corpus(corpus)
            if not paths:
                parser.error(f"no .yaml/.yml files under {corpus}")
        else:
            corpus = Path(tmp) / "corpus"
            progress(f"generating {args.files} files in {corpus} ...")
            paths = generate(corpus, files=args.files)
        size = sum(p.stat().st_size for p in paths)
        jobs = build_jobs(corpus, paths, args.subset)
        warm_up(paths)
        try:
            run(jobs, args.repeat, progress)
        finally:
            for job in jobs:
                if job.cleanup is not None:
                    job.cleanup()
    print("\n".join(machine()))
    print(
        f"corpus: {len(paths)} files, {size / 1e6:.1f} MB "
        f"(mean {size / len(paths) / 1e3:.1f} KB); {args.repeat} repetitions"
    )
    if not any(job.name.startswith("yaml_rs") for job in jobs):
        print("yaml_rs: not installed, row skipped")
    print()
    print("\n".join(table(jobs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
