"""`python -m benchmarks identity record|check DIR`: the JSON output of every reading command,
byte for byte, before and after a change that must not change it.

`record` writes the corpora of `python -m benchmarks` (the generated catalogs, the national
hamlets, the real street list when the raw data is there, the two diff snapshots) to a
temporary folder, runs validate, diff, dedupe-names, stats and search with `--format json` on
them and on the shipped `catalogs/`, and keeps each output and exit code in DIR. `check` does
the same again with the tthc installed now and compares: one line per output, `same` or
`DIFFERENT` with the first differing line, and exit code 1 when anything differs. Every run
uses relative paths from its corpus folder and no cache, so the outputs hold no temporary path.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.parsers import tthc_command
from benchmarks.suite import REPO, Options, build_corpora


@dataclass(frozen=True)
class Run:
    name: str
    cwd: str  # "corpus" (the generated corpora) or "repo" (the shipped catalogs)
    args: tuple[str, ...]


SEARCHES = ("đăng ký khai sinh", "dang ky ket hon", "KẾT HÔN", "1.001193", "hộ tịch", "đất đai")


def runs(has_streets: bool) -> list[Run]:
    out = [
        Run("validate-corpus", "corpus", ("validate", "catalogs")),
        Run("validate-shipped", "repo", ("validate", "catalogs")),
        Run(
            "validate-findings", "repo", ("validate", "--no-config", "tests/golden/validate/input")
        ),
        Run("diff-10k", "corpus", ("diff", "diff/old", "diff/new")),
        Run(
            "diff-shipped-da-nang",
            "repo",
            ("diff", "catalogs/da-nang/2024", "catalogs/da-nang/2025"),
        ),
        Run("dedupe-hamlets", "corpus", ("dedupe-names", "hamlets")),
        Run("dedupe-shipped", "repo", ("dedupe-names", "catalogs")),
        Run("stats-corpus", "corpus", ("stats", "catalogs")),
        Run("stats-shipped", "repo", ("stats", "catalogs")),
    ]
    if has_streets:
        out.append(Run("dedupe-streets", "corpus", ("dedupe-names", "streets/streets.csv")))
    for number, query in enumerate(SEARCHES):
        out.append(Run(f"search-{number}-corpus", "corpus", ("search", query, "catalogs")))
        out.append(Run(f"search-{number}-shipped", "repo", ("search", query, "catalogs")))
    return out


def _execute(run: Run, corpus: Path) -> tuple[int, str]:
    env = {**os.environ, "TTHC_NO_CACHE": "1", "NO_COLOR": "1", "TTHC_LANG": "en"}
    args = [*tthc_command(), *run.args, "--format", "json"]
    if run.args[0] == "validate":
        args.append("--no-cache")
    done = subprocess.run(
        args,
        cwd=corpus if run.cwd == "corpus" else REPO,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return done.returncode, done.stdout


def _outputs(progress: bool = True) -> dict[str, tuple[int, str]]:
    with tempfile.TemporaryDirectory(prefix="tthc-identity-") as tmp:
        root = Path(tmp)
        corpora = build_corpora(root, Options(), lambda line: print(line, file=sys.stderr))
        results = {}
        for run in runs(corpora.streets is not None):
            if progress:
                print(f"running {run.name} ...", file=sys.stderr)
            results[run.name] = _execute(run, root)
        return results


def record(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    codes = {}
    for name, (code, stdout) in _outputs().items():
        (folder / f"{name}.json").write_text(stdout, encoding="utf-8")
        codes[name] = code
    (folder / "exit-codes.json").write_text(json.dumps(codes, indent=2) + "\n", encoding="utf-8")
    print(f"recorded {len(codes)} outputs in {folder}")
    return 0


def check(folder: Path) -> int:
    codes = json.loads((folder / "exit-codes.json").read_text(encoding="utf-8"))
    different = 0
    print("| output | bytes | exit code | identical |\n|---|---:|---:|---|")
    for name, (code, stdout) in _outputs().items():
        before = (folder / f"{name}.json").read_text(encoding="utf-8")
        same = before == stdout and codes.get(name) == code
        note = "same"
        if not same:
            different += 1
            old, new = before.splitlines(), stdout.splitlines()
            first = next(
                (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), None
            )
            where = min(len(old), len(new)) if first is None else first
            note = f"DIFFERENT (exit {codes.get(name)} → {code}; first at line {where + 1})"
        print(f"| {name} | {len(stdout.encode('utf-8')):,} | {code} | {note} |")
    print(f"\n{len(codes) - different} of {len(codes)} outputs byte-identical")
    return 1 if different else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks identity", description=__doc__)
    parser.add_argument("action", choices=["record", "check"])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    return record(args.folder) if args.action == "record" else check(args.folder)
