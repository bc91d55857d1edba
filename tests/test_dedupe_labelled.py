"""compare() on the labelled set of real name pairs (tests/data/dedupe-labelled.csv).

The set is built by `python -m benchmarks.labelled build` from real hamlet and street names (see
benchmarks/labelled.py and benchmarks/README.md); `python -m benchmarks.labelled score` prints
the same figures with the errors. A `duplicate` verdict is a predicted DUP; `similar` and no
verdict are a predicted NOT.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # `benchmarks` sits beside `src`, outside the installed package
    sys.path.insert(0, str(REPO))

from benchmarks.labelled import OUT, Pair, Score, read, score  # noqa: E402

# Measured on the committed set (2026-11-22): precision 1.000, recall 0.969. The misses are known
# gaps, each its own `how` in the set: a Roman numeral after the name words (Vành Đai II /
# Vành Đai 2), a number word in a name with no diacritic at all (KP Hai / KP 2). (A bare "Số 9"
# against "Quốc lộ 9" was a false duplicate until numbered routes got their own rule.)
MIN_PRECISION = 0.99
MIN_RECALL = 0.95
# Hows of those gaps; every other how follows a DESIGN.md rule that must hold. (A Roman numeral
# after the name words is read since issue 17.)
KNOWN_GAPS: set[str] = set()
# Since issue 17 an unmarked name whose every word can be written without marks ("Tan An") may
# be a real name of its own: `similar`, not `duplicate`, unless a word needs marks. Such hows
# must still get a verdict.
ANY_VERDICT = {"ASCII only"}


@pytest.fixture(scope="module")
def pairs() -> list[Pair]:
    return read(OUT)


@pytest.fixture(scope="module")
def result(pairs: list[Pair]) -> Score:
    return score(pairs)


def test_the_set_is_well_formed(pairs: list[Pair]) -> None:
    assert 1_000 <= len(pairs) <= 1_500
    assert {p.label for p in pairs} == {"DUP", "NOT"}
    assert {p.kind for p in pairs} == {"hamlet", "street"}
    assert len({(p.a, p.b) for p in pairs}) == len(pairs)
    assert sum(p.source == "DOMAIN A4" for p in pairs) == 40


def test_precision_and_recall_of_duplicate(result: Score) -> None:
    assert result.precision >= MIN_PRECISION, result.errors
    assert result.recall >= MIN_RECALL, result.errors


def test_no_domain_a4_not_pair_is_a_duplicate(pairs: list[Pair], result: Score) -> None:
    wrong = [
        (pair.a, pair.b)
        for pair, verdict in result.errors
        if pair.source == "DOMAIN A4" and pair.label == "NOT"
    ]
    assert wrong == []
    assert sum(p.source == "DOMAIN A4" and p.label == "NOT" for p in pairs) == 20


def test_the_design_rules_hold_per_transformation(result: Score) -> None:
    """Every DESIGN.md same-name rule finds nearly all its pairs; no different-name rule ever
    gives a duplicate (the known gaps aside)."""
    for how, tally in result.by_how.items():
        if how in KNOWN_GAPS:
            continue
        if how in ANY_VERDICT:
            assert (tally.predicted_dup + tally.similar) / tally.pairs >= 0.9, (how, tally)
        elif result.labels[how] == "DUP":
            assert tally.predicted_dup / tally.pairs >= 0.9, (how, tally)
        else:
            assert tally.predicted_dup == 0, (how, tally)


def test_verdicts_are_symmetric(result: Score) -> None:
    assert result.asymmetric == 0
