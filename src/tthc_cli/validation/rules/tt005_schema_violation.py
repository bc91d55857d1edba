"""A value does not fit the schema of its kind: unknown key, missing key, wrong type or value.

## What it does
Checks `procedure-catalog` and `units` files against their JSON Schema (`tthc schema`).
Unknown keys and values outside a fixed list get a did-you-mean suggestion, Vietnamese
spellings included (`online: toàn trình` → `full`, `level: xã` → `xa`). A code or number
written without quotes that YAML reads as a number is reported with the quoted form to use.

## Why it matters
A misspelt key (`feild`) is silently ignored by most tools, and `code: 2.000720` unquoted
is the number 2.00072: the code is lost. Catching both here keeps every later command exact.

## Example
```yaml
- code: 1.001193
  name: Đăng ký khai sinh
  feild: Hộ tịch
  online: toàn trình
```
Use instead:
```yaml
- code: "1.001193"
  name: Đăng ký khai sinh
  field: Hộ tịch
  online: full
```
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.yamltree import Path_
from tthc_cli.domain.models import model_for
from tthc_cli.runtime.i18n import N_, _
from tthc_cli.text.suggest import closest, did_you_mean
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT005"
NAME = "schema-violation"
SEVERITY = Severity.ERROR

# What a value should be, as the end of "`key` must be …"; translated where shown.
_TYPE_WORDS = {
    "string_type": N_("text"),
    "int_type": N_("a whole number"),
    "float_type": N_("a number"),
    "bool_type": N_("true or false"),
    "list_type": N_("a list"),
    "dict_type": N_("a mapping"),
    "model_type": N_("a mapping"),
    "model_attributes_type": N_("a mapping"),
    "int_from_float": N_("a whole number"),
}


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    model_cls = model_for(doc.kind)
    if model_cls is None or not doc.ok or not isinstance(doc.data, dict):
        return
    error = doc.validated()[1]
    if error is None:
        return
    grouped: dict[Path_, list[ErrorDetails]] = {}
    for detail in error.errors(include_url=False):
        path = _data_path(doc.data, detail["loc"], detail["type"])
        grouped.setdefault(path, []).append(detail)
    explained = _misspelt_required_keys(model_cls, grouped)
    for path, details in grouped.items():
        if _is_unnamed_place(path, details):
            continue  # a hamlet or street without a name is TT402's finding, in clearer words
        if path in explained:
            continue  # "unknown key `feild` (did you mean `field`?)" already says it
        yield _describe(doc, model_cls, path, details)


def _misspelt_required_keys(
    model_cls: type[BaseModel], grouped: dict[Path_, list[ErrorDetails]]
) -> set[Path_]:
    """Missing keys that an unknown key beside them is a misspelling of."""
    missing = {path for path, details in grouped.items() if details[0]["type"] == "missing"}
    explained: set[Path_] = set()
    for path, details in grouped.items():
        if details[0]["type"] != "extra_forbidden" or not path:
            continue
        owner = _owner_model(model_cls, path[:-1])
        guess = closest(str(path[-1]), _keys(owner)) if owner is not None else None
        if guess is not None and (*path[:-1], guess) in missing:
            explained.add((*path[:-1], guess))
    return explained


def _is_unnamed_place(path: Path_, details: Sequence[ErrorDetails]) -> bool:
    """Whether TT402 reports this: an empty hamlet/street entry, or a missing, null or "" name."""
    if len(path) < 4 or path[0] != "communes" or path[2] not in ("hamlets", "streets"):
        return False
    if len(path) == 4:
        return all(d["input"] is None for d in details)
    return (
        len(path) == 5
        and path[4] == "name"
        and all(d["type"] in ("missing", "string_too_short") or d["input"] is None for d in details)
    )


def _data_path(data: Any, loc: tuple[int | str, ...], error_type: str) -> Path_:
    """Drop the parts of a pydantic location that are union branch names, not data keys."""
    path: list[str | int] = []
    node = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, dict) and isinstance(part, str) and (part in node or last):
            path.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif last and error_type in ("missing", "extra_forbidden"):
            path.append(part)
    return tuple(path)


def _describe(
    doc: Document, model_cls: type[BaseModel], path: Path_, details: Sequence[ErrorDetails]
) -> Hit:
    detail = details[0]
    kind = detail["type"]
    key = path[-1] if path else "kind"
    # Translators: {number} counts list items from 1; the whole is the subject of a message
    # such as "item 2 must not be empty".
    label = f"`{key}`" if isinstance(key, str) else _("item {number}").format(number=key + 1)
    if kind in ("missing", "extra_forbidden"):
        return _key_problem(doc, model_cls, path, kind, key)
    return _value_problem(doc, path, details, label)


def _key_problem(
    doc: Document, model_cls: type[BaseModel], path: Path_, kind: str, key: str | int
) -> Hit:
    """A required key missing, or a key the schema does not know."""
    owner = _owner_model(model_cls, path[:-1])
    if kind == "missing":
        term = _term(owner, str(key)) if owner is not None else ""
        if term:
            # Translators: {key} is a key name (not translated); {term} is its Vietnamese name.
            message = _("missing required key `{key}` ({term})").format(key=key, term=term)
        else:
            message = _("missing required key `{key}`").format(key=key)
        return Hit(message, *doc.pos(path[:-1]))
    allowed = _keys(owner) if owner is not None else []
    hint = did_you_mean(str(key), allowed)
    # Translators: {hint} is empty or a translated " (did you mean `…`?)".
    return Hit(
        _("unknown key `{key}`{hint}").format(key=key, hint=hint), *doc.key_pos(path), path=path
    )


def _value_problem(doc: Document, path: Path_, details: Sequence[ErrorDetails], label: str) -> Hit:
    """A value of the wrong kind: not one of the choices, not a date, a number, empty, a type."""
    detail = details[0]
    kind = detail["type"]
    if kind == "literal_error":
        expected = _expected(detail)
        value = detail["input"]
        hint = did_you_mean(str(value), expected) if isinstance(value, str) else ""
        return Hit(
            # Translators: {label} is a key name in backticks or "item N"; {choices} lists the
            # accepted values (not translated); {value} is the value found; {hint} is empty or a
            # translated " (did you mean `…`?)".
            _("{label} must be one of {choices}; got {value!r}{hint}").format(
                label=label, choices=", ".join(expected), value=value, hint=hint
            ),
            *doc.pos(path),
        )
    if kind == "string_type" and path and path[-1] in ("effective", "date"):
        return Hit(
            # Translators: {label} is a key name in backticks or "item N"; keep YYYY-MM-DD.
            _("{label} must be a date written YYYY-MM-DD, e.g. 2025-07-01").format(label=label),
            *doc.pos(path),
        )
    if kind == "string_type" and doc.is_plain_number(path):
        raw = doc.plain_number(path, repr(detail["input"]))
        return Hit(
            # Translators: {label} is a key name in backticks or "item N"; {number} is what YAML
            # read; {raw} is the value as written, to be put in quotes.
            _(
                "{label} is read as the number {number!r}; write it in quotes to keep "
                'every digit: "{raw}"'
            ).format(label=label, number=detail["input"], raw=raw),
            *doc.pos(path),
        )
    if kind == "string_too_short":
        # Translators: {label} is a key name in backticks or "item N".
        return Hit(_("{label} must not be empty").format(label=label), *doc.pos(path))
    wanted = [_TYPE_WORDS[d["type"]] for d in details if d["type"] in _TYPE_WORDS]
    if wanted:
        if _TYPE_WORDS["float_type"] in wanted:
            wanted = [w for w in wanted if w != _TYPE_WORDS["int_type"]]
        words = _either([_(word) for word in dict.fromkeys(wanted)])
        return Hit(
            # Translators: {label} is a key name in backticks or "item N"; {types} is what the
            # value should be ("text", "a list or a mapping"); {value} is what was found.
            _("{label} must be {types}; got {value}").format(
                label=label, types=words, value=_show(detail["input"])
            ),
            *doc.pos(path),
        )
    # Translators: {label} is a key name in backticks or "item N"; {problem} is the schema
    # validator's own explanation, in English.
    return Hit(_("{label}: {problem}").format(label=label, problem=detail["msg"]), *doc.pos(path))


def _either(words: Sequence[str]) -> str:
    """ "text", "text or a number", "text or a number or a list"."""
    joined = words[0]
    for word in words[1:]:
        # Translators: alternatives of what a value should be: "text or a number".
        joined = _("{first} or {second}").format(first=joined, second=word)
    return joined


def _show(value: Any) -> str:
    if value is None:
        # Translators: what was found where a value was expected ("got nothing").
        return _("nothing")
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, bool):
        return str(value).lower()
    return repr(value)


def _expected(detail: ErrorDetails) -> list[str]:
    ctx = detail.get("ctx") or {}
    text = str(ctx.get("expected", ""))
    return [part.strip(" '\"") for part in text.replace(" or ", ", ").split(",") if part.strip()]


def _unwrap(annotation: Any) -> Any:
    """The model class inside Optional[...] / list[...] annotations, if any."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            lists = [a for a in args if typing.get_origin(a) is list]
            if models:
                return models[0]
            if lists:
                annotation = lists[0]
                continue
            return None
        if origin is list:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        return annotation if isinstance(annotation, type) else None


def _owner_model(model_cls: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    current: Any = model_cls
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = _field_by_key(current, part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_by_key(model_cls: type[BaseModel], key: str) -> Any:
    for name, info in model_cls.model_fields.items():
        if (info.alias or name) == key:
            return info
    return None


def _keys(model_cls: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model_cls.model_fields.items()]


def _term(model_cls: type[BaseModel], key: str) -> str:
    """The Vietnamese name of a key, from its description ("Lĩnh vực / Field"), or ""."""
    info = _field_by_key(model_cls, key)
    if info is None or not info.description:
        return ""
    return str(info.description).split("/")[0].strip().rstrip(".")
