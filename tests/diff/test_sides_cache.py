"""diffing/sides.py with the one catalog cache: usable catalogs come back from it unchanged,
files with errors are read (and reported) on every run, and damage means reading again."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import catalog
from tthc_cli.catalog import cache
from tthc_cli.catalog.reading import display_path
from tthc_cli.diffing.compare import diff_paths
from tthc_cli.diffing.result import Side
from tthc_cli.diffing.sides import load_side, open_store

KHAI_SINH = {"code": "1.001193", "name": "Đăng ký khai sinh", "agency": "UBND cấp xã"}
HOA = {"code": "1.000894", "name": "Đăng ký kết hôn", "agency": "Xã Hòa Bắc"}
HOA_NFD = {"code": "1.000895", "name": "Đăng ký lại kết hôn", "agency": "Xã Hoà Bắc"}


def _seen(side: Side) -> list[tuple[object, ...]]:
    return [
        (p.key, p.code, p.name, p.name_key, sorted(p.levels), p.values, p.occurrences)
        for p in side.procedures
    ] + [(e.path, e.line, e.message) for e in side.errors]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "xa.yaml").write_text(catalog([KHAI_SINH, HOA, HOA_NFD]), encoding="utf-8")
    (tmp_path / "huyen.yaml").write_text(catalog([KHAI_SINH], level="huyen"), encoding="utf-8")
    # A wrong value: the file takes part, with its error, and is never cached.
    (tmp_path / "bad.yaml").write_text(
        catalog([{**HOA, "code": "2.0001", "online": "toàn trình"}], province="01"),
        encoding="utf-8",
    )
    return tmp_path


def test_a_second_load_comes_from_the_cache_and_is_the_same(folder: Path) -> None:
    plain = load_side([folder])
    store = open_store(True)
    cold = load_side([folder], store=store)
    store.save()
    assert (store.hits, store.misses) == (0, 3)
    again = open_store(True)
    warm = load_side([folder], store=again)
    assert (again.hits, again.misses) == (2, 1)  # the file with an error is read again
    assert _seen(warm) == _seen(cold) == _seen(plain)
    assert any("toàn trình" in e.message or "online" in e.message for e in warm.errors)


def test_no_cache_keeps_nothing(folder: Path) -> None:
    diff_paths([folder], [folder], use_cache=False)
    assert not list(Path(str(cache.cache_folder())).glob("*.marshal"))
    diff_paths([folder], [folder], use_cache=True)
    assert (Path(str(cache.cache_folder())) / "diff.marshal").exists()


def test_a_smaller_size_limit_is_not_bypassed_by_the_cache(folder: Path) -> None:
    store = open_store(True)
    load_side([folder], store=store)
    store.save()
    small = 50  # bytes: less than any of the files
    side = load_side([folder], store=open_store(True, small), max_bytes=small)
    assert len(side.errors) == 3
    assert not side.procedures


def test_a_damaged_entry_is_read_again(folder: Path) -> None:
    store = open_store(True)
    cold = load_side([folder], store=store)
    for path in folder.glob("*.yaml"):  # values whose lines do not match their procedures
        sha = cache.digest_bytes(path.read_bytes())
        store.put(display_path(path), sha, ("xa", [{"code": 1}], []))
    store.save()
    again = open_store(True)
    assert _seen(load_side([folder], store=again)) == _seen(cold)
    assert again.hits == 0
