"""The text functions of the mechanical fixes: pure functions from a value to its fixed value.

A rule with a fix declares it in its own module (``FIX = Fix(...)``, see
:mod:`tthc_cli.validation.fix`) with one of the ``*_fix`` functions at the end of this module
(TT202 `spaces_fix`, TT204 `tone_style_fix`, ...), which removes what that rule reports and
nothing else. Every function here is idempotent: fixing fixed text changes nothing.
"""

from __future__ import annotations

import re

from tthc_cli.domain.codes import pad_code
from tthc_cli.domain.documents import ascii_d_fix
from tthc_cli.text.legacy import convert, detect_legacy
from tthc_cli.text.normalize import ToneStyle, canonical_tones, clean_spaces, is_nfc, nfc
from tthc_cli.text.spaces import ODD_SPACE_RE
from tthc_cli.text.spaces import ZERO_WIDTH as _ZERO_WIDTH
from tthc_cli.validation.fix import Change, Fix, FixContext, Fixed, Layout, Role

__all__ = [
    "Change",
    "Fix",
    "Fixed",
    "Role",
    "code_padding_fix",
    "document_symbol_fix",
    "encoding_fix",
    "fix_document_symbol",
    "fix_spaces",
    "fix_tones",
    "legacy_encoding",
    "misplaced_tone_fix",
    "nfc_fix",
    "pad_code",
    "spaces_fix",
    "tone_style_fix",
]

# ------------------------------------------------------------------------- spaces

_SPACE_SUSPECT_RE = re.compile(rf"\A\s|\s\Z|\s\s|[^\S ]|[{_ZERO_WIDTH}]|[\x00-\x1f\x7f-\x9f]")


def _odd_to_space(text: str) -> str:
    # A zero-width character shows as nothing, so removing it keeps the text as it looked.
    return ODD_SPACE_RE.sub(lambda m: "" if m.group() in _ZERO_WIDTH else " ", text)


def fix_spaces(text: str) -> str:
    """Fix what TT202 reports: the text keeps its lines, and what TT202 accepts.

    Zero-width characters are removed; non-breaking, unusual spaces, tabs and controls become a
    space; runs of spaces become one; spaces at the start and end go, and so do blank lines at
    the start. Newlines at the very end are kept (block scalars end with one by design), and so is
    the indentation of the second and later lines of multi-line text (the author's layout).
    """
    if not _SPACE_SUSPECT_RE.search(text):
        return text
    body = text.rstrip("\n")
    tail = text[len(body) :]
    if "\n" not in body and "\r" not in body:
        return clean_spaces(body) + tail
    lines: list[str] = []
    for line in _odd_to_space(body).split("\n"):
        if not lines:
            first = " ".join(line.split())
            if first:
                lines.append(first)
            continue
        rest = line.lstrip(" ")
        indent = line[: len(line) - len(rest)]
        rest = " ".join(rest.split())
        lines.append(indent + rest if rest else indent)
    return "\n".join(lines) + tail


_INNER_RUN_RE = re.compile(r"(?<=[^\s])  +(?=[^\s])")
# Unicode spaces other than the space itself, and zero-width characters. Line breaks (\r, NEL,
# LS, PS) are not here: in source text they end lines.
_LAYOUT_ODD = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_LAYOUT_ODD_RE = re.compile(f"[{_LAYOUT_ODD}{_ZERO_WIDTH}]")
_FLOW_ODD_RE = re.compile(f"[{_LAYOUT_ODD}{_ZERO_WIDTH}\t]")


def _layout_spaces(text: str, *, flow: bool) -> str:
    """Space fixes that keep every line where it is: zero-width characters go, and non-breaking
    and other Unicode spaces after the start of a line become a space; ``flow`` (the source of a
    quoted or plain value): tabs too, and runs of spaces between words become one.

    The leading whitespace of each line of a block scalar is left alone: it is indentation.
    """

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if char in _ZERO_WIDTH:
            return ""
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not text[line_start : match.start()].strip():
            # Indentation of a block scalar; at the start of a line of a flow value, where line
            # breaks and indentation fold into one space anyway, it goes.
            return "" if flow else char
        return " "

    out = (_FLOW_ODD_RE if flow else _LAYOUT_ODD_RE).sub(replace, text)
    if flow:
        out = _INNER_RUN_RE.sub(" ", out)
    return out


# -------------------------------------------------------------------------- tones

_WORD_RE = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
_VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
# As TT205: a toned u after q, or a toned i after g, with a vowel after it.
_MISPLACED_RE = re.compile(
    rf"(?<![^\W\d_])(?:[qQ][úùủũụÚÙỦŨỤ]|[gG][íìỉĩịÍÌỈĨỊ])(?=[{_VOWELS}àáảãạèéẻẽẹòóỏõọ])"
)


def fix_tones(
    text: str, style: ToneStyle, *, misplaced: bool = True, tone_style: bool = True
) -> str:
    """Move tone marks where ``style`` puts them, word by word.

    ``misplaced``: words with the mark on the u of qu / the i of gi (TT205); ``tone_style``: every
    other word (the oa/oe/uy placement, TT204). A word that changes comes back in NFC; words that
    do not change are returned as they were.
    """
    if not (misplaced or tone_style) or canonical_tones(text, style) == nfc(text):
        return text
    if misplaced and tone_style and is_nfc(text):
        return canonical_tones(text, style)

    def retone(match: re.Match[str]) -> str:
        word = match.group()
        composed = nfc(word)
        if not (misplaced if _MISPLACED_RE.search(composed) else tone_style):
            return word
        fixed = canonical_tones(composed, style)
        return word if fixed == composed else fixed

    return _WORD_RE.sub(retone, text)


# ---------------------------------------------------------------- numbers, codes

_EDGES_RE = re.compile(r"(\s*)(.*?)(\s*)", re.DOTALL)


def fix_document_symbol(text: str) -> str:
    """`123/2015/ND-CP` → `123/2015/NĐ-CP` (TT109), keeping any whitespace around the number."""
    match = _EDGES_RE.fullmatch(text)
    assert match is not None  # the pattern matches every text
    lead, core, trail = match.groups()
    fixed = ascii_d_fix(core)
    return text if fixed is None else lead + fixed + trail


_CODE_WIDTH = {Role.PROVINCE_CODE: 2, Role.COMMUNE_CODE: 5}


# ------------------------------------------------------------------ fix functions
# What each rule's Fix applies: (text, FixContext) -> text, for a value or its source.


def encoding_fix(text: str, ctx: FixContext) -> str:
    """TCVN3/VNI mojibake converted to Unicode (TT203)."""
    if text.isascii():
        return text
    if ctx.layout is Layout.VALUE:
        found = detect_legacy(text)
        return found.converted if found is not None else text
    encoding = legacy_encoding(text, ctx)
    return convert(text, encoding) if encoding is not None else text


def legacy_encoding(text: str, ctx: FixContext) -> str | None:
    """The legacy encoding of a text: the one given (a value's source follows the value), else
    the one :func:`detect_legacy` finds, when asked to detect."""
    if ctx.encoding is not None or not ctx.detect:
        return ctx.encoding
    found = detect_legacy(text)
    return found.encoding if found is not None else None


def spaces_fix(text: str, ctx: FixContext) -> str:
    """What TT202 reports; in source text and blocks, only what keeps every line in place."""
    if ctx.layout is Layout.VALUE:
        return fix_spaces(text)
    fixed = _layout_spaces(text, flow=ctx.layout is not Layout.BLOCK)
    # The spaces at the edges of a quoted value are the value's own.
    return fixed.strip() if ctx.layout is Layout.QUOTED else fixed


def nfc_fix(text: str, ctx: FixContext) -> str:
    return text if text.isascii() else nfc(text)


def misplaced_tone_fix(text: str, ctx: FixContext) -> str:
    """A tone mark on the u of qu / the i of gi, moved (TT205)."""
    if text.isascii() or not _MISPLACED_RE.search(nfc(text)):
        return text
    return fix_tones(text, ctx.tone_style, misplaced=True, tone_style=False)


def tone_style_fix(text: str, ctx: FixContext) -> str:
    """The oa/oe/uy tone marks in the configured style (TT204)."""
    if text.isascii():
        return text
    return fix_tones(text, ctx.tone_style, misplaced=False, tone_style=True)


def document_symbol_fix(text: str, ctx: FixContext) -> str:
    return fix_document_symbol(text)


def code_padding_fix(text: str, ctx: FixContext) -> str:
    """A code zero-padded to the width of its format (TT302, TT303): a value, or the source
    between its quotes (a block scalar is the author's layout, and a plain code has no line
    break or escape to keep, so its source is never edited)."""
    width = _CODE_WIDTH.get(ctx.role)
    if width is None or ctx.layout not in (Layout.VALUE, Layout.QUOTED):
        return text
    return pad_code(text, width)
