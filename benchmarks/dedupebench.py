"""Time `tthc dedupe-names` on a national hamlet set and the real national street list.

`python -m benchmarks dedupe [--repeat R] [--hamlets N]` writes two corpora to a temporary
folder and times each, in one run, next to a bare load of the same files:

- **hamlets**: one `units` YAML file per 2025 province, every 2025 commune with its code and name
  (`../shared/data/raw/dvhcvn-20250701/mapping/merges.json`), about 100,000 hamlets. Each commune's
  hamlets come from its former communes, as after the real mergers: every former commune brings a
  numbered series (Thôn 1..N; Tổ dân phố or Khu phố in a ward; Ấp in the south; Bản in the
  north-west) and a few named hamlets, written the way clerks write them (TDP, zero-padded, "số",
  Roman numerals, tone placement, a few NFD and ASCII-only), each with `from:` its former commune.
  Without `../shared` the communes get synthetic names (and a message says so).
- **streets**: the real street list `../shared/data/raw/thien0291-vietnam_dataset` (37,477
  streets per old district of the 63 old provinces) as one CSV with columns province, commune,
  kind, name, from: province is the 2025 province the old one merged into, commune the old
  district (a stand-in: the list has no communes). Checked at province scope. Skipped without
  `../shared`.

Rows: bare load (PyYAML CSafeLoader / csv.reader; the baseline; for YAML also with the garbage
collector off), `read_names` alone, `read_names` + `find_duplicates` in-process, and
`tthc dedupe-names --format json` as a subprocess (stdout to /dev/null). Peak memory is the
tracemalloc peak of one extra untimed run (Python allocations only; `--no-tracemalloc` skips
these slow runs) and, for the subprocess, its maximum resident set size (`getrusage` of
RUSAGE_CHILDREN in a small launcher process). After the table: one in-process run split into
phases, and the five slowest scopes (a commune's hamlets, a province's streets). Compare ratios
within one run: absolute seconds drift on a shared machine.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.labelled import street_name
from benchmarks.measure import run_measured
from benchmarks.national import (
    MERGES,
    SEED,
    Commune,
    Former,
    Province,
    load_provinces,
)
from benchmarks.parsers import machine, tthc_command
from benchmarks.rawdata import RAW
from benchmarks.reallabelled import both_reports
from tthc_cli.names import dedupe as dedupe_module
from tthc_cli.names.dedupe import find_duplicates
from tthc_cli.names.lists import read_names
from tthc_cli.names.result import DedupeResult
from tthc_cli.text.normalize import fold_key

REPO = Path(__file__).resolve().parents[1]
STREETS = RAW / "thien0291-vietnam_dataset" / "data"

HAMLETS = 100_000

# --- hamlet-set generation ---------------------------------------------------------------------

NORTH_WEST = {"11", "12", "14"}  # Điện Biên, Lai Châu, Sơn La: bản
UPLAND = {"04", "08", "15", "19", "20"}  # bản, thôn and xóm side by side
HIGHLANDS = {"52", "66", "68"}  # thôn, buôn, làng, bon
NGHE_TINH = {"40", "42"}  # xóm; khối in wards
KHOM = {"91", "92", "96"}  # khóm in the wards of the Mekong provinces

# Real, very common hamlet names (the same ones recur in thousands of communes).
COMMON = (
    "Tân Lập",
    "Đoàn Kết",
    "Hòa Bình",
    "Quyết Thắng",
    "Thống Nhất",
    "Đồng Tâm",
    "Tiền Phong",
    "Trung Tâm",
    "Tân Sơn",
    "Tân Hòa",
    "Phú Lợi",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Trung",
    "Thượng",
    "Hạ",
    "Mới",
    "Chợ",
    "Đình",
    "Tân Tiến",
    "Tân Thành",
    "Tân Phú",
    "An Phú",
    "Phú Thọ",
    "Hợp Nhất",
    "Thắng Lợi",
    "Quang Trung",
    "Độc Lập",
)
DIRECTIONS = ("Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Trong", "Ngoài")
ROMAN = (
    "",
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
)
# Open oa/oe/uy syllables in first-vowel style and their second-vowel spelling.
_TONE_SWAPS = {
    "òa": "oà",
    "óa": "oá",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
    "ủy": "uỷ",
    "úy": "uý",
    "ùy": "uỳ",
    "ũy": "uỹ",
    "ụy": "uỵ",
    "òe": "oè",
    "óe": "oé",
    "ỏe": "oẻ",
}


def _strip_unit(name: str) -> str:
    for prefix in ("Thị trấn ", "Phường ", "Xã ", "Đặc khu "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _is_urban(former_name: str) -> bool:
    return former_name.startswith(("Phường", "Thị trấn"))


def _type_word(province: str, former: Former, rng: random.Random) -> str:
    """The hamlet type word a former commune uses for its numbered series."""
    south = province >= "70"
    if _is_urban(former.name):
        if province in KHOM and rng.random() < 0.5:
            return "Khóm"
        if south:
            return "Khu phố"
        if province in NGHE_TINH and rng.random() < 0.5:
            return "Khối"
        return "Tổ dân phố"
    if south:
        return "Ấp"
    if province in NORTH_WEST:
        return "Bản"
    if province in UPLAND:
        return rng.choice(("Thôn", "Thôn", "Bản", "Xóm"))
    if province in HIGHLANDS:
        return rng.choice(("Thôn", "Thôn", "Thôn", "Buôn", "Làng"))
    if province in NGHE_TINH:
        return rng.choice(("Xóm", "Xóm", "Thôn"))
    return rng.choice(("Thôn", "Thôn", "Thôn", "Xóm"))


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def _tone_swap(text: str) -> str:
    for old, new in _TONE_SWAPS.items():
        text = text.replace(old, new)
    return text


# How one former commune writes its numbered series: (style, weight).
_STYLES = (
    ("plain", 60),
    ("padded", 8),
    ("so", 6),
    ("roman", 5),
    ("abbrev", 10),
    ("upper", 3),
    ("nfd", 2),
    ("ascii", 3),
    ("suffix", 3),
)
_ABBREV = {"Tổ dân phố": ("TDP", "TDP số", "Tổ"), "Khu phố": ("KP", "KP.", "Kp")}


def numbered(type_word: str, n: int, style: str, rng: random.Random) -> str:
    """Hamlet number n of a series, written in the former commune's style."""
    if style == "padded":
        return f"{type_word} {n:02d}"
    if style == "so":
        return f"{type_word} số {n}"
    if style == "roman" and n < len(ROMAN):
        return f"{type_word} {ROMAN[n]}"
    if style == "abbrev" and type_word in _ABBREV:
        short = rng.choice(_ABBREV[type_word])
        return f"{short}{n}" if short == "KP" and rng.random() < 0.3 else f"{short} {n}"
    if style == "upper":
        return f"{type_word} {n}".upper()
    if style == "nfd":
        return unicodedata.normalize("NFD", f"{type_word} {n}")
    if style == "ascii":
        return _ascii(f"{type_word} {n}")
    if style == "suffix" and n % 4 == 0:
        return f"{type_word} {n - 1}{rng.choice('AB')}"
    return f"{type_word} {n}"


def named(type_word: str, core: str, rng: random.Random) -> str:
    """A named hamlet, sometimes written with the other tone placement, NFD, ASCII only or
    without its type word."""
    name = f"{type_word} {core}"
    roll = rng.random()
    if roll < 0.10:
        return _tone_swap(name)
    if roll < 0.12:
        return unicodedata.normalize("NFD", name)
    if roll < 0.15:
        return _ascii(name)
    if roll < 0.20:
        return core
    return name


def _cores(province: Province) -> list[str]:
    """Name cores from the province's real former communes (`Xã Hòa Khánh` → `Hòa Khánh`)."""
    cores = {_strip_unit(f.name) for c in province.communes for f in c.formers}
    return sorted(c for c in cores if c and not c[0].isdigit())


def hamlets_for(
    province: Province, commune: Commune, per_unit: float, rng: random.Random, cores: list[str]
) -> list[tuple[str, str]]:
    """(name, from) for every hamlet of a commune."""
    out: list[tuple[str, str]] = []
    for former in commune.formers:
        size = per_unit * (0.45 if former.partial else 1.0) * rng.uniform(0.6, 1.4)
        total = max(1, round(size))
        series = max(1, round(total * rng.uniform(0.55, 0.85)))
        type_word = _type_word(province.code, former, rng)
        weights = [w for _, w in _STYLES]
        style = rng.choices([s for s, _ in _STYLES], weights)[0]
        # A partial former commune brings only some of its numbers.
        start = rng.randint(1, max(1, series // 2)) if former.partial else 1
        for n in range(start, start + series):
            # A clerk slips out of the series' style now and then.
            own = style if rng.random() < 0.9 else rng.choices([s for s, _ in _STYLES], weights)[0]
            out.append((numbered(type_word, n, own, rng), former.name))
        for _ in range(total - series):
            if type_word in ("Bản", "Buôn", "Làng") or rng.random() < 0.55:
                core = rng.choice(cores) if cores else rng.choice(COMMON)
            else:
                core = rng.choice(COMMON)
            if rng.random() < 0.15:
                core = f"{core} {rng.choice(DIRECTIONS)}"
            elif rng.random() < 0.08:
                core = f"{core} {rng.randint(1, 3)}"
            word = "Thôn" if type_word in ("Tổ dân phố", "Khu phố", "Khối", "Khóm") else type_word
            if _is_urban(former.name):
                word = type_word
            out.append((named(word, core, rng), former.name))
    return out


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escaping is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def write_hamlets(
    root: Path, provinces: Sequence[Province], hamlets: int = HAMLETS, seed: int = SEED
) -> list[Path]:
    """One units YAML file per province; about `hamlets` hamlets in all. Deterministic."""
    rng = random.Random(seed)
    weight = sum(
        0.45 if f.partial else 1.0 for p in provinces for c in p.communes for f in c.formers
    )
    per_unit = hamlets / weight
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for province in provinces:
        cores = _cores(province)
        lines = [
            "kind: units",
            f"province: {{code: {_q(province.code)}, name: {_q(province.name)}}}",
            "effective: 2025-07-01",
            "communes:",
        ]
        for commune in province.communes:
            lines += [f"  - code: {_q(commune.code)}", f"    name: {_q(commune.name)}"]
            lines.append("    formed_from:")
            for f in commune.formers:
                part = ", part: true" if f.partial else ""
                lines.append(f"      - {{code: {_q(f.code)}, name: {_q(f.name)}{part}}}")
            lines.append("    hamlets:")
            for name, origin in hamlets_for(province, commune, per_unit, rng, cores):
                lines.append(f"      - {{name: {_q(name)}, from: {_q(origin)}}}")
        path = root / f"{province.code}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


# --- street list -------------------------------------------------------------------------------

_OLD_PROVINCE_ALIASES = {"thua thien hue": "hue"}


def _province_key(name: str) -> str:
    key = fold_key(name)
    for prefix in ("tinh ", "thanh pho "):
        if key.startswith(prefix):
            key = key[len(prefix) :]
    return _OLD_PROVINCE_ALIASES.get(key, key)


def write_streets(
    root: Path, streets: Path = STREETS, merges: Path = MERGES, limit: int | None = None
) -> Path | None:
    """The national street list as one CSV (its first `limit` streets when given); None when
    the data is absent."""
    if not streets.is_dir() or not merges.is_file():
        return None
    data = json.loads(merges.read_text(encoding="utf-8"))
    new_code: dict[str, tuple[str, str]] = {}
    for level1 in data["data"]:
        for old in level1["merges"]:
            new_code[_province_key(old["name"])] = (str(level1["level1_id"]), str(old["name"]))
    root.mkdir(parents=True, exist_ok=True)
    path = root / "streets.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["province", "commune", "kind", "name", "from"])
        written = 0
        for source in sorted(streets.glob("*.json")):
            if limit is not None and written >= limit:
                break
            old_province = json.loads(source.read_text(encoding="utf-8"))
            code, old_name = new_code[_province_key(old_province["name"])]
            for district in old_province["district"]:
                commune = f"{district.get('pre', '')} {district['name']}".strip()
                for listed in district.get("street") or []:
                    if listed.strip() and (limit is None or written < limit):
                        writer.writerow([code, commune, "street", street_name(listed), old_name])
                        written += 1
    return path


# --- timing ------------------------------------------------------------------------------------

IN_PROCESS = "read_names + find_duplicates (in-process)"


@dataclass
class Row:
    name: str
    run: Callable[[], object]
    traced: bool = False  # take a tracemalloc peak of one extra run
    samples: list[float] = field(default_factory=list)
    peak: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


@dataclass
class Corpus:
    label: str
    paths: list[Path]
    scope: str
    rows: list[Row] = field(default_factory=list)
    size: int = 0
    result: DedupeResult | None = None
    phases: list[tuple[str, float]] = field(default_factory=list)
    slowest: list[tuple[float, str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def bare_yaml(paths: Sequence[Path]) -> Callable[[], object]:
    def load() -> object:
        # One file at a time, as a script would: the trees are not all kept alive at once.
        count = 0
        for p in paths:
            count += len(yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
        return count

    return load


def bare_yaml_no_gc(paths: Sequence[Path]) -> Callable[[], object]:
    load = bare_yaml(paths)

    def run() -> object:
        gc.disable()
        try:
            return load()
        finally:
            gc.enable()

    return run


def bare_csv(paths: Sequence[Path]) -> Callable[[], object]:
    def load() -> object:
        rows: list[list[str]] = []
        for p in paths:
            with p.open(encoding="utf-8", newline="") as handle:
                rows += csv.reader(handle)
        return rows

    return load


def in_process(paths: Sequence[Path], scope: str) -> DedupeResult:
    return find_duplicates(read_names(list(paths)), street_scope=scope)


def run_cli(paths: Sequence[Path], scope: str, out: Path | None = None) -> tuple[float, float]:
    """Run `tthc dedupe-names --format json` once: (seconds, max RSS in MB) of the command."""
    command = [*tthc_command(), "dedupe-names", *map(str, paths), "--format", "json"]
    command += ["--street-scope", scope]
    return run_measured(command, out=out)


def traced_peak(job: Callable[[], object]) -> float:
    """Peak of Python allocations (MB) while job runs once (tracemalloc slows it 5 to 7 times)."""
    gc.collect()
    tracemalloc.start()
    try:
        job()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


def _scope_label(members: Sequence[Any], scope: str, kind: str) -> str:
    entry = members[0].entry
    if scope == "province":
        return f"{kind}s of province {entry.province}"
    return f"{kind}s of {entry.commune_name or entry.commune} ({entry.province})"


def profile_scopes(corpus: Corpus, count: int = 5) -> None:
    """One in-process run split into phases (read, parse, compare, suggest) and the scopes that
    took longest. Phases come from find_duplicates' progress calls (one after each scope); the
    scopes from timing dedupe's per-scope function (private, so only when it is there)."""
    gc.collect()
    started = time.perf_counter()
    names = read_names(list(corpus.paths))
    read = time.perf_counter()
    stamps: list[float] = []
    collections: list[float] = []
    spans: list[tuple[float, str, int]] = []
    original = getattr(dedupe_module, "scope_groups", None)

    def timed(members: Sequence[Any], scope: str, kind: str, *args: Any, **kwargs: Any) -> Any:
        assert original is not None
        begun = time.perf_counter()
        out = original(members, scope, kind, *args, **kwargs)
        ended = time.perf_counter()
        label = _scope_label(members, scope, kind)
        if any(begun <= moment <= ended for moment in collections):
            label += " (a full garbage collection ran in it)"
        spans.append((ended - begun, label, len(members)))
        return out

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info.get("generation") == 2:
            collections.append(time.perf_counter())

    gc.callbacks.append(on_gc)
    if original is not None:
        # dedupe calls the name it imported from grouping: replace it there.
        setattr(dedupe_module, "scope_groups", timed)  # noqa: B010
    try:
        find_duplicates(
            names,
            street_scope=corpus.scope,
            progress=lambda done, total: stamps.append(time.perf_counter()),
        )
    finally:
        gc.callbacks.remove(on_gc)
        if original is not None:
            setattr(dedupe_module, "scope_groups", original)  # noqa: B010
    ended = time.perf_counter()
    if stamps:
        corpus.phases = [
            ("read_names", read - started),
            ("parse every name + first scope", stamps[0] - read),
            ("compare the other scopes", stamps[-1] - stamps[0]),
            ("rename suggestions + sort", ended - stamps[-1]),
        ]
    corpus.slowest = sorted(spans, reverse=True)[:count]
    if collections:
        corpus.notes.append(
            f"{len(collections)} full (generation 2) garbage collections ran during find_duplicates"
        )


def build_corpus(label: str, paths: list[Path], scope: str, kind: str) -> Corpus:
    corpus = Corpus(label, paths, scope, size=sum(p.stat().st_size for p in paths))
    if kind == "yaml":
        corpus.rows = [
            Row("bare load (PyYAML CSafeLoader)", bare_yaml(paths), traced=True),
            Row("bare load, garbage collector off", bare_yaml_no_gc(paths)),
        ]
    else:
        corpus.rows = [Row("bare load (csv.reader)", bare_csv(paths), traced=True)]
    corpus.rows += [
        Row("read_names (read, parse, schema)", lambda: read_names(list(paths))),
        Row(IN_PROCESS, lambda: in_process(paths, scope), traced=True),
        Row("`tthc dedupe-names --format json` (subprocess)", lambda: run_cli(paths, scope)),
    ]
    return corpus


def measure(corpus: Corpus, repeat: int, traced: bool, progress: Callable[[str], None]) -> None:
    # Warm up: imports, regex compiles, the page cache.
    corpus.rows[0].run()
    in_process(corpus.paths, corpus.scope)
    for rep in range(repeat):  # round-robin, so a neighbour's burst hits every row alike
        for row in corpus.rows:
            gc.collect()
            # What earlier jobs left alive (tthc's caches) must not make this job's garbage
            # collections slower: freeze it, as a fresh process would start without it.
            gc.freeze()
            started = time.perf_counter()
            value = row.run()
            elapsed = time.perf_counter() - started
            gc.unfreeze()
            if isinstance(value, tuple):  # the subprocess row: its own (seconds, max RSS)
                elapsed, rss = value
                previous = float(row.peak.split()[0]) if row.peak else 0.0
                row.peak = f"{max(previous, rss):.0f} max RSS"
            row.samples.append(elapsed)
            progress(f"  {corpus.label} rep {rep + 1}/{repeat} {row.samples[-1]:7.3f} s {row.name}")
    if traced:
        for row in corpus.rows:
            if row.traced:
                progress(f"  {corpus.label}: tracemalloc run of {row.name}")
                row.peak = f"{traced_peak(row.run):.0f} tracemalloc"
    progress(f"  {corpus.label}: profiling scopes")
    profile_scopes(corpus)


def check_cli_agrees(corpus: Corpus, tmp: Path) -> None:
    """One CLI run written to a file and one in-process run: their counts must agree."""
    out = tmp / f"{corpus.label.replace(' ', '-')}.json"
    run_cli(corpus.paths, corpus.scope, out)
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    corpus.result = result = in_process(corpus.paths, corpus.scope)
    mine = {
        "names": result.names,
        "duplicate_groups": result.duplicate_groups,
        "similar_groups": result.similar_groups,
    }
    if result.names_list.errors:
        first = result.names_list.errors[0].describe()
        corpus.notes.append(f"{len(result.names_list.errors)} files were not read, e.g. {first}")
    if all(summary.get(k) == v for k, v in mine.items()):
        corpus.notes.append("the CLI's JSON summary matches the in-process result")
    else:
        corpus.notes.append(f"the CLI's JSON summary {summary} DIFFERS from in-process {mine}")


def report(corpus: Corpus) -> list[str]:
    result = corpus.result
    assert result is not None
    members = Counter(g.verdict for g in result.groups for _ in g.members)
    lines = [
        f"### {corpus.label}",
        "",
        f"{len(corpus.paths)} files, {corpus.size / 1e6:.1f} MB; {result.names:,} names in "
        f"{result.communes:,} communes; street scope {corpus.scope}; groups: "
        f"{result.duplicate_groups:,} duplicate ({members['duplicate']:,} names), "
        f"{result.similar_groups:,} similar ({members['similar']:,} names)",
        "",
        "| job | median s | min s | max s | × bare load | peak MB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    base = corpus.rows[0].median
    for row in corpus.rows:
        lines.append(
            f"| {row.name} | {row.median:.3f} | {min(row.samples):.3f} | {max(row.samples):.3f} "
            f"| {row.median / base:.2f}× | {row.peak} |"
        )
    if corpus.phases:
        lines += [
            "",
            "One in-process run by phase: "
            + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in corpus.phases),
        ]
    lines += ["", "Slowest scopes (same run):", "", "| scope | names | s |", "|---|---:|---:|"]
    lines += [f"| {label} | {n:,} | {s:.3f} |" for s, label, n in corpus.slowest]
    if corpus.notes:
        lines += ["", *(f"- {note}" for note in corpus.notes)]
    return lines


def _source_times() -> dict[str, float]:
    """Modification times of the tthc_cli sources (the in-process rows use the code imported at
    the start, the subprocess rows whatever is on disk when they run)."""
    package = Path(dedupe_module.__file__).parent
    return {str(p.relative_to(package)): p.stat().st_mtime for p in package.rglob("*.py")}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks dedupe",
        description="Time tthc dedupe-names on national hamlets and the national street list.",
    )
    parser.add_argument("--repeat", type=int, default=3, help="repetitions per job (3)")
    parser.add_argument("--hamlets", type=int, default=HAMLETS, help="hamlets to generate")
    parser.add_argument("--only", choices=("hamlets", "streets"), help="run one corpus only")
    parser.add_argument(
        "--no-tracemalloc", action="store_true", help="skip the tracemalloc runs (they are slow)"
    )
    parser.add_argument("--keep", type=Path, help="write the corpora here and keep them")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.hamlets < 1:
        parser.error("--repeat and --hamlets must be at least 1")

    def progress(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    notes: list[str] = []
    corpora: list[Corpus] = []
    sources = _source_times()
    with tempfile.TemporaryDirectory(prefix="tthc-dedupebench-") as tmp:
        root = args.keep or Path(tmp)
        if args.only in (None, "hamlets"):
            provinces, real = load_provinces()
            if not real:
                notes.append(f"{MERGES} not found: synthetic commune names stand in")
            paths = write_hamlets(root / "hamlets", provinces, args.hamlets)
            corpora.append(build_corpus("national hamlets", paths, "province", "yaml"))
        if args.only in (None, "streets"):
            street_csv = write_streets(root / "streets")
            if street_csv is None:
                notes.append(f"{STREETS} not found: the street corpus is skipped")
            else:
                corpora.append(build_corpus("national streets", [street_csv], "province", "csv"))
        for corpus in corpora:
            progress(f"{corpus.label}: {len(corpus.paths)} files, {corpus.size / 1e6:.1f} MB")
            measure(corpus, args.repeat, not args.no_tracemalloc, progress)
            check_cli_agrees(corpus, Path(tmp))
    changed = sorted(p for p, t in _source_times().items() if sources.get(p) != t)
    if changed:
        notes.append(f"tthc source files CHANGED during the run, figures mix versions: {changed}")
    print("\n".join(machine()))
    print(
        f"{args.repeat} repetitions, round-robin over the jobs" + "".join(f"; {n}" for n in notes)
    )
    for corpus in corpora:
        print()
        print("\n".join(report(corpus)))
    print()
    print(
        "\n".join(["## The labelled sets (`python -m benchmarks labelled`)", "", *both_reports(0)])
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
