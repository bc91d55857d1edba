"""A content-hash cache of `tthc validate` results per file, under `.tthc-cache/`.

One JSON file (after a line with its own SHA-256, so a damaged file is noticed) holds, for
each catalog path, the SHA-256 of its text and what checking it gave: the findings of the
per-file rules (after severities and ignores), the summaries that cross-file rules keep of it,
and its counts. The whole cache belongs to one *key*: the tthc version and source, the parser
and schema library versions, the effective settings and rules, the message language, the
working folder and the year (TT108 judges years against it). Another key means an empty cache.
A corrupt, unreadable or unwritable cache never breaks a run: what cannot be read is
recomputed, what cannot be written is skipped, and writes are atomic.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tthc_cli.runtime.atomic import write_text_atomic
from tthc_cli.validation.config import Settings
from tthc_cli.validation.findings import Finding, Severity, Suggestion

CACHE_DIR = ".tthc-cache"
_FILE = "validate.json"
_FORMAT = 2
# Entries of files not seen in a run are kept (another run may check another folder) until
# there are this many; then only the files of the current run are kept.
MAX_ENTRIES = 50_000


@dataclass
class FileOutcome:
    """What checking one file gave, apart from the cross-file rules' findings."""

    findings: list[Finding]
    summaries: dict[str, Any]  # rule code -> JSON-able summary
    counts: tuple[int, int, int, int]  # procedures, communes, hamlets, streets


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def digest_bytes(data: bytes) -> str:
    """`digest` of the text these UTF-8 bytes decode to, without decoding them."""
    if data.startswith(codecs.BOM_UTF8):  # the text has no BOM: read_text drops it
        return hashlib.sha256(memoryview(data)[len(codecs.BOM_UTF8) :]).hexdigest()
    return hashlib.sha256(data).hexdigest()


@lru_cache(maxsize=1)
def _source_digest() -> str:
    """The package's own code: a rule changed without a version bump must not reuse results."""
    root = Path(__file__).resolve().parent.parent  # the whole tthc_cli package
    sha = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        sha.update(path.relative_to(root).as_posix().encode())
        with contextlib.suppress(OSError):
            sha.update(path.read_bytes())
    return sha.hexdigest()


def cache_key(
    settings: Settings, rules: Sequence[tuple[str, Severity]], *, reference: str | None = None
) -> str:
    """Everything besides a file's own text that its results depend on; rules are the codes
    of the enabled rules with their severities, reference the digest of the reference's
    content (`Reference.digest`: the reference's files change without the settings)."""
    import pydantic
    import yaml

    from tthc_cli import __version__
    from tthc_cli.catalog import fast as fastload
    from tthc_cli.runtime.i18n import current_language

    base = settings.base_dir
    parts = {
        "format": _FORMAT,
        "tthc": __version__,
        "source": _source_digest(),
        "libraries": [
            yaml.__version__,
            pydantic.VERSION,
            fastload.yaml_rs_version(),
        ],
        "settings": settings.model_dump(mode="json"),
        "base": str(base.resolve()) if base is not None else None,
        "cwd": os.getcwd(),
        "rules": [[code, str(severity)] for code, severity in rules],
        "language": current_language(),
        "year": dt.date.today().year,
        "reference": reference,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class ResultCache:
    """The cache file of one folder, read once and written back once (atomically)."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.key = key
        self._files: dict[str, Any] = {}
        self._seen: set[str] = set()
        self._dirty = False
        self.hits = 0
        self.misses = 0
        try:
            check, _, body = (folder / _FILE).read_text(encoding="utf-8").partition("\n")
            if check != _checksum(body):
                return  # damaged or edited: start afresh
            stored = json.loads(body)
        except (OSError, ValueError, UnicodeDecodeError):
            return
        if (
            isinstance(stored, dict)
            and stored.get("format") == _FORMAT
            and stored.get("key") == key
            and isinstance(stored.get("files"), dict)
        ):
            self._files = stored["files"]

    def holds(self, path: str, sha: str) -> bool:
        """Whether an entry for this text is stored (it may still prove damaged in `get`)."""
        entry = self._files.get(path)
        return isinstance(entry, dict) and entry.get("sha") == sha

    def get(self, path: str, sha: str, names: Mapping[str, str]) -> FileOutcome | None:
        """The stored outcome of this text; names: the enabled rules' names by code (a finding
        of any other rule means a damaged entry)."""
        self._seen.add(path)
        entry = self._files.get(path)
        outcome = _outcome(path, sha, entry, names)
        if outcome is None:
            self.misses += 1
        else:
            self.hits += 1
        return outcome

    def put(self, path: str, sha: str, outcome: FileOutcome) -> None:
        self._seen.add(path)
        self._files[path] = {
            "sha": sha,
            "findings": [
                [
                    f.rule,
                    str(f.severity),
                    f.message,
                    f.line,
                    f.column,
                    f.fixable,
                    f.path,
                    f.stable_path,
                ]
                + ([list(f.suggestion.as_dict().values())] if f.suggestion is not None else [])
                for f in outcome.findings
            ],
            "summaries": outcome.summaries,
            "counts": list(outcome.counts),
        }
        self._dirty = True

    def save(self) -> None:
        """Write the cache if anything changed; a folder that cannot be written is left be."""
        if not self._dirty:
            return
        if len(self._files) > MAX_ENTRIES:
            self._files = {path: self._files[path] for path in self._seen if path in self._files}
        text = json.dumps(
            {"format": _FORMAT, "key": self.key, "files": self._files},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        created = not self.folder.exists()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                write_text_atomic(ignore, "*\n")
            write_text_atomic(self.folder / _FILE, _checksum(text) + "\n" + text)
            self._dirty = False
        except (OSError, ValueError):
            if created:  # a full disk or a read-only tree keeps no half-made cache folder
                with contextlib.suppress(OSError):
                    (self.folder / ".gitignore").unlink(missing_ok=True)
                    self.folder.rmdir()


def _checksum(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def _outcome(path: str, sha: str, entry: Any, names: Mapping[str, str]) -> FileOutcome | None:
    """The stored outcome, or None when there is none for this text or it is damaged."""
    if not isinstance(entry, dict) or entry.get("sha") != sha:
        return None
    try:
        findings = []
        for item in entry["findings"]:
            code, severity, message, line, column, fixable, node, stable, *offered = item
            suggestion = Suggestion(*offered[0]) if offered else None
            if not (
                isinstance(message, str)
                and type(line) is int
                and type(column) is int
                and isinstance(fixable, bool)
                and isinstance(node, str)
                and isinstance(stable, str)
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
        summaries = entry["summaries"]
        counts = tuple(entry["counts"])
        if not isinstance(summaries, dict) or len(counts) != 4:
            return None
        if not all(type(c) is int for c in counts):
            return None
    except (KeyError, TypeError, ValueError):
        return None
    return FileOutcome(findings, summaries, (counts[0], counts[1], counts[2], counts[3]))
