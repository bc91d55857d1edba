"""The reference: the list above a list (the ministries' national list, or a province's list
for its communes), read as ordinary procedure catalogs and looked up by procedure identity.

`tthc validate` checks a list against it (the rules TT150-TT157) and `tthc stats` counts how
much of it a list publishes; both read it here, through the one catalog reader and its error
policy, and pair procedures by the one identity key (`text.keys.procedure_key`: the national
code, else the normalized name). What differs between a listing and its reference procedure is
decided in `catalog.refcompare`.

Scope: a reference catalog applies to the lists of its `province`; one without a province (or
with `province: "00"`) is national and applies to every province. Snapshots: a list is checked
against the reference catalogs in force on its `effective` date: of each province (or national)
and level, those of the latest date not after it. A list older than every reference catalog of
its province is not checked at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from tthc_cli.catalog.discovery import discover
from tthc_cli.catalog.reader import read_catalog
from tthc_cli.catalog.reading import DEFAULT_MAX_BYTES, display_path
from tthc_cli.catalog.scalars import number_of, text_of
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _
from tthc_cli.text.keys import fold_key, procedure_key, procedure_name_key
from tthc_cli.text.suggest import closest

Fee = tuple[str, "float | None"]  # (name, amount in đồng, None when the council sets it)
NATIONAL_PROVINCES = ("", "00")
ONLINE_VALUES = ("none", "partial", "full")  # in ascending order; anything else is unknown
# Codes are short digit strings: only a near-identical one (a digit off) is a likely typo.
CODE_CUTOFF = 0.85


@dataclass(frozen=True, slots=True)
class Entry:
    """The values of one listed procedure that are compared with the reference; a value of the
    wrong type counts as not stated (None, or "" for text)."""

    code: str
    name: str
    field: str = ""
    time_value: float | None = None
    time_unit: str = ""
    fees: tuple[Fee, ...] | None = None  # None: not stated; (): free
    online: str = ""  # none | partial | full; "" when unknown (not stated, `available`, ...)
    legal_basis: tuple[str, ...] | None = None  # None: not stated

    @property
    def key(self) -> str:
        """The identity of the procedure (`text.keys.procedure_key`)."""
        return procedure_key(self.code, self.name)

    @property
    def name_key(self) -> str:
        return procedure_name_key(self.name)


def entry_of(item: dict[str, Any]) -> Entry:
    """The compared values of a procedure mapping as a catalog holds it."""
    limit = item.get("time_limit")
    raw_fees = item.get("fees")
    legal = item.get("legal_basis")
    online = item.get("online")
    return Entry(
        code=text_of(item.get("code")),
        name=text_of(item.get("name")),
        field=text_of(item.get("field")),
        time_value=number_of(limit.get("value")) if isinstance(limit, dict) else None,
        time_unit=text_of(limit.get("unit")) if isinstance(limit, dict) else "",
        fees=tuple(
            (text_of(fee.get("name")), number_of(fee.get("amount")))
            for fee in raw_fees
            if isinstance(fee, dict)
        )
        if isinstance(raw_fees, list)
        else None,
        online=online if online in ONLINE_VALUES else "",
        legal_basis=tuple(text_of(x) for x in legal if isinstance(x, str))
        if isinstance(legal, list)
        else None,
    )


@dataclass(frozen=True, slots=True)
class RefProcedure:
    """One procedure of the reference, at one level, for one province (None: every one)."""

    entry: Entry
    level: str
    province: str | None
    file: str
    line: int
    effective: str = ""  # the date of its catalog, YYYY-MM-DD
    # The entry's identity and name keys, worked out once (every list's lookups use them).
    key: str = ""
    name_key: str = ""

    @classmethod
    def of(
        cls,
        entry: Entry,
        level: str,
        province: str | None,
        file: str,
        line: int,
        effective: str = "",
    ) -> Self:
        return cls(entry, level, province, file, line, effective, entry.key, entry.name_key)


def scope_of(province: Any) -> str | None:
    """The province a reference catalog applies to; None for a national catalog."""
    text = text_of(province)
    return None if text in NATIONAL_PROVINCES else text


def date_text(value: Any) -> str:
    """A catalog's `effective` as YYYY-MM-DD text ("" when it has none)."""
    return value.isoformat() if isinstance(value, dt.date) else text_of(value)


@dataclass
class Reference:
    """The reference procedures, the files they come from and what could not be read."""

    procedures: list[RefProcedure] = field(default_factory=list)
    files: frozenset[str] = frozenset()  # resolved paths of the reference's catalog files
    errors: list[CatalogLoadError] = field(default_factory=list)
    _views: dict[tuple[str, str], ReferenceView] = field(default_factory=dict, repr=False)

    @property
    def digest(self) -> str:
        """A hash of everything the reference states that a check reads (for result caches)."""
        sha = hashlib.sha256()
        for ref in self.procedures:
            sha.update(repr((ref.level, ref.province, ref.effective, ref.file, ref.line)).encode())
            sha.update(repr(ref.entry).encode())
        return sha.hexdigest()

    def holds_file(self, path: str) -> bool:
        """Whether the catalog at path is one of the reference's own files."""
        return bool(self.files) and os.path.realpath(path) in self.files

    def for_list(self, province: str, effective: str = "") -> ReferenceView:
        """What the reference says to a list of this province and date: its catalogs for the
        province and the national ones, of each province and level the snapshot in force on
        the date (the latest not after it; with no date, the latest)."""
        key = (province, effective)
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = ReferenceView.of(self._in_force(province, effective))
        return view

    def _in_force(self, province: str, effective: str) -> list[RefProcedure]:
        mine = [ref for ref in self.procedures if ref.province in (None, province)]
        latest: dict[tuple[str | None, str], str] = {}
        for ref in mine:
            if not effective or ref.effective <= effective:
                group = (ref.province, ref.level)
                latest[group] = max(latest.get(group, ""), ref.effective)
        return [ref for ref in mine if latest.get((ref.province, ref.level)) == ref.effective]


def _likely(value: str, choices: dict[str, Any], limit: int) -> list[str]:
    """The few choices nearest to value (rapidfuzz, over thousands of choices at C speed), for
    `text.suggest.closest` to judge: it alone decides what is close enough."""
    from rapidfuzz import fuzz, process

    keys = list(choices)
    folded = [choice[0] if isinstance(choice, tuple) else key for key, choice in choices.items()]
    found = process.extract(value, folded, scorer=fuzz.ratio, limit=limit)
    return [keys[index] for _text, _score, index in found]


@dataclass
class ReferenceView:
    """The reference as one list sees it (`Reference.for_list`): looked up by procedure."""

    all: list[RefProcedure]
    by_key: dict[str, list[RefProcedure]]
    by_name: dict[str, list[RefProcedure]]
    _names: dict[str, tuple[str, RefProcedure]] | None = None
    _meant: dict[tuple[str, str], tuple[bool, RefProcedure] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, refs: Iterable[RefProcedure]) -> ReferenceView:
        view = cls([], {}, {})
        for ref in refs:
            view.all.append(ref)
            view.by_key.setdefault(ref.key, []).append(ref)
            view.by_name.setdefault(ref.name_key, []).append(ref)
        return view

    def __bool__(self) -> bool:
        """Whether the reference says anything to this list (else it is not checked)."""
        return bool(self.all)

    def find(self, entry: Entry) -> list[RefProcedure]:
        """The reference's listings of this procedure at any level: by national code when the
        entry has a procedure code, else by its normalized name."""
        key = entry.key
        if key.startswith("name:"):
            return self.by_name.get(entry.name_key, [])
        return self.by_key.get(key, [])

    def find_name(self, name: str) -> list[RefProcedure]:
        """The reference's listings whose normalized name is this one's."""
        return self.by_name.get(procedure_name_key(name), [])

    def at_level(self, level: str) -> list[RefProcedure]:
        """The reference's procedures of one level, one per procedure."""
        seen: set[str] = set()
        found = []
        for ref in self.all:
            if ref.level == level and ref.key not in seen:
                seen.add(ref.key)
                found.append(ref)
        return found

    def meant(self, entry: Entry) -> tuple[bool, RefProcedure] | None:
        """The reference procedure a listing it does not know most likely means, and whether
        that is because the names are the same (else: the nearest code, then the nearest name,
        by `text.suggest.closest`). Remembered: lists repeat the same unknown codes."""
        key = (entry.key, entry.name)
        if key not in self._meant:
            self._meant[key] = self._guess(entry)
        return self._meant[key]

    def _guess(self, entry: Entry) -> tuple[bool, RefProcedure] | None:
        same_name = self.find_name(entry.name)
        if same_name:
            return True, same_name[0]
        guess = closest(entry.key, _likely(entry.key, self.by_key, 3), cutoff=CODE_CUTOFF)
        if guess is not None:
            return False, self.by_key[guess][0]
        names = self.names()
        by_name = closest(entry.name, _likely(fold_key(entry.name), names, 1))
        return (False, names[by_name][1]) if by_name is not None else None

    def names(self) -> dict[str, tuple[str, RefProcedure]]:
        """Each name as written, with its folded form and its procedure (made once)."""
        if self._names is None:
            self._names = {
                ref.entry.name: (fold_key(ref.entry.name), ref)
                for ref in self.all
                if ref.entry.name
            }
        return self._names


@dataclass
class _Catalog:
    file: str
    province: str | None
    level: str
    effective: str
    procedures: list[tuple[Entry, int]]


def _read(path: Path, named: bool, max_bytes: int) -> _Catalog | None:
    from tthc_cli.catalog.procfast import read_fast

    shown = display_path(path)
    found = read_catalog(
        path, "procedure-catalog", shown=shown, named=named, fast=read_fast, max_bytes=max_bytes
    )
    if found is None:
        return None  # a units or decisions file in a reference folder
    data = found.data
    items = data.get("procedures")
    if not isinstance(items, list):
        line = found.pos(("procedures",))[0]
        raise CatalogLoadError(shown, _("the catalog has no `procedures` list"), line=line)
    return _Catalog(
        file=shown,
        province=scope_of(data.get("province")),
        level=text_of(data.get("level")),
        effective=date_text(data.get("effective")),
        procedures=[
            (entry_of(item), found.pos(("procedures", index, "code"))[0])
            for index, item in enumerate(items)
            if isinstance(item, dict)
        ],
    )


def load_reference(paths: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Reference:
    """The reference catalogs under paths; a file that cannot be read is one error (as in
    every command) and the others still count."""
    # Shown as users see them: relative to the working folder when inside it.
    found = discover([Path(display_path(path)) for path in paths])
    reference = Reference(errors=list(found.errors))
    catalogs: list[_Catalog] = []
    files: set[str] = set()
    for path in found.files:
        try:
            catalog = _read(path, path in found.named, max_bytes)
        except CatalogLoadError as exc:
            reference.errors.append(exc)
            continue
        if catalog is not None:
            catalogs.append(catalog)
            files.add(os.path.realpath(path))
    reference.files = frozenset(files)
    reference.procedures = [
        RefProcedure.of(
            entry, catalog.level, catalog.province, catalog.file, line, catalog.effective
        )
        for catalog in catalogs
        for entry, line in catalog.procedures
    ]
    return reference
