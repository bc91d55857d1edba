"""Apply the safe fixes to catalog files, changing only the characters of the values that change.

Nothing is dumped again: libyaml's marks give each value's exact span
(:mod:`tthc_cli.catalog.spans`),
and a fixed value replaces only its own characters, so comments, key order, quoting, flow and
block style, blank lines, indentation, CRLF line endings and a UTF-8 BOM stay byte for byte.

For each value that changes, candidates are tried from the least to the most invasive:

1. the value's own source characters, fixed where they stand (keeps escapes and line breaks of
   multi-line values; the only candidate for block scalars, which are never re-wrapped);
2. the fixed value rendered in the value's style (:func:`spans.render_scalar`: a plain value
   that can no longer be plain is quoted);
3. the fixed value as a double-quoted scalar, which any context can hold.

The edited text is parsed again and every value compared with what it must be (the fixed value
where a fix applies, the old value everywhere else, keys unchanged): a candidate that reads back
otherwise is replaced by the next one, and a value with none left is not changed.
"""

from __future__ import annotations

import bisect
import codecs
import collections
import difflib
import json
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tthc_cli.catalog.loading import Document, discover, load_text
from tthc_cli.catalog.reader import parse_error
from tthc_cli.catalog.reading import display_path, read_text
from tthc_cli.catalog.spans import Span, Spans, plain_ok, render_scalar, replace_spans, spans
from tthc_cli.catalog.yamltree import Path_, resolve_plain
from tthc_cli.domain.models import KINDS
from tthc_cli.fixing.fixes import (
    FIX_RULES,
    FMT_FIXES,
    Change,
    Fix,
    Fixed,
    Role,
    fix_layout_text,
    fix_text,
    fixes_for_rules,
    pad_code,
    roles,
)
from tthc_cli.runtime.atomic import write_bytes_atomic
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _, ngettext
from tthc_cli.text.normalize import ToneStyle
from tthc_cli.validation.config import Settings

__all__ = [
    "FileResult",
    "FormatRun",
    "Formatted",
    "ValueFix",
    "apply_rule_fixes",
    "format_file",
    "format_paths",
    "format_text",
    "unified_diff",
]

BOM = codecs.BOM_UTF8
_BLOCK = ("|", ">")
_QUOTES = ("'", '"')
_CONTAINERS = ("[", "{", "-")
_STR_TAGS = frozenset({"!", "!!str", "!<tag:yaml.org,2002:str>"})
_CODE_WIDTH = {Role.PROVINCE_CODE: 2, Role.COMMUNE_CODE: 5}
_PADDING_RULE = {Role.PROVINCE_CODE: "TT302", Role.COMMUNE_CODE: "TT303"}


@dataclass(frozen=True, slots=True)
class ValueFix:
    """One value that changed: where, before, after, and by which fixes."""

    path: Path_
    line: int
    old: str
    new: str
    changes: tuple[Change, ...]

    @property
    def encoding(self) -> str | None:
        return Fixed(self.new, self.changes).encoding


@dataclass
class Formatted:
    """The fixed text of one document, the values that changed, and the values left alone."""

    text: str
    fixes: list[ValueFix] = field(default_factory=list)
    unsafe: list[ValueFix] = field(default_factory=list)  # fixes that could not be written back
    skipped: str | None = None  # why the document was not looked at (not a catalog)

    def counts(self) -> collections.Counter[Fix]:
        return collections.Counter(change.fix for fix in self.fixes for change in fix.changes)


# ----------------------------------------------------------------------- one text


def format_text(
    text: str,
    fixes: Collection[Fix] = FMT_FIXES,
    *,
    settings: Settings | None = None,
    path: str = "<string>",
    only_catalogs: bool = False,
    tones_only_when_mixed: bool = False,
) -> Formatted:
    """Apply ``fixes`` to every string value of a YAML text (never keys, never comments).

    Inline `# tthc: ignore[...]` comments and `per-file-ignores` of the rule a fix belongs to
    keep that fix off the value. Raises CatalogLoadError when the text is not valid YAML.
    """
    settings = settings if settings is not None else Settings()
    doc = load_text(text, path)
    # Duplicate keys too: the fix would land on a value that readers ignore.
    # Translators: {reason} is the YAML problem, already translated.
    problem = parse_error(doc, _("cannot format: {reason}"))
    if problem is not None:
        raise problem
    if only_catalogs and doc.kind not in KINDS:
        return Formatted(text, skipped=_("not a catalog (no known `kind`), left as it is"))
    fixes = frozenset(fixes)
    if tones_only_when_mixed and Fix.TONE_STYLE in fixes and not _mixes_tone_styles(doc):
        # validate --fix fixes what TT204 reports: a file mixing hòa and hoà. `tthc fmt`
        # applies the configured style everywhere.
        fixes = fixes - {Fix.TONE_STYLE}
    if not fixes:
        return Formatted(text)
    try:
        found = spans(text)
    except yaml.YAMLError as exc:  # pragma: no cover - parse() accepted the same text
        raise CatalogLoadError(path, _("cannot format: {reason}").format(reason=exc)) from None
    plans = list(_plans(text, found, doc, frozenset(fixes), settings))
    if not plans:
        return Formatted(text)
    new_text, accepted = _apply(text, found, plans)
    result = Formatted(new_text)
    for plan, ok in zip(plans, accepted, strict=True):
        entry = ValueFix(plan.path, plan.line, plan.span.value, plan.fixed.text, plan.fixed.changes)
        (result.fixes if ok else result.unsafe).append(entry)
    return result


def _mixes_tone_styles(doc: Document) -> bool:
    from tthc_cli.text.normalize import tone_styles

    seen: set[ToneStyle] = set()
    for ref in doc.parsed.strings:
        if not ref.value.isascii():
            seen.update(style for style, count in tone_styles(ref.value).items() if count)
            if len(seen) > 1:
                return True
    return False


@dataclass
class _Plan:
    path: Path_
    span: Span  # starts at the value itself (after any anchor or tag)
    line: int
    fixed: Fixed
    candidates: list[str]
    plain_tagged: bool  # a plain scalar with a !!str tag (a string whatever it reads like)
    choice: int = 0

    @property
    def active(self) -> bool:
        return self.choice < len(self.candidates)


def _plans(
    text: str, found: Spans, doc: Document, fixes: frozenset[Fix], settings: Settings
) -> Iterator[_Plan]:
    role_of = roles(doc.data)
    allowed = _Allowed(doc, settings, fixes)
    lines = _Lines(text)
    for path, span in found.values.items():
        if span.style in _CONTAINERS:
            continue
        start, tag = _properties(text, span)
        if start is None or (tag is not None and tag not in _STR_TAGS):
            continue
        if span.style == "" and tag is None and not isinstance(resolve_plain(span.value), str):
            continue  # a number, a boolean or null
        line = lines.line(start)
        role = role_of.get(path, Role.TEXT)
        wanted = allowed.fixes(line, role)
        if not wanted:
            continue
        block = span.style in _BLOCK
        fixed = fix_text(span.value, wanted, role=role, tone_style=settings.tone_style, block=block)
        if fixed.text == span.value:
            continue
        own = Span(start, span.end, span.style, span.value)
        raw = text[start : span.end]
        candidates = _candidates(raw, own, fixed, wanted, role, settings)
        if candidates:
            yield _Plan(path, own, line, fixed, candidates, span.style == "" and tag is not None)


def _candidates(
    raw: str, span: Span, fixed: Fixed, fixes: frozenset[Fix], role: Role, settings: Settings
) -> list[str]:
    """The ways to write the fixed value, least invasive first (see the module docstring)."""
    style = span.style

    def own_fix(source: str, *, flow: bool) -> str:
        return fix_layout_text(
            source,
            fixes,
            role=role,
            tone_style=settings.tone_style,
            encoding=fixed.encoding,
            detect=False,
            flow=flow,
        ).text

    found: list[str] = []
    if style in _BLOCK:
        newline = raw.find("\n")
        if newline != -1:
            # The header line (| or > with indicators, maybe a comment) is not the value.
            header, body = raw[: newline + 1], raw[newline + 1 :]
            found.append(header + own_fix(body, flow=False))
    else:
        # On one line and without escapes, the source fixed where it stands is the rendered value.
        if any(char in raw for char in "\n\r\\"):
            quote = style if style in _QUOTES else ""
            inner = raw[1:-1] if quote else raw
            own = own_fix(inner, flow=True)
            if quote and Fix.SPACES in fixes:
                own = own.strip()
            if quote and Fix.CODE_PADDING in fixes and role in _CODE_WIDTH:
                own = pad_code(own, _CODE_WIDTH[role])
            if quote or plain_ok(fixed.text):
                found.append(quote + own + quote)
        found.append(_render(fixed.text, style))
        found.append(_double_quoted(fixed.text))
    return [c for c in dict.fromkeys(found) if c != raw]


# Characters a YAML scalar may not hold as they are, or that YAML 1.1 reads as line breaks.
_ESCAPE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _double_quoted(text: str) -> str:
    """A double-quoted scalar any context can hold (JSON escapes, plus YAML's own needs)."""
    return _ESCAPE_RE.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False)
    )


def _render(text: str, style: str) -> str:
    if _ESCAPE_RE.search(text):
        return _double_quoted(text)
    return render_scalar(text, style if style in ("", *_QUOTES) else '"')


def _apply(text: str, found: Spans, plans: list[_Plan]) -> tuple[str, list[bool]]:
    """The text with every plan's current candidate, each checked by reading the text back."""
    rounds = sum(len(plan.candidates) for plan in plans) + 1
    for _round in range(rounds):
        active = [plan for plan in plans if plan.active]
        if not active:
            return text, [False] * len(plans)
        edits = [(plan.span, plan.candidates[plan.choice]) for plan in active]
        new_text = replace_spans(text, edits)
        wrong = _check(found, new_text, active)
        if not wrong:
            return new_text, [plan.active for plan in plans]
        for plan in wrong:
            plan.choice += 1
    return text, [False] * len(plans)  # pragma: no cover - every round drops a candidate


def _check(old: Spans, new_text: str, active: list[_Plan]) -> list[_Plan]:
    """The plans whose edit does not read back as intended (empty: all is well)."""
    try:
        new = spans(new_text)
    except yaml.YAMLError as exc:
        return _culprit(exc, active)
    except IndexError:  # spans() on a structure it does not follow (a collection as a key)
        return _culprit(None, active)
    by_path = {plan.path: plan for plan in active}
    if new.values.keys() != old.values.keys() or any(
        new.keys.get(path) is None or new.keys[path].value != span.value
        for path, span in old.keys.items()
    ):
        return _culprit(None, active)
    wrong: list[_Plan] = []
    suspicious = False
    for path, before in old.values.items():
        after = new.values[path]
        plan = by_path.get(path)
        if plan is None:
            if after.value != before.value or (after.style == "") != (before.style == ""):
                suspicious = True
        elif after.value != plan.fixed.text or (
            after.style == ""
            and not plan.plain_tagged
            and not isinstance(resolve_plain(after.value), str)
        ):
            wrong.append(plan)
    if suspicious and not wrong:
        return _culprit(None, active)
    return wrong


def _culprit(exc: yaml.YAMLError | None, active: list[_Plan]) -> list[_Plan]:
    """The edit nearest before where reading failed; without a position, every edit."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return active
    index = int(mark.index)
    shift = 0
    culprit: _Plan | None = None
    for plan in sorted(active, key=lambda p: p.span.start):
        if plan.span.start + shift > index:
            break
        culprit = plan
        shift += len(plan.candidates[plan.choice]) - (plan.span.end - plan.span.start)
    return [culprit] if culprit is not None else active


def _properties(text: str, span: Span) -> tuple[int | None, str | None]:
    """Where the value itself starts (after an anchor and a tag), and its tag."""
    position, tag = span.start, None
    while position < span.end and text[position] in "&!":
        end = position
        while end < span.end and not text[end].isspace():
            end += 1
        if text[position] == "!":
            tag = text[position:end]
        position = end
        while position < span.end and text[position].isspace():
            position += 1
    if position >= span.end and span.value != "":
        return None, tag
    expected = {"'": "'", '"': '"', "|": "|", ">": ">"}.get(span.style)
    if expected is not None and not text.startswith(expected, position):
        return None, tag
    return position, tag


class _Lines:
    """1-based line numbers of character offsets (lines end at \\n, \\r\\n or \\r)."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer(r"\r\n|[\n\r]", text))]

    def line(self, index: int) -> int:
        return bisect.bisect_right(self.starts, index)


class _Allowed:
    """Which fixes may touch a value: not those whose rule is ignored on its line or file."""

    def __init__(self, doc: Document, settings: Settings, fixes: frozenset[Fix]) -> None:
        from tthc_cli.validation.engine import inline_ignores, per_file_ignores
        from tthc_cli.validation.rules import BY_CODE, matches

        ignores = inline_ignores(doc)
        per_file = per_file_ignores(settings, doc.path)
        self._fixes = fixes
        self._ignores = ignores
        self._off_in_file = frozenset(
            code
            for code, rule in BY_CODE.items()
            if ignores.covers(rule, 0) or any(matches(rule, s) for s in per_file)
        )
        self._by_line = ignores.by_line
        self._rules = BY_CODE
        self._cache: dict[tuple[int, Role], frozenset[Fix]] = {}

    def fixes(self, line: int, role: Role) -> frozenset[Fix]:
        key = (line if line in self._by_line else 0, role)
        hit = self._cache.get(key)
        if hit is None:
            hit = frozenset(fix for fix in self._fixes if not self._off(fix, key[0], role))
            self._cache[key] = hit
        return hit

    def _off(self, fix: Fix, line: int, role: Role) -> bool:
        codes = FIX_RULES[fix]
        if fix is Fix.CODE_PADDING:
            codes = (_PADDING_RULE[role],) if role in _PADDING_RULE else ()
        return any(
            code in self._off_in_file or (line and self._ignores.covers(self._rules[code], line))
            for code in codes
        )


# ------------------------------------------------------------------------ files


@dataclass
class FileResult:
    """One file: its text before and after, and what changed."""

    path: Path
    display: str
    old_text: str
    new_text: str
    bom: bool
    formatted: Formatted
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.new_text != self.old_text

    @property
    def new_bytes(self) -> bytes:
        return (BOM if self.bom else b"") + self.new_text.encode("utf-8")

    @property
    def old_bytes(self) -> bytes:
        """The file as it was read (decoding UTF-8 loses nothing; the BOM is put back)."""
        return (BOM if self.bom else b"") + self.old_text.encode("utf-8")

    def summary(self) -> str:
        """`3 values (spaces 2, nfc 1)`."""
        counts = self.formatted.counts()
        values = len(self.formatted.fixes)
        kinds = ", ".join(f"{fix} {counts[fix]}" for fix in Fix if counts[fix])
        # Translators: {kinds} lists fix names with counts, e.g. "spaces 2, nfc 1"; the fix
        # names stay in English (they are the names `--fix` options use).
        return ngettext("{count} value ({kinds})", "{count} values ({kinds})", values).format(
            count=values, kinds=kinds
        )

    def conversions(self) -> Iterator[str]:
        """`file:line: "old" → "new" (TCVN3)` for each legacy-encoded value converted."""
        for fix in self.formatted.fixes:
            encoding = fix.encoding
            if encoding is not None:
                old, new = (json.dumps(s, ensure_ascii=False) for s in (fix.old, fix.new))
                yield f"{self.display}:{fix.line}: {old} → {new} ({encoding})"


def format_file(
    path: Path,
    fixes: Collection[Fix] = FMT_FIXES,
    settings: Settings | None = None,
    *,
    tones_only_when_mixed: bool = False,
) -> FileResult:
    """Read one catalog file and fix it in memory; raises CatalogLoadError (unreadable, invalid
    YAML). Files without a known catalog `kind` are left as they are (``formatted.skipped``)."""
    settings = settings if settings is not None else Settings()
    text = read_text(path, max_bytes=settings.max_bytes)
    display = display_path(path)
    formatted = format_text(
        text,
        fixes,
        settings=settings,
        path=display,
        only_catalogs=True,
        tones_only_when_mixed=tones_only_when_mixed,
    )
    return FileResult(
        path=path,
        display=display,
        old_text=text,
        new_text=formatted.text,
        bom=formatted.text != text and _has_bom(path),
        formatted=formatted,
    )


def _has_bom(path: Path) -> bool:
    # read_text drops a UTF-8 BOM; a file that had one gets it back.
    try:
        with path.open("rb") as handle:
            return handle.read(len(BOM)) == BOM
    except OSError as exc:
        raise CatalogLoadError(
            # Translators: {reason} is the operating system's explanation.
            path,
            _("cannot read file: {reason}").format(reason=exc.strerror or exc),
        ) from None


@dataclass
class FormatRun:
    """Everything a command reports: each file's result, and the files that failed."""

    files: list[FileResult] = field(default_factory=list)
    errors: list[CatalogLoadError] = field(default_factory=list)  # unreadable, invalid YAML
    write_errors: list[CatalogLoadError] = field(default_factory=list)

    @property
    def changed(self) -> list[FileResult]:
        return [result for result in self.files if result.changed]

    @property
    def skipped(self) -> list[FileResult]:
        return [result for result in self.files if result.formatted.skipped]


def format_paths(
    paths: Sequence[Path],
    fixes: Collection[Fix] = FMT_FIXES,
    settings: Settings | None = None,
    *,
    write: bool = False,
    tones_only_when_mixed: bool = False,
) -> FormatRun:
    """Discover catalog files under paths and fix each (writing it atomically with ``write``).

    A file that cannot be read, does not parse or cannot be written is an error of the run; the
    other files are still done.
    """
    settings = settings if settings is not None else Settings()
    discovery = discover(paths, exclude=settings.exclude, base=settings.base_dir)
    run = FormatRun(errors=list(discovery.errors))
    for path in discovery.files:
        try:
            result = format_file(path, fixes, settings, tones_only_when_mixed=tones_only_when_mixed)
        except CatalogLoadError as exc:
            run.errors.append(exc)
            continue
        if write and result.changed:
            try:
                # Another editor or run may have changed the file since it was read.
                write_bytes_atomic(path, result.new_bytes, expect=result.old_bytes)
                result.written = True
            except OSError as exc:
                run.write_errors.append(
                    CatalogLoadError(
                        path,
                        # Translators: {reason} is the operating system's explanation.
                        _("cannot write the fixed file: {reason}").format(
                            reason=exc.strerror or exc
                        ),
                    )
                )
                continue
        run.files.append(result)
    return run


def apply_rule_fixes(paths: Sequence[Path], settings: Settings) -> FormatRun:
    """`tthc validate --fix`: the fixes of the enabled fixable rules, written to the files."""
    from tthc_cli.validation.engine import enabled_rules

    codes = [rule.code for rule in enabled_rules(settings) if rule.fixable]
    return format_paths(
        paths, fixes_for_rules(codes), settings, write=True, tones_only_when_mixed=True
    )


_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+")


def unified_diff(result: FileResult) -> str:
    """A unified diff (a/ and b/ file names) of one file's change; lines end at \\n only."""
    name = result.display.lstrip("/")
    old, new = result.old_text, result.new_text
    if result.bom:
        # The file starts with a BOM: the patch's context must too, or `git apply` refuses it.
        old, new = "\ufeff" + old, "\ufeff" + new
    lines = difflib.unified_diff(
        _LINE_RE.findall(old),
        _LINE_RE.findall(new),
        f"a/{name}",
        f"b/{name}",
    )
    return "".join(_with_newline(lines))


def _with_newline(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        if line.endswith("\n"):
            yield line
        else:
            yield line + "\n\\ No newline at end of file\n"
