"""The text package's common names in one import, for the rules, importers and fixers that use
several: NFC (unicode), tone marks (tones), whitespace (spaces) and comparison keys (keys).

New code imports from the module that defines a name; this one only gathers them.
"""

from __future__ import annotations

from tthc_cli.text.keys import fold_key, match_key, procedure_key, procedure_name_key
from tthc_cli.text.spaces import WhitespaceProblem, clean_spaces, whitespace_problems
from tthc_cli.text.tones import ToneStyle, canonical_tones, is_vietnamese_syllable, tone_styles
from tthc_cli.text.unicode import VIETNAMESE_LETTERS, has_vietnamese_diacritics, is_nfc, nfc

__all__ = [
    "VIETNAMESE_LETTERS",
    "ToneStyle",
    "WhitespaceProblem",
    "canonical_tones",
    "clean_spaces",
    "fold_key",
    "has_vietnamese_diacritics",
    "is_nfc",
    "is_vietnamese_syllable",
    "match_key",
    "nfc",
    "procedure_key",
    "procedure_name_key",
    "tone_styles",
    "whitespace_problems",
]
