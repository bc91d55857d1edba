"""One side of a diff: the procedures of a set of catalogs, each with the levels it appears at."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc_cli.codes import is_procedure_code, national_part
from tthc_cli.errors import CatalogLoadError
from tthc_cli.loading import Document, discover, gc_paused, load_document
from tthc_cli.reading import DEFAULT_MAX_BYTES
from tthc_cli.textnorm import procedure_name_key

LEVEL_ORDER = ("tinh", "huyen", "xa")


def level_sort(levels: frozenset[str] | set[str]) -> list[str]:
    return sorted(levels, key=lambda lv: LEVEL_ORDER.index(lv) if lv in LEVEL_ORDER else 9)


@dataclass(frozen=True, slots=True)
class Occurrence:
    file: str
    line: int
    level: str


@dataclass
class SideProcedure:
    """A procedure on one side: identity, the levels it appears at, its values where first seen."""

    key: str
    code: str
    name: str
    name_key: str
    levels: set[str]
    values: dict[str, Any]
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def national(self) -> str | None:
        return national_part(self.code) if is_procedure_code(self.code) else None


@dataclass
class Side:
    label: str
    procedures: list[SideProcedure] = field(default_factory=list)
    files: int = 0
    errors: list[CatalogLoadError] = field(default_factory=list)

    def level_counts(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for procedure in self.procedures:
            counts.update(procedure.levels)
        return {level: counts[level] for level in level_sort(set(counts))}


def load_side(
    paths: Sequence[Path], *, label: str = "", max_bytes: int = DEFAULT_MAX_BYTES
) -> Side:
    """Load every procedure catalog under paths; unreadable or invalid files become errors."""
    with gc_paused():
        return _load_side(paths, label, max_bytes)


def _load_side(paths: Sequence[Path], label: str, max_bytes: int) -> Side:
    discovery = discover(paths)
    side = Side(label=label or ", ".join(p.as_posix() for p in paths))
    side.errors.extend(discovery.errors)
    docs: list[Document] = []
    for path in discovery.files:
        try:
            doc = load_document(path, max_bytes=max_bytes)
        except CatalogLoadError as exc:
            side.errors.append(exc)
            continue
        problem = _problem(doc)
        if problem is not None:
            side.errors.append(CatalogLoadError(doc.path, problem[0], line=problem[1]))
            continue
        if doc.kind == "procedure-catalog":
            docs.append(doc)
    side.files = len(docs)
    _collect(side, docs)
    return side


def _problem(doc: Document) -> tuple[str, int] | None:
    """Why a file cannot take part in a diff (None when it can, or is simply not a catalog)."""
    if not doc.parsed.ok:
        issue = doc.parsed.issues[-1]
        return (issue.message, issue.line)
    if doc.kind not in ("procedure-catalog", "units", "diff-decisions"):
        return ("not a tthc catalog (no known `kind`); run `tthc validate` on it", 1)
    if doc.kind != "procedure-catalog":
        return None
    _, error = doc.validated()
    if error is not None:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        return (
            f"not a valid procedure catalog ({where}: {first['msg']}); run `tthc validate` on it",
            1,
        )
    return None


def _collect(side: Side, docs: Sequence[Document]) -> None:
    by_key: dict[str, SideProcedure] = {}
    for doc in docs:
        data = doc.data
        level = str(data["level"])
        for index, item in enumerate(data["procedures"]):
            code = str(item["code"]).strip()
            name = str(item["name"])
            key = (
                national_part(code)
                if is_procedure_code(code)
                else "name:" + procedure_name_key(name)
            )
            where = Occurrence(doc.path, doc.pos(("procedures", index))[0], level)
            existing = by_key.get(key)
            if existing is None:
                by_key[key] = SideProcedure(
                    key=key,
                    code=code,
                    name=name,
                    name_key=procedure_name_key(name),
                    levels={level},
                    values=dict(item),
                    occurrences=[where],
                )
            else:
                # The same procedure in several files of one side (levels, or merged communes).
                existing.levels.add(level)
                existing.occurrences.append(where)
    side.procedures = list(by_key.values())
