"""A workspace validated as it is edited: what `tthc lsp` asks of validation.

It gives the findings `tthc validate` would give, with the same settings and ignores, for the
texts an editor holds, which may differ from the files on disk. Each file is checked once per
text: the per-file rules only for the open files, the cross-file rules (TT102) over small
per-file summaries of every catalog of the workspace, the unopened ones read once from disk.
A file that cannot be read counts as absent; nothing here raises on bad input.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc_cli.catalog.loading import (
    CATALOG_SUFFIXES,
    Document,
    discover,
    iter_items,
    load_text,
    path_matches,
)
from tthc_cli.catalog.reading import read_text
from tthc_cli.domain.codes import national_part
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.validation.cache import FileOutcome, digest
from tthc_cli.validation.checking import check_file, project_findings, summaries
from tthc_cli.validation.config import Settings
from tthc_cli.validation.engine import enabled_rules, make_emitter
from tthc_cli.validation.findings import Finding
from tthc_cli.validation.rules import RuleContext


@dataclass(frozen=True, slots=True)
class ProcedureRef:
    """A procedure of the workspace, for look-ups: its code and name, file and list index."""

    code: str
    name: str
    file: str
    index: int


@dataclass
class _File:
    path: Path
    sha: str
    summaries: dict[str, Any]
    procedures: list[ProcedureRef]
    numbers: dict[str, int] = field(default_factory=dict)  # document number -> uses
    open_doc: Document | None = None  # the editor's text, when open
    outcome: FileOutcome | None = None  # the per-file rules' findings, for an open file


class LiveWorkspace:
    """The catalogs under one folder, with the texts an editor has open laid over them."""

    def __init__(self, root: Path, settings: Settings) -> None:
        self.root = root
        self.settings = settings
        self.rules = enabled_rules(settings)
        self.ctx = RuleContext(tone_style=settings.tone_style)
        self._files: dict[str, _File] = {}
        self._project: dict[str, list[Finding]] = {}

    # ------------------------------------------------------------------ contents

    def scan(self) -> int:
        """Read every catalog under the root (summaries only); returns how many."""
        found = discover([self.root], exclude=self.settings.exclude, base=self.settings.base_dir)
        for path in found.files:
            shown = self.shown(path)
            if shown not in self._files:
                with contextlib.suppress(CatalogLoadError):
                    text = read_text(path, max_bytes=self.settings.max_bytes)
                    self._files[shown] = self._summarized(path, shown, text)
        self._project = self._cross_file()
        return len(self._files)

    def shown(self, path: Path) -> str:
        """The path as `tthc validate` run in the root shows it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.resolve().as_posix()

    def _summarized(self, path: Path, shown: str, text: str) -> _File:
        doc = load_text(text, shown, fast=True)
        return _File(
            path,
            digest(text),
            summaries(doc, self.rules, self.ctx),
            list(_procedures(doc)),
            _numbers(doc),
        )

    def open(self, path: Path, text: str) -> list[str]:
        """An editor's text of path (opened or changed); returns the open files whose findings
        may have changed."""
        shown = self.shown(path)
        known = self._files.get(shown)
        sha = digest(text)
        if known is not None and known.open_doc is not None and known.sha == sha:
            return []
        doc = load_text(text, shown, fast=True)
        outcome = check_file(doc, self.rules, self.ctx, make_emitter(self.settings, self.rules))
        self._files[shown] = _File(
            path, sha, outcome.summaries, list(_procedures(doc)), _numbers(doc), doc, outcome
        )
        return self._refresh(shown)

    def close(self, path: Path) -> list[str]:
        """The editor closed path: the file on disk counts again (or none, if it is gone)."""
        shown = self.shown(path)
        self._files.pop(shown, None)
        with contextlib.suppress(CatalogLoadError, OSError):
            if path.is_file() and self.wanted(path):
                text = read_text(path, max_bytes=self.settings.max_bytes)
                self._files[shown] = self._summarized(path, shown, text)
        return self._refresh(shown)

    def wanted(self, path: Path) -> bool:
        """Whether `tthc validate` run in the root checks this file (a catalog suffix, under
        the root, not excluded by the configuration)."""
        shown = self.shown(path)
        if shown.startswith("/") or not shown.endswith(CATALOG_SUFFIXES):
            return False
        if any(part.startswith(".") for part in shown.split("/")):
            return False  # hidden files and folders, as discovery leaves them out
        return not path_matches(shown, self.settings.exclude, self.settings.base_dir)

    def _refresh(self, changed: str) -> list[str]:
        before = self._project
        self._project = self._cross_file()
        touched = {changed} | {
            name
            for name in before.keys() | self._project.keys()
            if before.get(name, []) != self._project.get(name, [])
        }
        return sorted(name for name in touched if self.is_open(name) or name == changed)

    def _cross_file(self) -> dict[str, list[Finding]]:
        emitter = make_emitter(self.settings, self.rules)
        items = [
            (shown, self._getter(shown), entry.summaries) for shown, entry in self._files.items()
        ]
        found: dict[str, list[Finding]] = {}
        for finding in project_findings(items, self.rules, self.ctx, emitter):
            found.setdefault(finding.file, []).append(finding)
        return found

    def _getter(self, shown: str) -> Any:
        entry = self._files[shown]

        def document() -> Document:
            if entry.open_doc is not None:
                return entry.open_doc
            try:
                return Document(shown, read_text(entry.path, max_bytes=self.settings.max_bytes))
            except CatalogLoadError:
                return load_text("", shown)

        return document

    # ------------------------------------------------------------------ questions

    def is_open(self, shown: str) -> bool:
        entry = self._files.get(shown)
        return entry is not None and entry.open_doc is not None

    def document(self, path: Path) -> Document | None:
        entry = self._files.get(self.shown(path))
        return entry.open_doc if entry is not None else None

    def findings(self, path: Path) -> list[Finding]:
        """What `tthc validate` reports for path as the editor holds it, sorted."""
        shown = self.shown(path)
        entry = self._files.get(shown)
        own = entry.outcome.findings if entry is not None and entry.outcome is not None else []
        return sorted([*own, *self._project.get(shown, [])], key=Finding.sort_key)

    def procedures_like(self, code: str) -> list[ProcedureRef]:
        """Every procedure of the workspace whose national code is code's, file by file."""
        key = national_part(code)
        return [
            ref
            for _shown, entry in sorted(self._files.items())
            for ref in entry.procedures
            if national_part(ref.code) == key
        ]

    def number_uses(self, number: str) -> dict[str, int]:
        """The files that cite a document number, with how many times."""
        return {
            shown: entry.numbers[number]
            for shown, entry in sorted(self._files.items())
            if number in entry.numbers
        }


def _procedures(doc: Document) -> Iterator[ProcedureRef]:
    if doc.kind != "procedure-catalog":
        return
    for index, item in iter_items(doc, "procedures"):
        code, name = item.get("code"), item.get("name")
        if isinstance(code, str):
            yield ProcedureRef(code.strip(), name if isinstance(name, str) else "", doc.path, index)


def _numbers(doc: Document) -> dict[str, int]:
    from tthc_cli.validation.rules._walk import document_numbers

    counts: dict[str, int] = {}
    with contextlib.suppress(Exception):  # a file mid-edit may be any shape
        for _path, number in document_numbers(doc):
            counts[number] = counts.get(number, 0) + 1
    return counts
