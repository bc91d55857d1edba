"""The yaml-rs fast path of `tthc validate` gives the same data and findings as the full parse.

`read_fast_data` must either refuse a text or read exactly what `yamltree.parse` reads (same
data, same types, same string values in order), and `tthc validate` must report the same
findings, at the same lines and columns, whichever path a file takes. Hypothesis mutates the
shipped catalogs (and hand-made edge cases) with the characters YAML cares about.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import CATALOG_HEAD, PROCEDURE, REPO
from tthc_cli.catalog import fast as fastload
from tthc_cli.catalog.fast import fastdata_equal, read_fast_data
from tthc_cli.catalog.loading import load_text
from tthc_cli.catalog.yamltree import parse
from tthc_cli.validation.config import Settings
from tthc_cli.validation.engine import check_documents

pytestmark = pytest.mark.skipif(
    fastload.yaml_rs is None,  # type: ignore[attr-defined]
    reason="yaml-rs is not installed",
)

SHIPPED = sorted((REPO / "catalogs").rglob("*.yaml"))
TEXTS = [p.read_text(encoding="utf-8") for p in SHIPPED] or [CATALOG_HEAD + PROCEDURE]
PIECES = [
    " ", "\n", "  ", "\n  ", "\n- ", ": ", "- ", ":", "-", "[", "]", "{", "}", ",", "#", " #",
    "'", '"', "|", ">", "|-", ": |\n  ", "- >\n  ", "?", "!", "&a ", "*a", "%", "@", "\\",
    "\t", "\r", "\ufeff", "\u00a0", "\u2028", "\x85", "0", "1", "0x1F", "0o7", "1_000", ".5",
    "1e3", ".inf", ".nan", "null", "~", "true", "yes", "no", "2025-07-01", "2025-07-01 10:00",
    "hòa", "hoà", "Qúy", "o\u0300", "Đ", "\u200b", "x", "9" * 31, "---\n", "...\n",
]  # fmt: skip


def _same_reading(text: str) -> bool:
    """Compare the fast reading of `text` with the full parse; False if the fast path declined."""
    fast = read_fast_data(text)
    if fast is None:
        return False
    full = parse(text)
    assert full.ok
    assert not full.issues, [i.message for i in full.issues]
    assert fastdata_equal(fast.data, full.data)
    assert fast.strings == [(ref.path, ref.value) for ref in full.strings]
    return True


def _assert_compared(compared: list[bool], minimum: int, what: str) -> None:
    """A property over texts the fast path declines proves nothing: enough must be compared."""
    report = f"{sum(compared)} of {len(compared)} {what} took the fast path and were compared"
    print(report)
    assert sum(compared) >= minimum, f"{report}; at least {minimum} must be"


def _findings(text: str, *, fast: bool) -> list[tuple[object, ...]]:
    docs = [load_text(text, "a.yaml", fast=fast), load_text(TEXTS[0], "b.yaml", fast=fast)]
    return [
        (f.rule, f.severity, f.message, f.file, f.line, f.column, f.fixable)
        for f in check_documents(docs, Settings())
    ]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(PIECES))
        how = draw(st.sampled_from(["insert", "replace", "delete"]))
        if how == "insert":
            text = text[:at] + piece + text[at:]
        elif how == "replace":
            text = text[:at] + piece + text[at + len(piece) :]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 5)) :]
    return text


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(REPO).as_posix())
def test_shipped_catalogs_read_alike(path: Path) -> None:
    _same_reading(path.read_text(encoding="utf-8"))


def test_mutated_catalogs_read_alike_or_take_the_full_parser() -> None:
    compared: list[bool] = []

    @settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
    @given(mutated())
    def read_alike(text: str) -> None:
        compared.append(_same_reading(text))

    read_alike()
    # About a third of the mutated catalogs take the fast path (some 100 of 300).
    _assert_compared(compared, 50, "mutated catalogs")


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_catalogs_give_the_same_findings_on_both_paths(text: str) -> None:
    assert _findings(text, fast=True) == _findings(text, fast=False)


def test_scalar_edge_cases_read_alike() -> None:
    compared: list[bool] = []

    @given(st.lists(st.sampled_from(PIECES), max_size=6).map("".join))
    @example("k: >\n")  # an empty block scalar: yaml-rs keeps a line break
    @example("k: 1_000\n")  # YAML 1.1 underscores: yaml-rs reads a number
    @example("k: 0b101\n")
    @example("k: 2025-07-01 10:00:00\n")  # a timestamp
    @example("? [a]\n: b\n")  # a complex key
    @example("k: [a,\n- b]\n")  # a broken multi-line flow sequence libyaml refuses
    @example("1: a\n")  # a number as a key: yamltree keeps the text
    def read_alike(body: str) -> None:
        for text in (body, f"k: {body}\n", f"k: [{body}]\n", f"k:\n  - {body}\n", f"{body}: 1\n"):
            compared.append(_same_reading(text))

    read_alike()
    # Some 60 to 120 of the 535 texts take the fast path.
    _assert_compared(compared, 20, "edge-case texts")


def test_the_fast_path_is_taken_for_ordinary_catalogs() -> None:
    text = CATALOG_HEAD + PROCEDURE + "    notes: |\n      Hai dòng\n      ghi chú\n"
    doc = load_text(text, fast=True)
    assert doc.is_fast
    assert doc.data["effective"] == "2025-07-01"  # YAML 1.2: a date stays text
    assert doc.pos(("procedures", 0, "name")) == (7, 11)  # positions on demand
    assert not doc.is_fast


def test_findings_keep_exact_positions_on_the_fast_path() -> None:
    text = CATALOG_HEAD + PROCEDURE.replace("Hộ tịch", "Hộ  tịch") + PROCEDURE
    assert _findings(text, fast=True) == _findings(text, fast=False)
    assert {f[0] for f in _findings(text, fast=True)} >= {"TT101", "TT202"}


def test_a_mismatch_found_late_switches_to_the_full_data(monkeypatch: pytest.MonkeyPatch) -> None:
    from tthc_cli.catalog import loading
    from tthc_cli.catalog.fast import FastData

    text = CATALOG_HEAD + PROCEDURE + PROCEDURE
    wrong = FastData(
        {**parse(text).data, "province": 48}, [(("province",), "48")]
    )  # as if yaml-rs had read "48" as a number
    monkeypatch.setattr(loading, "read_fast_data", lambda _text: wrong)
    doc = load_text(text, "a.yaml", fast=True)
    found = check_documents([doc], Settings())
    assert doc.mismatch
    assert [(f.rule, f.line) for f in found] == [
        (f.rule, f.line) for f in check_documents([load_text(text, "a.yaml")], Settings())
    ]
