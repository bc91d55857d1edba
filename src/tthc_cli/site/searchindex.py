"""The site's search index: small script files the browser loads on demand, for a search that
ranks as `tthc search` does (static/search.js mirrors index/search.py).

The names of all procedures come first, each distinct name once (procedures repeat across
provinces and lists): the browser scores the names, then loads the listings of the best ones,
a few dozen at a time in the order they are shown, until it has enough hits; a code query loads
the listings whose code begins as the query's does. The files are
scripts, not JSON, so that they load from `file://` too, where a page cannot fetch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tthc_cli.domain.codes import is_procedure_code, national_part
from tthc_cli.index.result import Row
from tthc_cli.text.unicode import VIETNAMESE_LETTERS

PER_CHUNK = 32  # listings of one name per file, in the order they are shown
CODE_PREFIX = 5  # "1.001": a thousand codes a shard
FOLDER = "search"


@dataclass(frozen=True)
class Entry:
    """One row as the browser ranks it, with the page it links to."""

    row: Row
    url: str


def stated(row: Row) -> int:
    """How much a listing states: index.search ranks equal matches by it."""
    return (
        bool(row.online)
        + (row.time_value is not None)
        + (row.fees is not None)
        + bool(row.legal_basis)
    )


def code_shard(code: str) -> str:
    return national_part(code)[:CODE_PREFIX] if is_procedure_code(code) else ""


def _script(name: str, data: object) -> bytes:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"TTHC.put({json.dumps(name)},{body});\n".encode()


def _order(item: list[object]) -> tuple[object, ...]:
    """The order index.search shows the hits of one name in: by province, newest list first,
    higher level code first (xa before huyen before tinh, as a reversed sort puts them), then as
    read."""
    seq, _name, province, level, effective = item[:5]
    return (province, _Desc(str(effective)), _Desc(str(level)), seq)


class _Desc(str):
    """A string that sorts the other way round."""

    def __lt__(self, other: str) -> bool:
        return str.__gt__(self, other)

    def __gt__(self, other: str) -> bool:
        return str.__lt__(self, other)


def build_index(entries: Sequence[Entry]) -> dict[str, bytes]:
    """The index files (name relative to search/ → bytes), for entries in the CLI's row order."""
    ordered = sorted({entry.row.name for entry in entries})
    ids = {name: index for index, name in enumerate(ordered)}
    by_name: dict[int, list[list[object]]] = {}
    by_code: dict[str, list[list[object]]] = {}
    for seq, entry in enumerate(entries):
        row = entry.row
        national = national_part(row.code) if is_procedure_code(row.code) else row.code
        item: list[object] = [
            seq,
            ids[row.name],
            row.province,
            row.level,
            row.effective,
            stated(row),
            row.code,
            national,
            row.key,
            entry.url,
        ]
        by_name.setdefault(ids[row.name], []).append(item)
        prefix = code_shard(row.code)
        if prefix:
            by_code.setdefault(prefix, []).append(item)
    files: dict[str, bytes] = {}
    chunks = []
    for name_id in range(len(ordered)):
        items = sorted(by_name.get(name_id, []), key=_order)
        count = 0
        for start in range(0, len(items), PER_CHUNK):
            files[f"n{name_id}-{count}.js"] = _script(
                f"n{name_id}-{count}", items[start : start + PER_CHUNK]
            )
            count += 1
        chunks.append(count)
    for prefix, items in sorted(by_code.items()):
        files[f"c{prefix}.js"] = _script(f"c{prefix}", items)
    meta = {
        "names": ordered,
        "chunks": chunks,
        "code_prefix": CODE_PREFIX,
        "codes": sorted(by_code),
        "letters": "".join(sorted(VIETNAMESE_LETTERS)),
    }
    files["names.js"] = _script("names", meta)
    return dict(sorted(files.items()))


def first_query_bytes(files: dict[str, bytes], shards: Iterable[str]) -> int:
    """What a first search transfers: the names file and the shards it needs."""
    return len(files["names.js"]) + sum(len(files[name]) for name in shards)
