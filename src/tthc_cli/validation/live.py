"""A workspace validated as it is edited: what `tthc lsp` asks of validation.

It gives the findings `tthc validate` would give, with the same settings and ignores, for the
texts an editor holds, which may differ from the files on disk. Each file is checked once per
text: the per-file rules only for the open files, the cross-file rules (TT102) over small
per-file summaries of every catalog of the workspace, the unopened ones read once from disk.
A file that cannot be read counts as absent; nothing here raises on bad input.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
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
    scopes: frozenset[tuple[str, Any]]  # (rule, scope) of the cross-file rules with one
    open_doc: Document | None = None  # the editor's text, when open
    outcome: FileOutcome | None = None  # the per-file rules' findings, for an open file
    # What hovers look up; for an open file worked out only when a hover asks.
    _lookups: tuple[list[ProcedureRef], dict[str, int]] | None = field(default=None, repr=False)

    def lookups(self) -> tuple[list[ProcedureRef], dict[str, int]]:
        """Its procedures, and how often it cites each document number."""
        if self._lookups is None and self.open_doc is not None:
            self._lookups = (list(_procedures(self.open_doc)), _numbers(self.open_doc))
        return self._lookups or ([], {})


def _order(shown: str) -> list[tuple[int, str]]:
    """The order discovery walks files in (a folder's files, then its sub-folders, by name),
    which decides which of two files a cross-file finding is reported on."""
    parts = shown.split("/")
    return [(1, part) for part in parts[:-1]] + [(0, parts[-1])]


class LiveWorkspace:
    """The catalogs under one folder, with the texts an editor has open laid over them."""

    def __init__(self, root: Path, settings: Settings) -> None:
        self.root = root
        self.settings = settings
        self.rules = enabled_rules(settings)
        reference = None
        if settings.reference:
            # The same reference as `tthc validate`: the reference rules judge as they do there.
            from tthc_cli.catalog.reference import load_reference

            reference = load_reference(settings.reference_paths, max_bytes=settings.max_bytes)
        self.ctx = RuleContext(tone_style=settings.tone_style, reference=reference)
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
        found = summaries(doc, self.rules, self.ctx)
        entry = _File(path, digest(text), found, self._scopes(found))
        entry._lookups = (list(_procedures(doc)), _numbers(doc))
        return entry

    def _scopes(self, found: dict[str, Any]) -> frozenset[tuple[str, Any]]:
        keys = set()
        for rule in self.rules:
            if rule.scope is not None and rule.summarize is not None:
                with contextlib.suppress(Exception):
                    key = rule.scope(found.get(rule.code))
                    if key is not None:
                        keys.add((rule.code, key))
        return frozenset(keys)

    def open(self, path: Path, text: str) -> list[str]:
        """An editor's text of path (opened or changed); returns the open files whose findings
        may have changed."""
        shown = self.shown(path)
        known = self._files.get(shown)
        sha = digest(text)
        if known is not None and known.open_doc is not None and known.sha == sha:
            return []
        # A text that had findings will have positions computed again: parse it fully at once
        # rather than with yaml-rs first and then in full.
        had_findings = known is not None and known.outcome is not None and known.outcome.findings
        doc = load_text(text, shown, fast=not had_findings)
        outcome = check_file(doc, self.rules, self.ctx, make_emitter(self.settings, self.rules))
        found = outcome.summaries
        self._files[shown] = _File(path, sha, found, self._scopes(found), doc, outcome)
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
        """The cross-file findings on the open files: only the files that share a scope with
        an open file take part (all of them, should a cross-file rule have no scope)."""
        scoped = all(
            rule.scope is not None
            for rule in self.rules
            if rule.check_summaries is not None or rule.check_project is not None
        )
        wanted = set().union(*(e.scopes for e in self._files.values() if e.open_doc is not None))
        emitter = make_emitter(self.settings, self.rules)
        loaded: dict[str, Document] = {}  # a file on disk is parsed once per pass, if at all
        taking = [(s, e) for s, e in self._files.items() if not scoped or e.scopes & wanted]
        items = [
            (shown, self._getter(shown, loaded), entry.summaries)
            for shown, entry in sorted(taking, key=lambda item: _order(item[0]))
        ]
        found: dict[str, list[Finding]] = {}
        for finding in project_findings(items, self.rules, self.ctx, emitter):
            found.setdefault(finding.file, []).append(finding)
        return found

    def _getter(self, shown: str, loaded: dict[str, Document]) -> Callable[[], Document]:
        entry = self._files[shown]

        def document() -> Document:
            if entry.open_doc is not None:
                return entry.open_doc
            doc = loaded.get(shown)
            if doc is None:
                try:
                    text = read_text(entry.path, max_bytes=self.settings.max_bytes)
                except CatalogLoadError:
                    text = ""
                doc = loaded[shown] = Document(shown, text)
            return doc

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
            for _shown, entry in sorted(self._files.items(), key=lambda item: _order(item[0]))
            for ref in entry.lookups()[0]
            if national_part(ref.code) == key
        ]

    def number_uses(self, number: str) -> dict[str, int]:
        """The files that cite a document number, with how many times."""
        uses = {shown: entry.lookups()[1].get(number, 0) for shown, entry in self._files.items()}
        return {shown: count for shown, count in sorted(uses.items()) if count}


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
