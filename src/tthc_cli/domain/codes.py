"""Procedure and unit codes: their shapes, and the national part of a local procedure code."""

from __future__ import annotations

import re
from functools import lru_cache

# D.NNNNNN, optionally with the provincial People's Committee identifier .000.00.00.Hxx
# (or the short .Hxx form some provincial portals print).
PROCEDURE_CODE = re.compile(r"(?P<national>\d\.\d{6})(?P<suffix>\.000\.00\.00\.H\d{2}|\.H\d{2})?")
_NATIONAL_PREFIX = re.compile(r"\d\.\d{6}(?!\d)")
PROVINCE_CODE = re.compile(r"\d{2}")
COMMUNE_CODE = re.compile(r"\d{5}")


@lru_cache(maxsize=65536)
def national_part(code: str) -> str:
    """`1.001193.000.00.00.H17` → `1.001193`; anything unparsable is returned stripped."""
    code = code.strip()
    match = _NATIONAL_PREFIX.match(code)
    return match.group(0) if match else code


def is_procedure_code(code: str) -> bool:
    return PROCEDURE_CODE.fullmatch(code) is not None


def pad_code(code: str, width: int) -> str:
    """``code`` with the leading zeros a spreadsheet or a YAML integer dropped ("4" -> "00004").

    Only a code of 1 to ``width - 1`` ASCII digits is padded. Anything else comes back as given:
    an empty cell, a code with letters, a code already ``width`` long or longer, and digits of
    other scripts ("٣", full-width "４"), which are no code digits and must stay visible to
    validation rather than become a mixed "0٣".
    """
    if 0 < len(code) < width and code.isascii() and code.isdigit():
        return code.zfill(width)
    return code
