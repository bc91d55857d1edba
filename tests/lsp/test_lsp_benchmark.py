"""`python -m benchmarks lsp` runs end to end on a tiny workspace (the harness cannot rot)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # `benchmarks` sits beside `src`, outside the installed package
    sys.path.insert(0, str(REPO))

from benchmarks import lspbench  # noqa: E402


def test_the_lsp_rows_on_a_tiny_workspace(capsys: pytest.CaptureFixture[str]) -> None:
    assert lspbench.main(["--files", "3", "--procedures", "5", "--changes", "2"]) == 0
    out = capsys.readouterr().out
    assert "| diagnostics after a change that adds or removes a finding, 5-procedure file" in out
    assert "| diagnostics after a change in a clean 5-procedure file (median of 2;" in out
    assert "| server memory, 3-file workspace" in out
