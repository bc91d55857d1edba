"""A baseline: the findings a catalog repository already had, so CI fails only on new ones.

An entry is keyed on the file (relative to the baseline file's folder, so the run's working
folder does not matter), the finding's *stable* YAML path and the rule, never the line: a
finding keeps its entry when lines are added above it, and, because a procedure or commune is
named by its code (`procedures[code=1.000123].fees[0]`, see `catalog.nodepaths`), when the list
is reordered too. Equal keys are counted: two equal findings need an entry of count 2.

The file is JSON, one entry per line, sorted by file, path and rule, so a change to it reads as
a short diff; it is written atomically. Only entries of the files and rules a run checked can be
*fixed* (no longer found): a run over part of the tree, or with `--select`, leaves the others be.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tthc_cli.runtime.atomic import write_text_atomic
from tthc_cli.runtime.errors import ConfigError
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.findings import Finding
from tthc_cli.validation.results import ValidationResult

FORMAT = 1

Key = tuple[str, str, str]  # file (relative to the baseline's folder), stable path, rule


@dataclass(frozen=True, order=True)
class Entry:
    """One known finding (or `count` equal ones) of the baseline."""

    file: str
    path: str
    rule: str
    name: str = field(default="", compare=False)
    count: int = field(default=1, compare=False)

    @property
    def key(self) -> Key:
        return (self.file, self.path, self.rule)


@dataclass
class BaselineOutcome:
    """What comparing a run with its baseline gave; the run's findings become only the new ones."""

    file: str
    known: list[Finding] = field(default_factory=list)  # left out: in the baseline
    # Entries no longer found, with the file as this run shows it (relative to its folder).
    fixed: list[tuple[Entry, str]] = field(default_factory=list)
    written: int | None = None  # entries written by --update-baseline


def _file_key(shown: str, folder: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(shown), folder)).as_posix()


def _shown_file(key: str, folder: Path) -> str:
    return Path(os.path.relpath(folder / key)).as_posix()


def key_of(finding: Finding, folder: Path) -> Key:
    return (_file_key(finding.file, folder), finding.stable_path or finding.path, finding.rule)


def read_baseline(path: Path) -> list[Entry]:
    """The entries of a baseline file; raises ConfigError (exit 2) when it is missing or damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            # Translators: keep --update-baseline as it is (a command-line option).
            _("{path}: baseline file not found; create it with --update-baseline").format(path=path)
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(
            _("{path}: cannot read the baseline file ({error})").format(path=path, error=exc)
        ) from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("version") != FORMAT or not isinstance(entries, list):
        raise ConfigError(
            _("{path}: not a tthc baseline file (version {version})").format(
                path=path, version=FORMAT
            )
        )
    found = []
    for item in entries:
        try:
            count = item.get("count", 1)
            if not (
                all(isinstance(item[k], str) for k in ("file", "path", "rule"))
                and type(count) is int
                and count > 0
            ):
                raise TypeError
        except (AttributeError, KeyError, TypeError):
            raise ConfigError(
                _("{path}: a baseline entry needs file, path and rule: {entry}").format(
                    path=path, entry=json.dumps(item, ensure_ascii=False)
                )
            ) from None
        found.append(Entry(item["file"], item["path"], item["rule"], item.get("name", ""), count))
    return found


def render(entries: Iterable[Entry]) -> str:
    """The baseline file's text: sorted, one entry per line, keys in a fixed order."""
    merged: dict[Key, Entry] = {}
    for entry in entries:
        known = merged.get(entry.key)
        count, name = entry.count, entry.name
        if known is not None:
            count, name = count + known.count, max(name, known.name)
        merged[entry.key] = Entry(entry.file, entry.path, entry.rule, name, count)
    lines = [
        json.dumps(
            {"file": e.file, "path": e.path, "rule": e.rule, "name": e.name, "count": e.count},
            ensure_ascii=False,
        )
        for e in sorted(merged.values())
    ]
    body = ",\n    ".join(lines)
    inner = f"\n    {body}\n  " if lines else ""
    return f'{{\n  "version": {FORMAT},\n  "tool": "tthc",\n  "findings": [{inner}]\n}}\n'


def _checked(entry: Entry, files: set[str], rules: set[str]) -> bool:
    return entry.file in files and entry.rule in rules


def update_baseline(
    path: Path, result: ValidationResult, checked_files: Sequence[str]
) -> BaselineOutcome:
    """Record the run's findings as the baseline: entries of the files and rules this run
    checked are replaced, the others kept. Every finding is then known."""
    folder = path.resolve().parent
    files = {_file_key(name, folder) for name in checked_files}
    rules = {rule.code for rule in result.rules}
    kept = []
    if path.exists():
        kept = [e for e in read_baseline(path) if not _checked(e, files, rules)]
    new = [Entry(*key_of(f, folder), name=f.name) for f in result.findings]
    try:
        write_text_atomic(path, render([*kept, *new]))
    except OSError as exc:  # a missing folder, no permission, a full disk: one line, exit 2
        reason = exc.strerror or exc
        message = _("{path}: cannot write: {reason}").format(path=path, reason=reason)
        raise ConfigError(message) from exc
    outcome = BaselineOutcome(str(path), known=result.findings, written=len(new))
    result.findings = []
    return outcome


def compare_baseline(
    path: Path, result: ValidationResult, checked_files: Sequence[str]
) -> BaselineOutcome:
    """Leave out the run's findings that the baseline knows; entries of checked files and
    rules that nothing matched any more are fixed."""
    folder = path.resolve().parent
    entries = read_baseline(path)
    left: Counter[Key] = Counter()
    for entry in entries:
        left[entry.key] += entry.count
    outcome = BaselineOutcome(str(path))
    new: list[Finding] = []
    for finding in result.findings:
        key = key_of(finding, folder)
        if left[key] > 0:
            left[key] -= 1
            outcome.known.append(finding)
        else:
            new.append(finding)
    files = {_file_key(name, folder) for name in checked_files}
    rules = {rule.code for rule in result.rules}
    for entry in sorted(entries):
        if left[entry.key] > 0 and _checked(entry, files, rules):
            fixed = Entry(entry.file, entry.path, entry.rule, entry.name, left[entry.key])
            outcome.fixed.append((fixed, _shown_file(entry.file, folder)))
            left[entry.key] = 0
    result.findings = new
    return outcome
