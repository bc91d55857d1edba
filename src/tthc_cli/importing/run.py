"""`tthc import portal-xlsx` and `portal-json` as one call each: the options checked, the
records read and filtered, and the catalog written (or its diff computed with a dry run)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tthc_cli.importing.portal_json import Filters
from tthc_cli.importing.problems import ImportResult
from tthc_cli.runtime.errors import CatalogLoadError, ConfigError
from tthc_cli.runtime.i18n import _

if TYPE_CHECKING:
    from tthc_cli.importing.output import Written


def check_options(province: str | None, effective: str | None) -> None:
    """Raise ConfigError for a province code that is not 2 digits or a date not YYYY-MM-DD."""
    from tthc_cli.domain.dates import parse_date

    if province is not None and not (province.isdigit() and len(province) == 2):
        raise ConfigError(
            _("--province {value!r}: give the 2-digit province code, e.g. 48").format(
                value=province
            )
        )
    if effective is not None and parse_date(effective) is None:
        raise ConfigError(
            _("--effective {value!r} is not a date written YYYY-MM-DD").format(value=effective)
        )


@dataclass
class CatalogImport:
    """What an import into a procedure catalog reports."""

    result: ImportResult
    output: Path
    dry_run: bool
    written: Written | None = None  # None when nothing could be imported, or on a failure
    failure: str | None = None  # the catalog could not be read or written

    def exit_code(self) -> int:
        """2 when input or output failed, else 0."""
        return 2 if self.failure is not None or self.result.errors else 0


def finish_catalog(
    result: ImportResult, output: Path, header: dict[str, object], comment: str, dry_run: bool
) -> CatalogImport:
    """Write what was imported into `output` (a new catalog, or merged into the one there)."""
    from tthc_cli.importing.output import plan_catalog, write

    run = CatalogImport(result, output, dry_run)
    if not result.items and result.errors:
        return run
    try:
        written = plan_catalog(output, header, result.items, comment)
        if not dry_run:
            write(written)
    except CatalogLoadError as exc:
        run.failure = exc.describe()
    except OSError as exc:
        reason = exc.strerror or exc
        run.failure = _("{path}: cannot write: {reason}").format(path=output, reason=reason)
    else:
        run.written = written
    return run


def import_portal_xlsx(
    files: Sequence[Path],
    output: Path,
    *,
    province: str,
    level: str,
    effective: str | None,
    filters: Filters,
    dry_run: bool,
) -> CatalogImport:
    """Import the portal's list exports into `output`; raises ConfigError for a bad option."""
    from tthc_cli.importing.portal_xlsx import read_xlsx

    check_options(province, effective)
    result = ImportResult()
    read_xlsx(files, filters, result)
    header: dict[str, object] = {"kind": "procedure-catalog", "province": province}
    header["level"] = level
    if effective is not None:
        header["effective"] = effective
    header["source"] = "Cơ sở dữ liệu quốc gia về TTHC (dichvucong.gov.vn), danh sách thủ tục"
    names = ", ".join(path.name for path in files)
    comment = (
        f"Imported by `tthc import portal-xlsx` from {names}.\n"
        "The list states no time limits, fees, online levels or legal bases."
    )
    return finish_catalog(result, output, header, comment, dry_run)


def import_portal_json(
    paths: Sequence[Path],
    output: Path,
    *,
    province: str | None,
    effective: str | None,
    filters: Filters,
    dry_run: bool,
) -> CatalogImport:
    """Import the portal's detail records into `output`; raises ConfigError for a bad option."""
    from tthc_cli.importing.portal_json import import_records, read_records

    check_options(province, effective)
    if province is None and not output.exists():
        raise ConfigError(
            _("{path} does not exist yet: give --province CODE for the new catalog").format(
                path=output
            )
        )
    result = ImportResult()
    import_records(read_records(paths, result), filters, result, effective)
    header: dict[str, object] = {"kind": "procedure-catalog"}
    if province is not None:
        header["province"] = province
    header["level"] = filters.level
    if effective is not None:
        header["effective"] = effective
    header["source"] = "Cơ sở dữ liệu quốc gia về TTHC (dichvucong.gov.vn), thông tin chi tiết"
    comment = (
        "Imported by `tthc import portal-json`. The records carry no online level (toàn trình /\n"
        "một phần): a procedure with an online channel is `online: available`. Location\n"
        "independence is not in the records and is left out."
    )
    return finish_catalog(result, output, header, comment, dry_run)
