"""The safe mechanical fixes of catalog text: pure functions from a value to its fixed value.

Each fix removes what one validation rule reports, and nothing else:

| fix | rule | what it does |
|---|---|---|
| `spaces` | TT202 | double, non-breaking, zero-width, leading and trailing spaces |
| `nfc` | TT201 | Unicode NFC |
| `misplaced-tone` | TT205 | a tone mark on the u of qu / the i of gi (`Qúy` → `Quý`) |
| `tone-style` | TT204 | oa/oe/uy tone marks in the configured style (`hoà` → `hòa`) |
| `document-symbol` | TT109 | ASCII `ND-CP`/`QD-UBND` → `NĐ-CP`/`QĐ-UBND` in document numbers |
| `code-padding` | TT302/TT303 | province codes to 2 digits, commune codes to 5 (`"1"` → `"01"`) |
| `encoding` | TT203 | TCVN3/VNI mojibake converted to Unicode (only when asked for) |

Every function here is idempotent: fixing fixed text changes nothing.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.catalog.yamltree import ParsedYaml, Path_
from tthc_cli.domain.codes import pad_code
from tthc_cli.domain.documents import ascii_d_fix
from tthc_cli.text.legacy import convert, detect_legacy
from tthc_cli.text.normalize import ToneStyle, canonical_tones, clean_spaces, is_nfc, nfc
from tthc_cli.text.spaces import ODD_SPACE_RE
from tthc_cli.text.spaces import ZERO_WIDTH as _ZERO_WIDTH
from tthc_cli.validation.rules._walk import document_numbers

__all__ = [
    "FIX_RULES",
    "FMT_FIXES",
    "Change",
    "Fix",
    "Fixed",
    "Role",
    "fix_document_symbol",
    "fix_layout_text",
    "fix_spaces",
    "fix_text",
    "fix_tones",
    "fixes_for_rules",
    "pad_code",
    "roles",
]


class Fix(enum.StrEnum):
    """One kind of mechanical fix, in the order they are applied."""

    ENCODING = "encoding"
    SPACES = "spaces"
    NFC = "nfc"
    MISPLACED_TONE = "misplaced-tone"
    TONE_STYLE = "tone-style"
    DOCUMENT_SYMBOL = "document-symbol"
    CODE_PADDING = "code-padding"


#: The rules whose findings each fix removes (inline ignores of these rules also stop the fix).
FIX_RULES: dict[Fix, tuple[str, ...]] = {
    Fix.ENCODING: ("TT203",),
    Fix.SPACES: ("TT202",),
    Fix.NFC: ("TT201",),
    Fix.MISPLACED_TONE: ("TT205",),
    Fix.TONE_STYLE: ("TT204",),
    Fix.DOCUMENT_SYMBOL: ("TT109",),
    Fix.CODE_PADDING: ("TT302", "TT303"),
}

#: What `tthc fmt` applies by default (legacy encodings only with `--fix-encoding`).
FMT_FIXES: frozenset[Fix] = frozenset(Fix) - {Fix.ENCODING}


def fixes_for_rules(codes: Iterable[str]) -> frozenset[Fix]:
    """The fixes that belong to these rule codes (for `tthc validate --fix`)."""
    wanted = set(codes)
    return frozenset(fix for fix, rules in FIX_RULES.items() if wanted.intersection(rules))


class Role(enum.Enum):
    """What a value is, which decides the fixes beyond plain text."""

    TEXT = "text"
    DOCUMENT_NUMBER = "document-number"
    PROVINCE_CODE = "province-code"
    COMMUNE_CODE = "commune-code"


@dataclass(frozen=True, slots=True)
class Change:
    """One fix applied to a value: the value before and after it."""

    fix: Fix
    old: str
    new: str
    detail: str = ""  # the legacy encoding for Fix.ENCODING


@dataclass(frozen=True, slots=True)
class Fixed:
    """A fixed value and the fixes that changed it (empty when nothing did)."""

    text: str
    changes: tuple[Change, ...] = ()

    @property
    def encoding(self) -> str | None:
        """The legacy encoding the value was converted from, if it was."""
        for change in self.changes:
            if change.fix is Fix.ENCODING:
                return change.detail
        return None


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


# ----------------------------------------------------------------------- values


def fix_text(
    text: str,
    fixes: Collection[Fix],
    *,
    role: Role = Role.TEXT,
    tone_style: ToneStyle = ToneStyle.FIRST_VOWEL,
    block: bool = False,
) -> Fixed:
    """Apply ``fixes`` to one string value, in the order of :class:`Fix`.

    ``block``: the value of a block scalar (| or >), which is the author's layout: only the
    character-level fixes apply (see :func:`fix_layout_text`), never a re-wrap.
    """
    if block:
        return fix_layout_text(text, fixes, role=role, tone_style=tone_style)
    changes: list[Change] = []
    current = text
    if Fix.ENCODING in fixes and not text.isascii():
        found = detect_legacy(text)
        if found is not None and found.converted != text:
            changes.append(Change(Fix.ENCODING, text, found.converted, found.encoding))
            current = found.converted
    if Fix.SPACES in fixes:
        current = _step(changes, Fix.SPACES, current, fix_spaces(current))
    if not current.isascii():
        if Fix.NFC in fixes:
            current = _step(changes, Fix.NFC, current, nfc(current))
        current = _tone_steps(changes, current, fixes, tone_style)
    if Fix.DOCUMENT_SYMBOL in fixes and role is Role.DOCUMENT_NUMBER:
        current = _step(changes, Fix.DOCUMENT_SYMBOL, current, fix_document_symbol(current))
    if Fix.CODE_PADDING in fixes and role in _CODE_WIDTH:
        current = _step(changes, Fix.CODE_PADDING, current, pad_code(current, _CODE_WIDTH[role]))
    return Fixed(current, tuple(changes))


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
    changes: list[Change] = []
    current = text
    if Fix.ENCODING in fixes and not text.isascii():
        if encoding is None and detect:
            found = detect_legacy(text)
            encoding = found.encoding if found is not None else None
        if encoding is not None:
            current = _step(changes, Fix.ENCODING, current, convert(current, encoding), encoding)
    if Fix.SPACES in fixes:
        current = _step(changes, Fix.SPACES, current, _layout_spaces(current, flow=flow))
    if not current.isascii():
        if Fix.NFC in fixes:
            current = _step(changes, Fix.NFC, current, nfc(current))
        current = _tone_steps(changes, current, fixes, tone_style)
    if Fix.DOCUMENT_SYMBOL in fixes and role is Role.DOCUMENT_NUMBER:
        current = _step(changes, Fix.DOCUMENT_SYMBOL, current, fix_document_symbol(current))
    return Fixed(current, tuple(changes))


def _step(changes: list[Change], fix: Fix, old: str, new: str, detail: str = "") -> str:
    if new != old:
        changes.append(Change(fix, old, new, detail))
    return new


def _tone_steps(
    changes: list[Change], current: str, fixes: Collection[Fix], style: ToneStyle
) -> str:
    if not (Fix.MISPLACED_TONE in fixes or Fix.TONE_STYLE in fixes):
        return current
    if canonical_tones(current, style) == nfc(current):
        return current  # no mark to move: the common case, checked once
    misplaced = Fix.MISPLACED_TONE in fixes
    if misplaced and _MISPLACED_RE.search(nfc(current)):
        fixed = fix_tones(current, style, misplaced=True, tone_style=False)
        current = _step(changes, Fix.MISPLACED_TONE, current, fixed)
    if Fix.TONE_STYLE in fixes:
        if misplaced and is_nfc(current):
            fixed = canonical_tones(current, style)  # every mark left to move is a style one
        else:
            fixed = fix_tones(current, style, misplaced=False, tone_style=True)
        current = _step(changes, Fix.TONE_STYLE, current, fixed)
    return current


# ------------------------------------------------------------------------ roles


def roles(data: Any) -> dict[Path_, Role]:
    """The paths of a catalog's document numbers and codes (everything else is text).

    Document numbers: `decisions[]`, `procedures[].legal_basis[]` and `.decision`, and the
    `former_names[].decision` of hamlets and streets (as TT108/TT109 read them). Codes: the
    province code and the commune codes of `formed_from` (as TT302/TT303 read them).
    """
    doc = Document(path="", text="", parsed=ParsedYaml(data=data))
    found: dict[Path_, Role] = dict.fromkeys(
        (path for path, _ in document_numbers(doc)), Role.DOCUMENT_NUMBER
    )
    if not isinstance(data, dict):
        return found
    if doc.kind == "procedure-catalog":
        found[("province",)] = Role.PROVINCE_CODE
    elif doc.kind == "units":
        found[("province", "code")] = Role.PROVINCE_CODE
        for index, commune in iter_items(doc, "communes"):
            found[("communes", index, "code")] = Role.COMMUNE_CODE
            former = commune.get("formed_from")
            if isinstance(former, list):
                for number, entry in enumerate(former):
                    if isinstance(entry, dict):
                        found[("communes", index, "formed_from", number, "code")] = (
                            Role.COMMUNE_CODE
                        )
    return found
