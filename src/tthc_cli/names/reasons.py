"""The verdict on two place names and the words that explain it: reason codes, and the reason
text shown to users (translated)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tthc_cli.names.numbers import show_number
from tthc_cli.names.parse import PlaceName
from tthc_cli.names.types import display_type, show_type
from tthc_cli.names.words import misplaced_tone
from tthc_cli.runtime.i18n import _, ngettext
from tthc_cli.text.keys import fold_key, words_as_typed
from tthc_cli.text.tones import canonical_tones
from tthc_cli.text.unicode import nfc

DUPLICATE = "duplicate"
SIMILAR = "similar"

#: Every reason code :func:`compare` can give, duplicates first, most specific first.
REASON_CODES: dict[str, str] = {
    "without-diacritics": DUPLICATE,
    "missing-type-word": DUPLICATE,
    "name-variant": DUPLICATE,
    "word-spacing": DUPLICATE,
    "type-word-written-differently": DUPLICATE,
    "number-written-differently": DUPLICATE,
    "date-written-differently": DUPLICATE,
    "tone-placement": DUPLICATE,
    "i-y-spelling": DUPLICATE,
    "same-after-normalization": DUPLICATE,
    "without-diacritics-real-name": SIMILAR,
    "different-type-word": SIMILAR,
    "tone-only": SIMILAR,
    "word-order": SIMILAR,
    "regional-spelling": SIMILAR,
    "close-spelling": SIMILAR,
}
CODE_RANK = {code: rank for rank, code in enumerate(REASON_CODES)}


@dataclass(frozen=True, slots=True)
class Verdict:
    """What :func:`compare` says about two names: ``duplicate`` or ``similar``, and why."""

    verdict: str
    code: str
    reason: str


def shown(name: str) -> str:
    return " ".join(nfc(name).split())


def pair(a: str, b: str) -> str:
    x, y = sorted((a, b))
    return f"'{x}' / '{y}'"


def join_and(items: Iterable[str]) -> str:
    """ "a and b and c", in the current language."""
    joined = ""
    for item in items:
        # Translators: joins two reasons or names: "A and B" (repeated for longer lists).
        joined = _("{first} and {second}").format(first=joined, second=item) if joined else item
    return joined


def join_or(items: Iterable[str]) -> str:
    """ "a or b or c", in the current language."""
    joined = ""
    for item in items:
        # Translators: joins two names: "A or B" (repeated for longer lists).
        joined = _("{first} or {second}").format(first=joined, second=item) if joined else item
    return joined


def _tone_example(a: PlaceName, b: PlaceName) -> tuple[str, str] | None:
    """A word written with its tone mark in another place (hoà / hòa), if there is one."""
    words_a, words_b = words_as_typed(a.original), words_as_typed(b.original)
    only_a, only_b = words_a - words_b, words_b - words_a
    pairs = [
        (min(x, y), max(x, y))
        for x in only_a
        for y in only_b
        if canonical_tones(x) == canonical_tones(y)
    ]
    return min(pairs) if pairs else None


def _type_word_parts(a: PlaceName, b: PlaceName, how: str) -> list[tuple[str, str]]:
    """(code, reason part) for the way two same names write their type words differently."""
    parts: list[tuple[str, str]] = []
    if (a.type_word is None) != (b.type_word is None):
        typed = a if a.type_word is not None else b
        # Translators: one reason two names are the same; {type} is a type word such as
        # "Thôn" or "Tổ dân phố".
        missing = _("one is written without '{type}'").format(type=display_type(typed.type_word))
        parts.append(("missing-type-word", missing))
    elif a.type_word is not None and b.type_word is not None:
        wa, wb = a.written_type.replace(".", ""), b.written_type.replace(".", "")
        if wa != wb:
            if fold_key(wa) == fold_key(wb) and (wa.isascii() or wb.isascii()):
                if how != "fold":
                    parts.append(("without-diacritics", _("one is typed without diacritics")))
            elif a.type_word != b.type_word:
                x, y = sorted((display_type(a.type_word), display_type(b.type_word)))
                # Translators: {x} and {y} are type words, e.g. 'Ấp' is another name of 'Thôn'.
                other = _("'{x}' is another name of '{y}'").format(x=x, y=y)
                parts.append(("type-word-written-differently", other))
            else:
                canonical = display_type(a.type_word)
                spellings = sorted(
                    {show_type(w) for w in (a.written_type, b.written_type)} - {canonical}
                )
                # Translators: {written} lists quoted spellings of a type word ('TDP' or
                # 'TDP' and 'T.D.P'); {canonical} is its full form, e.g. Tổ dân phố.
                same = ngettext(
                    "{written} is '{canonical}'", "{written} are both '{canonical}'", len(spellings)
                ).format(written=join_and(f"'{s}'" for s in spellings), canonical=canonical)
                parts.append(("type-word-written-differently", same))
    return parts


def _duplicate_parts(a: PlaceName, b: PlaceName, how: str) -> list[tuple[str, str]]:
    """(code, reason part) for each way two same names are written differently."""
    parts: list[tuple[str, str]] = []
    if how == "fold":
        parts.append(("without-diacritics", _("one is typed without diacritics")))
    elif how == "variant":
        parts.append(("name-variant", _("two accepted spellings of one name")))
    elif how == "spacing":
        parts.append(("word-spacing", _("the words are split differently")))
    elif how == "i-y":
        x, y = _i_y_example(a, b)
        # Translators: one reason two names are the same; {x} and {y} are one syllable written
        # with i and with y, e.g. 'quí' / 'quý'.
        i_y = _("'{x}' / '{y}' is one syllable written with i and with y").format(x=x, y=y)
        parts.append(("i-y-spelling", i_y))
    elif how == "tone":
        x, y = misplaced_tone(a.rest, b.rest) or ("", "")
        # Translators: one reason two names are the same; {x} and {y} are the two spellings
        # of a word, e.g. 'hoà' / 'hòa'.
        tone = _("the tone mark sits elsewhere in '{x}' / '{y}'").format(x=x, y=y)
        parts.append(("tone-placement", tone))
    parts.extend(_type_word_parts(a, b, how))
    if a.number is not None and a.written_number != b.written_number:
        spellings = sorted({show_number(w) for w in (a.written_number, b.written_number)})
        spellings = [s for s in spellings if s != a.number] or spellings
        # Translators: {written} lists spellings of a number (IV, or '04' and IV); {number}
        # is the number, e.g. 4.
        number = ngettext(
            "{written} is {number}", "{written} are both {number}", len(spellings)
        ).format(written=join_and(spellings), number=a.number)
        parts.append(("number-written-differently", number))
    if a.date is not None and a.written_date != b.written_date:
        x, y = sorted((a.written_date, b.written_date))
        # Translators: {x} and {y} are two spellings of a date ('30/4' and '30 tháng 4');
        # {day}/{month} is the date.
        date = _("'{x}' and '{y}' are both {day}/{month}").format(
            x=x, y=y, day=a.date[0], month=a.date[1]
        )
        parts.append(("date-written-differently", date))
    example = _tone_example(a, b)
    if example is not None:
        tone = _("the tone mark sits elsewhere in '{x}' / '{y}'").format(x=example[0], y=example[1])
        parts.append(("tone-placement", tone))
    if not parts:
        parts.append(("same-after-normalization", _("only case, spacing or punctuation differ")))
    return parts


def _i_y_example(a: PlaceName, b: PlaceName) -> tuple[str, str]:
    ra, rb = (a.rest_fold, b.rest_fold) if a.rest_unmarked != b.rest_unmarked else (a.rest, b.rest)
    for x, y in zip(ra.split(), rb.split(), strict=False):
        if x != y:
            return min(x, y), max(x, y)
    return ra, rb


def marks_only(a: PlaceName, b: PlaceName) -> Verdict:
    """One name without marks that may be a real name as written ("Ia Bang" / "Ia Băng")."""
    names = pair(shown(a.original), shown(b.original))
    return Verdict(
        SIMILAR,
        "without-diacritics-real-name",
        # Translators: {names} are two names, e.g. 'Ia Bang' / 'Ia Băng'.
        _(
            "one name is written without marks, and as written it can also be a real name "
            "({names}): check whether they are one place"
        ).format(names=names),
    )


_NAMES_SHOWN_FOR = frozenset(
    {"without-diacritics", "missing-type-word", "name-variant", "word-spacing"}
)


def duplicate(a: PlaceName, b: PlaceName, how: str) -> Verdict:
    parts = _duplicate_parts(a, b, how)
    codes = [c for c, _text in parts]
    code = min(codes, key=CODE_RANK.__getitem__)
    reasons = join_and(dict.fromkeys(text for _code, text in parts))
    if _NAMES_SHOWN_FOR.intersection(codes):
        # Translators: {reasons} says how two names are the same name written differently;
        # {names} are the two names, e.g. 'Thôn 1' / 'Thon 1'.
        reason = _("same name: {reasons} ({names})").format(
            reasons=reasons, names=pair(shown(a.original), shown(b.original))
        )
    else:
        # Translators: {reasons} says how two names are the same name written differently.
        reason = _("same name: {reasons}").format(reasons=reasons)
    return Verdict(DUPLICATE, code, reason)
