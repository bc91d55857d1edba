"""Reporters for `tthc stats`; `--format` choices come from STATS_REPORTERS."""

from __future__ import annotations

from tthc_cli.reports.stats.base import StatsReporter
from tthc_cli.reports.stats.csvout import CsvStatsReporter
from tthc_cli.reports.stats.html import HtmlStatsReporter
from tthc_cli.reports.stats.jsonout import JsonStatsReporter
from tthc_cli.reports.stats.markdown import MarkdownStatsReporter
from tthc_cli.reports.stats.text import TextStatsReporter

STATS_REPORTERS: dict[str, type[StatsReporter]] = {
    "text": TextStatsReporter,
    "json": JsonStatsReporter,
    "csv": CsvStatsReporter,
    "markdown": MarkdownStatsReporter,
    "html": HtmlStatsReporter,
}

__all__ = ["STATS_REPORTERS", "StatsReporter"]
