"""One file places tone marks in both styles: `hòa` and `hoà`, `thủy` and `thuỷ`.

## What it does
Counts the open syllables oa, oe and uy (no final consonant) written with the mark on the
first vowel (hòa, khỏe, thủy) and on the second (hoà, khoẻ, thuỷ). When a file uses both,
reports one warning at the first value in the less used style, with both counts.

## Why it matters
Both placements are accepted spellings, but mixing them in one list makes exact search and
sorting unreliable and looks careless in a published document. Pick one (the `tone-style`
setting; official unit names mostly use the first-vowel style).
Official names that are spelt the other way may be kept with `# tthc: ignore-file[TT204]`.

## Example
```yaml
- {name: Thôn Hòa Bình}
- {name: Thôn Thuỷ Lợi}
```
Use instead:
```yaml
- {name: Thôn Hòa Bình}
- {name: Thôn Thủy Lợi}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document
from tthc_cli.runtime.i18n import _, ngettext
from tthc_cli.text.normalize import ToneStyle, tone_styles
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.fix import Fix
from tthc_cli.validation.fixes import tone_style_fix
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT204"
NAME = "mixed-tone-style"
SEVERITY = Severity.WARNING
FIX = Fix(name="tone-style", order=50, apply=tone_style_fix, file_level=True)

_EXAMPLE = {ToneStyle.FIRST_VOWEL: "hòa", ToneStyle.SECOND_VOWEL: "hoà"}


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    # Words never span the line breaks between values, so the joined text has the file's counts.
    counts = tone_styles(doc.string_text)
    if not counts[ToneStyle.FIRST_VOWEL] or not counts[ToneStyle.SECOND_VOWEL]:
        return
    totals = {ToneStyle.FIRST_VOWEL: 0, ToneStyle.SECOND_VOWEL: 0}
    first_of: dict[ToneStyle, tuple[int, int, str]] = {}
    for ref in doc.strings:
        if ref.value.isascii():
            continue
        counts = tone_styles(ref.value)
        for style, count in counts.items():
            if count:
                totals[style] += count
                first_of.setdefault(style, (ref.line, ref.column, ref.value))
    first, second = totals[ToneStyle.FIRST_VOWEL], totals[ToneStyle.SECOND_VOWEL]
    if not first or not second:
        return
    if first != second:
        minority = ToneStyle.SECOND_VOWEL if first > second else ToneStyle.FIRST_VOWEL
    else:
        minority = (
            ToneStyle.SECOND_VOWEL
            if ctx.tone_style is ToneStyle.FIRST_VOWEL
            else ToneStyle.FIRST_VOWEL
        )
    line, column, value = first_of[minority]
    shown = value if len(value) <= 40 else value[:37] + "…"
    yield Hit(
        # Translators: {first} and {second} are counts such as "3 syllables"; {example} is
        # hòa or hoà, the less used style; {value} is the first text written in that style.
        _(
            "file mixes tone-mark styles: {first} like 'hòa' (first vowel) and {second} like "
            "'hoà' (second vowel); first {example}-style value here: {value!r}"
        ).format(
            first=_syllables(first),
            second=_syllables(second),
            example=_EXAMPLE[minority],
            value=shown,
        ),
        line,
        column,
        path=(),  # about the whole file; the position only shows an example
    )


def _syllables(count: int) -> str:
    return ngettext("{count} syllable", "{count} syllables", count).format(count=count)
