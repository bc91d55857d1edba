"""Positions on real lines: libyaml also breaks lines at NEL, LS and PS (YAML 1.1)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tthc_cli.catalog.yamltree import ParsedYaml, Pos

YAML11_BREAKS = ("\x85", "\u2028", "\u2029")


def remap_positions(out: ParsedYaml, text: str) -> None:
    """libyaml takes NEL, LS and PS for line breaks (YAML 1.1); editors and GitHub do not.

    Only for the rare text that holds them: move every position back to real lines.
    """
    libyaml_starts = [0] + [m.end() for m in re.finditer(r"\r\n|[\n\r\x85\u2028\u2029]", text)]
    real_starts = [0] + [m.end() for m in re.finditer(r"\r\n|[\n\r]", text)]

    def fix(line: int, column: int) -> Pos:
        if line - 1 >= len(libyaml_starts):
            return (line, column)
        index = libyaml_starts[line - 1] + column - 1
        real = bisect.bisect_right(real_starts, index) - 1
        return (real + 1, index - real_starts[real] + 1)

    for table in (out.value_pos, out.key_pos):
        for key, (line, column) in table.items():
            table[key] = fix(line, column)
    for ref in out.strings:
        ref.line, ref.column = fix(ref.line, ref.column)
    out.issues = [
        replace(i, line=fix(i.line, i.column)[0], column=fix(i.line, i.column)[1])
        for i in out.issues
    ]
