"""Reporters for `tthc dedupe-names`; `--format` choices come from these registries."""

from __future__ import annotations

from tthc_cli.reports.dedupe.base import DedupeFileWriter, DedupeReporter
from tthc_cli.reports.dedupe.csvout import CsvDedupeReporter
from tthc_cli.reports.dedupe.html import HtmlDedupeReporter
from tthc_cli.reports.dedupe.jsonout import JsonDedupeReporter
from tthc_cli.reports.dedupe.text import TextDedupeReporter
from tthc_cli.reports.dedupe.xlsx import XlsxDedupeReporter

DEDUPE_REPORTERS: dict[str, type[DedupeReporter]] = {
    "text": TextDedupeReporter,
    "json": JsonDedupeReporter,
    "csv": CsvDedupeReporter,
    "html": HtmlDedupeReporter,
}
DEDUPE_WRITERS: dict[str, type[DedupeFileWriter]] = {"xlsx": XlsxDedupeReporter}

__all__ = ["DEDUPE_REPORTERS", "DEDUPE_WRITERS", "DedupeFileWriter", "DedupeReporter"]
