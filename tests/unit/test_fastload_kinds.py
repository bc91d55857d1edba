"""The yaml-rs fast path reads every kind of file exactly as the full parser does, or declines.

Hypothesis builds files of each kind (procedure-catalog, units, diff-decisions, name-decisions)
from values that YAML reads in surprising ways, and writes them in every style a person or a
tool might: plain, quoted and block scalars, block and flow collections, comments, unquoted
dates and numbers. For each file the one admission rule (`fast.load_fast`) and each kind's fast
reader must either decline it or give exactly the data `yamltree.parse` gives (and, for units
files, the line of every name). A property over files the rule declines proves nothing, so
each test also counts the files really compared and requires enough of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tthc_cli.catalog import fast as fastload
from tthc_cli.catalog.fast import fastdata_equal, load_fast
from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.procfast import read_fast
from tthc_cli.catalog.scalars import resolve_plain
from tthc_cli.catalog.unitsfast import read_units_fast
from tthc_cli.catalog.yamltree import parse
from tthc_cli.domain.models import UnitsFile, model_for

pytestmark = pytest.mark.skipif(
    fastload.yaml_rs is None,  # type: ignore[attr-defined]
    reason="yaml-rs is not installed",
)

# Values people write, and values YAML reads otherwise than they look.
WORDS = [
    "Đăng ký khai sinh", "Hộ tịch", "Thôn 1", "Tổ dân phố 02", "Phường Hải Vân", "hòa", "hoà",
    "Tho\u0302n 5", "Xã Hòa Bắc", "Ủy ban nhân dân cấp xã", "Đường 2/9", "Lệ phí", "K. 12",
    "Giấy tờ (bản sao)", "Kiệt 15 - Hùng Vương", "Cấp xã; cấp huyện", "Số 5, Thôn 3",
]  # fmt: skip
ODD_WORDS = [
    "48", "1.001193", "0123", "20194", "2025-07-01", "12:30", "1e3", ".5", "0x1F", "1_000",
    "yes", "no", "on", "null", "true", "False", "~", "-", "- a", "a: b", "a #b", "#a", "a#b",
    "[a]", "{a}", "a, b", "'a'", '"a"', "it's", "50%", "@x", "`x`", "!x", "&x", "*x", "?x",
    "| x", "> x", "a\\b", "a\tb", " lead", "trail ", "hai\ndòng", "\u00a0x", "x\u200b",
    ".nan", ".Nan", "-.inf", "0000000000000000000000000000001", "1234567890123456789012345",
]  # fmt: skip
STYLES = ("plain", "plain", "plain", "single", "double", "literal", "folded")

# Mostly ordinary words, so that many files pass the schema and reach the kinds' fast readers.
text = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(ODD_WORDS))
number = st.one_of(
    st.integers(-5, 100_000), st.sampled_from([0.5, 1.0, 1e20, 10**29]), st.just(float("nan"))
)


class Emit:
    """Writes data as YAML text, each node in a style hypothesis picks."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw

    def scalar(self, value: Any, indent: int) -> str:
        if value is None:
            return self.draw(st.sampled_from(["null", "~", ""]))
        if isinstance(value, bool | int | float):
            return str(value).lower() if isinstance(value, bool) else repr(value)
        word = str(value)
        style = self.draw(st.sampled_from(STYLES))
        if style == "plain" and resolve_plain(word) != word and self.draw(st.integers(0, 3)):
            style = "single"  # as people quote codes: "48", not 48, most of the time
        if style == "single":
            return "'" + word.replace("'", "''") + "'"
        if style == "double":
            escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            return '"' + escaped.replace("\t", "\\t") + '"'
        if style in ("literal", "folded"):
            pad = " " * (indent + 2)
            body = "\n".join(pad + line for line in word.split("\n"))
            return ("|" if style == "literal" else ">") + "\n" + body
        return word

    def node(self, value: Any, indent: int) -> str:
        """The value after `key:` or `- ` (starting with a space or a line break)."""
        if isinstance(value, dict | list) and value and self.draw(st.integers(0, 3)) == 0:
            return " " + self.flow(value)
        if isinstance(value, dict) and value:
            return "\n" + self.mapping(value, indent + 2)
        if isinstance(value, list) and value:
            return "\n" + self.sequence(value, indent + self.draw(st.sampled_from([0, 2])))
        if isinstance(value, dict | list):
            return " {}" if isinstance(value, dict) else " []"
        comment = self.draw(st.sampled_from(["", "", "", "  # ghi chú"]))
        scalar = self.scalar(value, indent)
        if scalar[:1] in ("|", ">"):
            return " " + scalar  # no comment after a block scalar's text
        return " " + scalar + comment

    def mapping(self, data: dict[str, Any], indent: int) -> str:
        pad = " " * indent
        return "\n".join(f"{pad}{self.key(key)}:{self.node(v, indent)}" for key, v in data.items())

    def sequence(self, items: list[Any], indent: int) -> str:
        pad = " " * indent
        lines = []
        for item in items:
            if isinstance(item, dict) and item and self.draw(st.booleans()):
                # "- key: value" with the other keys below, lined up with the first.
                first, *rest = item.items()
                head = f"{pad}- {self.key(first[0])}:{self.node(first[1], indent + 2)}"
                tail = self.mapping(dict(rest), indent + 2) if rest else ""
                lines.append(head + ("\n" + tail if tail else ""))
            else:
                lines.append(f"{pad}-{self.node(item, indent)}")
        return "\n".join(lines)

    def flow(self, value: Any) -> str:
        if isinstance(value, dict):
            inner = ", ".join(f"{self.key(k)}: {self.flow(v)}" for k, v in value.items())
            return "{" + inner + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(v) for v in value) + "]"
        scalar = self.scalar(value, 0)
        if scalar[:1] in ("|", ">"):  # no block scalar inside a flow collection
            return "'" + str(value).replace("'", "''") + "'"
        return scalar

    def key(self, key: str) -> str:
        return self.draw(st.sampled_from([key, key, key, f'"{key}"']))


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def record(required: dict[str, Any], extra: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A mapping with the required keys and some of the others (a None value leaves it out)."""
    return st.fixed_dictionaries(required, optional={k: optional(v) for k, v in extra.items()})


procedure = record(
    {
        "code": st.sampled_from(["1.001193", "2.000806", "1.000001.000.00.00.H48"]),
        "name": text,
        "field": text,
    },
    {
        "agency": text,
        "time_limit": st.fixed_dictionaries({"value": number, "unit": text}),
        "fees": st.lists(record({"name": text}, {"amount": number}), max_size=2),
        "online": st.sampled_from(["full", "partial", "none", "full", "sometimes"]),
        "location_independent": st.booleans(),
        "legal_basis": st.lists(text, max_size=3),
        "notes": text,
    },
)
place = record({"name": text}, {"from": text})
KINDS: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    "procedure-catalog": record(
        {
            "kind": st.just("procedure-catalog"),
            "province": st.sampled_from(["48", "01"]),
            "level": st.sampled_from(["tinh", "huyen", "xa"]),
            "effective": st.sampled_from(["2025-07-01", "2024-7-1"]),
            "procedures": st.lists(procedure, max_size=4),
        },
        {"title": text, "decisions": st.lists(text, max_size=2)},
    ),
    "units": record(
        {
            "kind": st.just("units"),
            "province": st.fixed_dictionaries({"code": st.just("48"), "name": text}),
            "effective": st.just("2025-07-01"),
            "communes": st.lists(
                record(
                    {"code": st.sampled_from(["20194", "20197"]), "name": text},
                    {
                        "formed_from": st.lists(
                            record(
                                {"code": st.just("20194"), "name": text}, {"part": st.booleans()}
                            ),
                            max_size=2,
                        ),
                        "hamlets": st.lists(place, max_size=3),
                        "streets": st.lists(place, max_size=2),
                    },
                ),
                max_size=3,
            ),
        },
        {},
    ),
    "diff-decisions": record(
        {"kind": st.just("diff-decisions")},
        {
            "pairs": st.lists(record({"old": text, "new": text}, {"note": text}), max_size=3),
            "forbid": st.lists(record({"old": text, "new": text}, {}), max_size=2),
        },
    ),
    "name-decisions": record(
        {"kind": st.just("name-decisions")},
        {
            "accepted": st.lists(
                record(
                    {
                        "province": st.sampled_from(["48", "01"]),
                        "commune": st.sampled_from(["20194", "*"]),
                        "kind": st.sampled_from(["hamlet", "street"]),
                        "decision": st.sampled_from(["keep", "merge"]),
                        "names": st.lists(text, min_size=1, max_size=3),
                    },
                    {"note": text},
                ),
                max_size=3,
            )
        },
    ),
}


@st.composite
def documents(draw: st.DrawFn, kind: str) -> str:
    data = _without_none(draw(KINDS[kind]))
    start = draw(st.sampled_from(["", "", "---\n", "# Danh mục\n"]))
    return start + Emit(draw).mapping(data, 0) + "\n"


def _without_none(value: Any) -> Any:
    """The optional keys `record` drew as None are left out."""
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def _same_as_full(text: str, kind: str) -> tuple[bool, bool]:
    """Compare each fast reading of text with the full parse: (rule admitted, reader admitted)."""
    full = parse(text)
    found = load_fast(text, strings=True)
    if found is not None:
        assert full.ok, [i.message for i in full.issues]
        assert not full.issues, [i.message for i in full.issues]
        assert fastdata_equal(found.data, full.data)
        assert found.strings == [(ref.path, ref.value) for ref in full.strings]
    reader = _READERS.get(kind)
    read = reader(text, full) if reader is not None else found is not None
    return found is not None, read


def _catalog_reader(text: str, full: Any) -> bool:
    found = read_fast("a.yaml", text)
    if found is not None:
        assert full.ok
        assert not full.issues
        assert fastdata_equal(found.data, full.data)
        assert _schema_accepts("procedure-catalog", full.data)
    return found is not None


def _units_reader(text: str, full: Any) -> bool:
    found = read_units_fast(text)
    if found is not None:
        assert full.ok
        assert not full.issues
        assert fastdata_equal(found.data, full.data)
        assert _schema_accepts("units", full.data)
        doc = Document("a.yaml", text, full)
        lines = [doc.pos(("communes", p.commune, p.group, p.index))[0] for p in found.places]
        assert [p.line for p in found.places] == lines
    return found is not None


_READERS: dict[str, Callable[[str, Any], bool]] = {
    "procedure-catalog": _catalog_reader,
    "units": _units_reader,
}


def _schema_accepts(kind: str, data: Any) -> bool:
    model = model_for(kind)
    assert model is not None
    try:
        model.model_validate(data)
    except ValueError:
        return False
    return True


# How many of the generated files must really be compared, by the rule and by the kind's own
# fast reader (diff/stats/search for catalogs, dedupe-names for units files, which also need the
# schema to pass and, for units, every name found in the text). Runs see some 60 to 90 in 100
# admitted by the rule and 13 to 25 in 100 read by the kind's reader; far fewer means the
# generator stopped testing the fast path.
EXAMPLES = 400
BY_RULE, BY_READER = EXAMPLES // 3, EXAMPLES // 12


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_reads_alike_on_both_paths(kind: str) -> None:
    compared: list[tuple[bool, bool]] = []

    @settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
    @given(documents(kind))
    def read_alike(text: str) -> None:
        compared.append(_same_as_full(text, kind))

    read_alike()
    by_rule = sum(rule for rule, _ in compared)
    by_reader = sum(reader for _, reader in compared)
    report = (
        f"{kind}: {by_rule} of {len(compared)} files admitted by the rule and compared, "
        f"{by_reader} by the kind's fast reader"
    )
    print(report)
    assert by_rule >= BY_RULE, report
    assert by_reader >= BY_READER, report


def test_the_rule_declines_what_yaml_rs_reads_otherwise() -> None:
    # Each of these once read differently on the two paths (or could): the rule declines them.
    for text in [
        "k: |\n",  # an empty block scalar ending the file: yaml-rs keeps a line break
        "k: .Nan\n",  # yaml-rs reads a number, yamltree the text ".Nan"
        "k: 0000000000000000000000000000001\n",  # yamltree keeps over 30 digits as text
        "k: [a,\n  b\n",  # a flow collection left open: libyaml refuses it
        "k: 1234567890123456789012345678901\n",  # a whole number past the limit
        "1: a\n",  # a number as a key: yamltree keeps its text
        "k: a\n---\nj: b\n",  # a second document: libyaml refuses it
        "k: a\n...\n",  # a document end marker
        "k: 'a\\b'\nj: \u2028\n",  # a YAML 1.1 line break
    ]:
        assert load_fast(text) is None, text
    catalog = (
        "kind: procedure-catalog\nprovince: '48'\nlevel: xa\neffective: 2025-07-01\n"
        "procedures:\n- {code: '1.001193', name: A, field: B, time_limit: {value: .Nan, unit: x}}\n"
    )
    assert read_fast("a.yaml", catalog) is None


def test_units_files_hold_no_numbers() -> None:
    # unitsfast lets the schema stand for `fast.is_plain`: that holds only while a units file
    # has no number (any whole number and NaN pass a strict schema). A number field added to
    # the model must come with an is_plain call in `unitsfast._valid_units`.
    schema = json.dumps(UnitsFile.model_json_schema())
    assert '"number"' not in schema
    assert '"integer"' not in schema
