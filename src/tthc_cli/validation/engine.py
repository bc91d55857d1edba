"""The validation engine: files in, findings out, with severities and ignores applied."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import re
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc_cli.catalog.loading import (
    Document,
    discover,
    gc_paused,
    iter_items,
    load_text,
    path_matches,
)
from tthc_cli.catalog.reading import decode, display_path, read_bytes
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.cache import FileOutcome, ResultCache, cache_key, digest_bytes
from tthc_cli.validation.config import Settings
from tthc_cli.validation.findings import Finding, Severity
from tthc_cli.validation.rules import REGISTRY, Hit, Rule, RuleContext, matches
from tthc_cli.validation.rules.base import Summary, loaded

_IGNORE = re.compile(r"#\s*tthc:\s*ignore(?P<file>-file)?(?:\[(?P<codes>[^\]]*)\])?", re.IGNORECASE)
# A file that does not parse has not been checked: that is never selected away or ignored.
ALWAYS_ON = frozenset({"TT001"})


@dataclass
class ValidationResult:
    """Everything a reporter needs: findings, load errors, counts and the rules that ran."""

    findings: list[Finding] = field(default_factory=list)
    load_errors: list[CatalogLoadError] = field(default_factory=list)
    files: int = 0
    procedures: int = 0
    communes: int = 0
    hamlets: int = 0
    streets: int = 0
    rules: list[Rule] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def exit_code(self, *, strict: bool = False) -> int:
        if self.load_errors:
            return 2
        if self.errors or (strict and self.warnings):
            return 1
        return 0


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


def _crash(rule: Rule, exc: Exception) -> Hit:
    return Hit(
        # Translators: {code} is a rule code such as TT101; {error} the Python error, e.g.
        # "KeyError: 'name'".
        _("rule {code} could not check this file ({error}); please report it").format(
            code=rule.code, error=f"{type(exc).__name__}: {exc}"
        ),
        1,
        1,
    )


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
        return Finding(
            rule=rule.code,
            name=rule.name,
            severity=self.severity[rule.code],
            message=hit.message,
            file=target.path,
            line=hit.line,
            column=hit.column,
            fixable=rule.fixable if hit.fixable is None else hit.fixable,
        )


def _counts(doc: Document) -> tuple[int, int, int, int]:
    procedures = communes = hamlets = streets = 0
    if doc.kind == "procedure-catalog":
        procedures = sum(1 for _item in iter_items(doc, "procedures"))
    elif doc.kind == "units":
        for _index, commune in iter_items(doc, "communes"):
            communes += 1
            entries = commune.get("hamlets")
            hamlets += len(entries) if isinstance(entries, list) else 0
            entries = commune.get("streets")
            streets += len(entries) if isinstance(entries, list) else 0
    return procedures, communes, hamlets, streets


def _summaries(doc: Document, rules: Sequence[Rule], ctx: RuleContext) -> dict[str, Any]:
    summaries: dict[str, Any] = {}
    for rule in rules:
        if rule.summarize is not None:
            try:
                summaries[rule.code] = rule.summarize(doc, ctx)
            except Exception:
                summaries[rule.code] = None  # its crash is reported by the file rules' run
    return summaries


def _outcome(
    doc: Document, rules: Sequence[Rule], ctx: RuleContext, emitter: _Emitter
) -> FileOutcome:
    """Run the per-file rules over one document.

    A fast-path document is parsed in full when a rule asks for a position. Should that parse
    read other data than yaml-rs did (never seen; `fastload` keeps such files away), the
    document switches to the full parse's data and the rules run again.
    """
    while True:
        mismatched = doc.mismatch
        findings: list[Finding] = []
        for rule in rules:
            if rule.check is None:
                continue
            try:
                hits = list(rule.check(doc, ctx))
            except Exception as exc:
                hits = [_crash(rule, exc)]
            for hit in hits:
                finding = emitter.finding(rule, doc, hit)
                if finding is not None:
                    findings.append(finding)
        summaries = _summaries(doc, rules, ctx)
        if doc.mismatch == mismatched:
            return FileOutcome(findings, summaries, _counts(doc))


def _project_findings(
    items: Sequence[tuple[str, Callable[[], Document], dict[str, Any]]],
    rules: Sequence[Rule],
    ctx: RuleContext,
    emitter: _Emitter,
) -> list[Finding]:
    """The cross-file rules' findings. Items are (path, document getter, summaries): a file
    known only by its cached summaries is read and parsed only if a finding needs it."""
    findings: list[Finding] = []
    if not items:
        return findings
    for rule in rules:
        if rule.check_summaries is not None:
            summaries = [Summary(path, found.get(rule.code), get) for path, get, found in items]
            hits: Iterable[Hit] = rule.check_summaries(summaries, ctx)
        elif rule.check_project is not None:
            hits = rule.check_project([get() for _, get, _ in items], ctx)
        else:
            continue
        first = items[0][1]
        try:
            for hit in hits:
                finding = emitter.finding(rule, hit.doc or first(), hit)
                if finding is not None:
                    findings.append(finding)
        except Exception as exc:
            finding = emitter.finding(rule, first(), _crash(rule, exc))
            if finding is not None:
                findings.append(finding)
    return findings


def check_documents(
    docs: Sequence[Document], settings: Settings, rules: Sequence[Rule] | None = None
) -> list[Finding]:
    """Run the rules over parsed documents and return sorted findings."""
    rules = list(rules) if rules is not None else enabled_rules(settings)
    ctx = RuleContext(tone_style=settings.tone_style)
    emitter = _Emitter(settings, rules)
    outcomes = [_outcome(doc, rules, ctx, emitter) for doc in docs]
    while True:
        mismatched = [doc.mismatch for doc in docs]
        project = _project_findings(
            [
                (doc.path, loaded(doc), out.summaries)
                for doc, out in zip(docs, outcomes, strict=True)
            ],
            rules,
            ctx,
            emitter,
        )
        flipped = [i for i, doc in enumerate(docs) if doc.mismatch != mismatched[i]]
        if not flipped:
            break
        for i in flipped:  # a position lookup found yaml-rs data wrong: check that file again
            outcomes[i] = _outcome(docs[i], rules, ctx, emitter)
    findings = [f for out in outcomes for f in out.findings] + project
    findings.sort(key=Finding.sort_key)
    return findings


def validate_paths(
    paths: Sequence[Path],
    settings: Settings,
    *,
    cache: ResultCache | None = None,
    changed: Set[Path] | None = None,
) -> ValidationResult:
    """Discover, load and check catalog files; unreadable files become load errors.

    With a cache, a file whose text (and the cache key) is unchanged is not parsed: its
    results come from the cache. With changed (resolved paths), only those files are
    reported, together with the files that a cross-file rule checks with them.
    """
    with gc_paused():
        return _validate_paths(paths, settings, cache, changed)


def cache_for(settings: Settings, folder: Path) -> ResultCache:
    """The result cache in folder for these settings and the current language."""
    rules = enabled_rules(settings)
    return ResultCache(folder, cache_key(settings, rules, [_severity(r, settings) for r in rules]))


@dataclass(eq=False)  # compared and hashed by identity
class _File:
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


# Checking is spread over processes only for this many files or more (start-up and passing
# the results back cost about what 100 files do), where processes can be forked, and over the
# cores that are idle: on a busy machine (the 1-minute load average) extra processes only
# compete with each other, and measured no faster than one.
PARALLEL_MIN_FILES = 400
_WORK: tuple[list[_File], Sequence[Rule], Settings] | None = None


def _workers(files: int) -> int:
    if files < PARALLEL_MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        idle = (cpus or 1) - os.getloadavg()[0]
    except OSError:
        return 1
    return max(1, min(int(idle + 0.5), 8))


def _check_chunk(bounds: tuple[int, int]) -> list[FileOutcome]:
    """Check files[start:stop] of the forked parent's work (runs in a worker process)."""
    assert _WORK is not None
    files, rules, settings = _WORK
    ctx = RuleContext(tone_style=settings.tone_style)
    emitter = _Emitter(settings, rules)
    return [_outcome(file.loaded(), rules, ctx, emitter) for file in files[bounds[0] : bounds[1]]]


def _check_files(
    files: list[_File], rules: Sequence[Rule], settings: Settings
) -> list[FileOutcome]:
    """The outcome of each file, in order; over several processes when that pays."""
    global _WORK
    workers = _workers(len(files))
    if workers > 1:
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        size = max(25, len(files) // (workers * 8))
        chunks = [(start, min(start + size, len(files))) for start in range(0, len(files), size)]
        _WORK = (files, rules, settings)
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                return [out for part in pool.map(_check_chunk, chunks) for out in part]
        except (OSError, BrokenProcessPool, pickle.PicklingError):
            pass  # no processes to be had, or a result that cannot travel: check here instead
        finally:
            _WORK = None
    ctx = RuleContext(tone_style=settings.tone_style)
    emitter = _Emitter(settings, rules)
    return [_outcome(file.loaded(), rules, ctx, emitter) for file in files]


def _validate_paths(
    paths: Sequence[Path],
    settings: Settings,
    cache: ResultCache | None,
    changed: Set[Path] | None,
) -> ValidationResult:
    discovery = discover(paths, exclude=settings.exclude, base=settings.base_dir)
    rules = enabled_rules(settings)
    result = ValidationResult(load_errors=list(discovery.errors), rules=rules)
    ctx = RuleContext(tone_style=settings.tone_style)
    emitter = _Emitter(settings, rules)
    files: list[_File] = []
    for path in discovery.files:
        shown = display_path(path)
        try:
            data = read_bytes(path, max_bytes=settings.max_bytes)
            # Bytes are hashed as they are; only a file to be checked is decoded now.
            sha = digest_bytes(data) if cache is not None else ""
            text = None
            if cache is None or not cache.holds(shown, sha):
                text = decode(data, path)
        except CatalogLoadError as exc:
            result.load_errors.append(exc)
            continue
        outcome = cache.get(shown, sha) if cache is not None else None
        files.append(_File(path, shown, data, sha, outcome, _text=text))

    wanted = _wanted(files, changed, rules, ctx)
    todo = [file for file in wanted if file.outcome is None]
    for file, outcome in zip(todo, _check_files(todo, rules, settings), strict=True):
        file.outcome = outcome
        if cache is not None:
            cache.put(file.shown, file.sha, outcome)

    # Files left unchecked by --changed-only still give their summaries to cross-file rules.
    unchecked = {file: _summaries(file.loaded(), rules, ctx) for file in files if not file.outcome}

    def summaries(file: _File) -> dict[str, Any]:
        return file.outcome.summaries if file.outcome is not None else unchecked[file]

    while True:
        # A document made only now, for a finding, starts unflipped.
        mismatched = [file.doc is not None and file.doc.mismatch for file in files]
        project = _project_findings(
            [(file.shown, file.document, summaries(file)) for file in files], rules, ctx, emitter
        )
        flipped = [
            f
            for f, m in zip(files, mismatched, strict=True)
            if f.doc is not None and f.doc.mismatch != m
        ]
        if not flipped:
            break
        for file in flipped:  # a position lookup found yaml-rs data wrong: check it again
            file.outcome = _outcome(file.document(), rules, ctx, emitter)
            if cache is not None:
                cache.put(file.shown, file.sha, file.outcome)
    if cache is not None:
        cache.save()

    shown_paths = {file.shown for file in wanted}
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


def _wanted(
    files: Sequence[_File], changed: Set[Path] | None, rules: Sequence[Rule], ctx: RuleContext
) -> list[_File]:
    """The files to report: all, or the changed ones and those that share a cross-file scope
    (such as TT102's province, level and date) with one of them."""
    if changed is None:
        return list(files)
    picked = {file for file in files if file.path.resolve() in changed}
    scoped = [rule for rule in rules if rule.scope is not None and rule.summarize is not None]
    if not scoped or not picked:
        return [file for file in files if file in picked]
    scopes: dict[_File, set[tuple[str, Any]]] = {}
    for file in files:
        found = (
            file.outcome.summaries
            if file.outcome is not None
            else _summaries(file.loaded(), scoped, ctx)
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
