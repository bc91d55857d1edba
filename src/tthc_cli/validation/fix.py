"""What a fix is: the safe mechanical change a rule declares, and how fixes apply to one value.

A fixable rule module exports ``FIX = Fix(...)``; the registry line that registers the rule is
all it takes for `tthc fmt`, `tthc validate --fix`, the rule reference and the `--fix` help to
know the fix (they all read it from the registered rules: :mod:`tthc_cli.validation.fixable`).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from tthc_cli.text.normalize import ToneStyle

__all__ = [
    "Change",
    "Fix",
    "FixContext",
    "Fixed",
    "Layout",
    "Role",
    "apply_fixes",
    "fix_layout_text",
    "fix_text",
    "in_order",
    "run_fixes",
]


class Role(enum.Enum):
    """What a value is, which decides the fixes beyond plain text."""

    TEXT = "text"
    DOCUMENT_NUMBER = "document-number"
    PROVINCE_CODE = "province-code"
    COMMUNE_CODE = "commune-code"


class Layout(enum.Enum):
    """What a fix is given: a value, or the characters a value is written with."""

    VALUE = "value"  # the value as read
    BLOCK = "block"  # a block scalar (| or >): its lines and indentation are the author's
    FLOW = "flow"  # a plain value's source: line breaks and indentation fold into spaces
    QUOTED = "quoted"  # a quoted value's source between the quotes: as FLOW, edges included


@dataclass(frozen=True, slots=True)
class FixContext:
    """What a fix function may read besides the text."""

    role: Role = Role.TEXT
    tone_style: ToneStyle = ToneStyle.FIRST_VOWEL
    layout: Layout = Layout.VALUE
    # Source layouts: the legacy encoding the value was converted from (the source follows its
    # value), else detect one when ``detect``.
    encoding: str | None = None
    detect: bool = True


FixFunction = Callable[[str, FixContext], str]


@dataclass(frozen=True, eq=False, kw_only=True)
class Fix:
    """A mechanical fix a rule declares: it removes the rule's findings from a value and changes
    nothing else.

    ``apply`` gets a value (``Layout.VALUE``) or, when `tthc fmt` edits the characters a value
    is written with, those characters (the other layouts); it must be idempotent. Inline and
    per-file ignores of the rule keep its fix off.
    """

    name: str  # as reports count it ("spaces 2"); two rules may share one (code-padding)
    order: int  # fixes apply in ascending order, each to what the ones before left
    apply: FixFunction
    roles: frozenset[Role] | None = None  # the values it applies to; None: every string value
    # False: the result needs a review, so only `tthc fmt` applies it, and only when asked for.
    safe: bool = True
    # The rule judges a file as a whole (TT204: one file, two tone styles): `validate --fix`
    # applies it only to files the rule reports; `tthc fmt` everywhere.
    file_level: bool = False
    # What reports say about a change besides old and new (the legacy encoding converted from).
    describe: Callable[[str, FixContext], str | None] | None = None

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Change:
    """One fix applied to a value: the value before and after it."""

    fix: Fix
    old: str
    new: str
    detail: str = ""  # what the fix's ``describe`` says (the legacy encoding)


@dataclass(frozen=True, slots=True)
class Fixed:
    """A fixed value and the fixes that changed it (empty when nothing did)."""

    text: str
    changes: tuple[Change, ...] = ()

    @property
    def encoding(self) -> str | None:
        """The legacy encoding the value was converted from, if it was."""
        for change in self.changes:
            if change.fix.name == "encoding":
                return change.detail
        return None


def apply_fixes(text: str, fixes: Collection[Fix], ctx: FixContext) -> Fixed:
    """Apply those of ``fixes`` that apply to the value's role, in their order."""
    return run_fixes(text, in_order(frozenset(fixes), ctx.role), ctx)


def run_fixes(text: str, ordered: Sequence[Fix], ctx: FixContext) -> Fixed:
    """Apply fixes already chosen and ordered by :func:`in_order` (a run over many values
    chooses once)."""
    changes: list[Change] = []
    current = text
    for fix in ordered:
        new = fix.apply(current, ctx)
        if new != current:
            detail = (fix.describe(current, ctx) if fix.describe is not None else None) or ""
            changes.append(Change(fix, current, new, detail))
            current = new
    return Fixed(current, tuple(changes))


def fix_text(
    text: str,
    fixes: Collection[Fix],
    *,
    role: Role = Role.TEXT,
    tone_style: ToneStyle = ToneStyle.FIRST_VOWEL,
    block: bool = False,
) -> Fixed:
    """Apply ``fixes`` to one string value, in their order.

    ``block``: the value of a block scalar (| or >), which is the author's layout: only the
    character-level fixes apply (see :func:`fix_layout_text`), never a re-wrap.
    """
    layout = Layout.BLOCK if block else Layout.VALUE
    return apply_fixes(text, fixes, FixContext(role, tone_style, layout))


def fix_layout_text(
    text: str,
    fixes: Collection[Fix],
    *,
    role: Role = Role.TEXT,
    tone_style: ToneStyle = ToneStyle.FIRST_VOWEL,
    encoding: str | None = None,
    detect: bool = True,
    flow: bool = False,
) -> Fixed:
    """The character-level fixes, which keep every line and its indentation where it is.

    For block scalars, and for the source text of a value (`tthc fmt` edits a value's own
    characters where it can): NFC, tone marks, document symbols, zero-width characters removed
    and odd spaces after the start of a line made spaces (``flow``: also tabs, and runs of
    spaces between words made one). Legacy text is converted from ``encoding`` when given, else
    from the encoding :func:`detect_legacy` finds (``detect``).
    """
    layout = Layout.FLOW if flow else Layout.BLOCK
    return apply_fixes(text, fixes, FixContext(role, tone_style, layout, encoding, detect))


# A run asks for the same few sets of fixes for every value of every file.
@lru_cache(maxsize=256)
def in_order(fixes: frozenset[Fix], role: Role) -> tuple[Fix, ...]:
    """Those of ``fixes`` that apply to values of ``role``, in the order they apply."""
    found = (fix for fix in fixes if fix.roles is None or role in fix.roles)
    return tuple(sorted(found, key=lambda fix: (fix.order, fix.name)))
