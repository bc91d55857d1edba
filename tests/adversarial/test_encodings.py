"""Encodings through every command: UTF-8 with a BOM is read (and the BOM kept on writing);
UTF-16/32 with and without a BOM, Windows-1258, TCVN3 and VNI bytes and invalid UTF-8 are
refused with the encoding problem and the byte offset; legacy Vietnamese that was converted to
UTF-8 the wrong way (mojibake) is a finding of `validate`.

The decoder's unit tests are in tests/unit/test_reading.py; here each case runs through the
real commands beside good files.
"""

from __future__ import annotations

import codecs
import json

import pytest

from adversarial._support import (
    GOOD_CATALOG,
    GOOD_CATALOG_FIXED,
    GOOD_UNITS,
    Tree,
    check_every_command,
    invoke,
)

TEXT = "kind: units\nname: Hòa Khánh\n"
CP1258 = "kind: units\nname: Vi\u00ea\u0323t Nam\n".encode("cp1258")

# name: (bytes, what the message says, line, column)
REFUSED: dict[str, tuple[bytes, str, int | None, int | None]] = {
    "utf-16-bom": (TEXT.encode("utf-16"), "encoded as UTF-16-LE (byte-order mark", None, None),
    "utf-16-be-bom": (
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        "encoded as UTF-16-BE (byte-order mark",
        None,
        None,
    ),
    "utf-32-bom": (TEXT.encode("utf-32"), "encoded as UTF-32-LE (byte-order mark", None, None),
    "utf-16-le": (
        TEXT.encode("utf-16-le"),
        "NUL byte at byte offset 1: it looks like UTF-16",
        None,
        None,
    ),
    "utf-16-be": (
        TEXT.encode("utf-16-be"),
        "NUL byte at byte offset 0: it looks like UTF-16",
        None,
        None,
    ),
    "utf-32-le": (
        TEXT.encode("utf-32-le"),
        "NUL byte at byte offset 1: it looks like UTF-16",
        None,
        None,
    ),
    "utf-32-be": (
        TEXT.encode("utf-32-be"),
        "NUL byte at byte offset 0: it looks like UTF-16",
        None,
        None,
    ),
    "cp1258": (CP1258, "not valid UTF-8 at byte offset 20 (bytes ea f2", 2, 9),
    "cp1258-after-a-bom": (codecs.BOM_UTF8 + CP1258, "not valid UTF-8 at byte offset 23", 2, 9),
    "tcvn3-bytes": (b"kind: units\nname: H\xb5 N\xe9i\n", "at byte offset 19 (bytes b5", 2, 8),
    "vni-bytes": (b"kind: units\nname: Ha\xf8 No\xe4i\n", "at byte offset 20 (bytes f8", 2, 9),
    "overlong": (b"kind: units\nname: \xc0\xaf\n", "at byte offset 18 (bytes c0 af", 2, 7),
    "lone-continuation-byte": (b"kind: units\nname: a\x80b\n", "at byte offset 19 (bytes 80", 2, 8),
    "encoded-surrogate": (
        b"kind: units\nname: \xed\xa0\x80\n",
        "at byte offset 18 (bytes ed a0",
        2,
        7,
    ),
    "truncated-sequence": (b"kind: units\nname: H\xc3", "at byte offset 19 (bytes c3)", 2, 8),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "it looks like a binary file", None, None),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_wrong_encoding_is_named_with_its_byte_offset(tree: Tree, name: str) -> None:
    data, message, line, column = REFUSED[name]
    bad = tree.root / f"{name}.yaml"
    bad.write_bytes(data)
    results = check_every_command(bad, tree, line=line, column=column, validate_codes=(2,))
    for command, result in results.items():
        assert message in result.stderr, (command, result.stderr)
        assert "UTF-8" in result.stderr


def test_utf8_with_a_bom_is_read_and_the_bom_kept(tree: Tree) -> None:
    bom = codecs.BOM_UTF8
    catalog = tree.root / "bom.yaml"
    catalog.write_bytes(bom + GOOD_CATALOG.encode("utf-8"))
    units = tree.root / "bom-units.yaml"
    units.write_bytes(bom + GOOD_UNITS.encode("utf-8"))
    result = invoke(["validate", "--no-config", "--format", "json", catalog, units])
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["summary"]["files"] == 2
    assert invoke(["diff", catalog, tree.catalog]).exit_code == 0  # the same catalog
    result = invoke(["dedupe-names", units])
    assert result.exit_code == 0
    assert "Thôn Quang" in result.stdout
    result = invoke(["apply-renames", tree.report, units, "--date", "2026-01-01"])
    assert result.exit_code == 0, result.stderr
    assert units.read_bytes().startswith(bom + b"kind: units")
    assert "Thôn Quang Nam Hòa Liên" in units.read_text(encoding="utf-8-sig")
    assert invoke(["fmt", "--no-config", catalog]).exit_code == 0
    assert catalog.read_bytes() == bom + GOOD_CATALOG_FIXED.encode("utf-8")


@pytest.mark.parametrize(
    "mojibake",
    [
        "§¨ng ký khai sinh",  # TCVN3 (ABC) bytes shown as Windows-1252
        "Hµ Néi",  # TCVN3: Hà Nội
        "Ñaêng kyù khai sinh",  # VNI: Đăng ký khai sinh
    ],
)
def test_legacy_text_inside_valid_utf8_is_a_finding(tree: Tree, mojibake: str) -> None:
    bad = tree.root / "legacy.yaml"
    bad.write_text(GOOD_CATALOG.replace("Đăng ký  khai sinh", mojibake), encoding="utf-8")
    result = invoke(["validate", "--no-config", "--format", "json", bad])
    assert result.exit_code == 1
    found = [(f["rule"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    assert ("TT203", 7, 11) in found
