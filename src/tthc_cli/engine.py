"""The validation engine: files in, findings out, with severities and ignores applied."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tthc_cli.config import Settings
from tthc_cli.errors import CatalogLoadError
from tthc_cli.findings import Finding, Severity
from tthc_cli.i18n import _
from tthc_cli.loading import (
    Document,
    discover,
    gc_paused,
    iter_items,
    load_document,
    path_matches,
)
from tthc_cli.rules import REGISTRY, Hit, Rule, RuleContext, matches

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


def check_documents(
    docs: Sequence[Document], settings: Settings, rules: Sequence[Rule] | None = None
) -> list[Finding]:
    """Run the rules over parsed documents and return sorted findings."""
    rules = list(rules) if rules is not None else enabled_rules(settings)
    ctx = RuleContext(tone_style=settings.tone_style)
    ignores = {id(doc): inline_ignores(doc) for doc in docs}
    per_file = {id(doc): per_file_ignores(settings, doc.path) for doc in docs}
    findings: list[Finding] = []

    def emit(rule: Rule, doc: Document, hit: Hit) -> None:
        target = hit.doc if hit.doc is not None else doc
        if ignores[id(target)].covers(rule, hit.line):
            return
        if any(matches(rule, s) for s in per_file[id(target)]):
            return
        findings.append(
            Finding(
                rule=rule.code,
                name=rule.name,
                severity=_severity(rule, settings),
                message=hit.message,
                file=target.path,
                line=hit.line,
                column=hit.column,
                fixable=rule.fixable if hit.fixable is None else hit.fixable,
            )
        )

    for doc in docs:
        for rule in rules:
            if rule.check is not None:
                try:
                    for hit in rule.check(doc, ctx):
                        emit(rule, doc, hit)
                except Exception as exc:
                    emit(rule, doc, _crash(rule, exc))
    for rule in rules:
        if rule.check_project is not None and docs:
            try:
                for hit in rule.check_project(docs, ctx):
                    emit(rule, hit.doc if hit.doc is not None else docs[0], hit)
            except Exception as exc:
                emit(rule, docs[0], _crash(rule, exc))
    findings.sort(key=Finding.sort_key)
    return findings


def validate_paths(paths: Sequence[Path], settings: Settings) -> ValidationResult:
    """Discover, load and check catalog files; unreadable files become load errors."""
    with gc_paused():
        return _validate_paths(paths, settings)


def _validate_paths(paths: Sequence[Path], settings: Settings) -> ValidationResult:
    discovery = discover(paths, exclude=settings.exclude, base=settings.base_dir)
    result = ValidationResult(load_errors=list(discovery.errors), rules=enabled_rules(settings))
    docs: list[Document] = []
    for path in discovery.files:
        try:
            docs.append(load_document(path, max_bytes=settings.max_bytes))
        except CatalogLoadError as exc:
            result.load_errors.append(exc)
    result.files = len(discovery.files)
    for doc in docs:
        if doc.kind == "procedure-catalog":
            result.procedures += sum(1 for _item in iter_items(doc, "procedures"))
        elif doc.kind == "units":
            for _index, commune in iter_items(doc, "communes"):
                result.communes += 1
                for key in ("hamlets", "streets"):
                    entries = commune.get(key)
                    count = len(entries) if isinstance(entries, list) else 0
                    if key == "hamlets":
                        result.hamlets += count
                    else:
                        result.streets += count
    result.findings = check_documents(docs, settings, result.rules)
    return result
