"""What `tthc fmt` and `validate --fix` did, file by file: the results reporters read."""

from __future__ import annotations

import codecs
import collections
import difflib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import ngettext
from tthc_cli.validation.fix import Change, Fixed

if TYPE_CHECKING:  # a type only: rendering a result loads no parser
    from tthc_cli.catalog.yamltree import Path_

BOM = codecs.BOM_UTF8


@dataclass(frozen=True, slots=True)
class ValueFix:
    """One value that changed: where, before, after, and by which fixes."""

    path: Path_
    line: int
    old: str
    new: str
    changes: tuple[Change, ...]

    @property
    def encoding(self) -> str | None:
        return Fixed(self.new, self.changes).encoding


@dataclass
class Formatted:
    """The fixed text of one document, the values that changed, and the values left alone."""

    text: str
    fixes: list[ValueFix] = field(default_factory=list)
    unsafe: list[ValueFix] = field(default_factory=list)  # fixes that could not be written back
    skipped: str | None = None  # why the document was not looked at (not a catalog)

    def counts(self) -> collections.Counter[str]:
        """How many values each fix changed, by the fix's name, in the order fixes apply."""
        changes = sorted(
            (change.fix.order, change.fix.name) for fix in self.fixes for change in fix.changes
        )
        return collections.Counter(name for _, name in changes)


@dataclass
class FileResult:
    """One file: its text before and after, and what changed."""

    path: Path
    display: str
    old_text: str
    new_text: str
    bom: bool
    formatted: Formatted
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.new_text != self.old_text

    @property
    def new_bytes(self) -> bytes:
        return (BOM if self.bom else b"") + self.new_text.encode("utf-8")

    @property
    def old_bytes(self) -> bytes:
        """The file as it was read (decoding UTF-8 loses nothing; the BOM is put back)."""
        return (BOM if self.bom else b"") + self.old_text.encode("utf-8")

    def summary(self) -> str:
        """`3 values (spaces 2, nfc 1)`."""
        counts = self.formatted.counts()
        values = len(self.formatted.fixes)
        kinds = ", ".join(f"{name} {count}" for name, count in counts.items())
        # Translators: {kinds} lists fix names with counts, e.g. "spaces 2, nfc 1"; the fix
        # names stay in English (they are the names `--fix` options use).
        return ngettext("{count} value ({kinds})", "{count} values ({kinds})", values).format(
            count=values, kinds=kinds
        )

    def conversions(self) -> Iterator[str]:
        """`file:line: "old" → "new" (TCVN3)` for each legacy-encoded value converted."""
        for fix in self.formatted.fixes:
            encoding = fix.encoding
            if encoding is not None:
                old, new = (json.dumps(s, ensure_ascii=False) for s in (fix.old, fix.new))
                yield f"{self.display}:{fix.line}: {old} → {new} ({encoding})"


@dataclass
class FormatRun:
    """Everything a command reports: each file's result, and the files that failed."""

    files: list[FileResult] = field(default_factory=list)
    errors: list[CatalogLoadError] = field(default_factory=list)  # unreadable, invalid YAML
    write_errors: list[CatalogLoadError] = field(default_factory=list)

    @property
    def changed(self) -> list[FileResult]:
        return [result for result in self.files if result.changed]

    @property
    def skipped(self) -> list[FileResult]:
        return [result for result in self.files if result.formatted.skipped]


_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+")


def unified_diff(result: FileResult) -> str:
    """A unified diff (a/ and b/ file names) of one file's change; lines end at \\n only."""
    name = result.display.lstrip("/")
    old, new = result.old_text, result.new_text
    if result.bom:
        # The file starts with a BOM: the patch's context must too, or `git apply` refuses it.
        old, new = "\ufeff" + old, "\ufeff" + new
    lines = difflib.unified_diff(
        _LINE_RE.findall(old),
        _LINE_RE.findall(new),
        f"a/{name}",
        f"b/{name}",
    )
    return "".join(_with_newline(lines))


def _with_newline(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        if line.endswith("\n"):
            yield line
        else:
            yield line + "\n\\ No newline at end of file\n"


@dataclass
class FmtRun:
    """What `tthc fmt` reports: the files formatted, and whether they were only checked."""

    run: FormatRun
    dry: bool  # --check or --diff: nothing was written

    def exit_code(self) -> int:
        """2 when a file could not be read or written, 1 when a dry run would change one."""
        if self.run.errors or self.run.write_errors:
            return 2
        return 1 if self.dry and self.run.changed else 0
