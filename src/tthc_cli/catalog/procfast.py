"""The fast reader of procedure catalogs for `tthc diff`, `stats` and `search`.

They need each procedure's data and only the line where it starts. A catalog is read by yaml-rs
when the text passes the fast path's one admission rule (`fast.load_fast`) and the data passes
the schema; its procedures' lines are then found in the text. Anything else goes through the
full loader, which reports the problem with its line and column.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from tthc_cli.catalog.fast import INT_LIMIT, is_plain, load_fast
from tthc_cli.domain.models import ONLINE_LEVELS, ProcedureCatalog


@dataclass
class FastCatalog:
    """A valid procedure catalog read without positions; knows each procedure's line."""

    path: str
    text: str
    data: dict[str, Any]
    _lines: list[int] = field(default_factory=list, repr=False)

    @property
    def kind(self) -> str:
        return "procedure-catalog"

    def pos(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        if len(path) >= 2 and path[0] == "procedures" and isinstance(path[1], int):
            if not self._lines:
                self._lines = _procedure_lines(self.text, self.data["procedures"])
            if 0 <= path[1] < len(self._lines):
                return (self._lines[path[1]], 1)
        return (1, 1)


def read_fast(path: str, text: str) -> FastCatalog | None:
    """The catalog, or None when the full loader must read this file."""
    found = load_fast(text, valid=_valid_catalog)
    return FastCatalog(path=path, text=text, data=found.data) if found is not None else None


def _valid_catalog(data: dict[str, Any]) -> bool:
    """Whether data is a valid, plain procedure catalog (see `fast.load_fast`)."""
    if data.get("kind") != "procedure-catalog":
        return False
    if plainly_valid_catalog(data):
        return True  # its numbers are in range and finite, its other values text
    # The schema decides; a file it refuses goes to the full loader for its message.
    try:
        ProcedureCatalog.model_validate(data)
    except ValidationError:
        return False
    # The schema takes any whole number, NaN and infinity too.
    return is_plain(data)


# Checking a catalog's plain shape in Python costs a fraction of building the pydantic models
# of its procedures. The check below accepts only what `ProcedureCatalog` surely accepts;
# anything else (other types, NaN, a missing key...) is left to pydantic to decide.
_CATALOG_KEYS = frozenset(
    {"kind", "province", "level", "effective", "title", "source", "decisions", "procedures"}
)
_CATALOG_REQUIRED = ("kind", "level", "effective", "procedures")
# What each key of a procedure holds: required text, optional text, a list of texts, ...
_REQUIRED, _TEXT, _TEXTS, _TIME_LIMIT, _FEES, _ONLINE_LEVEL, _FLAG = range(7)
_PROCEDURE_FIELDS = {
    **dict.fromkeys(("code", "name", "field"), _REQUIRED),
    **dict.fromkeys(("agency", "decision", "type", "result", "conditions", "notes"), _TEXT),
    **dict.fromkeys(("legal_basis", "subjects", "documents", "steps"), _TEXTS),
    "time_limit": _TIME_LIMIT,
    "fees": _FEES,
    "online": _ONLINE_LEVEL,
    "location_independent": _FLAG,
}
_TIME_LIMIT_KEYS = frozenset({"value", "unit", "note"})
_FEE_KEYS = frozenset({"name", "amount", "note"})
_LEVELS = ("tinh", "huyen", "xa")
_ONLINE = ONLINE_LEVELS


def _text(value: Any) -> bool:
    return type(value) is str and value != ""


def _number(value: Any) -> bool:
    # Bigger whole numbers are left to `fast.is_plain`, like non-finite floats.
    return (type(value) is int and -INT_LIMIT < value < INT_LIMIT) or (
        type(value) is float and math.isfinite(value)
    )


def _text_list(value: Any) -> bool:
    return type(value) is list and all(type(v) is str and v != "" for v in value)


def plainly_valid_catalog(data: dict[str, Any]) -> bool:
    """True only when `ProcedureCatalog` accepts data (False means "ask pydantic")."""
    if not _CATALOG_KEYS.issuperset(data) or any(k not in data for k in _CATALOG_REQUIRED):
        return False
    if (
        data["kind"] != "procedure-catalog"
        or type(data["kind"]) is not str
        or ("province" in data and not _text(data["province"]))
        or type(data["level"]) is not str
        or data["level"] not in _LEVELS
        or type(data["effective"]) is not str
    ):
        return False
    for key in ("title", "source"):
        value = data.get(key)
        if value is not None and not _text(value):
            return False
    decisions = data.get("decisions")
    if decisions is not None and not _text_list(decisions):
        return False
    procedures = data["procedures"]
    return type(procedures) is list and all(_plain_procedure(p) for p in procedures)


# Twenty thousand procedures in a diff: one dictionary lookup per key, the checks inline.
def _plain_procedure(item: Any) -> bool:
    if type(item) is not dict:
        return False
    for key in ("code", "name", "field"):
        value = item.get(key)
        if type(value) is not str or value == "":
            return False
    fields = _PROCEDURE_FIELDS
    for key, value in item.items():
        kind = fields.get(key)
        if kind is None:
            return False  # a key the schema does not know
        if kind == _REQUIRED or value is None:
            continue
        if kind == _TEXT:
            if type(value) is not str or value == "":
                return False
        elif kind == _TEXTS:
            if type(value) is not list:
                return False
            for text in value:
                if type(text) is not str or text == "":
                    return False
        elif kind == _TIME_LIMIT:
            if not _plain_time_limit(value):
                return False
        elif kind == _FEES:
            if type(value) is not list:
                return False
            for fee in value:
                if not _plain_fee(fee):
                    return False
        elif kind == _ONLINE_LEVEL:
            if type(value) is not str or value not in _ONLINE:
                return False
        elif type(value) is not bool:
            return False
    return True


def _plain_time_limit(value: Any) -> bool:
    return (
        type(value) is dict
        and _TIME_LIMIT_KEYS.issuperset(value)
        and _number(value.get("value"))
        and type(value.get("unit")) is str
        and (value.get("note") is None or type(value["note"]) is str)
    )


def _plain_fee(value: Any) -> bool:
    return (
        type(value) is dict
        and _FEE_KEYS.issuperset(value)
        and _text(value.get("name"))
        and (value.get("amount") is None or _number(value["amount"]))
        and (value.get("note") is None or type(value["note"]) is str)
    )


def _procedure_lines(text: str, procedures: list[Any]) -> list[int]:
    """The line of each procedure's code, found in order in the text."""
    lines: list[int] = []
    offset = text.find("procedures")
    offset = max(offset, 0)
    line = text.count("\n", 0, offset) + 1
    for item in procedures:
        code = str(item.get("code", "")) if isinstance(item, dict) else ""
        found = text.find(code, offset) if code else -1
        if found >= 0:
            line += text.count("\n", offset, found)
            offset = found
        lines.append(line)
    return lines
