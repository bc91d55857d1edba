"""The files of a validate run: read once, hashed for the cache, decoded and parsed only when a
check needs them; and which of them a `--changed-only` run reports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tthc_cli.catalog.loading import Document, load_text
from tthc_cli.catalog.reading import decode, display_path, read_bytes
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.validation.cache import FileOutcome, ResultCache, digest_bytes
from tthc_cli.validation.checking import summaries
from tthc_cli.validation.rules import Rule, RuleContext


@dataclass(eq=False)  # compared and hashed by identity
class CatalogFile:
    path: Path
    shown: str
    data: bytes
    sha: str
    outcome: FileOutcome | None = None
    doc: Document | None = None
    _text: str | None = None

    @property
    def text(self) -> str:
        """The decoded text. A cached file is decoded only if a finding needs it; its bytes
        decoded before (the cache holds only files that did), so this cannot fail."""
        if self._text is None:
            self._text = decode(self.data, self.path)
        return self._text

    def loaded(self) -> Document:
        """The document read for checking (yaml-rs where it reads the file exactly)."""
        if self.doc is None:
            self.doc = load_text(self.text, self.shown, fast=True)
        return self.doc

    def document(self) -> Document:
        """The document for a cross-file finding: a cached or elsewhere-checked file is parsed
        only now, and only if a finding needs its positions."""
        if self.doc is None:
            self.doc = Document(self.shown, self.text)
        return self.doc


def read_files(
    paths: Sequence[Path],
    max_bytes: int,
    cache: ResultCache | None,
    names: Mapping[str, str],
) -> tuple[list[CatalogFile], list[CatalogLoadError]]:
    """Every readable file with its cached outcome, if any; the others as load errors.
    names: the enabled rules' names by code, for the cache."""
    files: list[CatalogFile] = []
    errors: list[CatalogLoadError] = []
    for path in paths:
        shown = display_path(path)
        try:
            data = read_bytes(path, max_bytes=max_bytes)
            # Bytes are hashed as they are; only a file to be checked is decoded now.
            sha = digest_bytes(data) if cache is not None else ""
            text = None
            if cache is None or not cache.holds(shown, sha):
                text = decode(data, path)
        except CatalogLoadError as exc:
            errors.append(exc)
            continue
        outcome = cache.get(shown, sha, names) if cache is not None else None
        files.append(CatalogFile(path, shown, data, sha, outcome, _text=text))
    return files, errors


def wanted_files(
    files: Sequence[CatalogFile],
    changed: Set[Path] | None,
    rules: Sequence[Rule],
    ctx: RuleContext,
) -> list[CatalogFile]:
    """The files to report: all, or the changed ones and those that share a cross-file scope
    (such as TT102's province, level and date) with one of them."""
    if changed is None:
        return list(files)
    picked = {file for file in files if file.path.resolve() in changed}
    scoped = [rule for rule in rules if rule.scope is not None and rule.summarize is not None]
    if not scoped or not picked:
        return [file for file in files if file in picked]
    scopes: dict[CatalogFile, set[tuple[str, Any]]] = {}
    for file in files:
        found = (
            file.outcome.summaries
            if file.outcome is not None
            else summaries(file.loaded(), scoped, ctx)
        )
        keys: set[tuple[str, Any]] = set()
        for rule in scoped:
            assert rule.scope is not None
            try:
                key = rule.scope(found.get(rule.code))
            except Exception:
                key = None
            if key is not None:
                keys.add((rule.code, key))
        scopes[file] = keys
    touched = set().union(*(scopes[file] for file in picked))
    return [file for file in files if file in picked or scopes[file] & touched]
