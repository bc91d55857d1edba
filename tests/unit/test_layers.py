"""Reporters import results, never engines: rendering a result loads no parser, matcher, cache,
rule or process pool."""

from __future__ import annotations

import subprocess
import sys

ENGINES = (
    "tthc_cli.validation.engine",
    "tthc_cli.validation.checking",
    "tthc_cli.validation.files",
    "tthc_cli.validation.cache",
    "tthc_cli.validation.rules",
    "tthc_cli.diffing.compare",
    "tthc_cli.diffing.sides",
    "tthc_cli.diffing.matching",
    "tthc_cli.names.dedupe",
    "tthc_cli.names.blocking",
    "tthc_cli.names.grouping",
    "tthc_cli.names.parallel",
    "tthc_cli.names.lists",
    "tthc_cli.names.placenames",
    "tthc_cli.index.procindex",
    "tthc_cli.index.stats",
    "tthc_cli.index.search",
    "tthc_cli.catalog.loading",
    "tthc_cli.catalog.yamltree",
    "tthc_cli.runtime.perf",
    "multiprocessing",
    "concurrent.futures",
)

PROGRAM = """
import importlib, pkgutil, sys
import tthc_cli.reports as reports
for module in pkgutil.walk_packages(reports.__path__, "tthc_cli.reports."):
    importlib.import_module(module.name)
print("\\n".join(sorted(sys.modules)))
"""


def test_reporters_load_no_engine() -> None:
    # A fresh interpreter: this one has imported the engines for other tests.
    loaded = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True
    ).stdout.split()
    assert [name for name in ENGINES if name in loaded] == []
    assert "tthc_cli.validation.results" in loaded  # the walk did import the reporters
