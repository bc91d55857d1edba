"""`tthc stats --format csv`: one row per group, UTF-8 with a BOM so Excel reads it right."""

from __future__ import annotations

import csv
from collections.abc import Sequence

from rich.console import Console

from tthc_cli.catalog.sheets import guard
from tthc_cli.index.result import Change, Stats
from tthc_cli.reports.stats.base import COLUMNS, COVERAGE_COLUMNS, cells, coverage_cells


class CsvStatsReporter:
    summary = True

    def render(self, stats: Stats, changes: Sequence[Change] | None, console: Console) -> None:
        writer = csv.writer(console.file, lineterminator="\n")
        console.file.write("\ufeff")
        if changes is None:
            compared = stats.coverage is not None
            writer.writerow(COLUMNS + (COVERAGE_COLUMNS if compared else ()))
            for g in stats.groups:
                row = cells(g.province, g.level, g.effective, g.field, g.figures)
                row += coverage_cells(g.coverage) if compared else []
                writer.writerow([guard(c) for c in row])
            return
        writer.writerow(("side", *COLUMNS))
        for change in changes:
            for side, figures in (("before", change.before), ("after", change.after)):
                if figures is not None:
                    row = cells(change.province, change.level, "", change.field, figures)
                    writer.writerow([side, *(guard(c) for c in row)])
