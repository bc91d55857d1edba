"""Build the national list of fields (lĩnh vực) and the words of national procedure text that
tthc ships, from the portal records in `../shared/data/raw` (for developers; run it again when
the raw data changes):

    python build_backend/national_fields.py [RAW]

Writes, sorted, NFC, one entry a line after a comment header that names the sources:

- `src/tthc_cli/domain/data/national-fields.txt`: every `linh_vuc` / `Lĩnh vực` / `lĩnh_vực` of
  the records of dichvucong.gov.vn in `chatbot-tthc/` (the index of 2,642 detail records, the 588
  commune-level detail records, the portal's lists of six ministries and the courts) and of the
  Ministry of Defence's records in `nhdandz-tthc-bqp/`;
- `src/tthc_cli/text/data/marked-words.txt`: every word with a diacritic in those records'
  procedure names, fields and agencies, lower case, a tab and how many times it occurs (the
  words a name typed without marks is checked against for a suggestion).
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ROOT / "src" / "tthc_cli" / "domain" / "data" / "national-fields.txt"
WORDS = ROOT / "src" / "tthc_cli" / "text" / "data" / "marked-words.txt"
_WORD_RE = re.compile(r"[^\W\d_]+")


def _raw() -> Path:
    for parent in ROOT.parents:
        candidate = parent / "shared" / "data" / "raw"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "data" / "raw"


def _nfc(text: object) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text or "")).split())


def records(raw: Path) -> Iterator[tuple[str, str, str]]:
    """(name, field, agency) of every record."""
    with (raw / "chatbot-tthc" / "index_all_procedures.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield row["ten_thu_tuc"], row["linh_vuc"], row["co_quan_thuc_hien"]
    for path in sorted((raw / "chatbot-tthc" / "cap-xa-json").rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        yield (
            data.get("ten_thu_tuc", ""),
            data.get("linh_vuc", ""),
            data.get("co_quan_thuc_hien", ""),
        )
    import openpyxl  # only this script reads the portal's spreadsheets

    for path in sorted((raw / "chatbot-tthc" / "xlsx").glob("*.xlsx")):
        book = openpyxl.load_workbook(path, read_only=True)
        try:
            rows = [
                [_nfc(c) for c in cells] for cells in book.worksheets[0].iter_rows(values_only=True)
            ]
        finally:
            book.close()
        header: list[str] | None = None
        for values in rows:
            if header is None:
                if "Lĩnh vực" in values:
                    header = values
                continue
            row = dict(zip(header, values, strict=False))
            yield row.get("Tên", ""), row.get("Lĩnh vực", ""), row.get("Cơ quan thực hiện", "")
    for path in sorted((raw / "nhdandz-tthc-bqp" / "extracted_fixed").glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata") or {}
        if isinstance(meta, str):  # some exports keep the metadata as a Python literal
            import ast

            meta = ast.literal_eval(meta)
        yield meta.get("tên_thủ_tục", ""), meta.get("lĩnh_vực", ""), ""


def build(raw: Path) -> tuple[list[str], list[str]]:
    fields: set[str] = set()
    words: Counter[str] = Counter()
    for name, field, agency in records(raw):
        field = _nfc(field)
        if field:
            fields.add(field)
        for text in (name, field, agency):
            for word in _WORD_RE.findall(_nfc(text).lower()):
                if not word.isascii():
                    words[word] += 1
    return sorted(fields), [f"{word}\t{count}" for word, count in sorted(words.items())]


def _write(path: Path, header: str, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + "".join(f"{line}\n" for line in lines), encoding="utf-8")


def main(argv: list[str]) -> int:
    raw = Path(argv[0]) if argv else _raw()
    if not (raw / "chatbot-tthc").is_dir():
        print(f"{raw}: no chatbot-tthc records here", file=sys.stderr)
        return 2
    fields, words = build(raw)
    source = (
        "# Built by build_backend/national_fields.py from the portal records in shared/data/raw:\n"
        "# chatbot-tthc (dichvucong.gov.vn: six ministries and the courts) and nhdandz-tthc-bqp\n"
        "# (Ministry of Defence). Ministries missing there (Nội vụ, Y tế, GD&ĐT...) are missing.\n"
    )
    _write(FIELDS, source + "# One field (lĩnh vực) a line.\n", fields)
    _write(
        WORDS, source + "# One word with a diacritic a line, lower case, a tab, its count.\n", words
    )
    print(f"{len(fields)} fields -> {FIELDS}\n{len(words)} words -> {WORDS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
