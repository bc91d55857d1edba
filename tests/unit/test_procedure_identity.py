"""`tthc stats`, `tthc search` and `tthc diff` agree on which listings are one procedure.

All three key a procedure by `text.keys.procedure_key`: the national part of its code, else its
name with case, spacing, Unicode form, tone placement and a leading "Thủ tục" not counted.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tthc_cli.cli.app import app
from tthc_cli.diffing.sides import load_side
from tthc_cli.index.procindex import load_index
from tthc_cli.text.keys import procedure_key

runner = CliRunner()

BASE = "Đăng ký khai sinh cho trẻ em Hòa Bình"
#: One procedure written six ways, none with a procedure code: only the name can tell.
SAME_NAME = [
    BASE,
    "ĐĂNG KÝ KHAI SINH CHO TRẺ EM HÒA BÌNH",  # case
    " Đăng ký  khai sinh cho trẻ em Hòa Bình ",  # spacing
    unicodedata.normalize("NFD", BASE),  # NFD
    "Đăng ký khai sinh cho trẻ em Hoà Bình",  # tone placement hòa / hoà
    "Thủ tục đăng ký khai sinh cho trẻ em Hòa Bình",  # a leading "Thủ tục"
]
#: Names that differ by one tone (Hòa / Hóa) or one word are different procedures.
OTHER_NAMES = [
    "Cấp giấy phép cho thôn Mỹ Hòa",
    "Cấp giấy phép cho thôn Mỹ Hóa",
    "Đăng ký lại khai sinh cho trẻ em Hòa Bình",
]
#: One national procedure, with and without its local suffix, and named two ways.
CODED = [("1.001193", "Đăng ký kết hôn"), ("1.001193.000.00.00.H48", "Thủ tục đăng ký kết hôn")]


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


@pytest.fixture
def catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TTHC_NO_CACHE", "1")
    listed = [(f"DN-{i:02}", name) for i, name in enumerate(SAME_NAME + OTHER_NAMES, 1)] + CODED
    procedures = "".join(
        f"  - code: {_quoted(code)}\n    name: {_quoted(name)}\n    field: Hộ tịch\n"
        for code, name in listed
    )
    folder = tmp_path / "catalogs"
    folder.mkdir()
    (folder / "xa.yaml").write_text(
        "kind: procedure-catalog\nprovince: '48'\nlevel: xa\neffective: 2025-07-01\n"
        f"procedures:\n{procedures}",
        encoding="utf-8",
    )
    return folder


def _json(args: list[str]) -> dict[str, object]:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_the_key_ignores_only_how_a_name_is_written() -> None:
    assert len({procedure_key(f"DN-{i}", name) for i, name in enumerate(SAME_NAME)}) == 1
    keys = {procedure_key("", name) for name in [BASE, *OTHER_NAMES]}
    assert len(keys) == 1 + len(OTHER_NAMES)
    assert {procedure_key(code, name) for code, name in CODED} == {"1.001193"}


def test_stats_search_and_diff_count_the_same_procedures(catalogs: Path) -> None:
    expected = 1 + len(OTHER_NAMES) + 1  # the six spellings, the three others, 1.001193

    stats = _json(["stats", "catalogs"])
    assert stats["summary"] == {"files": 1, "procedures": expected}

    diff = _json(["diff", "catalogs", "catalogs"])
    summary = diff["summary"]
    assert isinstance(summary, dict)
    assert summary["old"] == summary["new"] == {"xa": expected}
    assert summary["unchanged"] == expected

    search = _json(["search", "khai sinh cho trẻ em", "catalogs"])
    results = search["results"]
    assert isinstance(results, list)
    found = {(hit["name"], hit["also_in_files"]) for hit in results}
    # The six spellings are one hit (listed five more times); "Đăng ký lại..." is another.
    assert found == {(BASE, len(SAME_NAME) - 1), (OTHER_NAMES[2], 0)}


def test_the_libraries_key_every_listing_alike(catalogs: Path) -> None:
    rows = load_index([catalogs], use_cache=False).rows
    side = load_side([catalogs])
    assert {row.key for row in rows} == {p.key for p in side.procedures}
    occurrences = {p.key: len(p.occurrences) for p in side.procedures}
    assert occurrences[procedure_key("", BASE)] == len(SAME_NAME)
    assert occurrences["1.001193"] == len(CODED)
