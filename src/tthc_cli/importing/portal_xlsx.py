"""The portal's "DANH SÁCH THỦ TỤC HÀNH CHÍNH" export (XLSX) as catalog procedures.

The list has five columns (Mã số, Tên, Cơ quan ban hành, Cơ quan thực hiện, Lĩnh vực) under a
title block; the header row is found by its first cell, not by its position. The list does
not state a level, a time limit, fees, the online level or a legal basis: those are left out
(and counted), never filled in.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tthc_cli.domain.codes import is_procedure_code
from tthc_cli.importing.clean import clean, is_empty
from tthc_cli.importing.portal_json import Filters
from tthc_cli.importing.problems import ImportResult
from tthc_cli.runtime.i18n import _
from tthc_cli.text.normalize import fold_key

COLUMNS = {"ma so": "code", "ten": "name", "co quan thuc hien": "agency", "linh vuc": "field"}
NOT_IN_LIST = ("time_limit", "fees", "online", "location_independent", "legal_basis")
_HEADER_ROWS = 20


def read_xlsx(paths: Iterable[Path], filters: Filters, result: ImportResult) -> None:
    seen: set[str] = set()
    for path in paths:
        rows = _rows(path, result)
        if rows is None:
            continue
        header_at, columns = _header(rows)
        if header_at is None:
            result.errors.append(
                _(
                    "{path}: no header row with Mã số, Tên, Cơ quan thực hiện, Lĩnh vực "
                    "in the first 20 rows"
                ).format(path=path)
            )
            continue
        for offset, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
            values = {key: _cell(row, index) for key, index in columns.items()}
            if not any(values.values()):
                continue
            result.read += 1
            source = f"{path}:{offset}"
            # The list has no level; the level filter cannot apply, the others do.
            agency = "; ".join(
                clean(part) for part in values["agency"].splitlines() if part.strip()
            )
            if not Filters(
                None,
                filters.fields,
                filters.exclude_fields,
                filters.agencies,
                filters.exclude_agencies,
            ).accepts("", values["field"], agency):
                result.filtered += 1
                continue
            procedure = _procedure(values, agency, source, result)
            if procedure is None:
                continue
            if procedure["code"] in seen:
                result.problem(source, procedure["code"], "duplicate-code", procedure["name"])
                continue
            seen.add(procedure["code"])
            result.items.append(procedure)
            for name in NOT_IN_LIST:
                result.missing[name] += 1


def _rows(path: Path, result: ImportResult) -> list[tuple[Any, ...]] | None:
    from tthc_cli.catalog.sheets import sheet_rows
    from tthc_cli.runtime.errors import CatalogLoadError

    if not path.exists():
        result.errors.append(_("{path}: file not found").format(path=path))
        return None
    try:
        # Bounded (size, zip bombs), merged cells filled, any damage a clear error.
        return [tuple(row) for _, row in sheet_rows(path, str(path))]
    except CatalogLoadError as exc:
        result.errors.append(exc.describe())
        return None


def _header(rows: list[tuple[Any, ...]]) -> tuple[int | None, dict[str, int]]:
    for at, row in enumerate(rows[:_HEADER_ROWS]):
        names = [fold_key(str(cell)) if cell is not None else "" for cell in row]
        columns = {COLUMNS[name]: index for index, name in enumerate(names) if name in COLUMNS}
        if len(columns) == len(COLUMNS):
            return at, columns
    return None, {}


def _cell(row: tuple[Any, ...], index: int) -> str:
    value = row[index] if index < len(row) else None
    if value is None:
        return ""
    return str(value).strip()


def _procedure(
    values: dict[str, str], agency: str, source: str, result: ImportResult
) -> dict[str, Any] | None:
    code = values["code"]
    if not is_procedure_code(code):
        result.problem(source, code, "bad-code", code or "(empty)")
        return None
    name, field_name = clean(values["name"]), clean(values["field"])
    if not name or not field_name:
        result.problem(source, code, "no-name-or-field", name or field_name)
        return None
    procedure: dict[str, Any] = {"code": code, "name": name, "field": field_name}
    if agency and not is_empty(agency):
        procedure["agency"] = agency
    else:
        result.missing["agency"] += 1
    return procedure
