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
from tthc_cli.importing.channels import CHANNELS, Channel, Charge, parse_fee_cell, parse_flat
from tthc_cli.importing.channels import parse_time as parse_time_cell
from tthc_cli.importing.clean import clean, decision_number, is_empty, mojibake, split_list
from tthc_cli.importing.legal import numbers_in
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
    legal_text: str
    legal_numbers: tuple[str, ...]  # already split (BQP)
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
        legal_text=_text(item.get("can_cu_phap_ly")),
        legal_numbers=(),
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
    numbers = []
    for row in tables.get("can_cu_phap_ly") or []:
        if isinstance(row, dict):
            numbers.append(_text(row.get("so_ky_hieu")))
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
        legal_text="",
        legal_numbers=tuple(numbers),
        channels=tuple(channels),
        channel_problems=() if channels else (("no-channel-table", ""),),
        raw_texts=tuple(texts),
    )


def import_records(records: Sequence[Record], filters: Filters, result: ImportResult) -> None:
    """Procedures from records, in order; a code seen twice is reported and kept once."""
    seen: set[str] = set()
    for record in records:
        result.read += 1
        if not filters.accepts(record.levels, record.field_name, record.agency):
            result.filtered += 1
            continue
        procedure = to_procedure(record, result)
        if procedure is None:
            continue
        if procedure["code"] in seen:
            result.problem(record.source, procedure["code"], "duplicate-code", procedure["name"])
            continue
        seen.add(procedure["code"])
        result.items.append(procedure)


def to_procedure(record: Record, result: ImportResult) -> dict[str, Any] | None:
    code = record.code
    if not is_procedure_code(code):
        result.problem(record.source, code, "bad-code", code or "(empty)")
        return None
    name, field_name = clean(record.name).rstrip(". "), clean(record.field_name)
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
    if not is_empty(agency):
        procedure["agency"] = agency
    else:
        result.missing["agency"] += 1
    _add_channels(procedure, record, result)
    legal = _legal_basis(record, result)
    if legal:
        procedure["legal_basis"] = legal
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
    subjects = [clean(s) for s in split_list(record.subjects) if not is_empty(s)]
    if subjects:
        procedure["subjects"] = subjects
    return procedure


def _legal_basis(record: Record, result: ImportResult) -> list[str]:
    if record.legal_numbers:
        found: list[str] = []
        for text in record.legal_numbers:
            numbers, _unresolved = numbers_in(clean(text))
            if not numbers:
                result.problem(record.source, record.code, "legal-basis-unreadable", text)
            found.extend(n for n in numbers if n not in found)
        return found
    numbers, unresolved = numbers_in(clean(record.legal_text))
    for fragment in unresolved:
        result.problem(record.source, record.code, "legal-basis-unreadable", fragment)
    if not numbers and not is_empty(record.legal_text):
        result.problem(
            record.source, record.code, "legal-basis-without-numbers", clean(record.legal_text)
        )
    return numbers


_CHANNEL_ORDER = {name: index for index, name in enumerate(CHANNELS)}


def _add_channels(procedure: dict[str, Any], record: Record, result: ImportResult) -> None:
    for reason, detail in record.channel_problems:
        result.problem(record.source, record.code, reason, detail)
    for channel in record.channels:
        for reason, detail in channel.problems:
            result.problem(record.source, record.code, reason, f"{channel.name}: {detail}")
    channels = sorted(record.channels, key=lambda ch: _CHANNEL_ORDER.get(ch.name, 9))
    timed = [ch for ch in channels if ch.time is not None]
    if timed:
        first = timed[0].time
        assert first is not None
        limit: dict[str, Any] = {"value": first.value, "unit": first.unit}
        others = [
            f"{ch.name}: {ch.time.text}"
            for ch in timed[1:]
            if ch.time is not None and (ch.time.value, ch.time.unit) != (first.value, first.unit)
        ]
        if others:
            limit["note"] = f"{timed[0].name}: {first.text}; " + "; ".join(others)
        procedure["time_limit"] = limit
    else:
        result.missing["time_limit"] += 1
    fees = _fees(channels)
    if fees is None:
        result.missing["fees"] += 1
    else:
        procedure["fees"] = fees
    if channels and not any(ch.name == "Trực tuyến" for ch in channels):
        procedure["online"] = "none"
    else:
        result.missing["online"] += 1


def _fees(channels: Sequence[Channel]) -> list[dict[str, Any]] | None:
    """[] when every stated channel is free; one fee per channel when the amounts differ."""
    stated = [ch for ch in channels if ch.charge is not None]
    if not stated:
        return None
    if all(ch.charge is not None and ch.charge.free for ch in stated):
        return []
    amounts = {_amount(ch.charge) for ch in stated}
    fees: list[dict[str, Any]] = []
    for ch in stated:
        assert ch.charge is not None
        text = ch.charge.text
        name = text if text and not text[:1].isdigit() and text != "Miễn phí" else "Phí, lệ phí"
        fee: dict[str, Any] = {"name": name, "amount": _amount(ch.charge)}
        if len(amounts) > 1 or len(stated) < len(channels):
            fee["note"] = ch.name
        if fee not in fees and not (len(amounts) == 1 and fees):
            fees.append(fee)
    return fees


def _amount(charge: Charge | None) -> int:
    return 0 if charge is None or charge.amount is None else charge.amount
