"""Whatever the bytes, validation ends in findings or a CatalogLoadError, never a crash."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD
from tthc_cli.config import Settings
from tthc_cli.engine import check_documents
from tthc_cli.errors import CatalogLoadError
from tthc_cli.loading import load_text
from tthc_cli.reading import decode

SEEDS = [
    CATALOG_HEAD + PROCEDURE,
    UNITS_HEAD
    + '  - code: "20194"\n    name: Phường Hải Vân\n'
    + '    formed_from: [{code: "20194", name: Phường Hòa Hiệp Bắc, part: true}]\n'
    + "    hamlets: [{name: Thôn 1, from: Phường Hòa Hiệp Bắc}]\n"
    + "    streets: [{name: Đường Hùng Vương}]\n",
]

# Values of every shape in every slot: rules must not assume the schema holds.
_scalar = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8)
)
_value = st.recursive(
    _scalar,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["code", "name", "amount", "value", "unit", "from"]),
            children,
            max_size=3,
        )
    ),
    max_leaves=6,
)
_KEYS = [
    "kind",
    "province",
    "level",
    "effective",
    "procedures",
    "communes",
    "decisions",
    "code",
    "name",
    "field",
    "fees",
    "time_limit",
    "legal_basis",
    "decision",
    "formed_from",
    "hamlets",
    "streets",
    "former_names",
    "from",
]


def _check(text: str) -> None:
    docs = [load_text(text, "fuzz.yaml"), load_text(SEEDS[0], "other.yaml")]
    check_documents(docs, Settings())


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.data())
def test_byte_mutations_never_crash(seed: str, data: st.DataObject) -> None:
    raw = bytearray(seed.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(raw) - 1))
        action = data.draw(st.sampled_from(["flip", "delete", "insert"]))
        if action == "flip":
            raw[position] ^= 1 << data.draw(st.integers(0, 7))
        elif action == "delete":
            del raw[position]
        else:
            raw.insert(position, data.draw(st.integers(0, 255)))
    try:
        text = decode(bytes(raw), Path("fuzz.yaml"))
    except CatalogLoadError:
        return
    _check(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.data())
def test_structural_mutations_never_crash(seed: str, data: st.DataObject) -> None:
    tree = yaml.safe_load(seed)

    def mutate(node: object, depth: int = 0) -> object:
        if isinstance(node, dict):
            for key in list(node):
                if data.draw(st.integers(0, 4)) == 0:
                    node[key] = data.draw(_value)
                else:
                    node[key] = mutate(node[key], depth + 1)
            if data.draw(st.booleans()):
                node[data.draw(st.sampled_from(_KEYS))] = data.draw(_value)
        elif isinstance(node, list):
            return [mutate(item, depth + 1) for item in node]
        return node

    mutated = mutate(tree)
    _check(yaml.safe_dump(mutated, allow_unicode=True))


@given(
    st.text(
        alphabet="Thôn Hòa hoà đĐ Qúy\u0301\u00a0\u200b\t ,/-:[]{}#&*!|>'\"\n0123456789",
        max_size=120,
    )
)
def test_confusable_text_never_crashes(text: str) -> None:
    _check(CATALOG_HEAD + PROCEDURE + "  - " + text + "\n")
    _check(text)
