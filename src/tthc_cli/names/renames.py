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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc_cli.catalog.loading import discover, load_text
from tthc_cli.catalog.reader import parse_error, read_catalog
from tthc_cli.catalog.reading import decode, display_path
from tthc_cli.catalog.spans import Span, Spans, render_scalar, replace_spans, spans
from tthc_cli.names.committee import Row
from tthc_cli.names.placenames import DUPLICATE, compare, parse_name
from tthc_cli.runtime.atomic import write_bytes_atomic
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _, ngettext
from tthc_cli.text.normalize import nfc
from tthc_cli.text.units import is_ward


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
        new_name = _decided_rename(row, result)
        if new_name is None:
            continue
        scope = (row.province, row.commune, row.kind)
        target, refusal = _target(row, by_commune.get(scope, []))
        if target is not None:
            refusal = _clash(row, new_name, target, by_commune[scope], new_names[scope])
        if target is None or refusal is not None:
            result.refused.append((row, refusal or ""))
            continue
        new_names[scope].append(new_name)
        by_commune[scope].remove(target)
        result.renames.append(Rename(row, new_name, target.file, target.path))
    return result, errors


def _decided_rename(row: Row, result: Plan) -> str | None:
    """The new name when the row decides a rename; else the row is counted where it belongs."""
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
        return None
    if row.decision == "keep":
        result.kept.append(row)
        return None
    if row.decision == "merge":
        result.merged.append(row)
        return None
    new_name = row.rename_to or row.suggestion
    if not new_name:
        result.refused.append((row, _("rename without a new name (fill rename_to)")))
        return None
    return new_name


def _target(row: Row, places: Sequence[_Place]) -> tuple[_Place | None, str | None]:
    """The one place the row renames, or why it cannot be told."""
    candidates = [p for p in places if p.name == row.name]
    if len(candidates) > 1:
        # "Thôn 1" from each former commune: the one the row is about, by `from`, then line.
        candidates = [p for p in candidates if p.origin == row.origin] or candidates
    if len(candidates) > 1 and row.source_line is not None:
        candidates = [p for p in candidates if p.line == row.source_line] or candidates
    if not candidates:
        # Translators: {name} is a quoted hamlet or street name, {commune} a code.
        return None, _("{name} is no longer in commune {commune} (renamed already?)").format(
            name=repr(row.name), commune=row.commune
        )
    if len(candidates) > 1:
        # Translators: {name} is a quoted hamlet or street name; `from` and `line`
        # are column keys and stay in English.
        return None, ngettext(
            "{name} is there {count} time and the row does not say "
            "which (the `from` and `line` columns must stay as the report wrote them)",
            "{name} is there {count} times and the row does not say "
            "which (the `from` and `line` columns must stay as the report wrote them)",
            len(candidates),
        ).format(name=repr(row.name), count=len(candidates))
    return candidates[0], None


def _clash(
    row: Row, new_name: str, target: _Place, places: Sequence[_Place], new_names: Sequence[str]
) -> str | None:
    """Why the new name cannot be taken: it would be the same name as another in the commune."""
    new = parse_name(new_name, row.kind, ward=target.ward)
    clash = next(
        (
            p.name
            for p in places
            if p is not target and _same(compare(new, parse_name(p.name, row.kind, ward=p.ward)))
        ),
        None,
    )
    clash = clash or next(
        (
            other
            for other in new_names
            if _same(compare(new, parse_name(other, row.kind, ward=target.ward)))
        ),
        None,
    )
    if clash is None:
        return None
    # Translators: {name} and {other} are quoted names, {commune} a code.
    return _("{name} would collide with {other} in commune {commune}").format(
        name=repr(new_name), other=repr(clash), commune=row.commune
    )


def _same(verdict: Any) -> bool:
    return verdict is not None and verdict.verdict == DUPLICATE


def _former_entry(old: str, reference: str | None, date: str) -> str:
    parts = [f"name: {render_scalar(old, '', flow=True)}"]
    if reference:
        parts.append(f"decision: {render_scalar(reference, '', flow=True)}")
    parts.append(f"date: {date}")
    return "{" + ", ".join(parts) + "}"


def edit_text(text: str, renames: Sequence[Rename], *, reference: str | None, date: str) -> str:
    """text with each rename written and a former_names entry added, nothing else touched;
    ValueError when the text does not parse cleanly (a duplicate key: which value is edited?)."""
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
        try:
            after = edit_text(before, renames, reference=reference, date=day)
            problem = check_edit(before, after, renames, day)
        except KeyError:  # a name written as an alias (*x) has no characters of its own
            problem = _("the edited file would not read back as intended; nothing written")
        except ValueError as exc:  # the file itself has a problem (a duplicate key)
            # Translators: {reason} is the YAML problem, already translated.
            problem = _("the edited file would not parse ({reason})").format(reason=exc)
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
