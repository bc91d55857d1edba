"""Vietnamese text typed without marks (`Thu tuc dang ky khai sinh`, `UBND cap xa`).

## What it does
Reports a procedure's `name`, `field` or `agency`, or a commune's, hamlet's or street's `name`,
that is Vietnamese text with a word Vietnamese cannot write without marks: a syllable ending in
p, t, c or ch with no sắc or nặng mark (`tuc`, `tich`, `lap`), or a rhyme that needs a circumflex,
horn or breve (`nguyen`, `phuong`, `duan`). The finding is located at that word and suggests the
marked spelling where one word of national procedure text fits (`tuc` → `tục`); it has no safe
automatic fix, since the marks are for a person to choose. Words that can be written without
marks (`Ia`, `Kon`, `Sa`, `Tan`) are never reported: many real names are written so. Text that
is not Vietnamese (most of its words are no Vietnamese syllable) and acronyms are left alone.

## Why it matters
A citizen searching the published list, and every rule that compares names (duplicates, the
national list, `tthc diff`), meets a name that is not the national one: `Thu tuc dang ky khai
sinh` is not found when searching for `Đăng ký khai sinh`.

## Example
```yaml
name: Thu tuc dang ky khai sinh
field: Ho tich
agency: UBND cap xa
```
Use instead:
```yaml
name: Đăng ký khai sinh
field: Hộ tịch
agency: UBND cấp xã
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.catalog.yamltree import Path_
from tthc_cli.runtime.i18n import _
from tthc_cli.text.syllables import can_be_unmarked, needs_marks, suggest_marked
from tthc_cli.text.tones import is_vietnamese_syllable
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules._walk import places
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT206"
NAME = "text-without-diacritics"
SEVERITY = Severity.WARNING

_WORD = re.compile(r"[^\W\d_]+")
# Text is Vietnamese when at least this share of its words (acronyms aside) are syllables.
_VIETNAMESE_SHARE = 0.8


def _texts(doc: Document) -> Iterator[tuple[Path_, str]]:
    if doc.kind == "procedure-catalog":
        for index, item in iter_items(doc, "procedures"):
            for key in ("name", "field", "agency"):
                value = item.get(key)
                if isinstance(value, str):
                    yield ("procedures", index, key), value
    elif doc.kind == "units":
        for index, commune in iter_items(doc, "communes"):
            name = commune.get("name")
            if isinstance(name, str):
                yield ("communes", index, "name"), name
        for path, place in places(doc):
            name = place.get("name")
            if isinstance(name, str):
                yield (*path, "name"), name


def unmarked_words(value: str) -> list[re.Match[str]]:
    """The words of Vietnamese ``value`` that cannot be written without marks; [] for text
    that is not Vietnamese or has none."""
    words = [m for m in _WORD.finditer(value) if not (m.group().isupper() and len(m.group()) > 1)]
    flagged = [m for m in words if needs_marks(m.group())]
    if not flagged:
        return []
    syllables = sum(
        1
        for m in words
        if is_vietnamese_syllable(m.group()) or can_be_unmarked(m.group()) or needs_marks(m.group())
    )
    return flagged if syllables >= _VIETNAMESE_SHARE * len(words) else []


def word_position(doc: Document, path: Path_, value: str, offset: int) -> tuple[int, int]:
    """Line and column of the character at ``offset`` in a one-line value, else of the value."""
    line, column = doc.pos(path)
    if "\n" in value or line > len(doc.lines):
        return line, column
    text = doc.lines[line - 1]
    start = column - 1
    if text[start : start + 1] in ("'", '"'):
        start += 1
    if text[start : start + len(value)] != value:
        return line, column
    return line, start + offset + 1


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for path, value in _texts(doc):
        flagged = unmarked_words(value)
        if not flagged:
            continue
        shown = []
        for match in flagged:
            word = match.group()
            marked = suggest_marked(word)
            shown.append(f"'{word}' ('{marked}'?)" if marked else f"'{word}'")
        line, column = word_position(doc, path, value, flagged[0].start())
        yield Hit(
            # Translators: {words} lists the words typed without marks, each quoted, with a
            # suggested spelling in brackets where one fits: 'tuc' ('tục'?).
            _("Vietnamese text typed without marks: {words} cannot be written without them").format(
                words=", ".join(dict.fromkeys(shown))
            ),
            line,
            column,
        )
