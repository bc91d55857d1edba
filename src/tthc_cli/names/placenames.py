"""Hamlet and street names: parse them into parts, and tell whether two of them collide.

A name such as "TDP số 05" or "K25 Hùng Vương" is read into a :class:`PlaceName`: its type word
(tổ dân phố, kiệt), its number ("5", "25"), letter suffix, date ("30/4" = "30 tháng 4"), and the
remaining words as a match key. :func:`compare` then applies the rules of DESIGN.md
(dedupe-names): two names are the *same* when they differ only in case, spacing, punctuation,
Unicode form, tone placement, the way the type word or the number or the date is written, a
missing type word, or one of them being typed without any diacritic; they are *different* when a
number, letter suffix, date, syllable or tone differs, or a word is added. Fuzzy scores never
decide "duplicate": they only report a near miss as "similar".

All text normalization is :mod:`tthc_cli.text` (``match_key``/``fold_key``, tone marks); the
modules behind this one only tokenize the key and read its structure: type words
(:mod:`~tthc_cli.names.types`), numbers and dates (:mod:`~tthc_cli.names.numbers`), parsing
(:mod:`~tthc_cli.names.parse`), word comparisons (:mod:`~tthc_cli.names.words`), verdicts and
their reasons (:mod:`~tthc_cli.names.compare`, :mod:`~tthc_cli.names.reasons`). This module
gathers what the rest of tthc uses.
"""

from __future__ import annotations

from tthc_cli.names.compare import blocking_keys, compare
from tthc_cli.names.parse import PlaceName, format_name, parse_name
from tthc_cli.names.reasons import DUPLICATE, REASON_CODES, SIMILAR, Verdict, join_and, join_or
from tthc_cli.names.types import HAMLET, KINDS, STREET, display_type

__all__ = [
    "DUPLICATE",
    "HAMLET",
    "KINDS",
    "REASON_CODES",
    "SIMILAR",
    "STREET",
    "PlaceName",
    "Verdict",
    "blocking_keys",
    "compare",
    "display_type",
    "format_name",
    "join_and",
    "join_or",
    "parse_name",
]
