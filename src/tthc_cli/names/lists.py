"""Read hamlet and street names from units YAML files and from CSV/XLSX lists."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from tthc_cli.catalog.cache import MISS, Store, cache_folder
from tthc_cli.catalog.discovery import CATALOG_SUFFIXES, discover
from tthc_cli.catalog.loading import iter_items
from tthc_cli.catalog.reading import display_path, read_bytes
from tthc_cli.catalog.sheets import csv_reader, pad_code
from tthc_cli.catalog.unitsfast import FastUnits, read_units_fast
from tthc_cli.domain.codes import COMMUNE_CODE
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _
from tthc_cli.runtime.perf import collector_paused
from tthc_cli.text.keys import fold_key
from tthc_cli.text.units import is_ward

LIST_SUFFIXES = (".csv", ".xlsx")
_FORMAT = 1  # what the cache keeps of a units file: (its communes, one row per name)
KINDS = ("hamlet", "street")
COLUMNS = ("province", "commune", "kind", "name", "from")
# Header spellings people use for the DESIGN.md columns (compared after fold_key).
_HEADER_ALIASES = {
    "province": "province",
    "tinh": "province",
    "tinh thanh pho": "province",
    "commune": "commune",
    "xa": "commune",
    "xa phuong": "commune",
    "kind": "kind",
    "loai": "kind",
    "name": "name",
    "ten": "name",
    "ten thon": "name",
    "ten duong": "name",
    "ten thon to dan pho": "name",
    "ten duong pho": "name",
    "from": "from",
    "tu": "from",
    "xa cu": "from",
    "thuoc xa cu": "from",
}
_KIND_ALIASES = {
    "hamlet": "hamlet",
    "thon": "hamlet",
    "thon to dan pho": "hamlet",
    "street": "street",
    "duong": "street",
    "duong pho": "street",
}


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One hamlet or street, with its commune and where it was read."""

    province: str
    commune: str
    commune_name: str
    kind: str
    name: str
    origin: str | None
    file: str
    line: int

    @property
    def ward(self) -> bool:
        """A phường: there a bare "Tổ" is a tổ dân phố."""
        return is_ward(self.commune_name)


@dataclass
class NameList:
    entries: list[NameEntry] = field(default_factory=list)
    errors: list[CatalogLoadError] = field(default_factory=list)
    communes: set[tuple[str, str]] = field(default_factory=set)
    files: int = 0


def read_names(paths: Sequence[Path], *, use_cache: bool = False) -> NameList:
    """Every hamlet and street under paths; unreadable or invalid files become errors. With
    use_cache, the names of unchanged units files come from the one catalog cache."""
    store = Store(cache_folder(use_cache), "names", _FORMAT)
    with collector_paused():
        result = _read_names(paths, store)
    store.save()
    return result


def _read_names(paths: Sequence[Path], store: Store) -> NameList:
    result = NameList()
    files: list[Path] = []
    named: set[Path] = set()
    for root in paths:
        found = discover(
            [root],
            suffixes=CATALOG_SUFFIXES + LIST_SUFFIXES,
            empty=_("no units files (*.yaml, *.csv, *.xlsx) in this folder"),
        )
        result.errors.extend(found.errors)
        named |= found.named
        # A folder's units files in walk order, then its lists sorted by path: the order
        # names were always read in (group members are sorted, but scopes keep it).
        files += [p for p in found.files if p.suffix.lower() not in LIST_SUFFIXES]
        files += sorted(p for p in found.files if p.suffix.lower() in LIST_SUFFIXES)
    for path in files:
        try:
            suffix = path.suffix.lower()
            if suffix == ".csv":
                _read_csv(path, result)
            elif suffix == ".xlsx":
                _read_xlsx(path, result)
            else:
                _read_units(path, result, path in named, store)
        except CatalogLoadError as exc:
            result.errors.append(exc)
        except _Report:
            # A report saved beside the lists (trung-ten.csv) must not break the next run.
            continue
    return result


def _read_units(path: Path, result: NameList, named: bool, store: Store) -> None:
    shown = display_path(path)
    found = store.read(
        path,
        shown,
        partial(_units_built, path, named),
        _units_packed,
        partial(_units_restored, shown),
        read=read_bytes,
    )
    if found is None:
        return  # procedure catalogs and decision files hold no names
    result.files += found.files
    result.communes |= found.communes
    result.entries += found.entries


def _units_built(path: Path, named: bool, data: bytes) -> NameList | None:
    """The names of one units file (None for a file of another kind)."""
    one = NameList()
    return one if _units_of(path, one, named, data) else None


def _units_packed(names: NameList | None) -> Any:
    """What the cache keeps of a units file: its communes and one row per name."""
    if names is None:
        return MISS
    rows = [
        (e.province, e.commune, e.commune_name, e.kind, e.name, e.origin, e.line)
        for e in names.entries
    ]
    return (sorted(names.communes), rows)


def _units_restored(shown: str, value: Any) -> NameList | None:
    """The names of a stored units file; None when the entry is damaged."""
    try:
        communes, rows = value
        restored = NameList(files=1, communes={(p, c) for p, c in communes})
        restored.entries = [
            NameEntry(province, commune, commune_name, kind, name, origin, shown, line)
            for province, commune, commune_name, kind, name, origin, line in rows
        ]
    except (TypeError, ValueError):
        return None
    return restored


def _units_of(path: Path, result: NameList, named: bool, data: bytes) -> bool:
    """Read one units file's names into result; False for a file of another kind."""
    from tthc_cli.catalog.reader import read_catalog

    found = read_catalog(path, "units", named=named, fast=_fast_units, data=data)
    if found is None:
        return False  # procedure catalogs and decision files hold no names
    if isinstance(found, FastUnits):
        _fast_entries(found, display_path(path), result)
        return True
    doc = found
    error = doc.validated()[1]
    if error is not None:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        line = doc.pos(tuple(first["loc"]))[0]
        raise CatalogLoadError(
            doc.path,
            # Translators: {where} is a path in the file such as communes.3.name; {reason} is
            # the schema validator's explanation (in English).
            _("not a valid units file ({where}: {reason}); run `tthc validate` on it").format(
                where=where, reason=first["msg"]
            ),
            line=line,
        )
    result.files += 1
    province = str(doc.data["province"]["code"])
    for index, commune in iter_items(doc, "communes"):
        code, name = str(commune["code"]), str(commune["name"])
        result.communes.add((province, code))
        for group, kind in (("hamlets", "hamlet"), ("streets", "street")):
            for number, place in enumerate(commune.get(group) or []):
                result.entries.append(
                    NameEntry(
                        province=province,
                        commune=code,
                        commune_name=name,
                        kind=kind,
                        name=str(place["name"]),
                        origin=place.get("from"),
                        file=doc.path,
                        line=doc.pos(("communes", index, group, number))[0],
                    )
                )
    return True


def _fast_units(_shown: str, text: str) -> FastUnits | None:
    return read_units_fast(text)


def _fast_entries(fast: FastUnits, display: str, result: NameList) -> None:
    """The same entries as the full loader gives, from the fast reader (unitsfast.py)."""
    result.files += 1
    data = fast.data
    province = str(data["province"]["code"])
    communes = data["communes"]
    for commune in communes:
        result.communes.add((province, str(commune["code"])))
    kinds = {"hamlets": "hamlet", "streets": "street"}
    # The full loader lists a commune's hamlets, then its streets, whatever their order in the
    # file; the fast reader finds them in file order.
    order = {"hamlets": 0, "streets": 1}
    places = fast.places
    keys = [(p.commune, order[p.group]) for p in places]
    if keys != sorted(keys):  # a commune with its streets before its hamlets
        places = sorted(places, key=lambda p: (p.commune, order[p.group], p.index))
    for place in places:
        commune = communes[place.commune]
        item = commune[place.group][place.index]
        result.entries.append(
            NameEntry(
                province=province,
                commune=str(commune["code"]),
                commune_name=str(commune["name"]),
                kind=kinds[place.group],
                name=str(item["name"]),
                origin=item.get("from"),
                file=display,
                line=place.line,
            )
        )


class _Report(Exception):
    """The file is one of our own dedupe reports, not a list of names."""


def _header(cells: Sequence[Any]) -> dict[str, int] | None:
    """Column positions when these cells are the header row; None otherwise."""
    if {"group", "verdict", "rename_to"} <= {str(c).strip() for c in cells if c is not None}:
        raise _Report
    positions: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = _HEADER_ALIASES.get(fold_key(str(cell))) if cell is not None else None
        if key is not None and key not in positions:
            positions[key] = index
    if {"commune", "kind", "name"} <= positions.keys():
        return positions
    return None


def _rows_to_entries(
    rows: Iterator[tuple[int, Sequence[Any]]], display: str, result: NameList
) -> None:
    positions: dict[str, int] | None = None
    for line, cells in rows:
        if positions is None:
            positions = _header(cells)
            if positions is None and line >= 20:
                break  # official lists put a title block above the header, rarely this long
            continue

        _row_entry(line, cells, positions, display, result)
    if positions is None:
        raise CatalogLoadError(
            display,
            # Translators: {columns} are the column keys, which stay in English.
            _("no header row with the columns {columns} in the first rows").format(
                columns=", ".join(COLUMNS)
            ),
        )
    result.files += 1


def _row_entry(
    line: int, cells: Sequence[Any], header: dict[str, int], display: str, result: NameList
) -> None:
    """One data row of a name list as an entry of `result` (an unknown kind, as an error)."""

    def get(column: str) -> str:
        index = header.get(column)
        if index is None or index >= len(cells) or cells[index] is None:
            return ""
        return str(cells[index]).strip()

    name = get("name")
    if not name:
        return
    kind_text = get("kind")
    kind = _KIND_ALIASES.get(fold_key(kind_text))
    if kind is None:
        # One bad row is reported; the rest of the list is still read.
        result.errors.append(
            CatalogLoadError(
                display,
                # Translators: {kind} is the quoted cell text; hamlet and street are the
                # values the `kind` column takes and stay in English.
                _("unknown kind {kind} (use hamlet or street)").format(kind=repr(kind_text)),
                line=line,
            )
        )
        return
    commune = pad_code(get("commune"), 5)
    province = pad_code(get("province"), 2)
    is_code = COMMUNE_CODE.fullmatch(commune) is not None
    result.communes.add((province, commune))
    result.entries.append(
        NameEntry(
            province=province,
            commune=commune,
            commune_name="" if is_code else commune,
            kind=kind,
            name=name,
            origin=get("from") or None,
            file=display,
            line=line,
        )
    )


def _read_csv(path: Path, result: NameList) -> None:
    from tthc_cli.catalog.reading import display_path, read_text

    display = display_path(path)
    text = read_text(path)
    reader = csv_reader(text)

    def rows() -> Iterator[tuple[int, Sequence[Any]]]:
        try:
            for cells in reader:
                yield reader.line_num, cells
        except csv.Error as exc:
            raise CatalogLoadError(
                # Translators: {reason} is the CSV reader's explanation (in English).
                display,
                _("malformed CSV: {reason}").format(reason=exc),
                line=reader.line_num,
            ) from None

    _rows_to_entries(rows(), display, result)


def _read_xlsx(path: Path, result: NameList) -> None:
    from tthc_cli.catalog.reading import display_path
    from tthc_cli.catalog.sheets import sheet_rows

    # Bounded, merged cells filled, damage reported; a formula cell gives its cached value.
    display = display_path(path)
    _rows_to_entries(sheet_rows(path, display), display, result)
