"""`tthc import portal-xlsx | portal-json | units`: catalogs from what the national portal and
the statistics office publish."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from tthc_cli.cli.common import reported_errors, run_settings, stderr, summary_console
from tthc_cli.cli.lang import TthcCommand, TthcGroup
from tthc_cli.runtime.i18n import N_

HELP = N_(
    "Make catalogs from what the national portal and the statistics office publish: "
    "the portal's procedure list (XLSX), its detail records (JSON), and unit lists."
)
XLSX_HELP = N_(
    """Import the portal's "DANH SÁCH THỦ TỤC HÀNH CHÍNH" export into a procedure catalog.

The list has code, name, agency and field; the time limit, fees, online level and legal
basis are not in it, so they are left out and counted, never filled in. An existing
catalog is merged into without changing what it already says. Exit code 0, 2 when a file
cannot be read or written.

[bold]Examples[/]

  tthc import portal-xlsx danh-sach-tthc-BoTuPhap.xlsx --province 48 --level xa
      --agency "cấp xã" --effective 2025-07-01 -o tu-phap.yaml
  tthc import portal-xlsx *.xlsx --province 48 --agency "cấp xã" -o xa.yaml --dry-run
"""
)
JSON_HELP = N_(
    """Import the portal's procedure detail records into a procedure catalog.

Reads the time limit and fee of each submission channel (Trực tiếp, Trực tuyến, Dịch vụ
bưu chính) from the "Cách thức thực hiện" table, the legal basis as document numbers, and
normalizes the text (NFC, tone placement); text in a legacy encoding is flagged. A record
with a "Trực tuyến" channel gets `online: available` (the records publish no level). A fee
cell "Miễn phí" whose description leaves the amount to the provincial People's Council is a
fee without an amount, the description as its note. With --effective, legal-basis documents
issued after that date are left out and reported. Values that cannot be read are reported
record by record and left out. An existing catalog only
gains procedures and fields it lacks: what it says is never overwritten. Exit code 0, 2
when a file cannot be read or written.

[bold]Examples[/]

  tthc import portal-json cap-xa-json/ --province 48 --effective 2025-07-01 -o xa.yaml
  tthc import portal-json cap-xa-json/ -o catalogs/da-nang/2025/xa.yaml --dry-run
  tthc import portal-json cap-xa-json/ --exclude-field "hải quan" --exclude-field thuế
      --province 48 --effective 2025-07-01 -o xa.yaml
"""
)
UNITS_HELP = N_(
    """Write a units file per province from a unit list and an old -> new commune mapping.

Each new commune gets `formed_from`: the former communes (named as in the unit list)
merged into it, wholly or in part. Former codes the list does not know, and names that
differ, are reported. Existing files are left alone unless --overwrite. Exit code 0, 2
when a file cannot be read or written.

[bold]Examples[/]

  tthc import units gso-ward.csv --mapping merges.json -o catalogs
  tthc import units ward.csv --mapping doi-chieu.csv --province 48 -o catalogs --dry-run
"""
)


class ImportLevel(enum.StrEnum):
    tinh = "tinh"
    huyen = "huyen"
    xa = "xa"


class ReportFormat(enum.StrEnum):
    text = "text"
    json = "json"


# The options both portal importers take.
Output = Annotated[
    Path, typer.Option("--output", "-o", help=N_("The catalog to write or merge into."))
]
FieldFilter = Annotated[
    list[str] | None,
    typer.Option(
        help=N_("Only procedures whose field contains these words (diacritics optional).")
    ),
]
ExcludeField = Annotated[
    list[str] | None,
    typer.Option(help=N_("Leave out procedures whose field contains these words.")),
]
AgencyFilter = Annotated[
    list[str] | None,
    typer.Option(help=N_("Only procedures whose agency contains these words, e.g. 'cấp xã'.")),
]
ExcludeAgency = Annotated[
    list[str] | None,
    typer.Option(help=N_("Leave out procedures whose agency contains these words.")),
]
DryRun = Annotated[
    bool, typer.Option("--dry-run", help=N_("Show the change as a diff; write nothing."))
]
Report = Annotated[
    ReportFormat, typer.Option("--format", "-f", help=N_("Format of the import report."))
]
Effective = Annotated[
    str | None, typer.Option(help=N_("Date the catalog takes effect (for a new file)."))
]


def import_portal_xlsx(
    ctx: typer.Context,
    files: Annotated[
        list[Path], typer.Argument(help=N_("The portal's list exports (.xlsx)."), readable=False)
    ],
    output: Output,
    province: Annotated[
        str, typer.Option(help=N_("2-digit province code of the catalog, e.g. 48."))
    ],
    level: Annotated[
        ImportLevel, typer.Option(help=N_("Level of the catalog (the list does not say)."))
    ] = ImportLevel.xa,
    effective: Effective = None,
    field: FieldFilter = None,
    exclude_field: ExcludeField = None,
    agency: AgencyFilter = None,
    exclude_agency: ExcludeAgency = None,
    dry_run: DryRun = False,
    report_format: Report = ReportFormat.text,
) -> None:
    from tthc_cli.importing.portal_json import Filters
    from tthc_cli.importing.run import import_portal_xlsx as run_import
    from tthc_cli.reports.imports import CatalogImportReporter

    filters = Filters(None, field or [], exclude_field or [], agency or [], exclude_agency or [])
    with reported_errors():
        run = run_import(
            files,
            output,
            province=province,
            level=level.value,
            effective=effective,
            filters=filters,
            dry_run=dry_run,
        )
    summary = summary_console(run_settings(ctx))
    CatalogImportReporter(report_format.value).render(run, stderr(), summary, sys.stdout)
    raise typer.Exit(run.exit_code())


def import_portal_json(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(help=N_("Detail records (.json) or folders of them."), readable=False),
    ],
    output: Output,
    province: Annotated[
        str | None, typer.Option(help=N_("2-digit province code (needed for a new catalog)."))
    ] = None,
    level: Annotated[
        ImportLevel,
        typer.Option(help=N_("Take the records the portal lists at this level, e.g. xa.")),
    ] = ImportLevel.xa,
    effective: Effective = None,
    field: FieldFilter = None,
    exclude_field: ExcludeField = None,
    agency: AgencyFilter = None,
    exclude_agency: ExcludeAgency = None,
    dry_run: DryRun = False,
    report_format: Report = ReportFormat.text,
) -> None:
    from tthc_cli.importing.portal_json import Filters
    from tthc_cli.importing.run import import_portal_json as run_import
    from tthc_cli.reports.imports import CatalogImportReporter

    filters = Filters(
        level.value, field or [], exclude_field or [], agency or [], exclude_agency or []
    )
    with reported_errors():
        run = run_import(
            paths, output, province=province, effective=effective, filters=filters, dry_run=dry_run
        )
    summary = summary_console(run_settings(ctx))
    CatalogImportReporter(report_format.value).render(run, stderr(), summary, sys.stdout)
    raise typer.Exit(run.exit_code())


def import_units(
    ctx: typer.Context,
    unit_lists: Annotated[
        list[Path],
        typer.Argument(
            help=N_("The statistics office's unit list (CSV: Mã, Tên, Cấp, …)."), readable=False
        ),
    ],
    mapping: Annotated[
        Path,
        typer.Option(help=N_("Old -> new communes: dvhcvn merges.json, or a CSV."), readable=False),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help=N_("Folder for the units files, one per province.")),
    ],
    province: Annotated[
        list[str] | None, typer.Option(help=N_("Only these province codes. Repeatable."))
    ] = None,
    effective: Annotated[str, typer.Option(help=N_("Date of the arrangement."))] = "2025-07-01",
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help=N_("Replace units files that exist."))
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=N_("Report what would be written; write nothing."))
    ] = False,
    report_format: Report = ReportFormat.text,
) -> None:
    from tthc_cli.importing.write_units import import_units_files
    from tthc_cli.reports.imports import UnitsImportReporter

    with reported_errors():
        run = import_units_files(
            unit_lists,
            mapping,
            output,
            provinces=province or [],
            effective=effective,
            overwrite=overwrite,
            dry_run=dry_run,
        )
    summary = summary_console(run_settings(ctx))
    UnitsImportReporter(report_format.value).render(run, stderr(), summary, sys.stdout)
    raise typer.Exit(run.exit_code())


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        name="import", cls=TthcGroup, help=HELP, rich_markup_mode="rich", no_args_is_help=True
    )
    group.command("portal-xlsx", help=XLSX_HELP, cls=TthcCommand)(import_portal_xlsx)
    group.command("portal-json", help=JSON_HELP, cls=TthcCommand)(import_portal_json)
    group.command("units", help=UNITS_HELP, cls=TthcCommand)(import_units)
    app.add_typer(group, name="import")
