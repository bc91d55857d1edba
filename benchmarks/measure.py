"""Run a command once and measure it: wall seconds and the maximum resident set size."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# Runs the command given after the result file, then writes "seconds max_rss_kb" to that file. A
# child's max RSS counts the memory of the process it was forked from, so this small launcher,
# not the benchmark process (hundreds of MB by then), is the one that forks the command.
_LAUNCHER = """
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.call(sys.argv[2:])
elapsed = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as out:
    out.write(f"{elapsed} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
sys.exit(code)
"""


class CommandFailed(RuntimeError):
    """The command exited with a code that means it did not do its job."""


@dataclass(frozen=True)
class Usage:
    seconds: float  # wall-clock
    cpu: float  # user + system seconds of the command and its children
    peak_mb: float  # maximum resident set size


def run_measured(
    command: Sequence[str], *, out: Path | None = None, ok: Sequence[int] = (0, 1)
) -> tuple[float, float]:
    """(seconds, max RSS in MB) of one run of command; stdout goes to out (else nowhere)."""
    usage = run_usage(command, out=out, ok=ok)
    return usage.seconds, usage.peak_mb


def run_usage(
    command: Sequence[str], *, out: Path | None = None, ok: Sequence[int] = (0, 1)
) -> Usage:
    """Wall and CPU seconds and peak memory of one run of command; stdout goes to out."""
    with tempfile.TemporaryDirectory(prefix="tthc-rss-") as tmp:
        measured = Path(tmp) / "usage"
        with open(out or os.devnull, "wb") as target:
            process = subprocess.run(
                [sys.executable, "-c", _LAUNCHER, str(measured), *command],
                stdout=target,
                stderr=subprocess.PIPE,
                check=False,
            )
        if process.returncode not in ok:
            error = process.stderr.decode("utf-8", "replace").strip().splitlines()
            raise CommandFailed(
                f"{' '.join(command[:3])} ... exited {process.returncode}"
                + (f": {error[-1]}" if error else "")
            )
        seconds, peak_kb, cpu = measured.read_text().split()
    # ru_maxrss is in kilobytes on Linux
    return Usage(float(seconds), float(cpu), float(peak_kb) / 1024)
