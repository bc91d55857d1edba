"""Statistics-office codes: the one `pad_code` that spreadsheets, importers and `tthc fmt` share."""

from __future__ import annotations

import pytest

from tthc_cli.catalog import sheets
from tthc_cli.domain.codes import pad_code
from tthc_cli.validation import fixes


def test_one_function_everywhere() -> None:
    assert sheets.pad_code is pad_code
    assert fixes.pad_code is pad_code


@pytest.mark.parametrize(
    ("code", "width", "padded"),
    [
        # What both former copies did: ASCII digits shorter than the width get leading zeros.
        ("1", 2, "01"),
        ("4", 5, "00004"),
        ("194", 5, "00194"),
        # Long enough, or longer (a typo is shown, not cut): unchanged.
        ("48", 2, "48"),
        ("20194", 5, "20194"),
        ("123456", 5, "123456"),
        # Not a code of digits: unchanged.
        ("", 2, ""),
        ("1a", 2, "1a"),
        ("4.0", 5, "4.0"),
        (" 4", 5, " 4"),
        # Digits of other scripts: the spreadsheet copy made "0٣" of these, the fmt copy left
        # them alone. They are no code digits, so validation must still see them as written.
        ("٣", 2, "٣"),
        ("４８", 5, "４８"),
        ("²", 2, "²"),
    ],
)
def test_pad_code(code: str, width: int, padded: str) -> None:
    assert pad_code(code, width) == padded
