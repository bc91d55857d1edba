"""CSV output of `tthc dedupe-names`: one row per member of every group, for the committee.

The file is UTF-8 with a BOM (so Excel reads the Vietnamese right) and CRLF line ends (RFC 4180).
Columns, in this order (`tthc_cli.names.columns.HEADER`):

    group, verdict, reason, province, commune, commune_name, kind, name, from, file, line,
    suggestion, former_unit, rename_to, decision

`verdict` is `duplicate` or `similar` and `kind` is `hamlet` or `street`, as in the JSON output.
`suggestion` is a name the committee could adopt as it stands, empty where none can be made
(a named street or hamlet); `former_unit` is the former commune, or the commune across a
province, that tells the member apart. The last two columns are left empty for the committee:
`rename_to` the new name (empty with `decision` rename means "take the suggestion"), `decision`
one of `DECISIONS` (rename, keep, merge; empty: no decision yet). `tthc apply-renames` reads
the file back by these header names.

Reading it back: a cell that would start with a formula character (= + - @ tab CR) or a quote
has one quote put before it (`tthc_cli.catalog.sheets.guard`);
`tthc_cli.catalog.sheets.unguard` removes it.
Excel drops leading zeros of codes it takes for numbers (province "01" → 1, commune "00004" →
4) when it saves a CSV; a reader pads them back (2 and 5 digits).
"""

from __future__ import annotations

import csv
from typing import Any

from rich.console import Console

from tthc_cli.catalog.sheets import guard
from tthc_cli.names.columns import HEADER
from tthc_cli.names.result import DedupeResult
from tthc_cli.reports.dedupe.base import member_rows


def row_cells(row: dict[str, Any]) -> list[str]:
    """The CSV cells of one member_rows row, guarded against formula injection."""
    cells = []
    for column in HEADER:
        value = row.get(column)
        cells.append(guard("" if value is None else str(value)))
    return cells


class CsvDedupeReporter:
    def render(self, result: DedupeResult, console: Console) -> None:
        stream = console.file
        stream.write("\ufeff")
        writer = csv.writer(stream)  # lineterminator "\r\n", as RFC 4180 and Excel expect
        writer.writerow(HEADER)
        writer.writerows(row_cells(row) for row in member_rows(result))
        stream.flush()
