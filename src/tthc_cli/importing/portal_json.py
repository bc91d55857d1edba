"""The portal's procedure detail records (JSON) as catalog procedures.

Two shapes are read: the chatbot-tthc scrape (flat keys, the channel table flattened into one
string) and the BQP extraction (metadata / content / tables, channels already split). Every
value goes through :func:`clean.clean`; what cannot be read is reported with the record's code
and left out of the procedure, never guessed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc_cli.catalog.reading import read_text
from tthc_cli.domain.codes import is_procedure_code
from tthc_cli.domain.documents import ascii_d_fix, parse_document_number
from tthc_cli.importing.channel_values import add_channel_values
from tthc_cli.importing.channels import Channel, Charge, parse_fee_cell, parse_flat
from tthc_cli.importing.channels import parse_time as parse_time_cell
from tthc_cli.importing.clean import clean, decision_number, is_empty, mojibake, split_list
from tthc_cli.importing.legal import by_year, iso_date, issue_dates, numbers_in
from tthc_cli.importing.problems import ImportResult
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _
from tthc_cli.text.normalize import fold_key

LEVEL_WORDS = {"tinh": "cap tinh", "xa": "cap xa", "huyen": "cap huyen"}


@dataclass
class Filters:
    """Which records to take: level, fields and agencies (words matched without diacritics)."""

    level: str | None = None
    fields: list[str] = field(default_factory=list)
    exclude_fields: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    exclude_agencies: list[str] = field(default_factory=list)

    def accepts(self, levels: str, field_name: str, agency: str) -> bool:
        if self.level is not None and LEVEL_WORDS[self.level] not in fold_key(levels):
            return False
        return _matches(field_name, self.fields, self.exclude_fields) and _matches(
            agency, self.agencies, self.exclude_agencies
        )


def _matches(value: str, wanted: Sequence[str], unwanted: Sequence[str]) -> bool:
    key = fold_key(value)
    if wanted and not any(fold_key(word) in key for word in wanted):
        return False
    return not any(fold_key(word) in key for word in unwanted)


@dataclass(frozen=True, slots=True)
class Record:
    """One detail record with its values as text, whatever shape it came in."""

    source: str
    code: str
    page_code: str  # the code written in the page text, when there is one
    name: str
    levels: str
    field_name: str
    agency: str
    decision: str
    type_name: str
    subjects: str
    result: str
    legal_text: str
    legal_rows: tuple[tuple[str, str, str], ...]  # already split (BQP): number, title, date
    channels: tuple[Channel, ...]
    channel_problems: tuple[tuple[str, str], ...]
    raw_texts: tuple[str, ...]  # every text value, for the mojibake check


def discover_json(paths: Iterable[Path], result: ImportResult) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.rglob("*.json")))
        elif path.is_file():
            files.append(path)
        else:
            result.errors.append(_("{path}: no such file or folder").format(path=path))
    return files


def read_records(paths: Iterable[Path], result: ImportResult) -> list[Record]:
    records = []
    for path in discover_json(paths, result):
        try:
            # Bounded and strict: the size limit, UTF-8 (a BOM dropped), the byte offset of
            # a bad byte.
            data = json.loads(read_text(path))
        except CatalogLoadError as exc:
            result.errors.append(exc.describe())
            continue
        # RecursionError: JSON nested deeper than Python's stack (a hostile file).
        except (ValueError, RecursionError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
            result.errors.append(
                _("{path}: cannot read: {reason}").format(path=path, reason=reason)
            )
            continue
        items = data if isinstance(data, list) else [data]
        for index, item in enumerate(items):
            where = str(path) if len(items) == 1 else f"{path}[{index}]"
            record = to_record(item, where) if isinstance(item, dict) else None
            if record is None:
                result.errors.append(
                    _("{where}: not a portal procedure record").format(where=where)
                )
            else:
                records.append(record)
    return records


def to_record(item: dict[str, Any], source: str) -> Record | None:
    if "ma_thu_tuc" in item:
        return _chatbot_record(item, source)
    if isinstance(item.get("metadata"), dict):
        return _bqp_record(item, source)
    return None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


_PAGE_CODE = re.compile(r"Mã thủ tục\s*(\d\.\d{6}(?:\.[0-9A-Z.]+)?)")


def _chatbot_record(item: dict[str, Any], source: str) -> Record:
    raw = _text(item.get("raw_text"))
    found = _PAGE_CODE.search(raw)
    page_code = found.group(1) if found else ""
    channels, problems = parse_flat(_text(item.get("cach_thuc_thuc_hien")))
    agency = _text(item.get("co_quan_thuc_hien"))
    if is_empty(agency):
        agency = _text(item.get("co_quan_co_tham_quyen"))
    texts = tuple(v for k, v in item.items() if isinstance(v, str) and k != "raw_text")
    return Record(
        source=source,
        code=_text(item.get("ma_thu_tuc")).strip(),
        page_code=page_code,
        name=_text(item.get("ten_thu_tuc")),
        levels=_text(item.get("cap_thuc_hien")),
        field_name=_text(item.get("linh_vuc")),
        agency=agency,
        decision=_text(item.get("so_quyet_dinh")),
        type_name=_text(item.get("loai_thu_tuc")),
        subjects=_text(item.get("doi_tuong_thuc_hien")),
        result=_text(item.get("ket_qua_xu_ly")),
        legal_text=_text(item.get("can_cu_phap_ly")),
        legal_rows=(),
        channels=tuple(channels),
        channel_problems=tuple(problems),
        raw_texts=texts,
    )


def _bqp_record(item: dict[str, Any], source: str) -> Record:
    meta = item["metadata"]
    content: dict[str, Any] = item["content"] if isinstance(item.get("content"), dict) else {}
    tables: dict[str, Any] = item["tables"] if isinstance(item.get("tables"), dict) else {}
    channels: list[Channel] = []
    for row in tables.get("hinh_thuc_nop") or []:
        if not isinstance(row, dict):
            continue
        problems = []
        time, _rest, problem = parse_time_cell(_text(row.get("thoi_han_giai_quyet")).strip())
        if problem:
            problems.append(problem)
        fee_name, charge, problem = parse_fee_cell(_text(row.get("phi_le_phi")))
        if problem:
            problems.append(problem)
        note = " ".join(_text(row.get("mo_ta")).split())
        if charge is not None and fee_name:
            charge = Charge(charge.free, charge.amount, fee_name)
        channels.append(
            Channel(_text(row.get("hinh_thuc")).strip(), time, charge, note, tuple(problems))
        )
    rows = []
    for row in tables.get("can_cu_phap_ly") or []:
        if isinstance(row, dict):
            issued = _text(row.get("ngay_ban_hanh")).strip()
            date = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", issued)
            rows.append(
                (
                    _text(row.get("so_ky_hieu")),
                    _text(row.get("trich_yeu")),
                    iso_date(*date.groups()) if date else "",
                )
            )
    texts = [v for v in meta.values() if isinstance(v, str)]
    texts += [v for v in content.values() if isinstance(v, str)]
    return Record(
        source=source,
        code=_text(meta.get("mã_thủ_tục")).strip(),
        page_code="",
        name=_text(meta.get("tên_thủ_tục")),
        levels=_text(meta.get("cấp_thực_hiện")),
        field_name=_text(meta.get("lĩnh_vực")),
        agency=_text(content.get("cơ_quan_thực_hiện")),
        decision=_text(meta.get("số_quyết_định")),
        type_name=_text(meta.get("loại_thủ_tục")),
        subjects=_text(content.get("đối_tượng_thực_hiện")),
        result=_text(content.get("kết_quả_thực_hiện")),
        legal_text="",
        legal_rows=tuple(rows),
        channels=tuple(channels),
        channel_problems=() if channels else (("no-channel-table", ""),),
        raw_texts=tuple(texts),
    )


def import_records(
    records: Sequence[Record],
    filters: Filters,
    result: ImportResult,
    effective: str | None = None,
) -> None:
    """Procedures from records, in order; a code seen twice is reported and kept once.

    With `effective` (YYYY-MM-DD), a legal-basis document issued after that date is left out
    and reported (`legal-basis-after-effective`): a list in force on that date cannot cite it.
    The issue date is the one the record gives (the BQP table's "ngày ban hành", or "ngày
    D/M/YYYY" written right after the number); without one, the number's year decides: a later
    year is after, the same year is kept.
    """
    seen: set[str] = set()
    for record in records:
        result.read += 1
        if not filters.accepts(record.levels, record.field_name, record.agency):
            result.filtered += 1
            continue
        procedure = to_procedure(record, result, effective)
        if procedure is None:
            continue
        if procedure["code"] in seen:
            result.problem(record.source, procedure["code"], "duplicate-code", procedure["name"])
            continue
        seen.add(procedure["code"])
        result.items.append(procedure)


def to_procedure(
    record: Record, result: ImportResult, effective: str | None = None
) -> dict[str, Any] | None:
    code = record.code
    if not is_procedure_code(code):
        result.problem(record.source, code, "bad-code", code or "(empty)")
        return None
    # A trailing full stop or colon ("… và nhà ở riêng lẻ:") is the page's, not the name's.
    name, field_name = clean(record.name).rstrip(".: "), clean(record.field_name)
    if not name or not field_name:
        result.problem(record.source, code, "no-name-or-field", name or field_name)
        return None
    if record.page_code and record.page_code != code and is_procedure_code(record.page_code):
        result.problem(
            record.source, code, "code-differs-from-page", f"page says {record.page_code}"
        )
    for text in record.raw_texts:
        encoding = mojibake(text)
        if encoding is not None:
            result.problem(record.source, code, "mojibake", f"{encoding}: {text[:60]}")
            break
    procedure: dict[str, Any] = {"code": code, "name": name, "field": field_name}
    agency = clean(record.agency)
    if not is_empty(agency) and not agency[:1].isupper():
        # A body's name starts with a capital; the scrape put a step's text there (2.000942).
        result.problem(record.source, code, "agency-unreadable", agency)
        agency = ""
    if not is_empty(agency):
        procedure["agency"] = agency
    else:
        result.missing["agency"] += 1
    add_channel_values(procedure, record.channels, result, record.source, record.code)
    for reason, detail in record.channel_problems:
        result.problem(record.source, code, reason, detail)
    legal = _legal_basis(record, result, effective)
    if legal:
        procedure["legal_basis"] = by_year(legal)
    else:
        result.missing["legal_basis"] += 1
    decision = decision_number(clean(record.decision))
    if decision and not is_empty(decision):
        fixed = ascii_d_fix(decision) or decision
        if parse_document_number(fixed) is not None:
            procedure["decision"] = fixed
        else:
            result.problem(record.source, code, "decision-unreadable", decision)
    if not is_empty(record.type_name):
        procedure["type"] = clean(record.type_name)
    subjects = subjects_of(record.subjects)
    if subjects:
        procedure["subjects"] = subjects
    outcome = result_text(record.result)
    if outcome:
        procedure["result"] = outcome
    return procedure


def _legal_basis(record: Record, result: ImportResult, effective: str | None) -> list[str]:
    """Every document number of the "Căn cứ pháp lý" table (to_procedure sorts them by year).

    The chatbot scrape lost the cell boundaries, so a number is read wherever the table writes
    it: the code column ("123/2015/NĐ-CP", "Thông tư số 03/2023/TT-BTP", "Luật 60/2014/QH13")
    and the titles beside it. A BQP row whose code cell is not a number ("104") takes the
    number its title gives ("Nghị định số 104/2022/NĐ-CP …").
    """
    if record.legal_rows:
        found: list[str] = []
        dates: dict[str, str] = {}
        for code, title, date in record.legal_rows:
            numbers, _unresolved = numbers_in(clean(code))
            if not numbers:
                numbers = numbers_in(clean(title))[0][:1]
            if not numbers:
                result.problem(record.source, record.code, "legal-basis-unreadable", code)
            for number in numbers:
                if date and number not in dates:
                    dates[number] = date
            found.extend(n for n in numbers if n not in found)
        return _in_force(found, dates, effective, record, result)
    text = clean(record.legal_text)
    numbers, unresolved = numbers_in(text)
    for fragment in unresolved:
        result.problem(record.source, record.code, "legal-basis-unreadable", fragment)
    if not numbers and not is_empty(record.legal_text):
        result.problem(record.source, record.code, "legal-basis-without-numbers", text)
    return _in_force(numbers, issue_dates(text, numbers), effective, record, result)


def _in_force(
    numbers: list[str],
    dates: dict[str, str],
    effective: str | None,
    record: Record,
    result: ImportResult,
) -> list[str]:
    """numbers without those issued after effective (each one reported)."""
    if effective is None:
        return numbers
    kept = []
    for number in numbers:
        parsed = parse_document_number(number)
        date = dates.get(number)
        if date is not None:
            late = date > effective
        else:
            year = parsed.year if parsed is not None else None
            late = year is not None and year > int(effective[:4])
        if late:
            when = date or str(parsed.year if parsed else "")
            result.problem(
                record.source, record.code, "legal-basis-after-effective", f"{number} ({when})"
            )
        else:
            kept.append(number)
    return kept


def subjects_of(text: str) -> list[str]:
    """ "Đối tượng thực hiện" as a list of kinds of subject."""
    subjects: list[str] = []
    for subject in (clean(s) for s in split_list(text) if not is_empty(s)):
        if subjects and subject[:1].islower():
            # A kind of subject starts with a capital: "Cán bộ, công chức, viên chức" is one.
            subjects[-1] += ", " + subject
        else:
            subjects.append(subject)
    return subjects


_RESULT_CODE = re.compile(r"Mã\s*:\s*KQ[.-][A-Z]\d+\.\d+")


def result_text(text: str) -> str:
    """ "Giấy khai sinhMã: KQ.G15.000031Từ khóa…" -> "Giấy khai sinh"; several results joined
    with "; ". The result codes and the page text scraped after the cell are dropped."""
    body = text.split("Từ khóa", 1)[0]
    items = [clean(item) for item in _RESULT_CODE.split(body)]
    return "; ".join(item for item in items if item and not is_empty(item))
