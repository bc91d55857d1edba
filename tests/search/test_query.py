"""index/query.py: search with row filters, and stats with an earlier snapshot."""

from __future__ import annotations

from pathlib import Path

from helpers import CATALOG_HEAD, PROCEDURE
from tthc_cli.index.procindex import load_index
from tthc_cli.index.query import filter_rows, run_search, run_stats


def _catalogs(tmp_path: Path) -> Path:
    (tmp_path / "xa.yaml").write_text(CATALOG_HEAD + PROCEDURE, encoding="utf-8")
    tinh = CATALOG_HEAD.replace("level: xa", "level: tinh").replace('"48"', '"01"')
    (tmp_path / "tinh.yaml").write_text(tinh + PROCEDURE, encoding="utf-8")
    return tmp_path


def test_filter_rows_by_level_and_province(tmp_path: Path) -> None:
    rows = load_index([_catalogs(tmp_path)], use_cache=False).rows
    assert {row.level for row in filter_rows(rows, levels=["xa"])} == {"xa"}
    assert {row.province for row in filter_rows(rows, provinces=["1"])} == {"01"}
    assert filter_rows(rows, levels=["xa"], provinces=["01"]) == []
    assert len(filter_rows(rows)) == 2


def test_search_exit_codes(tmp_path: Path) -> None:
    paths = [_catalogs(tmp_path)]
    found = run_search("khai sinh", paths, use_cache=False)
    assert found.hits
    assert found.exit_code() == 0
    assert run_search("khai sinh", paths, levels=["huyen"], use_cache=False).exit_code() == 1
    missing = run_search("khai sinh", [tmp_path / "none"], use_cache=False)
    assert missing.errors
    assert missing.exit_code() == 2


def test_stats_with_an_earlier_snapshot(tmp_path: Path) -> None:
    paths = [_catalogs(tmp_path)]
    run = run_stats(paths, by="province", use_cache=False)
    assert run.changes is None
    assert run.exit_code() == 0
    compared = run_stats(paths, by="province", before=paths, use_cache=False)
    assert compared.changes is not None
