"""The fast indented JSON writer gives exactly what `json.dumps(indent=2)` gives."""

from __future__ import annotations

import enum
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tthc_cli.reports.diff.jsonindent import dumps_indented

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from(["hòa", "hoà", "Đăng ký kết hôn", 'a "quoted"\nline\t\u2028', ""])
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


def _expected(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@given(_VALUES)
def test_same_text_as_the_standard_library(value: Any) -> None:
    assert dumps_indented(value) == _expected(value)


class _Level(enum.StrEnum):
    xa = "xa"


def test_other_types_take_the_standard_library() -> None:
    value = {"level": _Level.xa, "pair": ("a", 1), 2: [True, None], "nan": float("nan")}
    assert dumps_indented(value) == _expected(value)


def test_empty_and_nested_containers() -> None:
    value = {"a": {}, "b": [], "c": [[], [{}], {"d": [1, 2.5, -0.0]}]}
    assert dumps_indented(value) == _expected(value)
