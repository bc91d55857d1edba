"""Comparison keys: when two Vietnamese texts are the same text, the same procedure, or alike.

:func:`match_key` decides equality; :func:`fold_key` only finds candidates;
:func:`procedure_key` is the identity of a procedure that stats, search and diff share.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tthc_cli.domain.codes import PROCEDURE_CODE
from tthc_cli.text.tones import ToneStyle, canonical_tones
from tthc_cli.text.unicode import nfc

__all__ = [
    "fold_key",
    "i_y_spelling",
    "match_key",
    "procedure_key",
    "procedure_name_key",
    "words_as_typed",
]


class _KeyTable(dict[int, str]):
    """``str.translate`` table for match keys, filled lazily so no Unicode-wide scan is needed."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        category = unicodedata.category(ch)
        if ch in "ðÐɖƉ":
            out = "đ"  # look-alikes of đ seen in real data (DOMAIN A1)
        elif category[0] in "PSZ" or category == "Cc":
            out = " "
        elif category == "Cf":
            out = ""  # zero-width, BOM, soft hyphen: invisible, must not split a word
        else:
            out = ch
        self[cp] = out
        return out


class _FoldTable(dict[int, str]):
    """``str.translate`` table removing diacritics, filled lazily."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        if ch == "đ":
            out = "d"
        else:
            decomposed = unicodedata.normalize("NFD", ch)
            out = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[cp] = out
        return out


_KEY_TABLE = _KeyTable()
_FOLD_TABLE = _FoldTable()


def match_key(text: str) -> str:
    """Return the equality key: two names are the same text iff their match keys are equal.

    NFC, first-vowel tone placement, casefold, ð/Ð/Ɖ -> đ, punctuation and symbols -> space,
    whitespace collapsed and stripped. Diacritics are kept: "Mỹ Hòa" and "Mỹ Hóa" stay apart.
    """
    key = canonical_tones(text, ToneStyle.FIRST_VOWEL).casefold()
    return " ".join(nfc(key).translate(_KEY_TABLE).split())


def fold_key(text: str) -> str:
    """Return :func:`match_key` with every diacritic removed and đ -> d ("Đông Hòa" -> "dong hoa").

    For search and candidate generation ONLY. Never use it alone to decide that two names are
    equal: distinct communes of one province fold together (Văn Lang/Văn Lăng, Sơn Hà/Sơn Hạ,
    Tân Thành/Tân Thạnh; DOMAIN A4). Confirm candidates with :func:`match_key`.
    """
    key = match_key(text)
    if key.isascii():
        return key
    return " ".join(key.translate(_FOLD_TABLE).split())


_PROCEDURE_PREFIX = "thủ tục "


@lru_cache(maxsize=65536)
def procedure_name_key(text: str) -> str:
    """Return :func:`match_key` without a leading "thủ tục" ("Thủ tục đăng ký kết hôn")."""
    key = match_key(text)
    if key.startswith(_PROCEDURE_PREFIX):
        return key[len(_PROCEDURE_PREFIX) :]
    return key


def procedure_key(code: str, name: str) -> str:
    """The identity of a procedure: the national part of its code ("1.001193"), or "name:" and
    its :func:`procedure_name_key` when the code is no procedure code (D.NNNNNN with an optional
    local suffix).

    Two listings with the same key are one procedure to `tthc stats`, `tthc search` and
    `tthc diff` alike: names that differ only in case, spacing, Unicode form, tone placement or
    a leading "Thủ tục" are one name. The name is keyed only when the code says nothing, so
    reading a large catalog costs one regex match per procedure.
    """
    # One match, as `domain.codes.is_procedure_code` then `national_part` would decide: this
    # runs for every row stats and search read.
    found = PROCEDURE_CODE.fullmatch(code.strip())
    if found is not None:
        return found.group("national")
    return "name:" + procedure_name_key(name)


_WORD_RE = re.compile(r"[^\W_]+")


def words_as_typed(text: str) -> set[str]:
    """The words of ``text`` in NFC and case-folded, each tone mark where it was typed (unlike
    :func:`match_key`, which moves it): to show how two spellings of one word differ."""
    return set(_WORD_RE.findall(nfc(text).casefold()))


_I_Y = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")
_LONE_I_Y_RE = re.compile("^(?:qu|[bcdđghklmnprstvx]+)([iíìỉĩịyýỳỷỹỵ])$")


def i_y_spelling(word: str) -> str:
    """ "lý" -> "lí", "quý" -> "quí": one spelling for a syllable whose only vowel is i or y
    (both spellings are in use), for a match-key or folded word; every other word unchanged."""
    if _LONE_I_Y_RE.match(word):
        return word.translate(_I_Y)
    return word
