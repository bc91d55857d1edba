"""CSV output of `tthc diff`: one row per procedure, UTF-8 with a BOM so Excel reads it right."""

from __future__ import annotations

import csv

from rich.console import Console

# The same guard as every CSV tthc writes: a spreadsheet shows the cell as text, never runs it.
from tthc_cli.catalog.sheets import guard
from tthc_cli.diffing.result import DiffEntry, DiffResult
from tthc_cli.reports.diff.base import show_change

HEADER = (
    "status",
    "code",
    "old_code",
    "name",
    "old_name",
    "old_levels",
    "new_levels",
    "match",
    "score",
    "changed_fields",
    "changes",
    "old_location",
    "new_location",
)
SEPARATOR = " | "


def row(entry: DiffEntry) -> list[str]:
    cells = [
        entry.status,
        entry.code,
        entry.old_code or "",
        entry.name,
        entry.old_name or "",
        "+".join(entry.old_levels),
        "+".join(entry.new_levels),
        entry.match or "",
        "" if entry.score is None else f"{entry.score:g}",
        SEPARATOR.join(change.field for change in entry.changes),
        SEPARATOR.join(show_change(change) for change in entry.changes),
        entry.old_where or "",
        entry.new_where or "",
    ]
    return [guard(value) for value in cells]


class CsvDiffReporter:
    def render(self, result: DiffResult, entries: list[DiffEntry], console: Console) -> None:
        stream = console.file
        stream.write("\ufeff")
        writer = csv.writer(stream)  # lineterminator "\r\n", as RFC 4180 and Excel expect
        writer.writerow(HEADER)
        writer.writerows(row(entry) for entry in entries)
        stream.flush()
