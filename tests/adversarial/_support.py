"""What the adversarial tests share: a small good catalog tree, every command run on a hostile
file next to it, and a subprocess runner that bounds and measures the child's time and memory.

Each hostile file is checked the same way through the real commands (validate, fmt, diff,
dedupe-names, apply-renames): no traceback and no internal error, the file named on stderr (or
in a finding), the documented exit code, the hostile file byte for byte as it was, and the good
files next to it still done.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner, Result

from helpers import CATALOG_HEAD, PROCEDURE, REPO
from tthc_cli.cli.app import app

# A procedure catalog with one value `tthc fmt` fixes (the double space).
GOOD_CATALOG = CATALOG_HEAD + PROCEDURE.replace("Đăng ký khai sinh", "Đăng ký  khai sinh")
GOOD_CATALOG_FIXED = GOOD_CATALOG.replace("Đăng ký  khai sinh", "Đăng ký khai sinh")

# A units file with one duplicate hamlet (for dedupe-names) that the report renames.
GOOD_UNITS = """\
kind: units
province: {code: "48", name: Thành phố Đà Nẵng}
effective: 2025-07-01
communes:
  - code: "20194"
    name: Phường Hải Vân
    formed_from: [{code: "20194", name: Phường Hòa Hiệp Bắc}, {code: "20296", name: Xã Hòa Liên}]
    hamlets:
      - {name: Thôn Quang Nam, from: Phường Hòa Hiệp Bắc}
      - {name: Thôn Quang  Nam, from: Xã Hòa Liên}
"""

REPORT = """\
group,province,commune,kind,name,from,decision,rename_to
G1,48,20194,hamlet,Thôn Quang  Nam,Xã Hòa Liên,rename,Thôn Quang Nam Hòa Liên
"""

COMMANDS = ("validate", "fmt", "diff", "dedupe-names", "apply-renames", "stats", "search")

runner = CliRunner()


@dataclass
class Tree:
    """The good files a hostile file sits beside."""

    root: Path
    catalog: Path
    units: Path
    report: Path


def make_tree(root: Path) -> Tree:
    good = root / "good"
    good.mkdir(parents=True, exist_ok=True)
    catalog = good / "xa.yaml"
    catalog.write_text(GOOD_CATALOG, encoding="utf-8")
    units = good / "units.yaml"
    units.write_text(GOOD_UNITS, encoding="utf-8")
    report = root / "report.csv"
    report.write_text(REPORT, encoding="utf-8")
    return Tree(root, catalog, units, report)


def invoke(args: Sequence[str | Path]) -> Result:
    """Run `tthc` in-process (the tests chdir into their tmp_path first)."""
    return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=True)


def command_args(command: str, bad: Path, tree: Tree) -> list[str | Path]:
    """The command run over a hostile file and a good file of the kind it needs."""
    if command == "validate":
        return ["validate", "--no-config", bad, tree.catalog]
    if command == "fmt":
        return ["fmt", "--no-config", bad, tree.catalog]
    if command == "diff":
        return ["diff", bad, tree.catalog]
    if command == "dedupe-names":
        return ["dedupe-names", bad, tree.units]
    if command == "apply-renames":
        return ["apply-renames", tree.report, bad, tree.units, "--dry-run", "--date", "2026-01-01"]
    if command == "stats":
        return ["stats", bad, tree.catalog]
    if command == "search":
        return ["search", "khai sinh", bad, tree.catalog]
    raise AssertionError(command)


def assert_handled(result: Result, *, codes: Sequence[int] = (2,)) -> None:
    """The run ended through the CLI's own exit, with no traceback and no internal error."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "internal error" not in output
    assert result.exit_code in codes, (result.exit_code, output)


def assert_others_done(command: str, result: Result, tree: Tree) -> None:
    """The good files beside the hostile one were still read, checked or written."""
    if command == "validate":
        summary = json.loads(result.stdout)["summary"]
        assert summary["procedures"] == 1, summary
    elif command == "fmt":
        assert tree.catalog.read_text(encoding="utf-8") == GOOD_CATALOG_FIXED
        tree.catalog.write_text(GOOD_CATALOG, encoding="utf-8")
    elif command == "diff":
        assert "1.001193" in result.stdout
    elif command == "dedupe-names":
        assert "Thôn Quang" in result.stdout
    elif command == "apply-renames":
        assert "+      - {name: Thôn Quang Nam Hòa Liên" in result.stdout
    elif command == "stats":
        assert "1 procedures in 1 files" in result.stdout, result.stdout
    elif command == "search":
        assert "1.001193" in result.stdout, result.stdout


def fingerprint(path: Path) -> object:
    """The bytes of a file, or for a huge one its size, inode and modification time."""
    if not path.is_file():
        return None
    info = path.stat()
    if info.st_size > 16 * 1024 * 1024:
        return (info.st_size, info.st_ino, info.st_mtime_ns)
    with open(path, "rb") as handle:  # not Path.open, which tests may patch
        return handle.read()


def located(result: Result, command: str, name: str, line: int | None, column: int | None) -> bool:
    """Whether the run named the file (and line and column) in an error line or a finding."""
    where = name + "".join(f":{n}" for n in (line, column) if n is not None)
    if where in result.stderr:
        return True
    if command != "validate":
        return False
    findings = json.loads(result.stdout)["findings"]
    return any(
        f["file"].endswith(name)
        and (line is None or f["line"] == line)
        and (column is None or f["column"] == column)
        for f in findings
    )


def check_every_command(
    bad: Path,
    tree: Tree,
    *,
    line: int | None = None,
    column: int | None = None,
    validate_codes: Sequence[int] = (1, 2),
    commands: Sequence[str] = COMMANDS,
) -> dict[str, Result]:
    """Run each command over the hostile file and a good one; return the results by command.

    Each run must name the hostile file (at ``line`` and ``column`` when given) and exit
    with its documented code; the hostile file stays byte for byte as it was.
    """
    before = fingerprint(bad)
    results = {}
    for command in commands:
        args = command_args(command, bad, tree)
        if command == "validate":
            args += ["--format", "json"]
        result = invoke(args)
        assert_handled(result, codes=validate_codes if command == "validate" else (2,))
        assert located(result, command, bad.name, line, column), (command, result.stderr)
        assert_others_done(command, result, tree)
        assert fingerprint(bad) == before, f"{command} changed the hostile file"
        results[command] = result
    return results


# ----------------------------------------------------------------- subprocesses


@dataclass
class Measured:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mib: float


def run_tthc(
    args: Sequence[str | Path],
    cwd: Path,
    *,
    timeout: float = 60,
    memory_limit_mib: int | None = 2048,
) -> Measured:
    """Run the real `tthc` in a child process; return its exit code, output, time and peak RSS.

    The timeout is a hang guard only (the child is killed, and the test sees -9). The memory
    limit (RLIMIT_AS) makes a runaway allocation fail in the child instead of swapping the
    machine. The peak resident size is the child's own VmHWM, written as it exits: wait4's
    ru_maxrss would count the pages of the test process it was forked from.
    """

    def limit() -> None:  # pragma: no cover - runs in the child
        if memory_limit_mib is not None:
            size = memory_limit_mib * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (size, size))

    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1"}
    env.pop("TTHC_DEBUG", None)
    command = [sys.executable, "-c", _MEASURED_MAIN, *(str(a) for a in args)]
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile("r", suffix=".hwm") as hwm,
    ):
        env["TTHC_TEST_HWM"] = hwm.name
        started = time.monotonic()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=out, stderr=err, preexec_fn=limit
        )
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        peak_kib = hwm.read().strip()
        return Measured(
            process.returncode,
            out.read().decode("utf-8", errors="replace"),
            err.read().decode("utf-8", errors="replace"),
            seconds,
            # A child killed by the hang guard wrote nothing: wait4's figure, an upper bound.
            int(peak_kib) / 1024 if peak_kib else usage.ru_maxrss / 1024,
        )


# `python -m tthc_cli`, recording the process's peak resident size (kB) when it exits.
_MEASURED_MAIN = """
import atexit, os, runpy, sys

def _peak():
    with open("/proc/self/status") as status, open(os.environ["TTHC_TEST_HWM"], "w") as out:
        out.write(next(line for line in status if line.startswith("VmHWM")).split()[1])

atexit.register(_peak)
sys.argv[0] = "tthc"
runpy.run_module("tthc_cli", run_name="__main__", alter_sys=True)
"""
