"""Reporters for `tthc stats`; `--format` choices come from STATS_REPORTERS."""

from __future__ import annotations

from tthc_cli.statsreport.base import StatsReporter
from tthc_cli.statsreport.csvout import CsvStatsReporter
from tthc_cli.statsreport.jsonout import JsonStatsReporter
from tthc_cli.statsreport.markdown import MarkdownStatsReporter
from tthc_cli.statsreport.text import TextStatsReporter

STATS_REPORTERS: dict[str, type[StatsReporter]] = {
    "text": TextStatsReporter,
    "json": JsonStatsReporter,
    "csv": CsvStatsReporter,
    "markdown": MarkdownStatsReporter,
}

__all__ = ["STATS_REPORTERS", "StatsReporter"]
