"""Find procedures by words typed any way: with or without diacritics, any case, any Unicode
form or tone placement, or by code.

Ranking, best first: the code (or its beginning); the whole query as a phrase of the name (the
exact name first, then a name that starts with it); every word of the query in the name; then
names holding most of the words, shown only when no name holds them all. A word typed with
diacritics must match with them ("kết hôn" never finds "kết hợp"); a word typed without them
matches either way ("ket hon"). Shorter names win ties: they are closer to what was asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tthc_cli.domain.codes import is_procedure_code, national_part
from tthc_cli.index.result import Hit, Row
from tthc_cli.text.normalize import fold_key, has_vietnamese_diacritics, procedure_name_key

_CODE_QUERY = re.compile(r"\d\.\d{0,6}(?:\.[0-9A-Za-z.]*)?")
MIN_SHARE = 0.5  # more than half the words for a partial hit
_FULL = frozenset({"code", "exact", "phrase", "words"})


@dataclass(frozen=True, slots=True)
class _Query:
    text: str
    exact: tuple[str, ...]  # match_key words
    folded: tuple[str, ...]  # fold_key words
    marked: tuple[bool, ...]  # the word was typed with diacritics
    code: str | None


def parse_query(text: str) -> _Query:
    exact = tuple(procedure_name_key(text).split())
    folded = tuple(fold_key(" ".join(exact)).split())
    if len(folded) != len(exact):  # a word that folds to nothing: compare folded only
        exact = folded
    marked = tuple(has_vietnamese_diacritics(word) for word in exact)
    stripped = text.strip()
    code = stripped if _CODE_QUERY.fullmatch(stripped) else None
    return _Query(text, exact, folded, marked, code)


def _words_found(query: _Query, exact: list[str], folded: list[str]) -> list[bool]:
    found = []
    exact_set, folded_set = set(exact), set(folded)
    for word, fold, marked in zip(query.exact, query.folded, query.marked, strict=True):
        found.append(word in exact_set if marked else fold in folded_set)
    return found


def _phrase_at(query: _Query, exact: list[str], folded: list[str]) -> int:
    """Where the query's words stand in a row in the name (-1: nowhere)."""
    size = len(query.exact)
    for start in range(len(exact) - size + 1):
        ok = True
        for offset in range(size):
            if query.marked[offset]:
                ok = exact[start + offset] == query.exact[offset]
            else:
                ok = folded[start + offset] == query.folded[offset]
            if not ok:
                break
        if ok:
            return start
    return -1


def _code_score(code_query: str, code: str) -> float:
    if not code:
        return 0.0
    national = national_part(code) if is_procedure_code(code) else code
    if code == code_query or national == code_query:
        return 1000.0
    return 900.0 if code.startswith(code_query) else 0.0


def _name_score(query: _Query, keys: tuple[list[str], list[str]]) -> tuple[float, str]:
    if not query.exact:
        return 0.0, ""
    exact, folded = keys
    at = _phrase_at(query, exact, folded)
    if at >= 0:
        if len(exact) == len(query.exact):
            return 800.0, "exact"
        return 600.0 + (50.0 if at == 0 else 0.0) - len(exact) / 100, "phrase"
    found = _words_found(query, exact, folded)
    share = sum(found) / len(found)
    if share == 1.0:
        return 400.0 - len(exact) / 100, "words"
    if share > MIN_SHARE:
        return 200.0 * share - len(exact) / 100, "partial"
    return 0.0, ""


def _rank(value: float, row: Row) -> tuple[float, str, int]:
    stated = (
        bool(row.online)
        + (row.time_value is not None)
        + (row.fees is not None)
        + bool(row.legal_basis)
    )
    return (value, row.effective, stated)


def search(rows: Iterable[Row], text: str, *, limit: int | None = 20) -> list[Hit]:
    """The procedures that match text, best first; each once per province and level."""
    query = parse_query(text)
    by_name: dict[str, tuple[float, str]] = {}
    best: dict[tuple[str, str, str], tuple[float, str, Row]] = {}
    counts: dict[tuple[str, str, str], int] = {}
    for row in rows:
        # Names repeat across provinces and files: each distinct name is scored once.
        named = by_name.get(row.name)
        if named is None:
            exact = procedure_name_key(row.name).split()
            folded = fold_key(" ".join(exact)).split()
            keys = (exact, folded if len(folded) == len(exact) else exact)
            named = by_name[row.name] = _name_score(query, keys)
        value, how = named
        if query.code is not None:
            coded = _code_score(query.code, row.code)
            if coded > value:
                value, how = coded, "code"
        if value <= 0:
            continue
        key = (row.province, row.level, row.key)
        counts[key] = counts.get(key, 0) + 1
        current = best.get(key)
        # The best match; between equals, the newest list (the one in force), then the
        # listing that states the most.
        if current is None or _rank(value, row) > _rank(current[0], current[2]):
            best[key] = (value, how, row)
    hits = [Hit(row, value, how, counts[key] - 1) for key, (value, how, row) in best.items()]
    if any(hit.match in _FULL for hit in hits):
        hits = [hit for hit in hits if hit.match in _FULL]  # some words only: noise beside these
    hits.sort(key=lambda h: (h.row.effective, h.row.level), reverse=True)  # newest lists first
    hits.sort(key=lambda h: (-h.score, h.row.name, h.row.province))
    return hits if limit is None else hits[:limit]
