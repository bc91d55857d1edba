"""The type words of hamlet and street names (thôn, tổ dân phố, đường, kiệt...): every spelling
of each, the regexes that read one at the start of a name, and how one is shown."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tthc_cli.text.keys import fold_key
from tthc_cli.text.tones import is_vietnamese_syllable

HAMLET = "hamlet"
STREET = "street"
KINDS = (HAMLET, STREET)


# (spelling in match-key form, canonical type word, form). Forms:
#   w  whole word(s), followed by a space, a digit, a dot or the end
#   a  abbreviation that is no Vietnamese syllable: dots between letters allowed ("T.D.P")
#   d  abbreviation that needs its dot ("Đ.", "P.")
#   n  abbreviation that needs its dot or a number right after it ("K.", "K25", "K 25")
_HAMLET_SPELLINGS: tuple[tuple[str, str, str], ...] = (
    ("thôn", "thôn", "w"),
    ("làng", "làng", "w"),
    ("ấp", "ấp", "w"),
    ("bản", "bản", "w"),
    ("buôn", "buôn", "w"),
    ("bon", "bon", "w"),
    ("plei", "plei", "w"),
    ("plây", "plei", "w"),
    ("xóm", "xóm", "w"),
    ("sóc", "sóc", "w"),
    ("phum", "phum", "w"),
    ("tổ dân phố", "tổ dân phố", "w"),
    ("tổ", "tổ", "w"),
    ("khu phố", "khu phố", "w"),
    ("khối phố", "khối phố", "w"),
    ("khối", "khối", "w"),
    ("khóm", "khóm", "w"),
    ("khu vực", "khu vực", "w"),
    ("tiểu khu", "tiểu khu", "w"),
    ("khu dân cư", "khu dân cư", "w"),
    ("cụm dân cư", "cụm dân cư", "w"),
    ("khu", "khu", "w"),
    ("đội", "đội", "w"),
    ("tdp", "tổ dân phố", "a"),
    ("kp", "khu phố", "a"),
    ("kv", "khu vực", "a"),
    ("kdc", "khu dân cư", "a"),
    ("th", "thôn", "n"),
    ("k", "khu", "n"),
)
_STREET_SPELLINGS: tuple[tuple[str, str, str], ...] = (
    ("đường", "đường", "w"),
    # The tone mark of "đường" typed wrong; none of these is a name word.
    ("đướng", "đường", "w"),
    ("đưởng", "đường", "w"),
    ("đưỡng", "đường", "w"),
    ("đượng", "đường", "w"),
    ("phố", "phố", "w"),
    ("đại lộ", "đại lộ", "w"),
    ("kiệt", "kiệt", "w"),
    ("hẻm xe hơi", "hẻm", "w"),
    ("hẻm", "hẻm", "w"),
    ("hẽm", "hẻm", "w"),
    ("ngõ", "ngõ", "w"),
    ("ngách", "ngách", "w"),
    ("quốc lộ", "quốc lộ", "w"),
    ("tỉnh lộ", "tỉnh lộ", "w"),
    ("đường tỉnh", "đường tỉnh", "w"),
    ("hương lộ", "hương lộ", "w"),
    ("đường huyện", "đường huyện", "w"),
    ("hxh", "hẻm", "a"),
    ("ql", "quốc lộ", "a"),
    ("tl", "tỉnh lộ", "a"),
    ("đt", "đường tỉnh", "a"),
    ("dt", "đường tỉnh", "a"),
    ("hl", "hương lộ", "a"),
    ("đh", "đường huyện", "a"),
    ("dh", "đường huyện", "a"),
    ("đg", "đường", "a"),
    ("đ", "đường", "d"),
    ("p", "phố", "d"),
    ("k", "kiệt", "n"),
    ("h", "hẻm", "n"),
    ("ng", "ngõ", "n"),
)
# Typed without diacritics these also spell a common name syllable (Tô, Ngô, Đồi, Khôi), so
# in that form they count as a type word only before a number.
_ASCII_GUARDED = frozenset({"to", "ngo", "doi", "khoi"})
#: Road types after which a second type word replaces "Đường" ("Đường ĐT 741" = "ĐT 741").
ROAD_TYPES = frozenset({"quốc lộ", "tỉnh lộ", "đường tỉnh", "hương lộ", "đường huyện"})
#: Types whose number comes right after the type word and may use slashes ("Hẻm 12/5").
ALLEY_TYPES = frozenset({"kiệt", "hẻm", "ngõ", "ngách"})
NUMBER_FIRST_TYPES = ALLEY_TYPES | ROAD_TYPES
#: Type words that name the same thing (Tỉnh lộ is the old name of Đường tỉnh).
_SYNONYM_TYPES = frozenset({frozenset({"tỉnh lộ", "đường tỉnh"})})
STREET_WORDS = frozenset({"đường", "phố", "duong", "pho"})

DOT, SLASH, DASH = "\ue001", "\ue002", "\ue003"
# Punctuation that carries structure is swapped for private-use letters before match_key (which
# keeps them), so the key still shows "K." / "30/4" / "30-4" after case and Unicode folding.
STRUCTURE_TABLE = str.maketrans(
    {".": DOT, "/": SLASH, "-": DASH, "\u2010": DASH, "\u2011": DASH, "\u2013": DASH}
)
SENTINELS_TO_SPACE = str.maketrans({DOT: " ", SLASH: " ", DASH: " "})
DIGIT_SLASH_RE = re.compile(f"(?<=\\d)[{SLASH}{DASH}](?=\\d)")


def _spelling_pattern(spelling: str, form: str) -> str:
    if form == "w":
        return re.escape(spelling) + f"(?=[ \\d{DOT}]|$)"
    if form == "g":
        return re.escape(spelling) + "(?= ?(?:số |so )?\\d)"
    if form == "a":
        letters = f"{DOT}?".join(re.escape(ch) for ch in spelling)
        return letters + f"(?:{DOT}|(?=[ \\d]|$))"
    if form == "d":
        return re.escape(spelling) + DOT
    return re.escape(spelling) + f"(?:{DOT}|(?= ?(?:số |so )?\\d))"  # "n"


def _type_regex(
    spellings: Iterable[tuple[str, str, str]],
) -> tuple[re.Pattern[str], tuple[str, ...]]:
    entries: dict[tuple[str, str], str] = {}
    for spelling, canonical, form in spellings:
        entries.setdefault((spelling, form), canonical)
        folded = fold_key(spelling)
        if folded != spelling:
            ascii_form = "g" if form == "w" and folded in _ASCII_GUARDED else form
            # "d" after folding: "Đ." -> "D." keeps needing its dot, so a street "D1" stays a name.
            entries.setdefault((folded, ascii_form), canonical)
    ordered = sorted(entries.items(), key=lambda item: -len(item[0][0]))
    pattern = "^(?:" + "|".join(f"({_spelling_pattern(s, f)})" for (s, f), _c in ordered) + ")"
    return re.compile(pattern), tuple(canonical for _key, canonical in ordered)


_TYPE_RES = {
    HAMLET: _type_regex(_HAMLET_SPELLINGS),
    STREET: _type_regex(_STREET_SPELLINGS),
}
_ROAD_RE = _type_regex(s for s in _STREET_SPELLINGS if s[1] in ROAD_TYPES)


# ------------------------------------------------------- reading and showing a type word


def read_type(key: str, kind: str) -> tuple[str | None, str, str]:
    """(canonical type word, as written, the key after it) of a structure-marked key."""
    regex, canonicals = _TYPE_RES[kind]
    match = regex.match(key)
    if match is None or match.lastindex is None:
        return None, "", key
    type_word = canonicals[match.lastindex - 1]
    written = match.group()
    remainder = key[match.end() :].lstrip(f" {DOT}")
    if type_word == "đường":
        road = _ROAD_RE[0].match(remainder)
        if road is not None and road.lastindex is not None:
            type_word = _ROAD_RE[1][road.lastindex - 1]
            written += " " + road.group()
            remainder = remainder[road.end() :].lstrip(f" {DOT}")
    return type_word, written, remainder


def display_type(type_word: str | None) -> str:
    """The type word as it starts a name: "thôn" -> "Thôn", "tổ dân phố" -> "Tổ dân phố"."""
    if not type_word:
        return ""
    return type_word[0].upper() + type_word[1:]


_ABBREVIATION_DISPLAY = {"th.": "Th.", "ng.": "Ng.", "đg.": "Đg.", "đg": "Đg"}


def show_type(written: str) -> str:
    if written in _ABBREVIATION_DISPLAY:
        return _ABBREVIATION_DISPLAY[written]
    bare = written.replace(".", "")
    if bare and " " not in written and len(bare) <= 3 and not is_vietnamese_syllable(bare):
        return written.upper()
    return display_type(written)


def same_type(a: str | None, b: str | None) -> bool:
    return a == b or frozenset({a, b}) in _SYNONYM_TYPES
