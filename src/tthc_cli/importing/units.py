"""Units files from the statistics office's commune list and an old -> new commune mapping.

The unit list (columns Mã, Tên, Cấp, Mã QH, Quận Huyện, Mã TP, Tỉnh / Thành Phố) names the
communes as they were before 1 July 2025; the mapping says which new commune each was merged
into, wholly or in part. Two mapping shapes are read: dvhcvn's merges.json (new -> old) and a
CSV with the columns province_code, province_name, code, name, old_code[, old_name, part].
Each `formed_from` entry takes its name from the unit list when the code is there; codes the
list does not know, and names that disagree, are reported.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc_cli.catalog.reading import decode
from tthc_cli.catalog.sheets import csv_reader, pad_code
from tthc_cli.importing.catalog_yaml import scalar
from tthc_cli.importing.clean import clean
from tthc_cli.importing.problems import ImportResult
from tthc_cli.runtime.i18n import _
from tthc_cli.text.normalize import fold_key, match_key

UNIT_COLUMNS = {"ma": "code", "ten": "name", "cap": "kind", "ma tp": "province_code"}
_TRUE = frozenset({"1", "true", "yes", "x", "partial", "mot phan", "một phần"})


@dataclass
class NewCommune:
    code: str
    name: str
    formed_from: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class NewProvince:
    code: str
    name: str
    communes: dict[str, NewCommune] = field(default_factory=dict)


def _read(path: Path, result: ImportResult) -> str | None:
    try:
        return decode(path.read_bytes(), path)
    except OSError as exc:
        result.errors.append(
            _("{path}: cannot read: {reason}").format(path=path, reason=exc.strerror or exc)
        )
    except Exception as exc:  # CatalogLoadError from decode: wrong encoding, binary
        result.errors.append(str(exc))
    return None


def read_unit_list(path: Path, result: ImportResult) -> dict[str, str]:
    """Old commune code -> name from the statistics office's CSV."""
    text = _read(path, result)
    if text is None:
        return {}
    rows = list(csv_reader(text.lstrip("\ufeff")))
    if not rows:
        result.errors.append(_("{path}: empty file").format(path=path))
        return {}
    header = [fold_key(cell) for cell in rows[0]]
    columns = {UNIT_COLUMNS[name]: i for i, name in enumerate(header) if name in UNIT_COLUMNS}
    if "code" not in columns or "name" not in columns:
        result.errors.append(
            _("{path}:1: no Mã and Tên columns (found {columns})").format(
                path=path, columns=", ".join(rows[0])
            )
        )
        return {}
    names: dict[str, str] = {}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) <= max(columns["code"], columns["name"]):
            continue
        code, name = pad_code(row[columns["code"]].strip(), 5), clean(row[columns["name"]])
        if not code.isdigit() or len(code) != 5 or not name:
            result.problem(f"{path}:{line}", code, "bad-unit-row", ",".join(row)[:80])
            continue
        names[code] = name
    return names


def read_mapping(path: Path, result: ImportResult) -> dict[str, NewProvince]:
    text = _read(path, result)
    if text is None:
        return {}
    if path.suffix.lower() == ".json":
        try:
            return _from_merges(json.loads(text), path, result)
        except (ValueError, RecursionError) as exc:  # RecursionError: nested too deep
            result.errors.append(
                _("{path}: not valid JSON: {reason}").format(
                    path=path, reason=str(exc).splitlines()[0]
                )
            )
            return {}
    return _from_csv(text, path, result)


def _from_merges(data: Any, path: Path, result: ImportResult) -> dict[str, NewProvince]:
    provinces: dict[str, NewProvince] = {}
    entries = data.get("data") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        result.errors.append(
            _("{path}: no `data` list of provinces (dvhcvn merges.json shape)").format(path=path)
        )
        return {}
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        code = pad_code(str(entry.get("level1_id", "")), 2)
        province = provinces.setdefault(code, NewProvince(code, clean(entry.get("name"))))
        for unit in entry.get("level2s") or []:
            new_code = pad_code(str(unit.get("level2_id", "")), 5)
            commune = province.communes.setdefault(
                new_code, NewCommune(new_code, clean(unit.get("name")))
            )
            for old in unit.get("merges") or []:
                commune.formed_from.append(
                    {
                        "code": pad_code(str(old.get("old_id", "")), 5),
                        "name": clean(old.get("name")),
                        "part": old.get("type") == "partial",
                    }
                )
    return provinces


def _from_csv(text: str, path: Path, result: ImportResult) -> dict[str, NewProvince]:
    rows = list(csv_reader(text.lstrip("\ufeff")))
    if not rows:
        result.errors.append(_("{path}: empty file").format(path=path))
        return {}
    header = [cell.strip().lower() for cell in rows[0]]
    need = ("province_code", "province_name", "code", "name", "old_code")
    if any(name not in header for name in need):
        result.errors.append(
            _("{path}:1: the mapping needs the columns {columns}").format(
                path=path, columns=", ".join(need)
            )
        )
        return {}
    at = {name: header.index(name) for name in header}
    provinces: dict[str, NewProvince] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def get(name: str, row: list[str] = row) -> str:
            index = at.get(name)
            return row[index].strip() if index is not None and index < len(row) else ""

        province_code, code = pad_code(get("province_code"), 2), pad_code(get("code"), 5)
        old_code = pad_code(get("old_code"), 5)
        if not (code.isdigit() and len(code) == 5 and old_code.isdigit() and len(old_code) == 5):
            result.problem(f"{path}:{line}", code, "bad-mapping-row", ",".join(row)[:80])
            continue
        province = provinces.setdefault(
            province_code, NewProvince(province_code, clean(get("province_name")))
        )
        commune = province.communes.setdefault(code, NewCommune(code, clean(get("name"))))
        commune.formed_from.append(
            {"code": old_code, "name": clean(get("old_name")), "part": get("part").lower() in _TRUE}
        )
    return provinces


def resolve(
    provinces: dict[str, NewProvince], unit_names: dict[str, str], result: ImportResult
) -> None:
    """Names from the unit list; unknown codes and disagreeing names reported."""
    for province in provinces.values():
        for commune in province.communes.values():
            result.read += 1
            for old in commune.formed_from:
                listed = unit_names.get(old["code"])
                where = f"{province.code}/{commune.code}"
                if listed is None:
                    if unit_names:
                        result.problem(where, old["code"], "old-code-not-in-unit-list", old["name"])
                    if not old["name"]:
                        old["name"] = old["code"]
                    continue
                if old["name"] and match_key(old["name"]) != match_key(listed):
                    result.problem(
                        where, old["code"], "old-name-differs", f"{old['name']} / list: {listed}"
                    )
                old["name"] = listed


def slug(name: str) -> str:
    key = fold_key(name)
    for prefix in ("thanh pho ", "tinh "):
        key = key.removeprefix(prefix)
    return key.replace(" ", "-")


def units_yaml(province: NewProvince, effective: str, source: str) -> str:
    province_name = scalar(province.name, flow=True)
    out = [
        "# Imported by `tthc import units`; names of former communes from the unit list.\n",
        "kind: units\n",
        f"province: {{code: {json.dumps(province.code)}, name: {province_name}}}\n",
        f"effective: {effective}\n",
        f"source: {scalar(source)}\n",
        "communes:\n" if province.communes else "communes: []\n",
    ]
    for commune in sorted(province.communes.values(), key=lambda c: c.code):
        out.append(f"  - code: {json.dumps(commune.code)}\n")
        out.append(f"    name: {scalar(commune.name)}\n")
        if commune.formed_from:
            out.append("    formed_from:\n")
            for old in commune.formed_from:
                part = ", part: true" if old["part"] else ""
                name = scalar(old["name"], flow=True)
                out.append(f"      - {{code: {json.dumps(old['code'])}, name: {name}{part}}}\n")
    return "".join(out)


def import_units(
    unit_lists: Iterable[Path], mapping: Path, result: ImportResult
) -> dict[str, NewProvince]:
    names: dict[str, str] = {}
    for path in unit_lists:
        names.update(read_unit_list(path, result))
    provinces = read_mapping(mapping, result)
    resolve(provinces, names, result)
    return provinces
