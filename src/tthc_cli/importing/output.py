"""Writing what was imported: a new catalog, a merge into an existing one, or units files."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc_cli.importing.catalog_yaml import MergePlan, merge, new_catalog
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _


@dataclass
class Written:
    path: Path
    created: bool
    before: str
    after: str
    plan: MergePlan | None = None
    notes: list[str] = field(default_factory=list)
    bom: bool = False

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=f"a/{self.path}",
                tofile=f"b/{self.path}",
            )
        )


def plan_catalog(
    out: Path, header: dict[str, Any], procedures: Sequence[dict[str, Any]], comment: str
) -> Written:
    """The text to write to out: a new catalog, or the existing one with the import merged in.

    Raises CatalogLoadError when out exists and is not a procedure catalog that can be read.
    """
    from tthc_cli.catalog.loading import load_text
    from tthc_cli.catalog.reader import parse_error
    from tthc_cli.catalog.reading import read_text

    if not out.exists():
        if "effective" not in header:
            raise CatalogLoadError(
                out, _("does not exist yet: give --effective DATE (the source states no date)")
            )
        return Written(out, True, "", new_catalog(header, procedures, comment))
    text = read_text(out)
    try:
        bom = out.read_bytes()[:3] == b"\xef\xbb\xbf"  # read_text drops it; put it back
    except OSError:
        bom = False
    doc = load_text(text, str(out))
    problem = parse_error(doc)
    if problem is not None:
        raise problem
    if doc.kind != "procedure-catalog" or not isinstance(doc.data, dict):
        raise CatalogLoadError(out, _("is not a procedure catalog (kind: procedure-catalog)"))
    notes: list[str] = [
        _("{path}: keeps its {key} {value!r} (the import asked for {asked!r})").format(
            path=out, key=key, value=doc.data.get(key), asked=header[key]
        )
        for key in ("province", "level")
        if key in header and str(doc.data.get(key)) != str(header[key])
    ]
    try:
        plan = merge(text, doc.data, procedures)
    except ValueError as exc:
        raise CatalogLoadError(out, str(exc)) from None
    return Written(out, False, text, plan.text, plan, notes, bom=bom)


def write(written: Written) -> None:
    from tthc_cli.runtime.atomic import write_text_atomic

    if written.after != written.before:
        written.path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(written.path, ("\ufeff" if written.bom else "") + written.after)
