"""The committee's rename round trip: read the filled-in dedupe report, write the renames.

The report (`tthc dedupe-names --format xlsx|csv`) lists each colliding name with a suggestion;
the committee fills `rename_to` and `decision` (rename | keep | merge). Renames are written
into the units YAML files by replacing only the characters of the name and adding a
`former_names` entry beside it; everything else in the file stays byte for byte. Renames that
would collide again, or whose original name is no longer where the report saw it, are refused
with the reason. `keep` and `merge` decisions go into a `kind: name-decisions` file that
`tthc dedupe-names --decisions` reads, so accepted names are not flagged again.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc_cli.catalog.loading import discover, load_text
from tthc_cli.catalog.reader import parse_error, read_catalog
from tthc_cli.catalog.reading import decode, display_path, read_text
from tthc_cli.catalog.sheets import csv_reader, pad_code, sheet_rows, unguard
from tthc_cli.catalog.spans import Span, Spans, render_scalar, replace_spans, spans
from tthc_cli.names.columns import DECISIONS, HEADERS
from tthc_cli.names.placenames import DUPLICATE, compare, parse_name
from tthc_cli.runtime.atomic import write_bytes_atomic
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _, ngettext
from tthc_cli.text.normalize import nfc
from tthc_cli.text.units import is_ward

_REQUIRED = {"province", "commune", "kind", "name", "decision"}


@dataclass(frozen=True, slots=True)
class Row:
    """One member row of the report, as the committee left it."""

    line: int  # the row in the sheet (1-based), for messages
    source_line: int | None  # where the report saw the name in its units file
    group: str
    province: str
    commune: str
    kind: str
    name: str
    origin: str
    decision: str
    rename_to: str
    suggestion: str


@dataclass
class Rename:
    row: Row
    new_name: str
    file: Path
    path: tuple[str | int, ...]  # of the hamlet/street mapping


@dataclass
class Plan:
    renames: list[Rename] = field(default_factory=list)
    refused: list[tuple[Row, str]] = field(default_factory=list)
    kept: list[Row] = field(default_factory=list)
    merged: list[Row] = field(default_factory=list)
    undecided: int = 0
    # Files that vanished, changed or could not be written; the other files are still done.
    write_errors: list[CatalogLoadError] = field(default_factory=list)


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def read_report(path: Path) -> list[Row]:
    """Rows of a dedupe report saved as .xlsx or .csv (by Excel or LibreOffice)."""
    display = display_path(path)
    is_xlsx = path.suffix.lower() == ".xlsx"
    records = list(_xlsx_records(path) if is_xlsx else _csv_records(path))
    rows = []
    for line, record in records:

        def get(key: str, record: dict[str, Any] = record) -> str:
            value = record.get(key)
            if value is None:
                return ""
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            # Only the CSV guards formula-like cells with a quote; xlsx cells are plain text.
            text = str(value) if is_xlsx else unguard(str(value))
            return nfc(text.strip())

        if not any(get(key) for key in ("name", "rename_to", "decision")):
            continue  # trailing empty rows
        decision = get("decision").lower()
        if decision and decision not in DECISIONS:
            raise CatalogLoadError(
                display,
                # Translators: {decision} is the quoted cell text; rename, keep and merge are the
                # values the `decision` column takes and stay in English.
                _("decision {decision} is not rename, keep or merge").format(
                    decision=repr(decision)
                ),
                line=line,
            )
        kind = get("kind").lower()
        kind = {"thôn, tổ dân phố": "hamlet", "đường, phố": "street"}.get(kind, kind)
        rows.append(
            Row(
                line=line,
                source_line=_int(get("line")),
                group=get("group"),
                province=pad_code(get("province"), 2),
                commune=pad_code(get("commune"), 5),
                kind=kind,
                name=get("name"),
                origin=get("from"),
                decision=decision,
                rename_to=get("rename_to"),
                suggestion=get("suggestion"),
            )
        )
    return rows


def _csv_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    text = read_text(path)
    reader = csv_reader(text)
    header: list[str] | None = None
    for cells in reader:
        if header is None:
            keys = [c.strip() for c in cells]
            if set(keys) >= _REQUIRED:
                header = keys
            continue
        yield reader.line_num, dict(zip(header, cells, strict=False))
    if header is None:
        raise CatalogLoadError(
            # Translators: group and name are column keys; keep them in English.
            path,
            _("no header row with the report's columns (group, name, …)"),
        )


def _xlsx_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    # A formula in the committee's report is refused, not read as an empty cell: an empty
    # rename_to means "accept the suggestion".
    display = display_path(path)
    header: list[str] | None = None
    for number, cells in sheet_rows(path, display, refuse_formulas=True):
        if header is None:
            # The hidden first row holds the English keys; Vietnamese labels may move.
            keys = [str(c).strip() if c is not None else "" for c in cells]
            if set(keys) >= _REQUIRED:
                header = keys
            elif number > 5:
                break
            continue
        record = dict(zip(header, cells, strict=False))
        if _is_label_row(record):
            continue  # the Vietnamese labels under the hidden key row
        yield number, record
    if header is None:
        raise CatalogLoadError(
            path,
            # Translators: group and name are column keys; keep them in English.
            _(
                "no row with the report's column keys (group, name, …): is it a "
                "workbook made by `tthc dedupe-names --format xlsx`?"
            ),
        )


def _is_label_row(record: dict[str, Any]) -> bool:
    return any(
        record.get(key) is not None and str(record.get(key)).strip() == label
        for key, label in HEADERS.items()
        if key in ("name", "decision", "group")
    )


@dataclass
class _Place:
    file: Path
    path: tuple[str | int, ...]
    name: str
    kind: str
    commune: str
    province: str
    ward: bool
    origin: str
    line: int


def _places(paths: Sequence[Path]) -> tuple[list[_Place], list[CatalogLoadError]]:
    found = discover(paths)
    places: list[_Place] = []
    errors = list(found.errors)
    for file in found.files:
        try:
            # Duplicate keys are refused too: a rename could edit the wrong one.
            doc = read_catalog(file, "units", named=file in found.named)
        except CatalogLoadError as exc:
            errors.append(exc)
            continue
        if doc is None:
            continue
        province = doc.data.get("province")
        code = str(province.get("code")) if isinstance(province, dict) else ""
        for index, commune in enumerate(doc.data.get("communes") or []):
            if not isinstance(commune, dict):
                continue
            ward = is_ward(str(commune.get("name", "")))
            for group, kind in (("hamlets", "hamlet"), ("streets", "street")):
                for number, place in enumerate(commune.get(group) or []):
                    if isinstance(place, dict) and isinstance(place.get("name"), str):
                        where = ("communes", index, group, number)
                        places.append(
                            _Place(
                                file,
                                where,
                                nfc(place["name"]),
                                kind,
                                str(commune.get("code")),
                                code,
                                ward,
                                nfc(str(place.get("from") or "")),
                                doc.pos(where)[0],
                            )
                        )
    return places, errors


def plan(rows: Sequence[Row], paths: Sequence[Path]) -> tuple[Plan, list[CatalogLoadError]]:
    """What the rows ask for, checked against the units files as they are now."""
    places, errors = _places(paths)
    by_commune: dict[tuple[str, str, str], list[_Place]] = defaultdict(list)
    for place in places:
        by_commune[(place.province, place.commune, place.kind)].append(place)
    result = Plan()
    new_names: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for row in rows:
        if not row.decision:
            result.undecided += 1
            if row.rename_to:
                result.refused.append(
                    (
                        row,
                        # Translators: rename_to and decision are column keys; rename, keep
                        # and merge are values; all stay in English. {name} is quoted.
                        _(
                            "rename_to {name} is filled but decision is empty: "
                            "write rename, keep or merge"
                        ).format(name=repr(row.rename_to)),
                    )
                )
            continue
        if row.decision == "keep":
            result.kept.append(row)
            continue
        if row.decision == "merge":
            result.merged.append(row)
            continue
        new_name = row.rename_to or row.suggestion
        if not new_name:
            result.refused.append((row, _("rename without a new name (fill rename_to)")))
            continue
        scope = (row.province, row.commune, row.kind)
        candidates = [p for p in by_commune.get(scope, []) if p.name == row.name]
        if len(candidates) > 1:
            # "Thôn 1" from each former commune: the one the row is about, by `from`, then line.
            candidates = [p for p in candidates if p.origin == row.origin] or candidates
        if len(candidates) > 1 and row.source_line is not None:
            candidates = [p for p in candidates if p.line == row.source_line] or candidates
        if not candidates:
            result.refused.append(
                (
                    row,
                    # Translators: {name} is a quoted hamlet or street name, {commune} a code.
                    _("{name} is no longer in commune {commune} (renamed already?)").format(
                        name=repr(row.name), commune=row.commune
                    ),
                )
            )
            continue
        if len(candidates) > 1:
            result.refused.append(
                (
                    row,
                    # Translators: {name} is a quoted hamlet or street name; `from` and `line`
                    # are column keys and stay in English.
                    ngettext(
                        "{name} is there {count} time and the row does not say "
                        "which (the `from` and `line` columns must stay as the report wrote them)",
                        "{name} is there {count} times and the row does not say "
                        "which (the `from` and `line` columns must stay as the report wrote them)",
                        len(candidates),
                    ).format(name=repr(row.name), count=len(candidates)),
                )
            )
            continue
        target = candidates[0]
        new = parse_name(new_name, row.kind, ward=target.ward)
        clash = next(
            (
                p.name
                for p in by_commune[scope]
                if p is not target
                and _same(compare(new, parse_name(p.name, row.kind, ward=p.ward)))
            ),
            None,
        )
        clash = clash or next(
            (
                other
                for other in new_names[scope]
                if _same(compare(new, parse_name(other, row.kind, ward=target.ward)))
            ),
            None,
        )
        if clash is not None:
            result.refused.append(
                (
                    row,
                    # Translators: {name} and {other} are quoted names, {commune} a code.
                    _("{name} would collide with {other} in commune {commune}").format(
                        name=repr(new_name), other=repr(clash), commune=row.commune
                    ),
                )
            )
            continue
        new_names[scope].append(new_name)
        by_commune[scope].remove(target)
        result.renames.append(Rename(row, new_name, target.file, target.path))
    return result, errors


def _same(verdict: Any) -> bool:
    return verdict is not None and verdict.verdict == DUPLICATE


def _former_entry(old: str, reference: str | None, date: str) -> str:
    parts = [f"name: {render_scalar(old, '', flow=True)}"]
    if reference:
        parts.append(f"decision: {render_scalar(reference, '', flow=True)}")
    parts.append(f"date: {date}")
    return "{" + ", ".join(parts) + "}"


def edit_text(text: str, renames: Sequence[Rename], *, reference: str | None, date: str) -> str:
    """text with each rename written and a former_names entry added, nothing else touched."""
    if text and not text.endswith("\n"):
        text += _eol(text)  # a new line may be appended after the last entry
    found = spans(text)
    edits: list[tuple[Span, str]] = []
    for rename in renames:
        entry = found.values[rename.path]
        name_span = found.values[(*rename.path, "name")]
        in_flow = _inside_flow(found, rename.path)
        edits.append((name_span, render_scalar(rename.new_name, name_span.style, flow=in_flow)))
        former = _former_entry(rename.row.name, reference, date)
        existing = found.values.get((*rename.path, "former_names"))
        if existing is not None and existing.style == "[":
            # Append inside the flow list: before its closing bracket.
            close = Span(existing.end - 1, existing.end - 1, "", None)
            inner = text[existing.start + 1 : existing.end - 1].strip()
            edits.append((close, (", " if inner and not inner.endswith(",") else "") + former))
        elif existing is not None:
            indent = _column(text, existing.start)
            insert_at = _line_end(text, _last_scalar_end(found, (*rename.path, "former_names")))
            edits.append(
                (Span(insert_at, insert_at, "", None), f"{' ' * indent}- {former}{_eol(text)}")
            )
        elif entry.style == "{":
            close = Span(entry.end - 1, entry.end - 1, "", None)
            inner = text[entry.start + 1 : entry.end - 1].rstrip()
            comma = " " if inner.endswith(",") else ", "
            edits.append((close, f"{comma}former_names: [{former}]"))
        else:
            indent = _column(text, entry.start)
            insert_at = _line_end(text, _last_scalar_end(found, rename.path))
            line = f"{' ' * indent}former_names: [{former}]{_eol(text)}"
            edits.append((Span(insert_at, insert_at, "", None), line))
    return replace_spans(text, edits)


def _inside_flow(found: Spans, path: tuple[str | int, ...]) -> bool:
    return any(
        found.values[path[:depth]].style in ("{", "[")
        for depth in range(len(path), 0, -1)
        if path[:depth] in found.values
    )


def check_edit(before: str, after: str, renames: Sequence[Rename], date: str) -> str | None:
    """Why the edited text is not exactly the intended change (None when it is)."""
    old, new = load_text(before), load_text(after)
    problem = parse_error(new)  # a duplicate key too: the edit must leave none
    if problem is not None:
        # Translators: {reason} is the YAML problem, already translated.
        return _("the edited file would not parse ({reason})").format(reason=problem.message)
    expected = old.data
    for rename in renames:
        node: Any = expected
        for part in rename.path:
            node = node[part]
        node["name"] = rename.new_name
        history = node.get("former_names") or []
        entry = {"name": rename.row.name, "date": date}
        node["former_names"] = [*history, entry]
    got = new.data
    for rename in renames:
        node = got
        for part in rename.path:
            node = node[part]
        for item in node.get("former_names") or []:
            item.pop("decision", None)  # the reference is optional; compared without it
    if got != expected:
        return _("the edited file would not read back as intended; nothing written")
    return None


def _last_scalar_end(found: Spans, path: tuple[str | int, ...]) -> int:
    """Where the last scalar inside a block node ends (a block node's own end mark lies at
    the start of whatever follows it)."""
    depth = len(path)
    ends = [
        span.end
        for key, span in found.values.items()
        if len(key) > depth and key[:depth] == path and span.value is not None
    ]
    return max(ends) if ends else found.values[path].end


def _column(text: str, index: int) -> int:
    return index - (text.rfind("\n", 0, index) + 1)


def _eol(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _line_end(text: str, index: int) -> int:
    """Where a new line can go after the node ending at index (after its line's end)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    newline = text.find("\n", index)
    return len(text) if newline == -1 else newline + 1


@dataclass
class Written:
    file: Path
    before: str
    after: str

    def diff(self) -> str:
        name = display_path(self.file)
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                f"a/{name}",
                f"b/{name}",
            )
        )


def apply(result: Plan, *, reference: str | None, date: str | None, dry_run: bool) -> list[Written]:
    """Write the planned renames (or only compute them, with dry_run)."""
    day = date or dt.date.today().isoformat()
    by_file: dict[Path, list[Rename]] = defaultdict(list)
    for rename in result.renames:
        by_file[rename.file].append(rename)
    written = []
    for file, renames in sorted(by_file.items()):
        try:
            raw = file.read_bytes()
            before = decode(raw, display_path(file))  # the same bytes: read once
        except OSError as exc:
            reason = _("cannot read file: {reason}").format(reason=exc.strerror or exc)
            result.write_errors.append(CatalogLoadError(display_path(file), reason))
            continue
        except CatalogLoadError as exc:
            result.write_errors.append(exc)
            continue
        bom = raw.startswith(b"\xef\xbb\xbf")
        after = edit_text(before, renames, reference=reference, date=day)
        problem = check_edit(before, after, renames, day)
        if problem is not None:
            for rename in renames:
                result.refused.append((rename.row, f"{display_path(file)}: {problem}"))
            continue
        if not dry_run:
            data = after.encode("utf-8")
            try:
                write_bytes_atomic(file, (b"\xef\xbb\xbf" if bom else b"") + data, expect=raw)
            except OSError as exc:
                reason = _("cannot write: {reason}").format(reason=exc.strerror or exc)
                result.write_errors.append(CatalogLoadError(display_path(file), reason))
                continue
        written.append(Written(file, before, after))
    return written


def decisions_yaml(result: Plan, existing: Path | None = None) -> str:
    """The whole `kind: name-decisions` file: what it held plus this run's keep and merge
    decisions, one entry per group, without repeats. A group whose members sit in several
    communes (streets across a province) is recorded with commune "*"."""
    entries = list(load_accepted(existing)) if existing is not None else []
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in [*result.kept, *result.merged]:
        groups[row.group or f"row {row.line}"].append(row)
    for rows in groups.values():
        communes = {row.commune for row in rows}
        entries.append(
            (
                rows[0].province,
                communes.pop() if len(communes) == 1 else "*",
                rows[0].kind,
                sorted({row.name for row in rows}),
                rows[0].decision,
            )
        )
    seen: set[tuple[str, str, str, tuple[str, ...], str]] = set()
    lines = [
        "# Written by `tthc apply-renames`: names a committee accepted (keep) or merges it",
        "# decided; `tthc dedupe-names --decisions` does not report these groups again.",
        "kind: name-decisions",
        "accepted:" if entries else "accepted: []",
    ]
    for province, commune, kind, names, decision in entries:
        key = (province, commune, kind, tuple(names), decision)
        if key in seen:
            continue
        seen.add(key)
        shown = ", ".join(render_scalar(n, "", flow=True) for n in names)
        lines.append(
            f'  - {{province: "{province}", commune: "{commune}", kind: {kind}, '
            f"decision: {decision}, names: [{shown}]}}"
        )
    return "\n".join(lines) + "\n"


def load_accepted(path: Path) -> list[tuple[str, str, str, list[str], str]]:
    """The accepted groups of a `kind: name-decisions` file (missing file: none):
    (province, commune or "*", kind, names, decision)."""
    from tthc_cli.catalog.decisions import read_decisions
    from tthc_cli.domain.models import NameDecisions

    if not path.exists():
        return []
    model = read_decisions(path, NameDecisions)
    return [(a.province, a.commune, a.kind, list(a.names), a.decision) for a in model.accepted]
