"""Reporters for `tthc dedupe-names`; `--format` choices come from these registries."""

from __future__ import annotations

from tthc_cli.dedupereport.base import DedupeFileWriter, DedupeReporter
from tthc_cli.dedupereport.csvout import CsvDedupeReporter
from tthc_cli.dedupereport.jsonout import JsonDedupeReporter
from tthc_cli.dedupereport.text import TextDedupeReporter
from tthc_cli.dedupereport.xlsx import XlsxDedupeReporter

DEDUPE_REPORTERS: dict[str, type[DedupeReporter]] = {
    "text": TextDedupeReporter,
    "json": JsonDedupeReporter,
    "csv": CsvDedupeReporter,
}
DEDUPE_WRITERS: dict[str, type[DedupeFileWriter]] = {"xlsx": XlsxDedupeReporter}

__all__ = ["DEDUPE_REPORTERS", "DEDUPE_WRITERS", "DedupeFileWriter", "DedupeReporter"]
