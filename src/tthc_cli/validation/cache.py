"""The results of `tthc validate` per file, kept in the one catalog cache (`catalog.cache`).

For each catalog path the store keeps, under the SHA-256 of its bytes, what checking it gave:
the findings of the per-file rules (after severities and ignores), the summaries that
cross-file rules keep of it, and its counts. Besides the store's own key (tthc version and
source, library versions), the results depend on the effective settings and rules, the
message language, the working folder and the year (TT108 judges years against it): another
of those means an empty cache. A damaged entry is recomputed; the store's guarantees
(checksummed, atomic, only a cache) hold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tthc_cli.catalog.cache import CACHE_DIR, MISS, Store, digest, digest_bytes
from tthc_cli.validation.config import Settings
from tthc_cli.validation.findings import Finding, Severity, Suggestion

__all__ = ["CACHE_DIR", "FileOutcome", "ResultCache", "cache_key", "digest", "digest_bytes"]

_NAME = "validate"
_FORMAT = 3  # 3: YAML paths and offered fixes are kept


@dataclass
class FileOutcome:
    """What checking one file gave, apart from the cross-file rules' findings."""

    findings: list[Finding]
    summaries: dict[str, Any]  # rule code -> JSON-able summary
    counts: tuple[int, int, int, int]  # procedures, communes, hamlets, streets


def cache_key(
    settings: Settings, rules: Sequence[tuple[str, Severity]], *, reference: str | None = None
) -> dict[str, Any]:
    """Everything besides a file's bytes and the store's own key that its results depend on;
    rules are the codes of the enabled rules with their severities, reference the digest of the
    reference's content (`Reference.digest`: the reference's files change without the
    settings)."""
    from tthc_cli.runtime.i18n import current_language

    return {
        "format": _FORMAT,
        **settings.cache_key(),
        "rules": [[code, str(severity)] for code, severity in rules],
        "language": current_language(),
        "year": dt.date.today().year,
        "reference": reference,
    }


class ResultCache:
    """The results of one validate run's settings in the store of a cache folder."""

    def __init__(self, folder: Path, key: object) -> None:
        self.folder = folder
        self.key = key
        self._store = Store(folder, _NAME, key)
        self.hits = 0
        self.misses = 0

    def holds(self, path: str, sha: str) -> bool:
        """Whether an entry for this text is stored (it may still prove damaged in `get`)."""
        return self._store.holds(path, sha)

    def get(self, path: str, sha: str, names: Mapping[str, str]) -> FileOutcome | None:
        """The stored outcome of this text; names: the enabled rules' names by code (a finding
        of any other rule means a damaged entry)."""
        entry = self._store.get(path, sha)
        outcome = _outcome(path, entry, names) if entry is not MISS else None
        if outcome is None:
            self.misses += 1
        else:
            self.hits += 1
        return outcome

    def put(self, path: str, sha: str, outcome: FileOutcome) -> None:
        findings = tuple(
            (f.rule, str(f.severity), str(f.message), f.line, f.column, f.fixable, f.path)
            + (f.stable_path,)
            + ((f.suggestion.description, f.suggestion.replacement) if f.suggestion else ())
            for f in outcome.findings
        )
        self._store.put(path, sha, (findings, outcome.summaries, tuple(outcome.counts)))

    def save(self) -> None:
        """Write the cache if anything changed; a folder that cannot be written is left be."""
        self._store.save()


def _outcome(path: str, entry: Any, names: Mapping[str, str]) -> FileOutcome | None:
    """The stored outcome, or None when it is damaged."""
    try:
        stored, summaries, counts = entry
        findings = []
        for item in stored:
            code, severity, message, line, column, fixable, node, stable, *offered = item
            suggestion = Suggestion(*offered) if offered else None
            if not (
                isinstance(message, str)
                and type(line) is int
                and type(column) is int
                and isinstance(fixable, bool)
            ):
                return None
            findings.append(
                Finding(
                    rule=code,
                    name=names[code],
                    severity=Severity(severity),
                    message=message,
                    file=path,
                    line=line,
                    column=column,
                    fixable=fixable,
                    path=node,
                    stable_path=stable,
                    suggestion=suggestion,
                )
            )
        if not isinstance(summaries, dict) or type(counts) is not tuple or len(counts) != 4:
            return None
        if not all(type(c) is int for c in counts):
            return None
    except (KeyError, TypeError, ValueError):
        return None
    return FileOutcome(findings, summaries, (counts[0], counts[1], counts[2], counts[3]))
