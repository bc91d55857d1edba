"""YAML paths of findings: spelling, which node a position is on, stable paths by code."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import CATALOG_HEAD, PROCEDURE, doc, run
from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.nodepaths import format_path
from tthc_cli.catalog.yamltree import Path_, parse
from tthc_cli.validation.config import Settings
from tthc_cli.validation.engine import check_documents
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules import Hit, Rule, RuleContext


def test_format_path_indexes_items_dots_keys_and_quotes_odd_keys() -> None:
    assert format_path(()) == "$"
    assert format_path(("procedures", 12, "fees", 0, "amount")) == "procedures[12].fees[0].amount"
    assert format_path(("a b", 'say "hi"')) == '["a b"]["say \\"hi\\""]'
    nfd = unicodedata.normalize("NFD", "tên")
    assert format_path(("tên",)) == '["tên"]'
    assert format_path((nfd,)) == f'["{nfd}"]'  # kept as written: NFC is TT201's business


def test_format_path_names_items_by_code_when_given() -> None:
    codes: dict[Path_, str] = {("procedures", 3): "1.000123"}
    assert format_path(("procedures", 3, "fees", 0), codes) == "procedures[code=1.000123].fees[0]"


TEXT = CATALOG_HEAD + PROCEDURE + PROCEDURE.replace("1.001193", "2.000720")


def test_a_value_a_key_and_the_outermost_value_at_a_shared_position() -> None:
    document = doc(TEXT)
    nodes = document.nodes
    assert nodes.path_at(*document.pos(("procedures", 1, "name"))) == ("procedures", 1, "name")
    assert nodes.path_at(*document.key_pos(("procedures", 1, "name"))) == (
        "procedures",
        1,
        "name",
    )
    # A procedure's mapping starts where its first key does: the procedure is the node.
    assert nodes.path_at(*document.pos(("procedures", 1))) == ("procedures", 1)
    assert nodes.path_at(1, 1) == ()


def test_a_position_inside_a_value_is_that_value_and_between_values_its_container() -> None:
    document = doc(TEXT)
    line, column = document.pos(("procedures", 0, "name"))
    assert document.nodes.path_at(line, column + 4) == ("procedures", 0, "name")
    # Past the end of every line: the container of the last value before it.
    assert document.nodes.path_at(line + 1, 80)[:2] == ("procedures", 0)


def test_stable_path_names_procedures_by_code_as_written() -> None:
    text = TEXT.replace('"2.000720"', "2.000720")  # unquoted: read as the number 2.00072
    nodes = doc(text).nodes
    assert nodes.stable(("procedures", 1, "name")) == "procedures[code=2.000720].name"
    assert nodes.stable(("procedures", 0)) == "procedures[code=1.001193]"
    assert nodes.stable(("procedures", 0, "legal_basis", 1)) == (
        "procedures[code=1.001193].legal_basis[1]"
    )
    assert nodes.stable(()) == "$"


def test_findings_get_paths_without_the_rule_naming_them() -> None:
    bad = PROCEDURE.replace("Đăng ký khai sinh", "Đăng ký  khai sinh")
    findings = run(CATALOG_HEAD + PROCEDURE + bad)
    assert [(f.rule, f.path, f.stable_path) for f in findings] == [
        ("TT101", "procedures[1].code", "procedures[code=1.001193].code"),
        ("TT202", "procedures[1].name", "procedures[code=1.001193].name"),
    ]


def _check(document: Document, ctx: RuleContext) -> Iterator[Hit]:
    yield Hit("a procedure", *document.pos(("procedures", 0)))
    yield Hit("its fees", *document.pos(("procedures", 0, "fees")))


def test_a_new_rule_gets_paths_automatically() -> None:
    rule = Rule("TT999", "new-rule", Severity.WARNING, "A test rule.", check=_check)
    findings = check_documents([doc(TEXT)], Settings(), rules=[rule])
    assert [f.path for f in findings] == ["procedures[0]", "procedures[0].fees"]


def test_duplicate_key_unknown_key_and_whole_file_findings() -> None:
    text = CATALOG_HEAD + PROCEDURE.replace("    field:", "    feild: x\n    field:")
    text += PROCEDURE.replace("1.001193", "1.001194").replace(
        "    online:", "    name: X\n    online:"
    )
    text += PROCEDURE.replace("1.001193", "1.001195").replace("khai sinh", "khai tử hoà")
    text = text.replace("Hộ tịch", "Hộ tịch hòa")
    paths = {(f.rule, f.path) for f in run(text)}
    assert ("TT002", "procedures[1].name") in paths
    assert ("TT005", "procedures[0].feild") in paths
    assert ("TT204", "$") in paths


def test_a_syntax_error_gets_the_path_it_stopped_in() -> None:
    findings = run(CATALOG_HEAD + PROCEDURE + "  - code: [\n")
    assert [f.rule for f in findings] == ["TT001"]
    assert findings[0].path.startswith("procedures") or findings[0].path == "$"


_KEYS = st.sampled_from(["a", "b", "code", "tên", "x y"])
_SCALARS = st.one_of(st.integers(-5, 5), st.sampled_from(["hòa", "hoà", "Đà", "1.000123"]))


def _yaml(value: object, indent: int = 0) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                lines += [f'{pad}"{key}":', *_yaml(item, indent + 2)]
            else:
                lines.append(f'{pad}"{key}": {_flow(item)}')
        return lines
    if isinstance(value, list):
        lines = []
        for item in value:
            inner = _yaml(item, indent + 2) if isinstance(item, dict | list) and item else []
            if inner:
                lines += [f"{pad}-", *inner]
            else:
                lines.append(f"{pad}- {_flow(item)}")
        return lines
    return [pad + _flow(value)]


def _flow(value: object) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict | list):
        return "{}" if isinstance(value, dict) else "[]"
    return str(value)


_TREES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_KEYS, inner, max_size=3)),
    max_leaves=12,
)


def _ancestors(path: Sequence[str | int]) -> list[tuple[str | int, ...]]:
    return [tuple(path[:end]) for end in range(len(path) + 1)]


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_KEYS, _TREES, min_size=1, max_size=3))
def test_every_value_position_names_the_value_or_an_ancestor_starting_there(
    tree: dict[str, object],
) -> None:
    parsed = parse("\n".join(_yaml(tree)) + "\n")
    assert parsed.ok
    document = Document("t.yaml", "", parsed)
    for path, pos in parsed.value_pos.items():
        found = document.nodes.path_at(*pos)
        assert found in _ancestors(path)
        assert parsed.value_pos[found] == pos
