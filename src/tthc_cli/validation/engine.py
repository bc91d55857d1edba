"""The validation engine: which rules run, at what severity, what is ignored; files in,
findings out.

The work is shared out: files.py reads the files (and the cache), checking.py runs the rules
over them (checking a file again when its fast parse proves wrong), and the files to check
are spread over forked processes when there are enough of them (`tthc_cli.runtime.perf`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tthc_cli.catalog.loading import Document, discover, path_matches
from tthc_cli.catalog.nodepaths import format_path
from tthc_cli.catalog.reference import Reference
from tthc_cli.runtime.perf import collector_paused, fork_map, fork_workers, shared_data
from tthc_cli.validation.cache import FileOutcome, ResultCache, cache_key
from tthc_cli.validation.checking import (
    check_file,
    project_findings,
    summaries,
    until_settled,
)
from tthc_cli.validation.config import Settings
from tthc_cli.validation.files import CatalogFile, read_files, wanted_files
from tthc_cli.validation.findings import Finding, Severity
from tthc_cli.validation.results import ValidationResult
from tthc_cli.validation.rules import REGISTRY, Hit, Rule, RuleContext, matches
from tthc_cli.validation.rules.base import loaded

_IGNORE = re.compile(r"#\s*tthc:\s*ignore(?P<file>-file)?(?:\[(?P<codes>[^\]]*)\])?", re.IGNORECASE)
# A file that does not parse has not been checked: that is never selected away or ignored.
ALWAYS_ON = frozenset({"TT001"})


def enabled_rules(settings: Settings) -> list[Rule]:
    return [
        rule
        for rule in REGISTRY
        if rule.code in ALWAYS_ON
        or (
            any(matches(rule, s) for s in settings.select)
            and not any(matches(rule, s) for s in settings.ignore)
        )
    ]


def _severity(rule: Rule, settings: Settings) -> Severity:
    # The most specific selector wins: a code beats a prefix beats ALL.
    best: tuple[int, Severity] | None = None
    for selector, level in settings.severity.items():
        if matches(rule, selector):
            weight = 100 if selector.lower() == rule.name else len(selector)
            if selector.upper() == "ALL":
                weight = 0
            if best is None or weight > best[0]:
                best = (weight, Severity(level))
    return best[1] if best else rule.severity


@dataclass(frozen=True)
class _Ignores:
    by_line: dict[int, frozenset[str] | None]
    whole_file: frozenset[str] | None  # None: nothing; empty set: everything
    file_all: bool

    def covers(self, rule: Rule, line: int) -> bool:
        if rule.code in ALWAYS_ON:
            return False
        if self.file_all:
            return True
        if self.whole_file and any(matches(rule, s) for s in self.whole_file):
            return True
        if line in self.by_line:
            codes = self.by_line[line]
            return codes is None or any(matches(rule, s) for s in codes)
        return False


def inline_ignores(doc: Document) -> _Ignores:
    if "tthc:" not in doc.text:
        return _Ignores({}, None, False)
    by_line: dict[int, frozenset[str] | None] = {}
    whole: set[str] = set()
    file_all = False
    for number, line in enumerate(doc.lines, start=1):
        if "tthc:" not in line:
            continue
        for match in _IGNORE.finditer(line):
            if not _outside_quotes(line, match.start()):
                continue  # "… # tthc: ignore" inside a quoted value is text, not a comment
            codes_text = match.group("codes")
            codes = (
                frozenset(c.strip() for c in codes_text.split(",") if c.strip())
                if codes_text is not None
                else None
            )
            if match.group("file"):
                if codes is None:
                    file_all = True
                else:
                    whole |= codes
            else:
                by_line[number] = codes
    return _Ignores(by_line, frozenset(whole) if whole else None, file_all)


def _outside_quotes(line: str, end: int) -> bool:
    """Whether position end of a YAML line is outside any quoted scalar (a rough but safe
    reading: quotes before it are balanced, counting '' and \\" escapes)."""
    before = line[:end]
    doubles = before.replace('\\"', "").count('"')
    singles = before.replace("''", "").count("'") if doubles % 2 == 0 else 0
    return doubles % 2 == 0 and singles % 2 == 0 and (end == 0 or before[-1].isspace())


def per_file_ignores(settings: Settings, path: str) -> list[str]:
    selected: list[str] = []
    for pattern, codes in settings.per_file_ignores.items():
        if path_matches(path, [pattern], settings.base_dir):
            selected.extend(codes)
    return selected


class _Emitter:
    """Turns hits into findings, applying severities, inline and per-file ignores."""

    def __init__(self, settings: Settings, rules: Sequence[Rule]) -> None:
        self.settings = settings
        self.severity = {rule.code: _severity(rule, settings) for rule in rules}
        self._ignores: dict[int, tuple[_Ignores, list[str]]] = {}

    def finding(self, rule: Rule, doc: Document, hit: Hit) -> Finding | None:
        target = hit.doc if hit.doc is not None else doc
        known = self._ignores.get(id(target))
        if known is None:
            known = self._ignores[id(target)] = (
                inline_ignores(target),
                per_file_ignores(self.settings, target.path),
            )
        inline, per_file = known
        if inline.covers(rule, hit.line) or any(matches(rule, s) for s in per_file):
            return None
        nodes = target.nodes
        node = hit.path if hit.path is not None else nodes.path_at(hit.line, hit.column)
        return Finding(
            rule=rule.code,
            name=rule.name,
            severity=self.severity[rule.code],
            message=hit.message,
            file=target.path,
            line=hit.line,
            column=hit.column,
            fixable=rule.fixable if hit.fixable is None else hit.fixable,
            path=format_path(node),
            stable_path=nodes.stable(node),
            suggestion=hit.suggestion,
        )


def make_emitter(settings: Settings, rules: Sequence[Rule]) -> _Emitter:
    """What turns the rules' hits into findings, for one pass over some documents (it keeps
    each document's ignores while the pass lasts)."""
    return _Emitter(settings, rules)


def _context(settings: Settings, reference: Reference | None) -> RuleContext:
    return RuleContext(tone_style=settings.tone_style, reference=reference)


def check_documents(
    docs: Sequence[Document],
    settings: Settings,
    rules: Sequence[Rule] | None = None,
    reference: Reference | None = None,
) -> list[Finding]:
    """Run the rules over parsed documents and return sorted findings."""
    rules = list(rules) if rules is not None else enabled_rules(settings)
    ctx = _context(settings, reference)
    emitter = _Emitter(settings, rules)
    outcomes = [check_file(doc, rules, ctx, emitter) for doc in docs]

    def recheck(index: int) -> None:
        outcomes[index] = check_file(docs[index], rules, ctx, emitter)

    project = until_settled(
        lambda: docs,
        lambda: project_findings(
            [
                (doc.path, loaded(doc), out.summaries)
                for doc, out in zip(docs, outcomes, strict=True)
            ],
            rules,
            ctx,
            emitter,
        ),
        recheck,
    )
    findings = [f for out in outcomes for f in out.findings] + project
    findings.sort(key=Finding.sort_key)
    return findings


def validate_paths(
    paths: Sequence[Path],
    settings: Settings,
    *,
    cache: ResultCache | None = None,
    changed: Set[Path] | None = None,
    reference: Reference | None = None,
) -> ValidationResult:
    """Discover, load and check catalog files; unreadable files become load errors.

    With a cache, a file whose text (and the cache key) is unchanged is not parsed: its
    results come from the cache. With changed (resolved paths), only those files are
    reported, together with the files that a cross-file rule checks with them. With a
    reference, the TT15x rules check the lists against it.
    """
    with collector_paused():
        return _validate_paths(paths, settings, cache, changed, reference)


def cache_for(settings: Settings, folder: Path, reference: Reference | None = None) -> ResultCache:
    """The result cache in folder for these settings, reference and the current language."""
    rules = enabled_rules(settings)
    severities = [(r.code, _severity(r, settings)) for r in rules]
    digest = reference.digest if reference is not None else None
    return ResultCache(folder, cache_key(settings, severities, reference=digest))


# Checking is spread over processes only for this many files or more (start-up and passing
# the results back cost about what 100 files do), and over the cores that are idle.
PARALLEL_MIN_FILES = 400


@dataclass(frozen=True)
class _Job:
    """The files of one run to check, shared with the worker processes."""

    files: list[CatalogFile]
    rules: Sequence[Rule]
    settings: Settings
    reference: Reference | None = None


def _workers(files: int) -> int:
    return fork_workers(files, min_items=PARALLEL_MIN_FILES, most=8, idle_only=True)


def _check_chunk(bounds: tuple[int, int]) -> list[FileOutcome]:
    """Check files[start:stop] of the job being mapped (in a worker process, or here)."""
    job = shared_data(_Job)
    ctx = _context(job.settings, job.reference)
    emitter = _Emitter(job.settings, job.rules)
    return [
        check_file(file.loaded(), job.rules, ctx, emitter)
        for file in job.files[bounds[0] : bounds[1]]
    ]


def _check_files(
    files: list[CatalogFile],
    rules: Sequence[Rule],
    settings: Settings,
    reference: Reference | None = None,
) -> list[FileOutcome]:
    """The outcome of each file, in order; over several processes when that pays."""
    workers = _workers(len(files))
    size = max(25, len(files) // (workers * 8)) if workers > 1 else max(1, len(files))
    chunks = [(start, min(start + size, len(files))) for start in range(0, len(files), size)]
    # The worker is a module function that finds its files through shared_data (nothing is
    # pickled); tests replace it to see which process runs it.
    parts = fork_map(
        _check_chunk, chunks, workers=workers, shared=_Job(files, rules, settings, reference)
    )
    return [outcome for part in parts for outcome in part]


def _validate_paths(
    paths: Sequence[Path],
    settings: Settings,
    cache: ResultCache | None,
    changed: Set[Path] | None,
    reference: Reference | None = None,
) -> ValidationResult:
    discovery = discover(paths, exclude=settings.exclude, base=settings.base_dir)
    rules = enabled_rules(settings)
    result = ValidationResult(load_errors=list(discovery.errors), rules=rules, catalogue=REGISTRY)
    ctx = _context(settings, reference)
    emitter = _Emitter(settings, rules)
    names = {rule.code: rule.name for rule in rules}
    files, errors = read_files(discovery.files, settings.max_bytes, cache, names)
    result.load_errors += errors

    wanted = wanted_files(files, changed, rules, ctx)
    todo = [file for file in wanted if file.outcome is None]
    for file, outcome in zip(todo, _check_files(todo, rules, settings, reference), strict=True):
        file.outcome = outcome
        if cache is not None:
            cache.put(file.shown, file.sha, outcome)

    # Files left unchecked by --changed-only still give their summaries to cross-file rules.
    unchecked = {file: summaries(file.loaded(), rules, ctx) for file in files if not file.outcome}

    def summaries_of(file: CatalogFile) -> dict[str, Any]:
        return file.outcome.summaries if file.outcome is not None else unchecked[file]

    def recheck(index: int) -> None:
        file = files[index]
        file.outcome = check_file(file.document(), rules, ctx, emitter)
        if cache is not None:
            cache.put(file.shown, file.sha, file.outcome)

    project = until_settled(
        lambda: [file.doc for file in files],
        lambda: project_findings(
            [(file.shown, file.document, summaries_of(file)) for file in files], rules, ctx, emitter
        ),
        recheck,
    )
    if cache is not None:
        cache.save()

    shown_paths = {file.shown for file in wanted}
    result.checked = [file.shown for file in wanted]
    result.findings = [f for file in wanted if file.outcome for f in file.outcome.findings]
    result.findings += [f for f in project if f.file in shown_paths]
    result.findings.sort(key=Finding.sort_key)
    result.files = len(wanted) + (len(discovery.files) - len(files) if changed is None else 0)
    for file in wanted:
        if file.outcome is not None:
            procedures, communes, hamlets, streets = file.outcome.counts
            result.procedures += procedures
            result.communes += communes
            result.hamlets += hamlets
            result.streets += streets
    return result
