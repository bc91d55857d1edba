"""The one loader of decisions files: what a reviewer or a committee decided, kept for next runs.

`kind: diff-decisions` pins and forbids procedure pairs for `tthc diff --decisions`;
`kind: name-decisions` records the names a committee kept or merges, for `tthc dedupe-names
--decisions` and `tthc apply-renames`. Both are read, checked and refused the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar, cast

from pydantic import BaseModel, ValidationError

from tthc_cli.catalog.loading import Document, load_document
from tthc_cli.catalog.reader import parse_error
from tthc_cli.domain.models import DiffDecisions, NameDecisions
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _

M = TypeVar("M", DiffDecisions, NameDecisions)

_KINDS: dict[type[BaseModel], str] = {
    DiffDecisions: "diff-decisions",
    NameDecisions: "name-decisions",
}
# A code written without quotes reads as a number; the example names a key of that kind.
_QUOTED_EXAMPLE = {"diff-decisions": 'old: "1.008903"', "name-decisions": 'commune: "20194"'}


def read_decisions(path: Path, model: type[M]) -> M:
    """The decisions in path, checked against model; raises CatalogLoadError naming the file
    (and line) when it cannot be read or parsed, has another kind, or breaks the schema."""
    kind = _KINDS[model]
    doc = load_document(path)
    problem = parse_error(doc)  # duplicate keys too: which value counts is anyone's guess
    if problem is not None:
        raise problem
    if doc.kind != kind:
        # Translators: {kind} is diff-decisions or name-decisions; keep `kind:` as it is.
        reason = _("a decisions file needs `kind: {kind}`").format(kind=kind)
        raise CatalogLoadError(doc.path, reason)
    found, error = doc.validated()
    if error is not None:
        raise _invalid(doc, kind, error)
    return cast(M, found)  # the kind, checked above, chose the model


def _invalid(doc: Document, kind: str, error: ValidationError) -> CatalogLoadError:
    detail = error.errors(include_url=False)[0]
    where = ".".join(str(part) for part in detail["loc"])
    line = doc.pos(tuple(detail["loc"]))[0]
    if isinstance(detail["input"], int | float):
        # Translators: {where} is a path in the file such as pairs.0.old; {reason} is the
        # schema validator's explanation (in English); {example} is a key and a quoted code
        # such as old: "1.008903", to keep as it is.
        message = _(
            "invalid decisions file ({where}: {reason}); write codes in quotes, e.g. {example}"
        ).format(where=where, reason=detail["msg"], example=_QUOTED_EXAMPLE[kind])
    else:
        # Translators: {where} is a path in the file such as pairs.0.old; {reason} is the
        # schema validator's explanation (in English).
        message = _("invalid decisions file ({where}: {reason})").format(
            where=where, reason=detail["msg"]
        )
    return CatalogLoadError(doc.path, message, line=line)
