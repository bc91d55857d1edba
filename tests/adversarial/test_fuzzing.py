"""Fuzzing: generated catalogs, mutated (byte flips, deletions, insertions, Unicode
confusables, structure), go through the loader and every command in-process; the only
outcomes are results or the project's own errors (TthcError), never another exception.

The first three properties check the loader and the rules; `test_every_command_survives_*`
runs validate, fmt (writing), diff, dedupe-names, apply-renames, stats and search on the
mutated file, with their JSON reports rendered, as the CLI would.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD
from tthc_cli.catalog.loading import load_text
from tthc_cli.catalog.reading import decode
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.validation.config import Settings
from tthc_cli.validation.engine import check_documents

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


# ------------------------------------------------- generated catalogs, every command

_SYLLABLES = ["Hòa", "hoà", "Khánh", "Thủy", "thuỷ", "Quý", "Qúy", "Đông", "Bắc", "An", "Phú"]
# Letters that look alike but are not the same characters, and invisible or layout characters
# that arrive with text pasted from Word, web pages and PDFs.
CONFUSABLES = {
    "a": ["а", "ɑ"],  # Cyrillic a, Latin alpha
    "o": ["о", "ο", "0"],  # Cyrillic o, Greek omicron, zero
    "Đ": ["Ð", "Ɖ", "D"],  # Eth, African D
    "đ": ["ð", "d"],
    "i": ["і", "ı"],  # Cyrillic i, dotless i
    " ": ["\u00a0", "\u2007", "\u200b", "\u3000", "\t"],
    "ò": ["o\u0300", "ò\u0300"],
    "-": ["\u2010", "\u2013", "\u2212"],
    "/": ["\u2215", "\u2044"],
}
_INVISIBLE = ["\ufeff", "\u200d", "\u202e", "\u2028", "\x85", "\ufffd"]

_name = st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=3).map(" ".join)
_code = st.from_regex(r"[12]\.[0-9]{6}", fullmatch=True)


@st.composite
def generated_catalog(draw: st.DrawFn) -> str:
    """A procedure catalog or a units file, valid or nearly so, as YAML text."""
    if draw(st.booleans()):
        procedures = [
            {
                "code": draw(_code),
                "name": "Đăng ký " + draw(_name),
                "field": draw(_name),
                "time_limit": {"value": draw(st.integers(-1, 30)), "unit": "working-days"},
                "fees": draw(st.lists(st.fixed_dictionaries({"amount": st.integers(0, 10**6)}))),
                "legal_basis": draw(st.lists(st.sampled_from(["123/2015/NĐ-CP", "1/QD-UBND"]))),
            }
            for _ in range(draw(st.integers(0, 4)))
        ]
        data: dict[str, object] = {
            "kind": "procedure-catalog",
            "province": "48",
            "level": draw(st.sampled_from(["xa", "huyen", "tinh"])),
            "effective": "2025-07-01",
            "procedures": procedures,
        }
    else:
        hamlets = [
            {"name": draw(st.sampled_from(["Thôn ", "Tổ dân phố ", "Ấp "])) + draw(_name)}
            for _ in range(draw(st.integers(0, 4)))
        ]
        data = {
            "kind": "units",
            "province": {"code": "48", "name": "Thành phố Đà Nẵng"},
            "effective": "2025-07-01",
            "communes": [{"code": "20194", "name": "Phường Hải Vân", "hamlets": hamlets}],
        }
    flow = draw(st.booleans())
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    text = draw(generated_catalog())
    for _ in range(draw(st.integers(0, 4))):
        if not text:
            break
        position = draw(st.integers(0, len(text) - 1))
        action = draw(st.sampled_from(["confusable", "invisible", "delete-line", "indent"]))
        if action == "confusable":
            targets = [i for i, ch in enumerate(text) if ch in CONFUSABLES]
            if targets:
                i = draw(st.sampled_from(targets))
                text = text[:i] + draw(st.sampled_from(CONFUSABLES[text[i]])) + text[i + 1 :]
        elif action == "invisible":
            text = text[:position] + draw(st.sampled_from(_INVISIBLE)) + text[position:]
        elif action == "delete-line":
            lines = text.split("\n")
            del lines[position % len(lines)]
            text = "\n".join(lines)
        else:
            lines = text.split("\n")
            lines[position % len(lines)] = " " + lines[position % len(lines)]
            text = "\n".join(lines)
    raw = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(0, 3))):
        if not raw:
            break
        position = draw(st.integers(0, len(raw) - 1))
        action = draw(st.sampled_from(["flip", "delete", "insert"]))
        if action == "flip":
            raw[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "delete":
            del raw[position]
        else:
            raw.insert(position, draw(st.integers(0, 255)))
    return bytes(raw)


def _every_command(folder: Path, data: bytes) -> None:
    """Run each command's library path on the file as the CLI does; TthcError is allowed."""
    import contextlib
    import io

    from rich.console import Console

    from tthc_cli.diffing.compare import diff_paths, filtered
    from tthc_cli.fixing.formatting import format_paths
    from tthc_cli.names.committee import Row
    from tthc_cli.names.dedupe import find_duplicates
    from tthc_cli.names.lists import read_names
    from tthc_cli.names.renames import apply, plan
    from tthc_cli.reports.dedupe import DEDUPE_REPORTERS
    from tthc_cli.reports.diff import DIFF_REPORTERS
    from tthc_cli.reports.validate import REPORTERS
    from tthc_cli.runtime.errors import TthcError
    from tthc_cli.validation.engine import validate_paths

    path = folder / "fuzz.yaml"
    path.write_bytes(data)
    other = folder / "other.yaml"
    other.write_text(SEEDS[0], encoding="utf-8")
    console = Console(file=io.StringIO(), width=120)
    with contextlib.suppress(TthcError):
        validated = validate_paths([path, other], Settings())
        REPORTERS["json"]().render(validated, console)
    with contextlib.suppress(TthcError):
        format_paths([path], settings=Settings(), write=True)
    with contextlib.suppress(TthcError):
        diffed = diff_paths([path], [other])
        DIFF_REPORTERS["json"]().render(diffed, filtered(diffed), console)
    with contextlib.suppress(TthcError):
        names = read_names([path])
        DEDUPE_REPORTERS["json"]().render(find_duplicates(names), console)
    with contextlib.suppress(TthcError):
        # stats and search: the procedure index, counted and searched.
        from tthc_cli.index.procindex import load_index
        from tthc_cli.index.search import search
        from tthc_cli.index.stats import compute

        index = load_index([path, other], use_cache=False)
        compute(index.rows, files=index.files)
        search(index.rows, "Đăng ký hòa")
        search(index.rows, "1.001193")
    with contextlib.suppress(TthcError):
        row = Row(
            line=2,
            source_line=None,
            group="G1",
            province="48",
            commune="20194",
            kind="hamlet",
            name="Thôn Hòa",
            origin="",
            decision="rename",
            rename_to="Thôn Hòa Mới",
            suggestion="",
        )
        planned, _ = plan([row], [path])
        apply(planned, reference=None, date="2026-01-01", dry_run=True)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_every_command_survives_mutated_catalogs(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        _every_command(Path(folder), data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_every_command_line_survives_mutated_catalogs(data: bytes) -> None:
    """The same through the real command line: exit 0, 1 or 2, never a traceback."""
    import os
    import tempfile
    from unittest import mock

    from adversarial._support import COMMANDS, assert_handled, command_args, invoke, make_tree

    with tempfile.TemporaryDirectory() as folder:
        tree = make_tree(Path(folder))
        bad = tree.root / "fuzz.yaml"
        bad.write_bytes(data)
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            # stats and search would keep a cache of these throwaway files in the user's.
            with mock.patch.dict(os.environ, {"TTHC_NO_CACHE": "1"}):
                for command in COMMANDS:
                    assert_handled(invoke(command_args(command, bad, tree)), codes=(0, 1, 2))
        finally:
            os.chdir(cwd)
