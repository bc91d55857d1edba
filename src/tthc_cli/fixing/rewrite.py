"""The byte-preserving rewriter: each fixed value replaces only its own characters.

Nothing is dumped again: the one positioned parser gives each value's exact span
(``yamltree.parse(text, spans=True)``), and a fixed value replaces only its own characters, so
comments, key order, quoting, flow and block style, blank lines, indentation, CRLF line endings
and a UTF-8 BOM stay byte for byte.

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
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.scalars import resolve_plain
from tthc_cli.catalog.spans import Span, Spans, plain_ok, render_scalar, replace_spans
from tthc_cli.catalog.yamltree import Path_, parse
from tthc_cli.fixing.roles import roles
from tthc_cli.text.normalize import ToneStyle
from tthc_cli.validation.fix import (
    Fix,
    FixContext,
    Fixed,
    Layout,
    Role,
    apply_fixes,
    in_order,
    run_fixes,
)

__all__ = ["Plan", "apply_plans", "plan_fixes"]

_BLOCK = ("|", ">")
_QUOTES = ("'", '"')
_CONTAINERS = ("[", "{", "-")
_STR_TAGS = frozenset({"!", "!!str", "!<tag:yaml.org,2002:str>"})
# The fixes that may touch the values on a line (ignores of their rules keep them off).
FixesOn = Callable[[int], frozenset[Fix]]


@dataclass
class Plan:
    """One value to fix: where it is, its fixed value, and the ways to write it still left."""

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


def plan_fixes(
    text: str, found: Spans, doc: Document, fixes_on: FixesOn, tone_style: ToneStyle
) -> Iterator[Plan]:
    """A plan for every string value (never keys, never comments) the fixes change."""
    role_of = roles(doc.data)
    lines = _Lines(text)
    # The fixes in order and their context, chosen once per set of fixes, role and layout.
    chosen: dict[tuple[frozenset[Fix], Role, bool], tuple[tuple[Fix, ...], FixContext]] = {}
    for path, span in found.values.items():
        if span.style in _CONTAINERS:
            continue
        start, tag = _properties(text, span)
        if start is None or (tag is not None and tag not in _STR_TAGS):
            continue
        if span.style == "" and tag is None and not isinstance(resolve_plain(span.value), str):
            continue  # a number, a boolean or null
        line = lines.line(start)
        wanted = fixes_on(line)
        if not wanted:
            continue
        role = role_of.get(path, Role.TEXT)
        block = span.style in _BLOCK
        key = (wanted, role, block)
        if key not in chosen:
            layout = Layout.BLOCK if block else Layout.VALUE
            chosen[key] = (in_order(wanted, role), FixContext(role, tone_style, layout))
        ordered, ctx = chosen[key]
        fixed = run_fixes(span.value, ordered, ctx)
        if fixed.text == span.value:
            continue
        own = Span(start, span.end, span.style, span.value)
        raw = text[start : span.end]
        candidates = _candidates(raw, own, fixed, wanted, ctx)
        if candidates:
            yield Plan(path, own, line, fixed, candidates, span.style == "" and tag is not None)


def _candidates(
    raw: str, span: Span, fixed: Fixed, fixes: frozenset[Fix], ctx: FixContext
) -> list[str]:
    """The ways to write the fixed value, least invasive first (see the module docstring)."""
    style = span.style

    def own_fix(source: str, layout: Layout) -> str:
        own = FixContext(ctx.role, ctx.tone_style, layout, fixed.encoding, detect=False)
        return apply_fixes(source, fixes, own).text

    found: list[str] = []
    if style in _BLOCK:
        newline = raw.find("\n")
        if newline != -1:
            # The header line (| or > with indicators, maybe a comment) is not the value.
            header, body = raw[: newline + 1], raw[newline + 1 :]
            found.append(header + own_fix(body, Layout.BLOCK))
    else:
        # On one line and without escapes, the source fixed where it stands is the rendered value.
        if any(char in raw for char in "\n\r\\"):
            quote = style if style in _QUOTES else ""
            inner = raw[1:-1] if quote else raw
            own = own_fix(inner, Layout.QUOTED if quote else Layout.FLOW)
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


def apply_plans(text: str, found: Spans, plans: list[Plan]) -> tuple[str, list[bool]]:
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


def _check(old: Spans, new_text: str, active: list[Plan]) -> list[Plan]:
    """The plans whose edit does not read back as intended (empty: all is well)."""
    parsed = parse(new_text, spans=True)
    if parsed.issues or parsed.spans is None:
        return _culprit(parsed.issues[0].index if parsed.issues else None, active)
    new = parsed.spans
    by_path = {plan.path: plan for plan in active}
    if new.values.keys() != old.values.keys() or any(
        new.keys.get(path) is None or new.keys[path].value != span.value
        for path, span in old.keys.items()
    ):
        return _culprit(None, active)
    wrong: list[Plan] = []
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


def _culprit(index: int | None, active: list[Plan]) -> list[Plan]:
    """The edit nearest before where reading failed; without a position, every edit."""
    if index is None:
        return active
    shift = 0
    culprit: Plan | None = None
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
