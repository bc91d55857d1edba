"""Build and score the labelled set of name pairs for `tthc dedupe-names`.

`python -m benchmarks.labelled build` writes `tests/data/dedupe-labelled.csv` (deterministic,
seeded) from REAL hamlet and street names:

- `catalogs/*/units.yaml` (the shipped catalogs: hamlets and streets of real communes);
- the headquarters addresses of the 3,321 communes on sapnhap.bando.com.vn
  (`../shared/data/raw/vietnamadminunits/sapnhap.bando.com.vn_ward_2025-07-17.csv`, column
  `trungtamhc`: "Thôn Đức Hậu, xã Đa Phúc", "Số 1 đường 3/2, khu phố Ninh Thịnh");
- OpenStreetMap road names (`../shared/data/raw/osm-roads-tristran2k1/3fields.csv`, `road`);
- the national street list (`../shared/data/raw/thien0291-vietnam_dataset`), "Đường " added
  where the listed name has no type word.

Each row is a pair: `kind, ward, a, b, label, how, source`. DUP pairs are a real name and the
same name written another way by one of the DESIGN.md same-name rules (`how` names the rule).
NOT pairs are two real, distinct names found in the data that differ only by a number, a letter
suffix, a tone, one syllable, word order or an added word (`how` starts with "real:"), or a real
name and a changed copy that must stay a different name (number changed, suffix or direction
word added, tone changed, another type word). The 40 pairs of DOMAIN.md A4 come first. `ward`
is 1 when the names are in a phường (there a bare "Tổ" is a tổ dân phố).

`python -m benchmarks.labelled score [--csv PATH]` prints the precision and recall of
`placenames.compare` for the DUP label (a `duplicate` verdict is a predicted DUP; `similar` and
no verdict are a predicted NOT), overall and per `how`, how often NOT pairs come out `similar`
("worth a look"), and the first errors.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.rawdata import RAW
from tthc_cli.text.normalize import (
    fold_key,
    has_vietnamese_diacritics,
    is_vietnamese_syllable,
    match_key,
)

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tests" / "data" / "dedupe-labelled.csv"
SAPNHAP = RAW / "vietnamadminunits" / "sapnhap.bando.com.vn_ward_2025-07-17.csv"
OSM = RAW / "osm-roads-tristran2k1" / "3fields.csv"
STREETS = RAW / "thien0291-vietnam_dataset" / "data"
SEED = 20261122
COLUMNS = ("kind", "ward", "a", "b", "label", "how", "source")

# --- the 40 pairs of DOMAIN.md A4 --------------------------------------------------------------

# (label, a, b, note); pair 16's b is the NFD form of a. Kind: street for 17-20, 26, 27, 39, 40.
A4: tuple[tuple[str, str, str, str], ...] = (
    ("DUP", "Thôn 1", "thôn 01", "zero-padding + case"),
    ("DUP", "Thôn 1", "Thôn I", "Roman numeral"),
    ("DUP", "Thôn 1", "Thôn Một", "number word"),
    ("DUP", "Thôn 10", "Thôn X", "Roman numeral"),
    ("DUP", "Xóm 7", "Xóm Bảy", "number word"),
    ("DUP", "Tổ dân phố 5", "TDP số 5", "abbrev + 'số'"),
    ("DUP", "Tổ dân phố số 12", "Tổ 12", "short form"),
    ("DUP", "Khu phố 3", "KP3", "abbrev, no space"),
    ("DUP", "Khu phố 4", "Khu phố IV", "Roman numeral"),
    ("DUP", "Khu phố 2", "KP. 02", "abbrev + padding"),
    ("DUP", "Hoà Bình", "Hòa Bình", "tone placement oa"),
    ("DUP", "Thôn Thuỷ Lợi", "Thôn Thủy Lợi", "tone placement uy"),
    ("DUP", "Thôn Quý Thạnh", "Thôn Qúy Thạnh", "misplaced tone after qu"),
    ("DUP", "Tổ dân phố Hòa Bình", "TDP Hoà Bình", "abbrev + tone placement"),
    ("DUP", "Thôn Khánh Hòa", "THÔN KHÁNH HÒA", "all caps"),
    ("DUP", "Bản Nà Phặc", unicodedata.normalize("NFD", "Bản Nà Phặc"), "NFC vs NFD (macOS)"),
    ("DUP", "Đường Nguyễn Văn Cừ", "Đ. Nguyễn Văn Cừ", "street abbrev"),
    ("DUP", "Đường 30 tháng 4", "Đường 30/4", "date name forms"),
    ("DUP", "Kiệt 25 Hùng Vương", "K25 Hùng Vương", "kiệt abbrev (Đà Nẵng/Huế)"),
    ("DUP", "Đường Phan Châu Trinh", "Đường Phan Chu Trinh", "accepted name variant"),
    ("NOT", "Thôn 1", "Thôn 11", "different number"),
    ("NOT", "Thôn 2", "Thôn 12", "different number"),
    ("NOT", "Tổ dân phố 1", "Tổ dân phố 10", "different number"),
    ("NOT", "Khu phố 1", "Khu phố 1A", "suffix letter"),
    ("NOT", "Ấp Tân An 1", "Ấp Tân An 2", "numbered siblings"),
    ("NOT", "Hẻm 12 Lê Lợi", "Hẻm 21 Lê Lợi", "digit swap"),
    ("NOT", "Kiệt 25 Hùng Vương", "Kiệt 52 Hùng Vương", "digit swap"),
    ("NOT", "Phú Thượng", "Phú Thạnh", "different syllable"),
    ("NOT", "Đông Hòa", "Đông Hà", "different syllable"),
    ("NOT", "An Phú", "An Phước", "different syllable"),
    ("NOT", "Thôn Phú Lộc", "Thôn Phú Lợi", "different syllable"),
    ("NOT", "Ấp Phú Hòa", "Ấp Phú Hội", "different syllable"),
    ("NOT", "Thôn Đông Hải", "Thôn Đông Hội", "different syllable"),
    ("NOT", "Thôn Đông", "Thôn Đoài", "east vs west"),
    ("NOT", "Tổ dân phố Bắc Sơn", "Tổ dân phố Nam Sơn", "north vs south"),
    ("NOT", "Thôn Hòa Bình", "Thôn Bình Hòa", "word order swapped"),
    ("NOT", "Ấp Mỹ Hòa", "Ấp Mỹ Hóa", "tone-only difference"),
    ("NOT", "Xóm Đồng", "Xóm Đông", "tone-only difference"),
    ("NOT", "Đường Lê Lợi", "Đường Lê Lai", "different person"),
    ("NOT", "Đường Lý Thái Tổ", "Đường Lý Thái Tông", "different person"),
)
_A4_STREETS = {17, 18, 19, 20, 26, 27, 39, 40}
_A4_WARDS = {6, 7, 8, 9, 10, 14, 23, 24, 35}  # tổ dân phố and khu phố are in a phường


@dataclass(frozen=True)
class Pair:
    kind: str
    ward: bool
    a: str
    b: str
    label: str
    how: str
    source: str

    def row(self) -> list[str]:
        return [
            self.kind,
            "1" if self.ward else "0",
            self.a,
            self.b,
            self.label,
            self.how,
            self.source,
        ]


def a4_pairs() -> list[Pair]:
    return [
        Pair(
            "street" if number in _A4_STREETS else "hamlet",
            number in _A4_WARDS,
            a,
            b,
            label,
            f"A4: {note}",
            "DOMAIN A4",
        )
        for number, (label, a, b, note) in enumerate(A4, start=1)
    ]


# --- real names --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RealName:
    kind: str
    name: str
    ward: bool
    source: str


HAMLET_TYPES = (
    "Tổ dân phố",
    "Khu phố",
    "Khối phố",
    "Tiểu khu",
    "Khu vực",
    "Thôn",
    "Làng",
    "Ấp",
    "Bản",
    "Buôn",
    "Bon",
    "Xóm",
    "Sóc",
    "Phum",
    "Khóm",
    "Khối",
    "Khu",
    "Tổ",
    "TDP",
    "KP",
)
STREET_TYPES = (
    "Đường tỉnh",
    "Đại lộ",
    "Quốc lộ",
    "Tỉnh lộ",
    "Hương lộ",
    "Đường",
    "Phố",
    "Kiệt",
    "Hẻm",
    "Ngõ",
    "Ngách",
)
_CANONICAL_TYPE = {match_key(t): t for t in HAMLET_TYPES + STREET_TYPES}
_CANONICAL_TYPE.update({"tdp": "TDP", "kp": "KP"})
# Words that belong to a type word or to how a number is written: a pair that differs in one of
# them is not a "real minimal pair" (Ấp An Phú / An Phú and Đường 5 / Đường số 5 are the same).
_TYPE_TOKENS = {word for t in HAMLET_TYPES + STREET_TYPES for word in match_key(t).split()} | {
    "số",
    "tdp",
    "kp",
    "k",
    "đ",
    "ng",
    "h",
    "p",
    "ql",
    "tl",
    "hl",
    "đt",
    "đh",
    "th",
    "kđt",
}
DIRECTIONS = ("Đông", "Tây", "Nam", "Bắc", "Đoài", "Trung", "Thượng", "Hạ", "Trong", "Ngoài")
_DIRECTION_KEYS = {match_key(d) for d in DIRECTIONS}
NUMBER_WORDS = ("", "Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười")
_NUMBER_WORD_KEYS = {match_key(w) for w in NUMBER_WORDS if w} | {"tư", "bẩy", "mốt", "lăm"}
ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN_RE = re.compile(r"^(?=[ivxl])(x{0,3})(ix|iv|v?i{0,3})$")
_NUMBER_RE = re.compile(r"^(\d+)([a-z]?)$")
_DATE_RE = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\b")
_DATE_WORDS_RE = re.compile(r"\b(\d{1,2}) [Tt]háng (\d{1,2})\b")
_TONE_MARKS = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def split_type(name: str) -> tuple[str, str]:
    """("Tổ dân phố", "5") for "Tổ dân phố 5"; ("", name) when no type word leads."""
    key = name.casefold()
    for type_word in sorted(HAMLET_TYPES + STREET_TYPES, key=len, reverse=True):
        if key.startswith(type_word.casefold()):
            rest = name[len(type_word) :]
            if rest[:1] == " ":
                return name[: len(type_word)], rest.strip()
            if type_word in ("KP", "TDP") and rest[:1].isdigit():
                return name[: len(type_word)], rest.strip()
    return "", name


def catalog_names(catalogs: Path = REPO / "catalogs") -> list[RealName]:
    import yaml

    names = []
    for path in sorted(catalogs.glob("*/units.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        source = str(path.relative_to(REPO))
        for commune in data.get("communes") or []:
            ward = str(commune.get("name", "")).startswith("Phường")
            for group, kind in (("hamlets", "hamlet"), ("streets", "street")):
                for place in commune.get(group) or []:
                    names.append(RealName(kind, _clean(str(place["name"])), ward, source))
    return names


_UNIT_RE = re.compile(r"(?i)^(xã|phường|thị trấn|đặc khu|tt|tp)\b")
_HAMLET_RE = re.compile(
    r"(?i)^(tổ dân phố|khu phố|khu vực|tiểu khu|thôn|làng|ấp|bản|buôn|xóm|sóc|phum|khóm|khối|"
    r"khu|tổ|tdp|kp)(?=[\s\d])\s*(.+)$"
)
_STREET_RE = re.compile(
    r"(?i)^(?:số\s*)?(?:\d[\w/]*\s+)?(đường tỉnh|đại lộ|quốc lộ|tỉnh lộ|đường|phố|ngõ|kiệt|hẻm)"
    r"\s+(.+)$"
)
_STOP_RE = re.compile(
    r"(?i)\b(xã|phường|thị trấn|huyện|tỉnh|thành phố|quận|trụ sở|ubnd|cũ|nay|tại)\b|[.:]"
)


def _unit_ward(segments: Sequence[str], start: int) -> bool:
    for seg in segments[start:]:
        found = _UNIT_RE.match(seg.strip())
        if found:
            return found.group(1).lower() in ("phường", "thị trấn", "tt")
    return False


def _as_written(type_word: str, rest: str) -> str:
    """Capitalize a lower-case type word as a list would ("ấp 5" → "Ấp 5"); keep KP, TDP."""
    canonical = _CANONICAL_TYPE.get(match_key(type_word), type_word)
    if type_word.isupper() and len(type_word) <= 3:
        canonical = type_word
    return f"{canonical} {rest}"


_NOT_HAMLET = re.compile(
    r"(?i)^(đô thị|công nghiệp|hành chính|trung tâm|dân cư|tái định cư|liên cơ|văn phòng|nhà|"
    r"chức|đồ|kinh tế|du lịch|di tích|vực hành chính)\b"
)


def address_names(path: Path = SAPNHAP) -> list[RealName]:
    """Hamlet and street names in the commune headquarters addresses."""
    if not path.is_file():
        return []
    names = []
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            segments = [s.strip() for s in re.split(r"[,;()]| - ", record["trungtamhc"])]
            for index, seg in enumerate(segments):
                seg = _clean(seg)
                hamlet = _HAMLET_RE.match(seg)
                street = _STREET_RE.match(seg)
                for found, kind in ((hamlet, "hamlet"), (street, "street")):
                    if found is None:
                        continue
                    rest = found.group(2).strip()
                    rest = rest[: m.start()].strip() if (m := _STOP_RE.search(rest)) else rest
                    words = rest.split()
                    if not words or len(words) > 5 or _NOT_HAMLET.match(rest):
                        continue
                    ward = _unit_ward(segments, index + 1)
                    if kind == "hamlet" and match_key(found.group(1)) == "tổ" and not ward:
                        continue  # a tổ under a thôn, not a hamlet of its own
                    names.append(
                        RealName(
                            kind, _as_written(found.group(1), rest), ward, "sapnhap HQ address"
                        )
                    )
                    break
    return names


def osm_names(path: Path = OSM) -> list[RealName]:
    if not path.is_file():
        return []
    names = []
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            road = _clean(record.get("road") or "")
            if not road or road[0].isdigit() or road.startswith(("Cầu ", "ĐT.", "ĐH.", "TL")):
                continue  # bridges, bare route numbers
            if not has_vietnamese_diacritics(road):
                continue  # romanized or foreign names, not a list clerk's spelling
            names.append(RealName("street", road, False, "OSM roads"))
    return names


# Words that already make a street name in the street list ("Quốc lộ 1A", "ĐT 741", "Hẻm 12").
_LISTED_TYPES = (*(match_key(t) for t in STREET_TYPES), "đt", "ql", "tl", "hl")


def street_name(listed: str) -> str:
    """A street-list name as a street: `Hùng Vương` → `Đường Hùng Vương`; `Quốc lộ 1A` stays."""
    text = " ".join(listed.split())
    key = match_key(text)
    if any(key == t or key.startswith(t + " ") for t in _LISTED_TYPES):
        return text
    return f"Đường {text}"


def street_list_names(folder: Path = STREETS) -> list[RealName]:
    names = []
    for source in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        for district in json.loads(source.read_text(encoding="utf-8"))["district"]:
            for listed in district.get("street") or []:
                if listed.strip():
                    name = _clean(street_name(listed))
                    names.append(RealName("street", name, False, "thien0291 street list"))
    return names


def usable(name: RealName) -> bool:
    """A name with words of its own after its type word ("Đường Số" and "ngõ" are not), whose
    words do not start with another type word ("Đường Xóm Gò" reads two ways)."""
    _, rest = split_type(name.name)
    words = match_key(rest).split()
    if not words:
        return False
    if words[0] == "số":
        return len(words) > 1
    return words[0] not in _TYPE_TOKENS


def real_names() -> list[RealName]:
    """Every distinct usable real name (first source wins), in a stable order."""
    seen: dict[tuple[str, str], RealName] = {}
    for name in catalog_names() + address_names() + osm_names() + street_list_names():
        if usable(name):
            seen.setdefault((name.kind, name.name), name)
    return list(seen.values())


# --- same-name transformations (DUP) ------------------------------------------------------------

_SECOND_VOWEL = {
    "òa": "oà",
    "óa": "oá",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
    "òe": "oè",
    "óe": "oé",
    "ỏe": "oẻ",
    "õe": "oẽ",
    "ọe": "oẹ",
    "ùy": "uỳ",
    "úy": "uý",
    "ủy": "uỷ",
    "ũy": "uỹ",
    "ụy": "uỵ",
}
_OPEN_END = r"(?![a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])"


def tone_placement(name: str) -> str | None:
    """hòa ↔ hoà, thủy ↔ thuỷ on open syllables (both directions)."""
    out = name
    for first, second in _SECOND_VOWEL.items():
        for a, b in ((first, second), (first.capitalize(), second.capitalize())):
            if re.search(re.escape(a) + _OPEN_END, out, re.IGNORECASE):
                out = re.sub(re.escape(a) + _OPEN_END, b, out)
            elif re.search(re.escape(b) + _OPEN_END, out):
                out = re.sub(re.escape(b) + _OPEN_END, a, out)
    return out if out != name else None


_QU_TONES = {"ý": "ú", "ỳ": "ù", "ỷ": "ủ", "ỹ": "ũ", "ỵ": "ụ", "ế": None}


def qu_misplaced(name: str) -> str | None:
    """Quý → Qúy: the tone put on the u of qu (a typing error canonicalization repairs)."""
    found = re.search(r"([Qq])u([ýỳỷỹỵ])" + _OPEN_END, name)
    if not found:
        return None
    tone = {"ý": "\u0301", "ỳ": "\u0300", "ỷ": "\u0309", "ỹ": "\u0303", "ỵ": "\u0323"}[
        found.group(2)
    ]
    wrong = found.group(1) + unicodedata.normalize("NFC", "u" + tone) + "y"
    return name[: found.start()] + wrong + name[found.end() :]


def ascii_only(name: str) -> str | None:
    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    out = "".join(c for c in plain if not unicodedata.combining(c))
    return out if out != name else None


_ABBREVIATIONS = {
    "Tổ dân phố": ("TDP",),
    "Khu phố": ("KP", "KP.", "Kp"),
    "Kiệt": ("K.",),
    "Đường": ("Đ.",),
    "Ngõ": ("Ng.",),
}
_EXPANSIONS = {"tdp": "Tổ dân phố", "kp": "Khu phố"}


def abbreviate(name: str, ward: bool, rng: random.Random) -> str | None:
    type_word, rest = split_type(name)
    canonical = _CANONICAL_TYPE.get(match_key(type_word)) if type_word else None
    if canonical not in _ABBREVIATIONS or not rest:
        return None
    options = list(_ABBREVIATIONS[canonical])
    if canonical == "Tổ dân phố" and ward:
        options.append("Tổ")
    short = rng.choice(options)
    number = re.match(r"^(?:số\s+)?(\d+[A-Za-z]?)\b(.*)$", rest)
    if short in ("KP", "K.") and number and rng.random() < 0.5:
        glued = "K" if short == "K." else short
        return f"{glued}{number.group(1)}{number.group(2)}"  # KP3, K25 Hùng Vương
    return f"{short} {rest}"


def expand(name: str) -> str | None:
    type_word, rest = split_type(name)
    full = _EXPANSIONS.get(match_key(type_word)) if type_word else None
    return f"{full} {rest}" if full and rest else None


_NO_DROP = {"ngõ", "ngách", "hẻm", "kiệt", "quốc lộ", "tỉnh lộ", "đường tỉnh", "hương lộ", "tổ"}


def drop_type(name: str) -> str | None:
    type_word, rest = split_type(name)
    if not type_word or not rest or match_key(type_word) in _NO_DROP:
        return None
    if rest[0].isdigit() or match_key(rest).split()[0] in _TYPE_TOKENS | _NUMBER_WORD_KEYS:
        return None
    return rest


def _number_after_type(name: str) -> tuple[str, str, str, str] | None:
    """(type word, "số " or "", number, tail) for "Thôn số 5", "Ngõ 12 Lê Lợi"."""
    type_word, rest = split_type(name)
    if not type_word:
        return None
    found = re.match(r"^((?:[Ss]ố)\s+)?(\d+)(\b.*)$", rest)
    if not found:
        return None
    return type_word, found.group(1) or "", found.group(2), found.group(3)


def zero_pad(name: str) -> str | None:
    parts = _number_after_type(name)
    if parts is None or len(parts[2]) != 1:
        return None
    type_word, so, number, tail = parts
    return f"{type_word} {so}0{number}{tail}"


def with_so(name: str) -> str | None:
    parts = _number_after_type(name)
    if parts is None:
        return None
    type_word, so, number, tail = parts
    return f"{type_word} {number}{tail}" if so else f"{type_word} số {number}{tail}"


def roman(name: str) -> str | None:
    parts = _number_after_type(name)
    if parts is None or parts[3]:
        return None
    number = int(parts[2])
    return f"{parts[0]} {ROMAN[number]}" if 1 <= number < len(ROMAN) else None


def number_word(name: str) -> str | None:
    parts = _number_after_type(name)
    if parts is None or parts[3] or parts[1]:
        return None  # only a bare number right after the type word (Thôn 3 → Thôn Ba)
    number = int(parts[2])
    return f"{parts[0]} {NUMBER_WORDS[number]}" if 1 <= number < len(NUMBER_WORDS) else None


_DAY_WORDS = ("", "Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười")
_MONTH_WORDS = (*_DAY_WORDS[:4], "Tư", *_DAY_WORDS[5:], "Mười Một", "Mười Hai")
# Slash numbers are dates only in the name of a street; after ngõ, ngách, hẻm or kiệt
# "Ngách 1/2" is ngách 1 of ngõ 2 (DOMAIN A5).
_DATE_TYPES = {"", "đường", "phố", "đại lộ"}


def _date(name: str) -> tuple[re.Match[str], int, int] | None:
    type_word, _ = split_type(name)
    if match_key(type_word) not in _DATE_TYPES:
        return None
    found = re.search(r"(?<![\w/])(\d{1,2})/(\d{1,2})(?![\w/])", name)
    if not found:
        return None
    day, month = int(found.group(1)), int(found.group(2))
    return (found, day, month) if 1 <= day <= 31 and 1 <= month <= 12 else None


def date_form(name: str, rng: random.Random) -> str | None:
    """30/4 → 30 tháng 4, 30-4, or in words (2/9 → Hai Tháng Chín); 30 tháng 4 → 30/4."""
    dated = _date(name)
    if dated:
        found, day, month = dated
        forms = [f"{day} tháng {month}", f"{day} Tháng {month}", f"{day}-{month}"]
        if day < len(_DAY_WORDS):
            forms.append(f"{_DAY_WORDS[day]} Tháng {_MONTH_WORDS[month]}")
        return name[: found.start()] + rng.choice(forms) + name[found.end() :]
    type_word, _ = split_type(name)
    words = _DATE_WORDS_RE.search(name)
    if words and match_key(type_word) in _DATE_TYPES:
        return name[: words.start()] + f"{words.group(1)}/{words.group(2)}" + name[words.end() :]
    return None


def date_changed(name: str, rng: random.Random) -> str | None:
    """Another day or month: Đường 30/4 → Đường 30/5 (a different date-name)."""
    dated = _date(name)
    if not dated:
        return None
    found, day, month = dated
    if rng.random() < 0.5 and month < 12:
        month += 1
    else:
        day = day + 1 if day < 28 else day - 1
    return name[: found.start()] + f"{day}/{month}" + name[found.end() :]


def spacing(name: str, rng: random.Random) -> str | None:
    words = name.split()
    if len(words) < 2:
        return None
    at = rng.randrange(1, len(words))
    return " ".join(words[:at]) + "  " + " ".join(words[at:]) + rng.choice(("", " "))


def punctuation(name: str, rng: random.Random) -> str | None:
    type_word, rest = split_type(name)
    choice = rng.randrange(3)
    if choice == 0 or not type_word or not rest:
        return name + "."
    if choice == 1:
        return f"{type_word}: {rest}"
    return f'{type_word} "{rest}"'


def abbreviation_and_tone(name: str, ward: bool, rng: random.Random) -> str | None:
    swapped = tone_placement(name)
    return abbreviate(swapped, ward, rng) if swapped else None


def upper_and_padding(name: str) -> str | None:
    padded = zero_pad(name)
    return padded.upper() if padded else None


_VOWEL_BASES = set("aăâeêioôơuưy")


def _tone_moves(word: str) -> list[str]:
    """The word with its tone mark moved to each other vowel ("hoàng" → "hòang", "hoàng")."""
    decomposed = unicodedata.normalize("NFD", word)
    tone = next((c for c in decomposed if c in _TONE_MARKS), None)
    if tone is None:
        return []
    letters = list(unicodedata.normalize("NFC", decomposed.replace(tone, "")))
    vowels = [
        i
        for i, c in enumerate(letters)
        if unicodedata.normalize("NFD", c)[0].lower() in _VOWEL_BASES
    ]
    out = []
    for i in vowels:
        moved = letters[:]
        moved[i] = unicodedata.normalize("NFC", moved[i] + tone)
        candidate = "".join(moved)
        if candidate != unicodedata.normalize("NFC", word):
            out.append(candidate)
    return out


def misplace_tone(name: str, rng: random.Random) -> str | None:
    """A tone mark put on the wrong vowel of a syllable: Hoàng → Hòang, Nghiệp → Nghịêp (a typing
    error; not the hòa/hoà choice, whose both spellings are valid)."""
    type_word, rest = split_type(name)
    words = rest.split()
    order = list(range(len(words)))
    rng.shuffle(order)
    for at in order:
        wrong = [w for w in _tone_moves(words[at]) if not is_vietnamese_syllable(w)]
        if wrong and is_vietnamese_syllable(words[at]):
            words[at] = rng.choice(wrong)
            return f"{type_word} {' '.join(words)}".strip()
    return None


_TRAILING = {"2": "II", "3": "III", "4": "IV"}


def trailing_roman(name: str) -> str | None:
    """Vành Đai 2 → Vành Đai II: a number after the name words written in Roman numerals."""
    type_word, rest = split_type(name)
    words = rest.split()
    if len(words) < 2 or words[-1] not in _TRAILING or _numbers(" ".join(words[:-1])):
        return None
    if match_key(words[-2]) == "số":
        return None  # "Tổ dân phố số II" is the Roman numeral rule, not this one
    if match_key(type_word) in {"ngõ", "ngách", "hẻm", "kiệt"}:
        return None
    return f"{type_word} {' '.join([*words[:-1], _TRAILING[words[-1]]])}".strip()


Transform = Callable[[RealName, random.Random], "str | None"]

# (how, kinds it applies to, transformation, names to sample)
DUP_TRANSFORMS: tuple[tuple[str, tuple[str, ...], Transform, int], ...] = (
    ("upper case", ("hamlet", "street"), lambda n, r: n.name.upper(), 24),
    ("lower case", ("hamlet", "street"), lambda n, r: n.name.lower(), 24),
    ("spacing", ("hamlet", "street"), lambda n, r: spacing(n.name, r), 30),
    ("punctuation", ("hamlet", "street"), lambda n, r: punctuation(n.name, r), 30),
    ("NFD", ("hamlet", "street"), lambda n, r: unicodedata.normalize("NFD", n.name), 30),
    ("tone placement", ("hamlet", "street"), lambda n, r: tone_placement(n.name), 50),
    ("tone misplaced after qu", ("hamlet", "street"), lambda n, r: qu_misplaced(n.name), 16),
    ("type word abbreviated", ("hamlet", "street"), lambda n, r: abbreviate(n.name, n.ward, r), 50),
    ("type word expanded", ("hamlet",), lambda n, r: expand(n.name), 16),
    ("type word dropped", ("hamlet", "street"), lambda n, r: drop_type(n.name), 40),
    ("zero-padded number", ("hamlet", "street"), lambda n, r: zero_pad(n.name), 36),
    ("'số' before the number", ("hamlet", "street"), lambda n, r: with_so(n.name), 36),
    ("Roman numeral", ("hamlet",), lambda n, r: roman(n.name), 24),
    ("number word", ("hamlet",), lambda n, r: number_word(n.name), 24),
    ("date-name form", ("street",), lambda n, r: date_form(n.name, r), 24),
    ("ASCII only", ("hamlet", "street"), lambda n, r: ascii_only(n.name), 40),
    (
        "abbreviation + tone placement",
        ("hamlet", "street"),
        lambda n, r: abbreviation_and_tone(n.name, n.ward, r),
        10,
    ),
    ("upper case + zero-padded", ("hamlet", "street"), lambda n, r: upper_and_padding(n.name), 12),
    ("tone on the wrong vowel", ("hamlet", "street"), lambda n, r: misplace_tone(n.name, r), 16),
    ("Roman numeral after the name", ("hamlet", "street"), lambda n, r: trailing_roman(n.name), 12),
)

# --- changes that must stay different (NOT) -----------------------------------------------------

_LAST_NUMBER = re.compile(r"(?<![\d/])(\d+)([A-Za-z]?)(?![\d/])")


def _numbers(name: str) -> list[re.Match[str]]:
    return list(_LAST_NUMBER.finditer(name))


def number_eleven(name: str) -> str | None:
    """1 → 11, 5 → 55: the same digit once more (Thôn 1 / Thôn 11)."""
    found = _numbers(name)
    if len(found) != 1 or found[0].group(2) or len(found[0].group(1)) > 2:
        return None
    m = found[0]
    return name[: m.end(1)] + m.group(1)[-1] + name[m.end(1) :]


def number_next(name: str) -> str | None:
    found = _numbers(name)
    if len(found) != 1:
        return None
    m = found[0]
    return name[: m.start(1)] + str(int(m.group(1)) + 1) + name[m.end(1) :]


def digits_swapped(name: str) -> str | None:
    found = _numbers(name)
    if len(found) != 1 or len(found[0].group(1)) != 2 or found[0].group(1)[0] in "0":
        return None
    digits = found[0].group(1)
    if digits[0] == digits[1] or digits[1] == "0":
        return None
    m = found[0]
    return name[: m.start(1)] + digits[::-1] + name[m.end(1) :]


def roman_other(name: str) -> str | None:
    """Thôn 4 → Thôn VI, Thôn 9 → Thôn XI: the Roman numeral of another number."""
    parts = _number_after_type(name)
    if parts is None or parts[3]:
        return None
    swaps = {"IV": "VI", "VI": "IV", "IX": "XI", "XI": "IX", "II": "III", "III": "II"}
    number = int(parts[2])
    if not 1 <= number < len(ROMAN) or ROMAN[number] not in swaps:
        return None
    return f"{parts[0]} {swaps[ROMAN[number]]}"


def number_word_other(name: str) -> str | None:
    """Ấp 3 → Ấp Bốn: another number, in words."""
    parts = _number_after_type(name)
    if parts is None or parts[3] or parts[1]:
        return None
    number = int(parts[2])
    other = number + 1 if number < 9 else number - 1
    return f"{parts[0]} {NUMBER_WORDS[other]}" if 1 <= number <= 10 else None


def suffix_added(name: str, rng: random.Random) -> str | None:
    found = _numbers(name)
    if len(found) != 1 or found[0].group(2):
        return None
    m = found[0]
    return name[: m.end(1)] + rng.choice("AB") + name[m.end(1) :]


def direction_added(name: str, rng: random.Random) -> str | None:
    _, rest = split_type(name)
    words = match_key(rest).split()
    if not rest or rest[0].isdigit() or any(w in _DIRECTION_KEYS for w in words):
        return None
    if _numbers(rest):
        return None
    return f"{name} {rng.choice(DIRECTIONS)}"


def tone_changed(name: str, rng: random.Random) -> str | None:
    """Another tone on one toned syllable of the rest (Mỹ Hòa → Mỹ Hóa)."""
    type_word, rest = split_type(name)
    words = rest.split()
    toned = [
        i
        for i, w in enumerate(words)
        if any(c in _TONE_MARKS for c in unicodedata.normalize("NFD", w))
    ]
    if not toned:
        return None
    at = rng.choice(toned)
    decomposed = unicodedata.normalize("NFD", words[at])
    old = next(c for c in decomposed if c in _TONE_MARKS)
    new = rng.choice([t for t in _TONE_MARKS if t != old])
    words[at] = unicodedata.normalize("NFC", decomposed.replace(old, new, 1))
    changed = " ".join(words)
    return f"{type_word} {changed}".strip()


_OTHER_TYPE = {
    "thôn": ("Xóm", "Tổ dân phố", "Ấp"),
    "ấp": ("Khu phố", "Thôn"),
    "xóm": ("Thôn",),
    "bản": ("Thôn",),
    "tổ dân phố": ("Thôn", "Khu phố"),
    "khu phố": ("Ấp", "Tổ dân phố"),
    "khóm": ("Ấp",),
    "đường": ("Phố",),
    "phố": ("Đường",),
    "ngõ": ("Ngách",),
}


def type_changed(name: str, rng: random.Random) -> str | None:
    type_word, rest = split_type(name)
    options = _OTHER_TYPE.get(match_key(type_word)) if type_word else None
    return f"{rng.choice(options)} {rest}" if options and rest else None


NOT_TRANSFORMS: tuple[tuple[str, tuple[str, ...], Transform, int], ...] = (
    ("number changed 1→11", ("hamlet", "street"), lambda n, r: number_eleven(n.name), 40),
    ("number changed n→n+1", ("hamlet", "street"), lambda n, r: number_next(n.name), 30),
    ("digits swapped 12→21", ("hamlet", "street"), lambda n, r: digits_swapped(n.name), 24),
    ("letter suffix added 5→5A", ("hamlet", "street"), lambda n, r: suffix_added(n.name, r), 30),
    ("direction word added", ("hamlet", "street"), lambda n, r: direction_added(n.name, r), 40),
    ("tone changed", ("hamlet", "street"), lambda n, r: tone_changed(n.name, r), 40),
    ("another type word", ("hamlet", "street"), lambda n, r: type_changed(n.name, r), 30),
    ("date changed 30/4→30/5", ("street",), lambda n, r: date_changed(n.name, r), 20),
    ("Roman numeral of another number", ("hamlet",), lambda n, r: roman_other(n.name), 16),
    ("number word of another number", ("hamlet",), lambda n, r: number_word_other(n.name), 16),
)

# --- real minimal pairs (NOT) ------------------------------------------------------------------


def _token_kind(token: str) -> str:
    if _NUMBER_RE.match(token):
        return "number"
    if token in _TYPE_TOKENS:
        return "type"
    if token in _NUMBER_WORD_KEYS or _ROMAN_RE.match(token):
        return "number-like"
    return "word"


def _classify_one(x: str, y: str, a: str, b: str) -> str | None:
    """The kind of a real pair that differs in one token, or None to leave it out."""
    kx, ky = _token_kind(x), _token_kind(y)
    if "type" in (kx, ky) or "number-like" in (kx, ky):
        return None  # a type word or a number written another way: not a minimal NOT pair
    if kx == "number" and ky == "number":
        nx, ny = _NUMBER_RE.match(x), _NUMBER_RE.match(y)
        assert nx is not None
        assert ny is not None
        if int(nx.group(1)) == int(ny.group(1)):
            return "real: letter suffix differs" if nx.group(2) != ny.group(2) else None
        return "real: number differs"
    if "number" in (kx, ky):
        return None
    if fold_key(x) == fold_key(y):
        if ascii_only(a) is None or ascii_only(b) is None:
            return None  # one name has no diacritics at all: the same name by the rules
        if not (is_vietnamese_syllable(x) and is_vietnamese_syllable(y)):
            return None  # a tone on the wrong vowel (Hòang / Hoàng) is the same name
        return "real: tone or vowel mark differs"
    return "real: one syllable differs"


def real_minimal_pairs(names: Sequence[RealName]) -> dict[str, list[tuple[RealName, RealName]]]:
    """Pairs of distinct real names, by how they differ."""
    found: dict[str, list[tuple[RealName, RealName]]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()

    def add(how: str, a: RealName, b: RealName) -> None:
        key = (min(a.name, b.name), max(a.name, b.name))
        if key not in seen and match_key(a.name) != match_key(b.name):
            seen.add(key)
            found[how].append((a, b))

    for kind in ("hamlet", "street"):
        pool = [n for n in names if n.kind == kind]
        tokens = {n.name: tuple(match_key(n.name).split()) for n in pool}
        by_key: dict[tuple[str, ...], RealName] = {}
        for n in pool:
            by_key.setdefault(tokens[n.name], n)
        opened: dict[tuple[int, int, tuple[str, ...], tuple[str, ...]], list[RealName]]
        opened = defaultdict(list)
        ordered: dict[tuple[str, ...], list[RealName]] = defaultdict(list)
        for key, n in by_key.items():
            for at in range(len(key)):
                opened[(len(key), at, key[:at], key[at + 1 :])].append(n)
            if len(key) >= 2:
                ordered[tuple(sorted(key))].append(n)
            # One word more: the name without it is another real name (Hòa Khánh / Hòa Khánh Bắc).
            for at in range(1, len(key)):
                shorter = by_key.get(key[:at] + key[at + 1 :])
                if shorter is None:
                    continue
                word = key[at]
                kind_of = _token_kind(word)
                if kind_of in ("type", "number-like"):
                    continue
                if kind_of == "number":
                    if at == len(key) - 1 and not any(_token_kind(t) == "number" for t in key[:at]):
                        add("real: number added", shorter, n)
                elif word in _DIRECTION_KEYS and at in (1, len(key) - 1):
                    # Hòa Khánh Bắc, Tây Yên Tử: at the end or right after the type word; in the
                    # middle it is part of a person's name (Nguyễn Trung Khuyến).
                    add("real: direction word added", shorter, n)
                elif not (word.isascii() and len(word) <= 2):  # DX, N2: road codes
                    add("real: word added", shorter, n)
        for (_, at, _, _), group in opened.items():
            if len(group) < 2 or len(group) > 60:
                continue
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    x, y = tokens[a.name][at], tokens[b.name][at]
                    how = _classify_one(x, y, a.name, b.name)
                    if how:
                        add(how, a, b)
        for group in ordered.values():
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    ka, kb = tokens[a.name], tokens[b.name]
                    moved = [x for x, y in zip(ka, kb, strict=True) if x != y]
                    if any(_token_kind(t) != "word" for t in moved):
                        continue  # 2-6 / 6-2 are number ranges (or dates), not word order
                    if ka[0] == kb[0] or (
                        _token_kind(ka[0]) != "type" and _token_kind(kb[0]) != "type"
                    ):
                        add("real: word order", a, b)
    return found


_UNIT_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8}
_UNIT_WORDS |= {"chín": 9}
_SPOKEN = {"mười": 10, **_UNIT_WORDS}
_SPOKEN |= {f"mười {w}": 10 + v for w, v in _UNIT_WORDS.items()} | {"mười lăm": 15}
_SPOKEN |= {f"{t} mươi": 10 * n for t, n in (("hai", 2), ("ba", 3))}
_SPOKEN |= {"hai mươi mốt": 21, "ba mươi mốt": 31}
_SPOKEN_MONTHS = {**{w: v for w, v in _SPOKEN.items() if v <= 12}, "tư": 4, "giêng": 1, "chạp": 12}
_SPOKEN_DATE_RE = re.compile(
    r"\b(?:ngày |mùng |mồng )?("
    + "|".join(sorted(map(re.escape, _SPOKEN), key=len, reverse=True))
    + r") tháng ("
    + "|".join(sorted(map(re.escape, _SPOKEN_MONTHS), key=len, reverse=True))
    + r")\b"
)


def date_key(name: str) -> str | None:
    """The match key with its date written d/m ("Đường Ba Mươi Tháng Tư" → "đường 30/4"),
    for a street (not an alley: "Ngách 1/2" is no date); None when the name holds no date."""
    type_word, _ = split_type(name)
    if match_key(type_word) not in _DATE_TYPES:
        return None
    text = canonical_text = " ".join(unicodedata.normalize("NFC", name).casefold().split())
    text = re.sub(r"\b(\d{1,2}) tháng (\d{1,2})\b", r"\1/\2", text)
    text = re.sub(r"(?<![\w/])(\d{1,2})-(\d{1,2})(?![\w/])", r"\1/\2", text)
    text = _SPOKEN_DATE_RE.sub(
        lambda m: f"{_SPOKEN[m.group(1)]}/{_SPOKEN_MONTHS[m.group(2)]}", text
    )
    found = re.search(r"(?<![\w/])(\d{1,2})/(\d{1,2})(?![\w/])", text)
    if not found:
        return None
    text = (
        text[: found.start()] + f"{int(found.group(1))}/{int(found.group(2))}" + text[found.end() :]
    )
    del canonical_text
    return text


def _fix_tones(key: str) -> list[str]:
    """The key with one misplaced tone mark moved so that every syllable is well formed."""
    words = key.split()
    bad = [i for i, w in enumerate(words) if not is_vietnamese_syllable(w)]
    if len(bad) != 1:
        return []
    at = bad[0]
    fixes = [w for w in _tone_moves(words[at]) if is_vietnamese_syllable(w)]
    return [" ".join([*words[:at], w, *words[at + 1 :]]) for w in fixes]


_ROADS = {"quốc lộ", "tỉnh lộ", "hương lộ", "đường tỉnh", "ql", "tl", "hl", "đt"}


def real_duplicate_pairs(
    names: Sequence[RealName],
) -> dict[str, list[tuple[RealName, RealName, str]]]:
    """Pairs of real names in the data that are one name written two ways, and real pairs of
    a bare "Số 9" and a numbered road ("Quốc lộ 9"): (a, b, label) by how."""
    found: dict[str, list[tuple[RealName, RealName, str]]] = defaultdict(list)
    for kind in ("hamlet", "street"):
        by_key: dict[str, RealName] = {}
        for n in names:
            if n.kind == kind:
                by_key.setdefault(match_key(n.name), n)
        dates: dict[str, list[RealName]] = defaultdict(list)
        roads: dict[str, list[RealName]] = defaultdict(list)
        for key, n in by_key.items():
            for fixed in _fix_tones(key):
                if fixed in by_key:
                    found["real: tone on the wrong vowel"].append((by_key[fixed], n, "DUP"))
            words = key.split()
            if len(words) > 2 and words[-1] in ("ii", "iii", "iv"):
                number = {"ii": "2", "iii": "3", "iv": "4"}[words[-1]]
                other = by_key.get(" ".join([*words[:-1], number]))
                if other is not None:
                    found["real: Roman numeral after the name"].append((other, n, "DUP"))
            dated = date_key(n.name) if kind == "street" else None
            if dated is not None:
                dates[dated].append(n)
            type_word, rest = split_type(n.name)
            number_only = re.fullmatch(r"(?:số )?(\d+[a-z]?)", match_key(rest))
            if number_only and (match_key(type_word) in _ROADS or not type_word):
                roads[number_only.group(1)].append(n)
        for group in dates.values():
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    found["real: date-name forms"].append((a, b, "DUP"))
        for group in roads.values():
            bare = [n for n in group if not split_type(n.name)[0]]
            typed = [n for n in group if split_type(n.name)[0]]
            for a in bare:
                for b in typed:
                    found["real: bare 'Số N' vs numbered road"].append((a, b, "NOT"))
    return found


REAL_DUP_QUOTAS = {
    "real: tone on the wrong vowel": 24,
    "real: Roman numeral after the name": 6,
    "real: date-name forms": 20,
    "real: bare 'Số N' vs numbered road": 10,
}

# How many real minimal pairs of each kind to keep, hamlets first (they are scarcer).
REAL_QUOTAS = {
    "real: number differs": 90,
    "real: letter suffix differs": 40,
    "real: tone or vowel mark differs": 90,
    "real: one syllable differs": 90,
    "real: word order": 40,
    "real: direction word added": 50,
    "real: word added": 40,
    "real: number added": 30,
}


def _source(a: RealName, b: RealName | None = None) -> str:
    if b is None or b.source == a.source:
        return a.source
    return f"{a.source}; {b.source}"


def _sample_names(
    names: Sequence[RealName], kinds: tuple[str, ...], quota: int, rng: random.Random
) -> list[RealName]:
    """Up to quota names of these kinds, half hamlets where hamlets apply."""
    chosen: list[RealName] = []
    per_kind = {k: [n for n in names if n.kind == k] for k in kinds}
    share = {k: quota // len(kinds) for k in kinds}
    for kind in kinds:
        pool = per_kind[kind][:]
        rng.shuffle(pool)
        chosen += pool[: share[kind]]
    return chosen


def _hard(how: str, a: RealName, b: RealName) -> bool:
    """A pair a fuzzy matcher would take for the same name: numbers 1/11, 12/21 or 4/5, or
    syllables one or two letters apart (Phú Thượng / Phú Thương)."""
    from rapidfuzz.distance import Levenshtein

    ta, tb = match_key(a.name).split(), match_key(b.name).split()
    diff = [(x, y) for x, y in zip(ta, tb, strict=False) if x != y]
    if len(ta) != len(tb) or len(diff) != 1:
        return False
    x, y = diff[0]
    if how == "real: number differs":
        nx, ny = _NUMBER_RE.match(x), _NUMBER_RE.match(y)
        if not (nx and ny):
            return False
        dx, dy = nx.group(1), ny.group(1)
        return dx in dy or dy in dx or sorted(dx) == sorted(dy) or abs(int(dx) - int(dy)) <= 1
    return Levenshtein.distance(x, y) <= 2


def _half_hard(
    how: str, found: list[tuple[RealName, RealName]], quota: int, rng: random.Random
) -> list[tuple[RealName, RealName]]:
    """Up to quota pairs, half of them hard ones where there are enough."""
    hard = [p for p in found if _hard(how, *p)]
    easy = [p for p in found if not _hard(how, *p)]
    rng.shuffle(hard)
    rng.shuffle(easy)
    take = hard[: max(quota // 2, quota - len(easy))]
    return take + easy[: quota - len(take)]


def build(seed: int = SEED) -> list[Pair]:
    rng = random.Random(seed)
    names = real_names()
    pairs = a4_pairs()
    seen = {(p.a, p.b) for p in pairs}

    def add(pair: Pair) -> bool:
        if (pair.a, pair.b) in seen or pair.a == pair.b:
            return False
        seen.add((pair.a, pair.b))
        pairs.append(pair)
        return True

    for table, label in ((DUP_TRANSFORMS, "DUP"), (NOT_TRANSFORMS, "NOT")):
        for how, kinds, transform, quota in table:
            left = quota
            for index, kind in enumerate(kinds):
                pool = [n for n in names if n.kind == kind]
                rng.shuffle(pool)
                # An even share; what the first kind cannot fill goes to the next.
                want, made = left // (len(kinds) - index), 0
                for name in pool:
                    if made >= want:
                        break
                    variant = transform(name, rng)
                    if variant is None or variant == name.name:
                        continue
                    if label == "NOT" and match_key(variant) == match_key(name.name):
                        continue
                    made += add(Pair(kind, name.ward, name.name, variant, label, how, name.source))
                left -= made
    minimal = real_minimal_pairs(names)
    for how, quota in REAL_QUOTAS.items():
        found = minimal.get(how, [])
        hamlets = [p for p in found if p[0].kind == "hamlet"]
        streets = [p for p in found if p[0].kind == "street"]
        take = _half_hard(how, hamlets, quota // 2, rng)
        take += _half_hard(how, streets, quota - len(take), rng)
        for a, b in take:
            add(Pair(a.kind, a.ward or b.ward, a.name, b.name, "NOT", how, _source(a, b)))
    for how, found_pairs in real_duplicate_pairs(names).items():
        rng.shuffle(found_pairs)
        for a, b, label in found_pairs[: REAL_DUP_QUOTAS[how]]:
            add(Pair(a.kind, a.ward or b.ward, a.name, b.name, label, how, _source(a, b)))
    return pairs


def write(pairs: Sequence[Pair], path: Path = OUT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(p.row() for p in pairs)


def read(path: Path = OUT) -> list[Pair]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Pair(r["kind"], r["ward"] == "1", r["a"], r["b"], r["label"], r["how"], r["source"])
            for r in csv.DictReader(handle)
        ]


# --- scoring -----------------------------------------------------------------------------------


@dataclass
class Tally:
    pairs: int = 0
    predicted_dup: int = 0
    similar: int = 0


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    similar_not: int = 0
    asymmetric: int = 0
    by_how: dict[str, Tally] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    errors: list[tuple[Pair, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def worth_a_look(self) -> float:
        """Share of NOT pairs that come out `similar`."""
        nots = self.fp + self.tn
        return self.similar_not / nots if nots else 0.0


def verdict_of(pair: Pair) -> tuple[str | None, str | None]:
    """compare() both ways: (verdict a-b, verdict b-a), each "duplicate", "similar" or None."""
    from tthc_cli.names.placenames import compare, parse_name

    a = parse_name(pair.a, pair.kind, ward=pair.ward)
    b = parse_name(pair.b, pair.kind, ward=pair.ward)
    ab, ba = compare(a, b), compare(b, a)
    return (ab.verdict if ab else None), (ba.verdict if ba else None)


def score(pairs: Iterable[Pair]) -> Score:
    result = Score()
    for pair in pairs:
        verdict, reverse = verdict_of(pair)
        if verdict != reverse:
            result.asymmetric += 1
        tally = result.by_how.setdefault(pair.how, Tally())
        result.labels[pair.how] = pair.label
        tally.pairs += 1
        predicted = verdict == "duplicate"
        tally.predicted_dup += predicted
        tally.similar += verdict == "similar"
        if pair.label == "DUP":
            if predicted:
                result.tp += 1
            else:
                result.fn += 1
                result.errors.append((pair, verdict or "none"))
        else:
            result.similar_not += verdict == "similar"
            if predicted:
                result.fp += 1
                result.errors.append((pair, verdict or "none"))
            else:
                result.tn += 1
    return result


def report(result: Score, errors: int = 30) -> list[str]:
    lines = [
        f"pairs: {result.tp + result.fn} DUP, {result.fp + result.tn} NOT",
        f"DUP precision {result.precision:.4f} ({result.tp}/{result.tp + result.fp}), "
        f"recall {result.recall:.4f} ({result.tp}/{result.tp + result.fn})",
        f"NOT pairs marked similar (worth a look): {result.similar_not}/{result.fp + result.tn} "
        f"= {result.worth_a_look:.1%}",
        f"asymmetric verdicts: {result.asymmetric}",
        "",
        "| label | how | pairs | duplicate | similar | correct |",
        "|---|---|---:|---:|---:|---:|",
    ]
    order = sorted(result.by_how, key=lambda h: (result.labels[h], h.startswith("A4"), h))
    for how in order:
        tally, label = result.by_how[how], result.labels[how]
        correct = tally.predicted_dup if label == "DUP" else tally.pairs - tally.predicted_dup
        lines.append(
            f"| {label} | {how} | {tally.pairs} | {tally.predicted_dup} | {tally.similar} | "
            f"{correct / tally.pairs:.0%} |"
        )
    lines += ["", f"errors ({len(result.errors)}, first {errors}):"]
    for pair, verdict in result.errors[:errors]:
        lines.append(
            f"  {pair.label} {pair.kind}{' (ward)' if pair.ward else ''}: {pair.a!r} / {pair.b!r}"
            f" → {verdict} [{pair.how}; {pair.source}]"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.labelled", description=__doc__)
    parser.add_argument("command", choices=("build", "score"))
    parser.add_argument("--csv", type=Path, default=OUT, help=f"the labelled set ({OUT.name})")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--errors", type=int, default=30, help="errors to list (30)")
    args = parser.parse_args(argv)
    if args.command == "build":
        if not RAW.is_dir():
            print(
                f"{RAW} not found: the labelled set is built from its real names", file=sys.stderr
            )
            return 2
        pairs = build(args.seed)
        write(pairs, args.csv)
        counts = Counter(p.label for p in pairs)
        print(f"wrote {len(pairs)} pairs ({counts['DUP']} DUP, {counts['NOT']} NOT) to {args.csv}")
        for how, n in sorted(Counter(p.how for p in pairs).items()):
            print(f"  {n:4d}  {how}")
        return 0
    print("\n".join(report(score(read(args.csv)), args.errors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
