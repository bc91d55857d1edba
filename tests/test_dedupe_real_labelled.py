"""compare() on the real-data labelled set (tests/data/dedupe-real-labelled.csv): labels from
unit codes only (benchmarks/reallabelled.py says which lists and how pairs are drawn)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # `benchmarks` sits beside `src`, outside the installed package
    sys.path.insert(0, str(REPO))

from benchmarks import reallabelled  # noqa: E402
from benchmarks.labelled import Pair  # noqa: E402
from benchmarks.reallabelled import OUT, Table, kind_of, read, score  # noqa: E402

MAX_FALSE_MERGES = 1
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def pairs() -> list[Pair]:
    return read(OUT)


@pytest.fixture(scope="module")
def table(pairs: list[Pair]) -> Table:
    return score(pairs)


def test_the_set_is_well_formed(pairs: list[Pair]) -> None:
    assert len(pairs) >= 300
    assert {p.label for p in pairs} == {"DUP", "NOT"}
    assert len({(p.a, p.b) for p in pairs}) == len(pairs)
    assert all(p.a != p.b for p in pairs)
    # every label names the codes it comes from
    assert all(any(ch.isdigit() for ch in p.source) for p in pairs)


def test_precision_and_recall(table: Table) -> None:
    assert table.false_merges <= MAX_FALSE_MERGES, table.errors
    assert table.dup_found / table.dup_pairs >= MIN_RECALL, table.errors
    assert table.asymmetric == 0


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Hoà Bình", "Hòa Bình", "tone placement"),
        ("Tân Thạnh", "Tân Thành", "tone or vowel marks only"),
        ("Ia Băng", "Ia Bang", "typed without marks"),
        ("Sa Lý", "Xa Lý", "one consonant s/x"),
        ("Thụy Trình", "Thụy Chính", "one consonant ch/tr"),
        ("Phú Đa", "Phú Gia", "one consonant d/gi/r"),
        ("Hải Ninh", "Hải Lĩnh", "one consonant l/n"),
        ("Quí Phú", "Quý Phú", "i/y"),
        ("Phú Lộc", "Lộc Phú", "word order"),
        ("Tân An", "Tân An Đông", "word added"),
        ("Phường 1", "Phường 2", "number differs"),
        ("Phú Lộc", "Phú Lợi", "one syllable"),
    ],
)
def test_kind_of_difference(a: str, b: str, kind: str) -> None:
    assert kind_of(a, b) == kind


def test_the_build_is_deterministic() -> None:
    if not reallabelled.GSO.is_file():
        pytest.skip(f"{reallabelled.GSO} not found: the set is built from the raw data")
    first = reallabelled.build()
    assert [p.row() for p in first] == [p.row() for p in reallabelled.build()]
    assert [p.row() for p in first] == [p.row() for p in read(OUT)]
