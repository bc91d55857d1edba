"""Text rules screen all string values of a file at once; that must never hide a finding.

For the rules that judge each value on its own (TT201, TT202, TT203, TT205), the findings of a
file are exactly the findings each value would get alone, whatever the other values hold.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import run

PIECES = [
    "a", "Hòa", "hoà", "Qúy", "gíup", "o\u0300", "Ðông", "Hôïi", "Thaønh", "ñoàng", "Höng",
    " ", "  ", "\n", " \n", "\n ", "\t", "\r", "\u00a0", "\u200b", "\x07", "\x85", "\u2028",
    "\ue000", "x", "1", ".", "Đ", "thủy", "thuỷ", "khỏe", "ư", "ờ",
]  # fmt: skip
VALUES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join)


def _catalog(values: list[str]) -> str:
    lines = "".join(f"  - {json.dumps(v, ensure_ascii=False)}\n" for v in values)
    return f'kind: units\nprovince: {{code: "48", name: Đà Nẵng}}\nnotes:\n{lines}'


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(VALUES, min_size=1, max_size=5), st.sampled_from(["TT201", "TT202", "TT203", "TT205"])
)
def test_a_value_gets_the_same_findings_alone_and_among_others(
    values: list[str], code: str
) -> None:
    together = [(f.line, f.message) for f in run(_catalog(values), select=code) if f.rule == code]
    alone = []
    for index, value in enumerate(values):
        for f in run(_catalog([value]), select=code):
            if f.rule == code:
                alone.append((f.line + index, f.message))
    assert together == alone


_PAIRS = r"[aeoAEO][âÂ]|[aA][êÊ]|[aeuyôAEUYÔ][ùÙ]|[aeouyôAEOUYÔ][õÕ]|[aeAE][áàãÁÀÃ]"


@given(st.text(st.sampled_from("aeouyôAEOUYÔâÂêÊùÙõÕáàãÁÀÃxb \n"), max_size=12))
def test_the_vni_letter_pairs_are_found_as_written_plainly(text: str) -> None:
    import re

    from tthc_cli.text.legacy import _VNI_SIGNATURE_RE

    plain = re.search(_PAIRS, text)
    found = _VNI_SIGNATURE_RE.search(text)
    assert (plain and plain.span()) == (found and found.span())


@given(st.text(st.sampled_from("qQgGúÚíÍìaoàxy1_ \nđ"), max_size=10))
def test_the_qu_gi_pattern_matches_as_written_plainly(text: str) -> None:
    import re

    from tthc_cli.validation.rules.tt205_misplaced_tone_mark import _PLAIN, _TONED_AFTER_QU_GI

    plain = re.search(_PLAIN, text)
    found = _TONED_AFTER_QU_GI.search(text)
    assert (plain and plain.span()) == (found and found.span())
