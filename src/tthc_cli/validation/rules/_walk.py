"""Walks over the values several rules look at, tolerant of files that fail the schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.catalog.yamltree import Path_


def _strings(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield (*path, index), item


def document_numbers(doc: Document) -> Iterator[tuple[Path_, str]]:
    """Every value that should be a legal-document number, with its path."""
    data = doc.data
    if not isinstance(data, dict):
        return
    yield from _strings(data.get("decisions"), ("decisions",))
    if doc.kind == "procedure-catalog":
        for index, item in iter_items(doc, "procedures"):
            base = ("procedures", index)
            yield from _strings(item.get("legal_basis"), (*base, "legal_basis"))
            yield from _strings(item.get("decision"), (*base, "decision"))
    elif doc.kind == "units":
        for path, place in places(doc):
            former = place.get("former_names")
            if isinstance(former, list):
                for number, entry in enumerate(former):
                    if isinstance(entry, dict):
                        yield from _strings(
                            entry.get("decision"), (*path, "former_names", number, "decision")
                        )


def places(doc: Document) -> Iterator[tuple[Path_, dict[str, Any]]]:
    """Every hamlet and street mapping of a units file, with its path."""
    for index, commune in iter_items(doc, "communes"):
        for group in ("hamlets", "streets"):
            entries = commune.get(group)
            if isinstance(entries, list):
                for number, entry in enumerate(entries):
                    if isinstance(entry, dict):
                        yield ("communes", index, group, number), entry
