"""Tell whether two parsed place names collide: the rules of DESIGN.md (dedupe-names), and the
blocking keys that find the pairs worth comparing."""

from __future__ import annotations

from collections.abc import Hashable

from tthc_cli.names.parse import PlaceName, untyped_reading
from tthc_cli.names.reasons import (
    CODE_RANK,
    DUPLICATE,
    SIMILAR,
    Verdict,
    duplicate,
    marks_only,
    pair,
    shown,
)
from tthc_cli.names.types import NUMBER_FIRST_TYPES, ROAD_TYPES, STREET, display_type, same_type
from tthc_cli.names.words import (
    VARIANT_OF,
    close_spelling,
    has_digit,
    i_y_rest,
    misplaced_tone,
    variant,
)
from tthc_cli.runtime.i18n import _
from tthc_cli.text.keys import i_y_spelling
from tthc_cli.text.syllables import unmarked_name_possible

_EMPTY_CORE: tuple[str | None, str, tuple[int, int] | None, str] = (None, "", None, "")


def _worth_a_look(a: PlaceName, b: PlaceName) -> bool:
    """Whether one name under two type words is worth a look (Thôn 1 / Tổ dân phố 1).

    Streets number their levels separately: "Ngõ 6" / "Ngách 6" / "Quốc lộ 6" / "Đường số 6"
    are different streets, so only named streets under two type words are reported, and never
    a numbered road (quốc lộ, đường tỉnh...) against another type.
    """
    if a.kind != STREET:
        return True
    if a.type_word in ROAD_TYPES or b.type_word in ROAD_TYPES:
        return False
    return bool(a.rest and b.rest)


def _typed_without_marks(p: PlaceName) -> bool:
    """An unmarked name that cannot be a real name as written (a word needs marks: "Nguyen",
    "Duan"), or whose list shows it was typed without marks."""
    return p.typed_unmarked or not unmarked_name_possible(p.rest)


def _same_rest(a: PlaceName, b: PlaceName, one_unmarked: bool) -> str:
    """How two rests are one (same, fold, i-y, tone, variant, spacing), "marks-only" when one is
    unmarked and may be a real name of its own, or "" when they differ."""
    if a.rest == b.rest:
        return "same"
    if one_unmarked and a.rest_fold == b.rest_fold:
        return "fold" if _typed_without_marks(a if a.rest_unmarked else b) else "marks-only"
    if misplaced_tone(a.rest, b.rest) is not None:
        return "tone"
    ra, rb = (a.rest_fold, b.rest_fold) if one_unmarked else (a.rest, b.rest)
    if len(ra) == len(rb) and i_y_rest(ra) == i_y_rest(rb):
        return "i-y"
    if variant(a.rest) == variant(b.rest) or (
        one_unmarked and variant(a.rest_fold) == variant(b.rest_fold)
    ):
        return "variant"
    if not (has_digit(a.rest) or has_digit(b.rest)) and (
        a.rest.replace(" ", "") == b.rest.replace(" ", "")
        or (one_unmarked and a.rest_fold.replace(" ", "") == b.rest_fold.replace(" ", ""))
    ):
        # Only letters may be split differently: "DA1-1" and "DA11", "N3-9" and "N39" differ.
        return "spacing"
    return ""


def _compare(a: PlaceName, b: PlaceName) -> Verdict | None:
    # long: it runs for every candidate pair, and each step reuses what the last one found.
    if (a.number, a.suffix, a.date) != (b.number, b.suffix, b.date):
        return None
    if a.core == b.core == _EMPTY_CORE and a.type_word is None and b.type_word is None:
        return None  # two empty names: nothing to say
    one_unmarked = a.rest_unmarked != b.rest_unmarked
    how = _same_rest(a, b, one_unmarked)
    types_differ = (
        a.type_word is not None
        and b.type_word is not None
        and not same_type(a.type_word, b.type_word)
    )
    if how == "marks-only":
        return None if types_differ else marks_only(a, b)
    if how:
        if types_differ and not _worth_a_look(a, b):
            return None
        if types_differ:
            x, y = sorted((display_type(a.type_word), display_type(b.type_word)))
            return Verdict(
                SIMILAR,
                "different-type-word",
                # Translators: {x} and {y} are type words, e.g. 'Thôn' / 'Tổ dân phố'.
                _(
                    "same name under two type words ('{x}' / '{y}'): "
                    "check whether they are one unit"
                ).format(x=x, y=y),
            )
        return duplicate(a, b, how)
    if types_differ:
        return None
    if a.rest_fold == b.rest_fold:
        names = pair(shown(a.original), shown(b.original))
        return Verdict(
            SIMILAR,
            "tone-only",
            # Translators: {names} are two names, e.g. 'Thôn Hòa' / 'Thôn Hà'.
            _(
                "the names differ only in tone or accent marks ({names}): usually different places"
            ).format(names=names),
        )
    ra, rb = (a.rest_fold, b.rest_fold) if one_unmarked else (a.rest, b.rest)
    if sorted(ra.split()) == sorted(rb.split()):
        names = pair(shown(a.original), shown(b.original))
        return Verdict(
            SIMILAR,
            "word-order",
            # Translators: {names} are two names, e.g. 'Phú Lộc' / 'Lộc Phú'.
            _("the same words in another order ({names}): different names").format(names=names),
        )
    close = close_spelling(ra, rb)
    if close is None:
        return None
    how, x, y = close
    names = pair(shown(a.original), shown(b.original))
    if how == "typo":
        # Translators: {names} are two names; {x} and {y} the syllables that differ.
        reason = _("very close spellings ({names}): '{x}' / '{y}' looks like a typo")
        return Verdict(SIMILAR, "close-spelling", reason.format(names=names, x=x, y=y))
    # Translators: {names} are two names; {x} and {y} the syllables that differ; {how} the
    # consonants, e.g. "s/x" or "ch/tr".
    reason = _(
        "one consonant spelt two ways ({names}): '{x}' / '{y}' may be one name in two regional "
        "spellings of {how}"
    )
    return Verdict(SIMILAR, "regional-spelling", reason.format(names=names, x=x, y=y, how=how))


def _better(x: Verdict | None, y: Verdict | None) -> Verdict | None:
    if x is None:
        return y
    if y is None:
        return x
    return min(x, y, key=lambda v: (CODE_RANK[v.code], v.reason))


def compare(a: PlaceName, b: PlaceName) -> Verdict | None:
    """The verdict on two parsed names of one kind, or None when they are different names.

    Symmetric: ``compare(a, b)`` and ``compare(b, a)`` give the same verdict, code and reason.
    A duplicate may also come from reading a leading type word as part of the name
    ("Sóc Trăng" = "Ấp Sóc Trăng", "Duong Quang Ham" = "Dương Quảng Hàm").
    """
    if a.kind != b.kind:
        return None
    if _bare_number_and_route(a, b) or _bare_number_and_route(b, a):
        # "Số 9" (a numbered street) and "Quốc lộ 9" (a national route) are different roads.
        return None
    verdict = _compare(a, b)
    if verdict is not None and verdict.verdict == DUPLICATE:
        return verdict
    alternative: Verdict | None = None
    # Only a duplicate from the other reading counts, so readings that cannot give one are
    # not compared (most candidate pairs of a large province).
    if a.type_word is not None:
        untyped = untyped_reading(a.original, a.kind)
        if _may_be_duplicate(untyped, b):
            alternative = _better(alternative, _compare(untyped, b))
    if b.type_word is not None:
        untyped = untyped_reading(b.original, b.kind)
        if _may_be_duplicate(a, untyped):
            alternative = _better(alternative, _compare(a, untyped))
    if alternative is not None and (
        alternative.verdict == DUPLICATE
        or (verdict is None and alternative.code == "without-diacritics-real-name")
    ):
        # An unmarked name that may be real counts from the other reading when this one has
        # nothing to say ("Lạng Giang" / "lang giang": "lang" reads as the type word Làng).
        return alternative
    return verdict


def _may_be_duplicate(x: PlaceName, y: PlaceName) -> bool:
    """A cheap necessary condition for `_compare(x, y)` to say duplicate: each way it finds
    two rests the same (same, fold, tone placement, spacing) leaves their folded letters equal
    once spaces are dropped, and accepted variants are listed names."""
    if (x.number, x.suffix, x.date) != (y.number, y.suffix, y.date):
        return False
    if x.rest_fold.replace(" ", "") == y.rest_fold.replace(" ", ""):
        return True
    if i_y_rest(x.rest_fold) == i_y_rest(y.rest_fold):
        return True
    return any(rest in VARIANT_OF for rest in (x.rest, y.rest, x.rest_fold, y.rest_fold))


def _bare_number_and_route(a: PlaceName, b: PlaceName) -> bool:
    """A name without a type word is never the same as an alley or a numbered route:
    "48" is no "Kiệt 48", "Ngô Quyền" no "Hẻm Ngô Quyền", "Số 9" no "Quốc lộ 9"."""
    return a.type_word is None and b.type_word in NUMBER_FIRST_TYPES


def blocking_keys(p: PlaceName) -> tuple[Hashable, ...]:
    """Keys to find candidate pairs with: every pair :func:`compare` can call duplicate, and every
    tone-only / word-order / i-y similar pair, shares at least one key. (Typo near misses do not
    always: find those with fuzzy search on ``rest_fold``.)"""
    keys: list[Hashable] = []
    readings = [p]
    if p.type_word is not None:
        readings.append(untyped_reading(p.original, p.kind))
    for reading in readings:
        words = [i_y_spelling(w) for w in variant(reading.rest_fold).split()]
        head = (reading.number, reading.suffix, reading.date)
        keys.append((*head, "".join(words)))
        keys.append((*head, " ".join(sorted(words))))
    return tuple(dict.fromkeys(keys))
