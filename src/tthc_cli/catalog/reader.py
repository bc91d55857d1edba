"""The one way a command reads a catalog file, and the one error policy for what it cannot read.

Every reading command (diff, stats, search, dedupe-names, apply-renames) reads a file the same
way: its bytes as UTF-8 text, the yaml-rs fast path when the command has one and the text is
admitted (`tthc_cli.catalog.fast`), otherwise the positioned parse, then its `kind`. The same
bad file gives the same one-line error, and exit code 2, in every command:

- unreadable, not UTF-8, or a parse problem (duplicate keys too: which value counts is anyone's
  guess): the reason, at the problem's line and column;
- no known `kind` (an empty file, a list, a mapping without `kind` or with an unknown one):
  "not a tthc catalog", in a folder walk too;
- a known kind the command does not read (a units file given to `tthc diff`): skipped in a
  folder walk, refused when the file was named on the command line.

`tthc validate` is the exception by design: it reports these problems as findings.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, overload

from tthc_cli.catalog.loading import Document, load_text
from tthc_cli.catalog.reading import DEFAULT_MAX_BYTES, decode, display_path, read_text
from tthc_cli.domain.models import KINDS
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _

F = TypeVar("F")


def parse_error(doc: Document, template: str | None = None) -> CatalogLoadError | None:
    """The error for a document that did not parse cleanly (None when it did): its last issue,
    which is the one that stopped the parse when one did. `template` words the reason for
    a command that says more ("cannot format: {reason}")."""
    issues = doc.issues
    if not issues:
        return None
    issue = issues[-1]
    message = issue.message if template is None else template.format(reason=issue.message)
    return CatalogLoadError(doc.path, message, line=issue.line, column=issue.column)


def not_a_catalog(path: Path | str) -> CatalogLoadError:
    return CatalogLoadError(
        path, _("not a tthc catalog (no known `kind`); run `tthc validate` on it"), line=1
    )


def wrong_kind(path: Path | str, wanted: str) -> CatalogLoadError:
    """The error for a file named on the command line whose kind the command does not read."""
    if wanted == "units":
        reason = _("not a units file (kind: units) or a CSV/XLSX name list")
    else:
        reason = _("holds no procedure catalogs (kind: procedure-catalog)")
    return CatalogLoadError(path, reason)


def check_kind(doc: Document, wanted: str, *, named: bool = False) -> bool:
    """Whether the command reads this document (False: another known kind, skipped); raises
    CatalogLoadError for a parse problem, an unknown kind, or a named file of another kind."""
    error = parse_error(doc)
    if error is not None:
        raise error
    kind = doc.kind
    if kind == wanted:
        return True
    if kind not in KINDS:
        raise not_a_catalog(doc.path)
    if named:
        raise wrong_kind(doc.path, wanted)
    return False


@overload
def read_catalog(
    path: Path,
    wanted: str,
    *,
    shown: str | None = ...,
    named: bool = ...,
    fast: None = ...,
    max_bytes: int = ...,
    data: bytes | None = ...,
) -> Document | None: ...


@overload
def read_catalog(
    path: Path,
    wanted: str,
    *,
    shown: str | None = ...,
    named: bool = ...,
    fast: Callable[[str, str], F | None],
    max_bytes: int = ...,
    data: bytes | None = ...,
) -> F | Document | None: ...


def read_catalog(
    path: Path,
    wanted: str,
    *,
    shown: str | None = None,
    named: bool = False,
    fast: Callable[[str, str], F | None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    data: bytes | None = None,
) -> F | Document | None:
    """A `wanted` file: what `fast(shown, text)` made of it, or its positioned Document; None
    for a file of another known kind met in a folder walk. Raises CatalogLoadError otherwise
    (see the module docstring). `shown` is the path as users see it (default: display_path);
    `data`, the file's bytes when the caller has read them (`read_bytes`) already."""
    if shown is None:
        shown = display_path(path)
    text = read_text(path, max_bytes=max_bytes) if data is None else decode(data, path)
    if fast is not None:
        found = fast(shown, text)
        if found is not None:
            return found
    doc = load_text(text, shown)
    return doc if check_kind(doc, wanted, named=named) else None
