"""Running the rules: per-file rules over one document, cross-file rules over many, and the
loop that checks a file again when its fast parse proves wrong.

A document read by yaml-rs's fast path (`load_text(fast=True)`) is parsed in full when a rule
asks for a position. Should that parse read other data than yaml-rs did (never seen: the fast
path keeps such files away), the document flips to the full parse's data (`Document.mismatch`)
and what was checked on the old data is checked again: `until_settled` is that loop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, TypeVar

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.cache import FileOutcome
from tthc_cli.validation.findings import Finding
from tthc_cli.validation.rules import Hit, Rule, RuleContext
from tthc_cli.validation.rules.base import Summary

_T = TypeVar("_T")


class Emitter(Protocol):
    """Turns a rule's hit into a finding, or None when it is ignored."""

    def finding(self, rule: Rule, doc: Document, hit: Hit) -> Finding | None: ...


def until_settled(
    docs: Callable[[], Sequence[Document | None]],
    run: Callable[[], _T],
    recheck: Callable[[int], None] = lambda index: None,
) -> _T:
    """run(), again until no document of docs() flipped to its full parse during it; before
    each new run, recheck(i) for every document i that flipped. A document that is None (not
    made yet) counts as unflipped."""
    while True:
        before = [doc is not None and doc.mismatch for doc in docs()]
        result = run()
        flipped = [
            index
            for index, doc in enumerate(docs())
            if doc is not None and doc.mismatch != before[index]
        ]
        if not flipped:
            return result
        for index in flipped:
            recheck(index)


def crash(rule: Rule, exc: Exception) -> Hit:
    return Hit(
        # Translators: {code} is a rule code such as TT101; {error} the Python error, e.g.
        # "KeyError: 'name'".
        _("rule {code} could not check this file ({error}); please report it").format(
            code=rule.code, error=f"{type(exc).__name__}: {exc}"
        ),
        1,
        1,
    )


def counts(doc: Document) -> tuple[int, int, int, int]:
    """Procedures, communes, hamlets and streets of one document."""
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


def summaries(doc: Document, rules: Sequence[Rule], ctx: RuleContext) -> dict[str, Any]:
    """What each cross-file rule keeps of one document, by rule code."""
    found: dict[str, Any] = {}
    for rule in rules:
        if rule.summarize is not None:
            try:
                found[rule.code] = rule.summarize(doc, ctx)
            except Exception:
                found[rule.code] = None  # its crash is reported by the file rules' run
    return found


def check_file(
    doc: Document, rules: Sequence[Rule], ctx: RuleContext, emitter: Emitter
) -> FileOutcome:
    """Run the per-file rules over one document (again, should it flip during the run)."""

    def run() -> FileOutcome:
        findings: list[Finding] = []
        for rule in rules:
            if rule.check is None:
                continue
            try:
                hits = list(rule.check(doc, ctx))
            except Exception as exc:
                hits = [crash(rule, exc)]
            for hit in hits:
                finding = emitter.finding(rule, doc, hit)
                if finding is not None:
                    findings.append(finding)
        return FileOutcome(findings, summaries(doc, rules, ctx), counts(doc))

    return until_settled(lambda: [doc], run)


def project_findings(
    items: Sequence[tuple[str, Callable[[], Document], dict[str, Any]]],
    rules: Sequence[Rule],
    ctx: RuleContext,
    emitter: Emitter,
) -> list[Finding]:
    """The cross-file rules' findings. Items are (path, document getter, summaries): a file
    known only by its cached summaries is read and parsed only if a finding needs it."""
    findings: list[Finding] = []
    if not items:
        return findings
    for rule in rules:
        if rule.check_summaries is not None:
            kept = [Summary(path, found.get(rule.code), get) for path, get, found in items]
            hits: Iterable[Hit] = rule.check_summaries(kept, ctx)
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
            finding = emitter.finding(rule, first(), crash(rule, exc))
            if finding is not None:
                findings.append(finding)
    return findings
