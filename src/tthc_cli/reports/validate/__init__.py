"""Reporters for `tthc validate`; `--format` choices come from REPORTERS."""

from __future__ import annotations

from tthc_cli.reports.validate.base import Reporter
from tthc_cli.reports.validate.github import GithubReporter
from tthc_cli.reports.validate.html import HtmlReporter
from tthc_cli.reports.validate.jsonout import JsonReporter
from tthc_cli.reports.validate.sarif import SarifReporter
from tthc_cli.reports.validate.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
    "html": HtmlReporter,
}

__all__ = ["REPORTERS", "Reporter"]
