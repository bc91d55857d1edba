"""`python -m benchmarks`: every performance target of tthc, with its baselines, in one run.

Writes the corpora to a temporary folder (about 10 s), then runs every row of a group once
untimed (imports, the page cache) and times them, round-robin within the group so a burst of
load from a neighbour hits every row alike:

- start-up: `python -c pass` (the interpreter's floor), `tthc --version`, `tthc --help`;
- validate, on 2,000 generated commune catalogs (about 10 MB): a bare PyYAML CSafeLoader load
  of the files in this process (the floor, 1.00×), `check-jsonschema` with the schema from
  `tthc schema`, `yamllint` with its default configuration, and `tthc validate`. The two peers
  take about a minute each on the whole corpus, so they are timed on 1 file and on 200 files
  spread over the corpus, and their time for every file is extrapolated as
  t(1) + (t(200) - t(1)) × (files - 1) / 199 (start-up once, then the cost per file);
- dedupe-names on the national hamlets (3,321 communes, about 100,000 hamlets) and on the real
  national street list at province scope: a bare load (the floor), the naive rapidfuzz
  `process.cdist` of every name against every name of its scope (the full score matrix, one
  core, names already in memory), and `tthc dedupe-names`;
- diff of two 10,000-procedure snapshots: a bare load of both sides, and `tthc diff`;
- stats and search on the shipped and the generated catalogs, when this tthc has them.

Every tthc row runs the installed command as a subprocess, with its interpreter start-up, and
takes its CPU time and peak memory from `getrusage`. The Markdown report (stdout) has the table
of every row (wall and CPU seconds) and the table of targets, judged on both.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.measure import CommandFailed, run_usage
from benchmarks.parsers import machine, tthc_command
from benchmarks.reallabelled import both_reports

REPO = Path(__file__).resolve().parents[1]
PEER_SUBSET = 200

# wall seconds, CPU seconds, peak RSS in MB (None when not measured)
Sample = tuple[float, float, float | None]


@dataclass
class Row:
    name: str
    run: Callable[[], Sample] | None  # None: not available (reason in `note`)
    repeat: int = 3
    note: str = ""
    samples: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak: float | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


@dataclass
class Group:
    title: str
    corpus: str
    rows: list[Row]

    @property
    def base(self) -> Row:
        return self.rows[0]

    def row(self, prefix: str) -> Row | None:
        for row in self.rows:
            if row.name.startswith(prefix) and row.samples:
                return row
        return None


@dataclass
class Options:
    files: int = 2000
    hamlets: int = 100_000
    streets: int | None = None
    procedures: int = 10_000
    repeat: int = 3
    peers: bool = True
    provinces: int | None = None  # the hamlet corpus of the first N provinces only
    startup_repeat: int = 9
    peer_repeat: int = 1  # the slow peers (a minute each on the whole corpus)
    warm_up: bool = True  # one untimed run of every row first


# --- corpora ----------------------------------------------------------------------------------


@dataclass
class Corpora:
    catalogs: Path
    catalog_files: list[Path]
    hamlet_files: list[Path]
    streets: Path | None
    old: Path
    new: Path
    schema: Path
    notes: list[str] = field(default_factory=list)


def build_corpora(root: Path, options: Options, progress: Callable[[str], None]) -> Corpora:
    from benchmarks import dedupebench, diffbench, generate
    from benchmarks.national import MERGES, load_provinces

    notes = []
    provinces, real = load_provinces()
    if not real:
        notes.append(f"{MERGES} not found: made-up commune names stand in")
    progress(f"writing {options.files} catalogs ...")
    catalog_files = generate.generate(root / "catalogs", options.files, provinces=provinces)
    progress(f"writing about {options.hamlets:,} hamlets ...")
    hamlet_files = dedupebench.write_hamlets(
        root / "hamlets", provinces[: options.provinces], options.hamlets
    )
    streets = dedupebench.write_streets(root / "streets", limit=options.streets)
    if streets is None:
        notes.append(f"{dedupebench.STREETS} not found: the street rows are skipped")
    progress(f"writing two {options.procedures:,}-procedure snapshots ...")
    old, new = diffbench.build(root / "diff", options.procedures)
    schema = root / "schema.json"
    done = subprocess.run(
        [*tthc_command(), "schema"], capture_output=True, check=True, cwd=REPO, text=True
    )
    schema.write_text(done.stdout, encoding="utf-8")
    return Corpora(root / "catalogs", catalog_files, hamlet_files, streets, old, new, schema, notes)


# --- jobs -------------------------------------------------------------------------------------


def _timed(job: Callable[[], object]) -> Callable[[], Sample]:
    def run() -> Sample:
        started, cpu = time.perf_counter(), time.process_time()
        job()
        return time.perf_counter() - started, time.process_time() - cpu, None

    return run


def bare_load(paths: Sequence[Path]) -> Callable[[], Sample]:
    def load() -> None:
        for path in paths:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    return _timed(load)


def bare_csv(path: Path) -> Callable[[], Sample]:
    def load() -> None:
        with path.open(encoding="utf-8", newline="") as handle:
            for _ in csv.reader(handle):
                pass

    return _timed(load)


def command(args: Sequence[str], ok: Sequence[int] = (0, 1)) -> Callable[[], Sample]:
    def run() -> Sample:
        usage = run_usage(list(args), ok=ok)
        return usage.seconds, usage.cpu, usage.peak_mb

    return run


WARM_ROW = "`tthc validate --format json`, warm cache, one file changed"


def one_file_changed(args: Sequence[str], target: Path) -> Callable[[], Sample]:
    """The command after an edit of one file (a new comment line), so the cache holds the rest."""
    timed = command(args)
    original = target.read_bytes()
    runs = [0]

    def run() -> Sample:
        runs[0] += 1
        target.write_bytes(original + f"# edit {runs[0]}\n".encode())
        try:
            return timed()
        finally:
            target.write_bytes(original)

    return run


def peer(
    tool: list[str], paths: Sequence[Path], ok: Sequence[int] = (0, 1)
) -> Callable[[], Sample]:
    """A slow peer's time on every file, from its time on 1 file and on PEER_SUBSET files."""
    step = max(1, len(paths) // PEER_SUBSET)
    subset = [str(p) for p in paths[::step][:PEER_SUBSET]]

    def run() -> Sample:
        one = run_usage([*tool, subset[0]], ok=ok)
        if len(subset) < 2:
            return one.seconds, one.cpu, None
        many = run_usage([*tool, *subset], ok=ok)
        scale = (len(paths) - 1) / (len(subset) - 1)
        seconds = one.seconds + max(0.0, many.seconds - one.seconds) * scale
        return seconds, one.cpu + max(0.0, many.cpu - one.cpu) * scale, None

    return run


def naive_cdist(scopes: Callable[[], list[list[str]]]) -> Callable[[], Sample] | str:
    """rapidfuzz cdist of every name against every name of its scope (the N×N matrix)."""
    try:
        import numpy as np
        from rapidfuzz import fuzz, process, utils
    except ImportError:
        return "numpy not installed (pip install -e '.[benchmarks]')"
    groups = scopes()

    def run() -> None:
        for names in groups:
            process.cdist(
                names,
                names,
                scorer=fuzz.ratio,
                processor=utils.default_process,
                score_cutoff=85,
                dtype=np.uint8,
                workers=1,
            )

    return _timed(run)


def hamlet_scopes(paths: Sequence[Path]) -> Callable[[], list[list[str]]]:
    def scopes() -> list[list[str]]:
        out = []
        for path in paths:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            for commune in data["communes"]:
                out.append([h["name"] for h in commune.get("hamlets") or []])
        return out

    return scopes


def street_scopes(path: Path) -> Callable[[], list[list[str]]]:
    def scopes() -> list[list[str]]:
        by_province: dict[str, list[str]] = defaultdict(list)
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                by_province[row["province"]].append(row["name"])
        return list(by_province.values())

    return scopes


def tthc_commands() -> set[str]:
    """The commands this tthc has, read from `tthc --help`."""
    done = subprocess.run([*tthc_command(), "--help"], capture_output=True, text=True)
    return set(re.findall(r"^[\s│]+([a-z][a-z-]+)\s", done.stdout, re.MULTILINE))


def _tool(name: str) -> list[str] | None:
    script = Path(sys.executable).with_name(name)
    return [str(script)] if script.is_file() else None


def build_groups(corpora: Corpora, options: Options) -> list[Group]:
    tthc = tthc_command()
    r = options.repeat
    files = corpora.catalog_files
    size = sum(p.stat().st_size for p in files) / 1e6
    groups = [
        Group(
            "start-up",
            "no files",
            [
                Row("python -c pass (interpreter floor)", command([sys.executable, "-c", "pass"])),
                Row("`tthc --version`", command([*tthc, "--version"])),
                Row("`tthc --help`", command([*tthc, "--help"])),
            ],
        )
    ]
    for row in groups[0].rows:
        row.repeat = options.startup_repeat
    validate = [
        Row("bare load, PyYAML CSafeLoader (in-process)", bare_load(files), r),
    ]
    extrapolated = f" ({PEER_SUBSET} files, extrapolated)" if len(files) > PEER_SUBSET else ""
    for name, tool in (
        ("check-jsonschema", ["check-jsonschema", "--schemafile", str(corpora.schema)]),
        ("yamllint", ["yamllint", "-d", "default", "-f", "parsable"]),
    ):
        found = _tool(tool[0])
        row = Row(f"{name}{extrapolated}", None, options.peer_repeat)
        if not options.peers:
            row.note = "skipped (--no-peers)"
        elif found is None:
            row.note = "not installed (pip install -e '.[benchmarks]')"
        else:
            row.run = peer([*found, *tool[1:]], files)
        validate.append(row)
    validate.append(
        Row(
            "`tthc validate --no-cache --format json`",
            command([*tthc, "validate", str(corpora.catalogs), "--no-cache", "--format", "json"]),
            r,
        )
    )
    validate.append(
        Row(
            WARM_ROW,
            one_file_changed(
                [*tthc, "validate", str(corpora.catalogs), "--format", "json"], files[0]
            ),
            r,
        )
    )
    groups.append(
        Group("validate", f"{len(files):,} generated commune catalogs, {size:.1f} MB", validate)
    )
    hamlets = corpora.hamlet_files
    size = sum(p.stat().st_size for p in hamlets) / 1e6
    groups.append(
        Group(
            "dedupe-names, national hamlets",
            f"{len(hamlets)} units files, {size:.1f} MB",
            [
                Row("bare load, PyYAML CSafeLoader (in-process)", bare_load(hamlets), r),
                _cdist_row(hamlet_scopes(hamlets), "every commune", r, options),
                Row(
                    "`tthc dedupe-names --format json`",
                    command([*tthc, "dedupe-names", *map(str, hamlets), "--format", "json"]),
                    r,
                ),
            ],
        )
    )
    if corpora.streets is not None:
        streets = corpora.streets
        groups.append(
            Group(
                "dedupe-names, national streets (province scope)",
                f"real street list, {streets.stat().st_size / 1e6:.1f} MB CSV",
                [
                    Row("bare load, csv.reader (in-process)", bare_csv(streets), r),
                    _cdist_row(street_scopes(streets), "every province", r, options),
                    Row(
                        "`tthc dedupe-names --format json`",
                        command([*tthc, "dedupe-names", str(streets), "--format", "json"]),
                        r,
                    ),
                ],
            )
        )
    old_files = sorted(corpora.old.rglob("*.yaml")) + sorted(corpora.new.rglob("*.yaml"))
    groups.append(
        Group(
            "diff",
            f"two snapshots of {options.procedures:,} procedures, {len(old_files)} files",
            [
                Row(
                    "bare load of both sides, PyYAML CSafeLoader (in-process)",
                    bare_load(old_files),
                    r,
                ),
                Row(
                    "`tthc diff --format json`",
                    command(
                        [*tthc, "diff", str(corpora.old), str(corpora.new), "--format", "json"]
                    ),
                    r,
                ),
            ],
        )
    )
    shipped = REPO / "catalogs"
    roots = [str(p) for p in (shipped, corpora.catalogs) if p.is_dir()]
    every = sorted(p for root in roots for p in Path(root).rglob("*.yaml"))
    available = tthc_commands()
    rows = [Row("bare load, PyYAML CSafeLoader (in-process)", bare_load(every), r)]
    if not {"stats", "search"} & available:
        rows[0].run, rows[0].note = None, "skipped: no stats or search command to compare"
    for name, args in (
        ("stats", ["stats", *roots]),
        ("search", ["search", "đăng ký khai sinh", *roots]),
    ):
        row = Row(f"`tthc {name}`", None, r)
        if name in available:
            row.run = command([*tthc, *args])
        else:
            row.note = "not available in this tthc"
        rows.append(row)
    groups.append(
        Group("stats and search", f"shipped and generated catalogs, {len(every):,} files", rows)
    )
    return groups


def _cdist_row(
    scopes: Callable[[], list[list[str]]], where: str, repeat: int, options: Options
) -> Row:
    name = f"naive rapidfuzz cdist, every pair in {where} (in-process, names in memory)"
    if not options.peers:
        return Row(name, None, repeat, note="skipped (--no-peers)")
    job = naive_cdist(scopes)
    if isinstance(job, str):
        return Row(name, None, repeat, note=job)
    return Row(name, job, options.peer_repeat if "province" in where else repeat)


# --- running and reporting --------------------------------------------------------------------


def measure(groups: Sequence[Group], progress: Callable[[str], None], warm_up: bool = True) -> None:
    for group in groups:
        rows = [row for row in group.rows if row.run is not None]
        for row in rows if warm_up else []:  # imports, the page cache, the CPU's clock
            with contextlib.suppress(CommandFailed):
                assert row.run is not None
                row.run()
        for rep in range(max((row.repeat for row in rows), default=0)):
            for row in rows:
                if rep >= row.repeat or row.run is None:
                    continue
                try:
                    seconds, cpu, peak = row.run()
                except CommandFailed as exc:
                    row.note, row.run = f"failed: {exc}", None
                    continue
                row.samples.append(seconds)
                row.cpu.append(cpu)
                if peak is not None:
                    row.peak = max(peak, row.peak or 0.0)
                progress(f"  {group.title}: {seconds:7.3f} s ({cpu:.3f} s CPU)  {row.name}")


def table(groups: Sequence[Group]) -> list[str]:
    lines = [
        "| group | job | median s | min s | max s | × floor | median CPU s | × floor CPU "
        "| peak RSS MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for group in groups:
        base = group.base.median if group.base.samples else None
        base_cpu = group.base.median_cpu if group.base.cpu else None
        for row in group.rows:
            if not row.samples:
                note = row.note or "no sample"
                lines.append(f"| {group.title} | {row.name} | {note} | | | | | | |")
                continue
            ratio = f"{row.median / base:.2f}×" if base else ""
            ratio_cpu = f"{row.median_cpu / base_cpu:.2f}×" if base_cpu else ""
            peak = f"{row.peak:.0f}" if row.peak is not None else ""
            lines.append(
                f"| {group.title} | {row.name} | {row.median:.3f} | {min(row.samples):.3f} "
                f"| {max(row.samples):.3f} | {ratio} | {row.median_cpu:.3f} | {ratio_cpu} "
                f"| {peak} |"
            )
    return lines


def targets(groups: Sequence[Group]) -> list[str]:
    """Each target of the performance issue: measured on wall-clock time (what the target
    says) and on CPU time (steadier when other processes share the machine)."""
    by_title = {g.title: g for g in groups}
    lines = [
        "| target | measured (wall) | met | measured (CPU) | met on CPU |",
        "|---|---:|:---:|---:|:---:|",
    ]

    def add(label: str, wall: tuple[str, bool] | None, cpu: tuple[str, bool] | None) -> None:
        cells = []
        for value in (wall, cpu):
            cells += [value[0], "yes" if value[1] else "no"] if value else ["not measured", ""]
        lines.append(f"| {label} | {' | '.join(cells)} |")

    def ratio(num: Row, den: Row, most: float) -> tuple[tuple[str, bool], tuple[str, bool]]:
        wall, cpu = num.median / den.median, num.median_cpu / den.median_cpu
        return (f"{wall:.2f}×", wall <= most), (f"{cpu:.2f}×", cpu <= most)

    def faster(peer: Row, tthc: Row, need: float) -> tuple[tuple[str, bool], tuple[str, bool]]:
        wall, cpu = peer.median / tthc.median, peer.median_cpu / tthc.median_cpu
        return (f"{wall:.1f}×", wall >= need), (f"{cpu:.1f}×", cpu >= need)

    def seconds(row: Row | None, most: float, unit: str = "s") -> tuple[Any, Any]:
        if row is None:
            return None, None
        scale = 1000 if unit == "ms" else 1
        wall, cpu = row.median * scale, row.median_cpu * scale
        digits = 0 if unit == "ms" else 2
        memory = f", {row.peak:.0f} MB" if row.peak is not None and unit == "s" else ""
        fits = row.peak is None or row.peak <= 500
        return (
            (f"{wall:.{digits}f} {unit}{memory}", wall <= most * scale and fits),
            (f"{cpu:.{digits}f} {unit}", cpu <= most * scale and fits),
        )

    validate = by_title.get("validate")
    tthc = validate.row("`tthc validate") if validate else None
    base = validate.base if validate and validate.base.samples else None
    add(
        "validate ≤ 1.0 × bare CSafeLoader load",
        *(ratio(tthc, base, 1.0) if tthc and base else (None, None)),
    )
    for peer_name, need in (("check-jsonschema", 20), ("yamllint", 30)):
        found = validate.row(peer_name) if validate else None
        label = f"validate ≥ {need}× faster than {peer_name}"
        add(label, *(faster(found, tthc, need) if found and tthc else (None, None)))
    add(
        "validate warm, one file changed ≤ 0.3 s",
        *seconds(validate.row(WARM_ROW) if validate else None, 0.3),
    )
    startup = by_title["start-up"]
    for name in ("`tthc --version`", "`tthc --help`"):
        add(f"{name.strip('`')} ≤ 120 ms", *seconds(startup.row(name), 0.120, "ms"))
    for title, label in (
        ("dedupe-names, national hamlets", "dedupe-names national hamlets ≤ 3 s, ≤ 500 MB"),
        (
            "dedupe-names, national streets (province scope)",
            "dedupe-names national streets ≤ 3 s, ≤ 500 MB",
        ),
    ):
        group = by_title.get(title)
        add(label, *seconds(group.row("`tthc dedupe-names") if group else None, 3.0))
    diff = by_title.get("diff")
    add("diff 10k × 10k ≤ 1 s", *seconds(diff.row("`tthc diff") if diff else None, 1.0))
    stats = by_title.get("stats and search")
    for name in ("stats", "search"):
        add(f"{name} ≤ 0.5 s", *seconds(stats.row(f"`tthc {name}") if stats else None, 0.5))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Time every tthc performance target and its baselines in one run.",
    )
    parser.add_argument("--repeat", type=int, default=3, help="repetitions per row (3)")
    parser.add_argument("--files", type=int, default=2000, help="catalogs to generate (2000)")
    parser.add_argument("--hamlets", type=int, default=100_000, help="hamlets (100,000)")
    parser.add_argument("--streets", type=int, help="only the first N streets of the list")
    parser.add_argument("--procedures", type=int, default=10_000, help="per diff snapshot")
    parser.add_argument("--no-peers", action="store_true", help="skip the peer tools' rows")
    parser.add_argument(
        "--peer-repeat", type=int, default=1, help="repetitions of the slow peers' rows (1)"
    )
    parser.add_argument("--tiny", action="store_true", help="a quick check that every row runs")
    parser.add_argument("--keep", type=Path, help="write the corpora here and keep them")
    args = parser.parse_args(argv)
    options = Options(
        args.files,
        args.hamlets,
        args.streets,
        args.procedures,
        args.repeat,
        not args.no_peers,
        peer_repeat=args.peer_repeat,
    )
    if args.tiny:
        options = Options(12, 400, 300, 300, 1, not args.no_peers, provinces=2, startup_repeat=1)
    if min(options.files, options.hamlets, options.procedures, options.repeat) < 1:
        parser.error("--files, --hamlets, --procedures and --repeat must be at least 1")

    def progress(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tthc-suite-") as tmp:
        root = args.keep or Path(tmp)
        corpora = build_corpora(root, options, progress)
        groups = build_groups(corpora, options)
        measure(groups, progress, options.warm_up)
    print("# tthc benchmarks (`python -m benchmarks`)")
    print()
    print("\n".join(f"- {line}" for line in machine()))
    print(
        f"- {options.repeat} repetitions a row ({options.startup_repeat} for start-up, "
        f"{options.peer_repeat} for check-jsonschema, yamllint and the street cdist), "
        f"round-robin within each group; whole run {time.perf_counter() - started:.0f} s"
    )
    for note in corpora.notes:
        print(f"- {note}")
    for group in groups:
        print(f"- {group.title}: {group.corpus}")
    print()
    print("\n".join(table(groups)))
    print()
    print("\n".join(targets(groups)))
    print()
    print("\n".join(["## The labelled sets of dedupe-names", "", *both_reports(0)]))
    return 0
