"""Detect and convert Vietnamese typed in TCVN3 (ABC) or VNI fonts and then misread as cp1252."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from tthc_cli.text.tones import is_vietnamese_syllable
from tthc_cli.text.unicode import VIETNAMESE_LETTERS, nfc

__all__ = ["ENCODINGS", "LegacyText", "convert", "detect_legacy"]

ENCODINGS = ("TCVN3", "VNI")


@dataclass(frozen=True)
class LegacyText:
    """A legacy-encoded text found by :func:`detect_legacy`."""

    encoding: str  # "TCVN3" or "VNI"
    sample: str  # the suspicious fragment as found (at most 40 characters)
    converted: str  # the whole text converted to Unicode NFC
    confidence: float  # 0..1


# ------------------------------------------------------------------------ TCVN3

# TCVN 5712:1993 byte -> Unicode, generated with glibc `iconv -f TCVN5712-1`, keyed by the
# character each byte becomes when the file is misread as cp1252 (identical to Latin-1 for these
# bytes). Each entry is "<mojibake char><Unicode letter>". Left out on purpose: 0x80-0x9F (the
# VN1 capitals there collide with cp1252 smart quotes and dashes, and the VN3 fonts of real
# documents do not use them) and 0xB0-0xB4 (combining tone marks, which collide with the degree,
# plus-minus, superscript and acute signs).
_TCVN3_PAIRS = (
    "\x01Ú \x02Ụ \x04Ừ \x05Ử \x06Ữ \x11Ứ \x12Ự \x13Ỳ \x14Ỷ \x15Ỹ \x16Ý \x17Ỵ",
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ",
    "\xadư ®đ ¯Ằ µà ¶ả ·ã \xb8á ¹ạ ºẲ »ằ ¼ẳ ½ẵ",
    "¾ắ ¿Ẵ ÀẮ ÁẦ ÂẨ ÃẪ ÄẤ ÅỀ Æặ Çầ Èẩ Éẫ",
    "Êấ Ëậ Ìè ÍỂ Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế",
    "Öệ \xd7ì Øỉ ÙỄ ÚẾ ÛỒ Üĩ Ýí Þị ßò àỔ áỏ",
    "âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ",
    "îợ ïù ðỖ ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự",
    "úỳ ûỷ üỹ ýý þỵ ÿỐ",
)
_TCVN3: dict[str, str] = {pair[0]: pair[1] for row in _TCVN3_PAIRS for pair in row.split(" ")}
_TCVN3_TABLE = str.maketrans(_TCVN3)

# ------------------------------------------------------------------------- VNI

_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"

# VNI writes an accented vowel as the base letter plus one diacritic byte; capitals use the
# capital form of that byte (0x20 lower in cp1252).
_VNI_TONE = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRCUMFLEX = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
# Letters that are a single byte in VNI: đ, ơ and ư as bases, and the toned i / ỵ.
_VNI_SINGLE = {
    "ñ": "đ", "ô": "ơ", "ö": "ư", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"
}  # fmt: skip


def _build_vni() -> dict[str, str]:
    circumflex = {mark: _CIRCUMFLEX + tone for mark, tone in _VNI_CIRCUMFLEX.items()}
    breve = {mark: _BREVE + tone for mark, tone in _VNI_BREVE.items()}
    marks_for_base = {
        "a": _VNI_TONE | circumflex | breve,
        "e": _VNI_TONE | circumflex,
        "o": _VNI_TONE | circumflex,
        "i": _VNI_TONE,  # VNI has single bytes for toned i, but some converters emit i + mark
        "u": _VNI_TONE,
        "y": _VNI_TONE,
        "ô": _VNI_TONE,  # VNI ơ
        "ö": _VNI_TONE,  # VNI ư
    }
    table: dict[str, str] = {}
    for base, marks in marks_for_base.items():
        letter = _VNI_SINGLE.get(base, base)
        for mark, accents in marks.items():
            lower = unicodedata.normalize("NFC", letter + accents)
            upper = unicodedata.normalize("NFC", letter.upper() + accents)
            # Case comes from the base letter; the mark byte's case is not trusted.
            for b, m in ((base, mark), (base, mark.upper())):
                table[b + m] = lower
                table[b.upper() + m] = upper
    for single, letter in _VNI_SINGLE.items():
        table[single] = letter
        table[single.upper()] = letter.upper()
    return table


_VNI = _build_vni()


def _vni_pattern() -> re.Pattern[str]:
    # Base letter + diacritic pairs are tried before single-byte letters so "ô" + mark is a toned
    # ơ, while a bare "ô" is ơ itself.
    marks: dict[str, set[str]] = {}
    for key in _VNI:
        if len(key) == 2:
            marks.setdefault(key[0], set()).add(key[1])
    pairs = "|".join(
        re.escape(base) + f"[{''.join(sorted(m))}]" for base, m in sorted(marks.items())
    )
    singles = "".join(sorted(key for key in _VNI if len(key) == 1))
    return re.compile(f"{pairs}|[{singles}]")


_VNI_RE = _vni_pattern()


def _convert_vni_token(token: str) -> str:
    return _VNI_RE.sub(lambda m: _VNI[m.group()], token)


# ------------------------------------------------------------------ conversion

_KEYS = {"TCVN3": "".join(_TCVN3), "VNI": "".join(sorted({c for k in _VNI for c in k}))}
# A token is a run of letters and of the characters an encoding uses for letters (many of which
# are punctuation or symbols in cp1252, e.g. "·" is TCVN3 ã and "\xad" is TCVN3 ư).
_TOKEN_RE = {
    enc: re.compile(r"(?:[^\W\d_]|[" + re.escape(keys) + "])+") for enc, keys in _KEYS.items()
}
_NEWLINE_RE = re.compile("\n")
_LOWER_ASCII_RE = re.compile("[a-z]")
_INNER_CAPITAL_RE = re.compile(r"[^\W\d_][A-Z]")


def _tcvn3_heading_line(line: str) -> bool:
    # Headings were set in .VnTimeH-style fonts that draw lowercase codes as capitals, so a line
    # typed in ASCII capitals ("CéNG HOµ") is all capitals even where the bytes are lowercase.
    return not _LOWER_ASCII_RE.search(line) and _INNER_CAPITAL_RE.search(line) is not None


def _token_converters(text: str, encoding: str) -> Callable[[int, str], str]:
    if encoding == "VNI":
        return lambda _start, token: _convert_vni_token(token)
    line_starts = [0, *(m.end() for m in _NEWLINE_RE.finditer(text))]
    heading = [_tcvn3_heading_line(line) for line in text.split("\n")]

    def tcvn3(start: int, token: str) -> str:
        converted = token.translate(_TCVN3_TABLE)
        if heading[bisect.bisect_right(line_starts, start) - 1]:
            return converted.upper()
        return converted

    return tcvn3


def _normalize_encoding(encoding: str) -> str:
    name = encoding.strip().upper().replace("_", "-")
    aliases = {"TCVN3": "TCVN3", "ABC": "TCVN3", "TCVN": "TCVN3", "VNI": "VNI", "VNI-WIN": "VNI"}
    if name not in aliases:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    return aliases[name]


def convert(text: str, encoding: str) -> str:
    """Convert mojibake ``text`` typed in ``encoding`` ("TCVN3"/"ABC" or "VNI") to Unicode NFC.

    Converts the whole text: correct Unicode Vietnamese in the same text gets damaged, so only
    call it on text known (or detected) to be entirely legacy. TCVN3 capitals that were drawn
    by a capitals-only font come back lowercase unless the line is typed in ASCII capitals.
    """
    encoding = _normalize_encoding(encoding)
    text = nfc(text)
    token_converter = _token_converters(text, encoding)
    return nfc(_TOKEN_RE[encoding].sub(lambda m: token_converter(m.start(), m.group()), text))


# ------------------------------------------------------------------- detection

# Characters a legacy text must contain for detection to be tried: those used by the tables that
# are neither ASCII nor Vietnamese letters, so correct Vietnamese (NFC or NFD) stays on the fast
# path.
_SUSPECT = frozenset("".join(_KEYS.values())) - VIETNAMESE_LETTERS - frozenset(map(chr, range(128)))
_SUSPECT_RE = re.compile("[" + re.escape("".join(sorted(_SUSPECT))) + "]")
# VNI pairs that correct Vietnamese never spells and European languages hardly use ("oâ" is VNI
# ô, "aù" VNI á), so VNI text typed without any non-Vietnamese character is still caught; "où",
# "aé" and "aú" are left out because French and Spanish have them.
# The pairs [aeoAEO][âÂ], [aA][êÊ], [aeuyôAEUYÔ][ùÙ], [aeouyôAEOUYÔ][õÕ] and [aeAE][áàãÁÀÃ],
# written to start with one character class: a search over a whole file is three times faster.
_VNI_SIGNATURE_RE = re.compile(
    r"[aeouyôAEOUYÔ](?:(?<=[aeoAEO])[âÂ]|(?<=[aA])[êÊ]|(?<=[aeuyôAEUYÔ])[ùÙ]|[õÕ]"
    r"|(?<=[aeAE])[áàãÁÀÃ])"
)
# Suspect characters that only TCVN3 uses (micro sign, middle dot, soft hyphen, guillemets...):
# without them, a text that converts well both ways ("Höng": TCVN3 "Hửng", VNI "Hưng") is far
# more likely VNI.
_TCVN3_ONLY_RE = re.compile(
    "[" + re.escape("".join(sorted(_SUSPECT - frozenset(_KEYS["VNI"])))) + "]"
)
_ACRONYM_RE = re.compile(r"[A-ZĐ]{2,}")
# Vietnamese letters beyond Latin-1 (ư, ờ, Đ, ...) cannot come out of a cp1252 misreading, so a
# text that has any is Unicode (possibly mixed with legacy text, which convert() would damage).
_UNICODE_ONLY_RE = re.compile(
    "[" + "".join(sorted(ch for ch in VIETNAMESE_LETTERS if ord(ch) > 0xFF)) + "]"
)

_MIN_IMPROVED_SHARE = 0.7
_MAX_WORSENED = 0.1
_MIN_TEXT_VALID = 0.5
_MIN_EVIDENCE = 2


@dataclass(slots=True)
class _Score:
    changed: int = 0
    both_valid: int = 0
    improved: int = 0
    worsened: int = 0
    strong: int = 0
    evidence: int = 0
    words: int = 0
    valid_words: int = 0
    first_strong: int = -1

    @property
    def decisive(self) -> int:
        # Many legacy bytes are Latin-1 letters that Vietnamese also uses, so a valid word often
        # converts to another valid word ("Tù" -> "Tự"): no evidence for the ratio, but in correct
        # text they are the majority, so accepted() also caps them by the improved count.
        return self.changed - self.both_valid

    def confidence(self) -> float:
        if self.decisive == 0 or self.words == 0:
            return 0.0
        return self.improved / self.decisive * (0.5 + 0.5 * self.valid_words / self.words)

    def accepted(self) -> bool:
        return (
            self.strong >= 1
            and self.both_valid <= self.improved
            and (
                self.evidence >= _MIN_EVIDENCE
                # one short word ("X· An Long") is enough when everything around it is Vietnamese
                or (self.words >= 3 and self.valid_words == self.words)
            )
            and self.improved >= _MIN_IMPROVED_SHARE * self.decisive
            and self.worsened <= _MAX_WORSENED * self.changed
            and self.valid_words >= _MIN_TEXT_VALID * self.words
        )


def _is_strong(token: str, encoding: str) -> bool:
    # Hard evidence is a word that mixes letters with what no Vietnamese word has ("ViÖt", "Haø",
    # "Khoâng"). A lone "£" or "·" turning into "Ê"/"ã" is not, nor is a unit like "µm".
    if encoding == "VNI" and _VNI_SIGNATURE_RE.search(token):
        return True
    suspect = _SUSPECT_RE.search(token)
    return suspect is not None and (suspect.start() > 0 or len(token) >= 3)


def _score(text: str, encoding: str) -> _Score:
    score = _Score()
    token_converter = _token_converters(text, encoding)
    for match in _TOKEN_RE[encoding].finditer(text):
        token = match.group()
        converted = token_converter(match.start(), token)
        valid_after = is_vietnamese_syllable(converted)
        if not _ACRONYM_RE.fullmatch(converted):
            score.words += 1
            score.valid_words += valid_after
        if converted == token:
            continue
        score.changed += 1
        valid_before = is_vietnamese_syllable(token)
        if valid_before and valid_after:
            score.both_valid += 1
        elif valid_before:
            score.worsened += 1
        elif valid_after:
            score.improved += 1
            score.evidence += len(converted) - 1
            if _is_strong(token, encoding):
                score.strong += 1
                if score.first_strong < 0:
                    score.first_strong = match.start()
    return score


def could_be_legacy(text: str) -> bool:
    """False when no part of ``text`` can be legacy-encoded: no character that only legacy
    encodings produce and no VNI letter pair (both patterns stay within a line, so this may
    be asked once of many values joined by line breaks)."""
    return _could_be_legacy(nfc(text))


def _could_be_legacy(text: str) -> bool:
    return bool(_SUSPECT_RE.search(text) or _VNI_SIGNATURE_RE.search(text))


def detect_legacy(text: str) -> LegacyText | None:
    """Return the legacy encoding ``text`` was typed in, or None when it looks like Unicode.

    Runs only on text with characters outside the Vietnamese letter set (or VNI letter pairs no
    Vietnamese word has) and without Unicode-only Vietnamese letters, so correct Vietnamese and
    most European text return None at once. Then trial-converts with each table and accepts only
    when the changed words become valid Vietnamese syllables, words that were valid are not
    broken, and at least one word mixes letters with such characters.
    """
    if not text:
        return None
    text = nfc(text)
    if not _could_be_legacy(text):
        return None
    if _UNICODE_ONLY_RE.search(text):
        return None
    tcvn3_only = _TCVN3_ONLY_RE.search(text) is not None
    prior = {
        "TCVN3": tcvn3_only,
        "VNI": not tcvn3_only or _VNI_SIGNATURE_RE.search(text) is not None,
    }
    best: tuple[bool, float, int, str, _Score] | None = None
    for encoding in ENCODINGS:
        score = _score(text, encoding)
        if not score.accepted():
            continue
        candidate = (prior[encoding], score.confidence(), score.improved, encoding, score)
        if best is None or candidate[:3] > best[:3]:
            best = candidate
    if best is None:
        return None
    _, confidence, _, encoding, score = best
    sample = text[score.first_strong : score.first_strong + 40].rstrip()
    return LegacyText(
        encoding=encoding,
        sample=sample,
        converted=convert(text, encoding),
        confidence=round(confidence, 3),
    )
