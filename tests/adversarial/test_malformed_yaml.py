"""Malformed YAML through every command: one line naming file, line and column; exit 2 (a
finding in `validate`); the hostile file untouched; the good files beside it still done.

The parser's own unit tests (tests/unit/test_yamltree.py) pin the issue kinds; here each case
goes through the real commands.
"""

from __future__ import annotations

import json

import pytest

from adversarial._support import GOOD_CATALOG, Tree, check_every_command, invoke

# name: (text, line, column) of the reported problem; lines and columns are 1-based.
CORPUS: dict[str, tuple[str, int, int]] = {
    "unclosed-flow-mapping": ("kind: units\nprovince: {code: '48'\ncommunes: []\n", 3, 1),
    "unclosed-flow-sequence": ("kind: units\ncommunes: [a, b\n", 3, 1),
    "tab-indentation": ("kind: units\ncommunes:\n\t- a\n", 3, 1),
    "tab-in-a-mapping": ("kind: units\nprovince:\n  code:\t'48'\n\tname: x\n", 4, 1),
    "duplicate-key": ("kind: units\nprovince: {code: '48'}\nkind: units\n", 3, 1),
    "duplicate-key-in-flow": ("kind: units\nprovince: {code: '48', code: '49'}\n", 2, 24),
    "bad-indentation": ("kind: units\ncommunes:\n  - code: '1'\n   name: x\n", 4, 4),
    "unterminated-double-quote": ('kind: units\nprovince: "Đà Nẵng\n', 3, 1),
    "unterminated-single-quote": ("kind: units\nprovince: 'Đà Nẵng\ncommunes: []\n", 4, 1),
    "second-document": ("kind: units\n---\nkind: units\n", 2, 1),
    "stray-document-end": ("kind: units\n...\nx: 1\n", 3, 1),
    "invalid-escape": ('kind: units\nname: "Hòa \\q"\n', 2, 12),
    "control-character": ("kind: units\nname: Hòa\x07Khánh\n", 2, 10),
    "escaped-lone-surrogate": ('kind: units\nname: "Thôn \\ud800"\n', 2, 15),
    "escape-out-of-range": ('kind: units\nname: "\\U00110000"\n', 2, 10),
    # A lone CR is a line break to YAML (and to the editors that show this file).
    "mixed-line-endings": ("kind: units\r\nprovince: x\rname: y\ncommunes: [\n", 5, 1),
    "bom-inside-the-text": ("kind: units\nname: a\n\ufeffx: [\n", 3, 2),
    "list-as-key": ("kind: units\n[a]: 1\n", 2, 1),
    "undefined-alias": ("kind: units\nprovince: *nowhere\n", 2, 11),
    "key-missing": ("kind: units\n: x\n", 2, 1),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_malformed_yaml_is_one_located_error_in_every_command(tree: Tree, name: str) -> None:
    text, line, column = CORPUS[name]
    bad = tree.root / f"{name}.yaml"
    bad.write_bytes(text.encode("utf-8"))
    results = check_every_command(bad, tree, line=line, column=column, validate_codes=(1,))
    findings = json.loads(results["validate"].stdout)["findings"]
    rules = {f["rule"] for f in findings if f["file"] == bad.name and f["severity"] == "error"}
    assert rules & {"TT001", "TT002", "TT003"}, findings
    for command, result in results.items():
        if command != "validate":
            # One error line for the hostile file, not a cascade.
            assert result.stderr.count(bad.name) == 1, (command, result.stderr)


def test_a_duplicate_key_is_a_finding_not_a_silent_overwrite(tree: Tree) -> None:
    # The second `name` would win in PyYAML, the first in tthc: no command may pick one.
    text = GOOD_CATALOG.replace(
        "    field: Hộ tịch\n", "    field: Hộ tịch\n    name: Đăng ký  kết hôn\n"
    )
    bad = tree.root / "dup.yaml"
    bad.write_text(text, encoding="utf-8")
    result = invoke(["validate", "--no-config", "--format", "json", bad])
    duplicate = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "TT002"]
    assert [(f["line"], f["column"]) for f in duplicate] == [(9, 5)]
    # fmt used to fix the ignored second value; now it refuses the file.
    result = invoke(["fmt", "--no-config", bad])
    assert result.exit_code == 2
    assert "dup.yaml:9:5" in result.stderr
    assert bad.read_text(encoding="utf-8") == text


def test_mixed_line_endings_are_kept_by_fmt(tree: Tree) -> None:
    text = GOOD_CATALOG.replace("\n", "\r\n", 3).replace("field: Hộ tịch\n", "field: Hộ tịch\r")
    path = tree.root / "mixed.yaml"
    path.write_bytes(text.encode("utf-8"))
    result = invoke(["fmt", "--no-config", path])
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == text.replace("ký  khai", "ký khai").encode("utf-8")
