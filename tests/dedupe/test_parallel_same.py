"""dedupe-names gives the same groups, verdicts and suggestions whether its work is split over
processes or not: a verdict never depends on the machine."""

from __future__ import annotations

from pathlib import Path

import pytest

import tthc_cli.names.dedupe as dedupe
from tthc_cli.names.run import run_dedupe

UNITS = """kind: units
province: {{code: "{code}", name: {name}}}
effective: 2025-07-01
title: Đơn vị hành chính
communes:
  - code: "{first}"
    name: Phường Một
    streets:
      - {{name: Đường Nguyễn Công Trứ}}
  - code: "{second}"
    name: Phường Hai
    streets:
      - {{name: Đường Nguyễn Công Trứ}}
"""


def _lists(folder: Path) -> list[Path]:
    (folder / "a.yaml").write_text(
        UNITS.format(code="48", name="Thành phố Đà Nẵng", first="20194", second="20197"),
        encoding="utf-8",
    )
    (folder / "b.yaml").write_text(
        UNITS.format(code="01", name="Thành phố Hà Nội", first="00190", second="00235"),
        encoding="utf-8",
    )
    # One province's list typed without marks ("Nguyen" needs them), one marked: whether a
    # list was typed without marks is judged on the whole file, wherever its names go.
    rows = ["province,commune,kind,name"]
    rows += [f"01,00001,hamlet,Thon Nguyen {letter}x" for letter in "ABCDEF"]
    rows += ["48,20194,hamlet,Thôn Tân An", "48,20194,hamlet,Thon Tan An"]
    rows += ["01,00002,hamlet,Thôn Hòa Bắc", "01,00002,hamlet,Thôn Hoà Bắc"]
    (folder / "list.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return [folder / "a.yaml", folder / "b.yaml", folder / "list.csv"]


Outcome = tuple[str, str, list[str], list[tuple[str, str, str]]]


def _outcome(paths: list[Path]) -> list[Outcome]:
    result = run_dedupe(paths)
    found = getattr(result, "result", result)
    return [
        (
            g.verdict,
            g.reason,
            [m.entry.name for m in g.members],
            [(s.member.entry.name, s.rename_to, s.former_unit) for s in g.suggestions],
        )
        for g in found.groups
    ]


def test_split_and_whole_runs_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _lists(tmp_path)
    monkeypatch.setattr(dedupe, "PARALLEL_MIN_NAMES", 10**9)
    whole = _outcome(paths)
    monkeypatch.setattr(dedupe, "PARALLEL_MIN_NAMES", 0)
    monkeypatch.setattr(dedupe, "fork_workers", lambda size, min_items, most: 2)
    split = _outcome(paths)
    assert split == whole
    assert any(unit for group in whole for _name, _to, unit in group[3])  # former units kept
    # "Thon Tan An" could be a real name, but its list was typed without marks.
    assert ("duplicate", ["Thôn Tân An", "Thon Tan An"]) in [(g[0], g[2]) for g in whole]
