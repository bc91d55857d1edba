"""Reporters for `tthc diff`; `--format` choices come from DIFF_REPORTERS."""

from __future__ import annotations

from tthc_cli.reports.diff.base import DiffFileWriter, DiffReporter
from tthc_cli.reports.diff.csvout import CsvDiffReporter
from tthc_cli.reports.diff.html import HtmlDiffReporter
from tthc_cli.reports.diff.jsonout import JsonDiffReporter
from tthc_cli.reports.diff.markdown import MarkdownDiffReporter
from tthc_cli.reports.diff.text import TextDiffReporter
from tthc_cli.reports.diff.xlsx import XlsxDiffReporter

DIFF_REPORTERS: dict[str, type[DiffReporter]] = {
    "text": TextDiffReporter,
    "json": JsonDiffReporter,
    "markdown": MarkdownDiffReporter,
    "csv": CsvDiffReporter,
    "html": HtmlDiffReporter,
}

# Formats that are files of their own rather than text for a terminal.
DIFF_WRITERS: dict[str, type[DiffFileWriter]] = {"xlsx": XlsxDiffReporter}
BINARY_FORMATS = frozenset(DIFF_WRITERS)

__all__ = ["BINARY_FORMATS", "DIFF_REPORTERS", "DIFF_WRITERS", "DiffFileWriter", "DiffReporter"]
