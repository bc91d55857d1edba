"""Reporters for `tthc validate`; `--format` choices come from REPORTERS."""

from __future__ import annotations

from tthc_cli.reporters.base import Reporter
from tthc_cli.reporters.github import GithubReporter
from tthc_cli.reporters.jsonout import JsonReporter
from tthc_cli.reporters.sarif import SarifReporter
from tthc_cli.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
}

__all__ = ["REPORTERS", "Reporter"]
