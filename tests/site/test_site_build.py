"""`tthc site`: the pages it writes, their links, escaping, determinism and the atomic write."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitefiles import XSS, broken_links, write_catalogs
from typer.testing import CliRunner

from helpers import REPO
from htmlpages import assert_sound, read_page
from tthc_cli.cli.app import app
from tthc_cli.runtime.atomic import TREE_MARK

runner = CliRunner()


def _site(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"TTHC_NO_CACHE": "1", **(env or {})})
    crash = "" if result.exception is None or result.exit_code != 1 else repr(result.exception)
    return result.exit_code, result.stdout, result.stderr + crash


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_catalogs(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, err = _site("site", "new", "--before", "old", "-o", "public")
    assert code == 0, err
    assert "public" in out
    return tmp_path / "public"


def test_every_page_is_sound_and_vietnamese_by_default(built: Path) -> None:
    pages = sorted(built.rglob("*.html"))
    assert {p.relative_to(built).as_posix() for p in pages} >= {
        "index.html",
        "figures.html",
        "changes.html",
        "units/index.html",
        "units/48.html",
        "p/48/index.html",
        "p/48/xa-2025-07-01/2.000806.html",
    }
    for page in pages:
        assert_sound(page.read_text(encoding="utf-8"), "vi")


def test_links_are_relative_and_resolve(built: Path) -> None:
    assert broken_links(built) == []


def test_a_script_name_shows_as_text(built: Path) -> None:
    for page in built.rglob("*.html"):
        assert XSS not in page.read_text(encoding="utf-8"), page
    listing = read_page((built / "p/48/index.html").read_text(encoding="utf-8"))
    assert XSS in listing.words


def test_a_procedure_page_says_where_it_came_from(built: Path) -> None:
    page = read_page((built / "p/48/xa-2025-07-01/2.000806.html").read_text(encoding="utf-8"))
    assert "Huyện → Xã từ 01/07/2025" in page.words
    assert "Phòng Tư pháp → Ủy ban nhân dân cấp xã" in page.words
    assert "Lệ phí đăng ký kết hôn 1,000,000 đ (nộp trực tuyến giảm 50%)" in page.words
    assert "123/2015/NĐ-CP" in page.words


def test_home_changes_figures_and_units(built: Path) -> None:
    home = read_page((built / "index.html").read_text(encoding="utf-8")).words
    assert "Thành phố Đà Nẵng (48)" in home
    assert "2345/QĐ-UBND" in home
    changes = read_page((built / "changes.html").read_text(encoding="utf-8")).words
    assert "Chuyển cấp" in changes
    figures = (built / "figures.html").read_text(encoding="utf-8")
    assert "<svg" in figures
    units = read_page((built / "units/48.html").read_text(encoding="utf-8")).words
    assert "Xã Hòa Bắc (một phần)" in units
    assert "Thôn 1 → Thôn Hòa Hiệp Bắc 1" in units


def test_english_on_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_catalogs(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, _out, err = _site("--lang", "en", "site", "new", "-o", "en")
    assert code == 0, err
    assert_sound((tmp_path / "en/index.html").read_text(encoding="utf-8"), "en")


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    """Two runs in two processes, with different string hashing (set order), byte for byte."""
    write_catalogs(tmp_path)
    for seed in ("1", "2"):
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONHASHSEED")}
        done = subprocess.run(
            [sys.executable, "-m", "tthc_cli", "site", "new", "--before", "old", "-o", seed],
            cwd=tmp_path,
            env=env | {"PYTHONHASHSEED": seed, "TTHC_NO_CACHE": "1"},
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert _digest(tmp_path / "1") == _digest(tmp_path / "2")


def test_a_rebuild_replaces_the_site_whole(built: Path) -> None:
    stale = built / "p" / "stale.html"
    stale.write_text("old", encoding="utf-8")
    code, _out, err = _site("site", "new", "-o", "public")
    assert code == 0, err
    assert not stale.exists()
    assert not (built / "changes.html").exists()  # no --before this time
    assert (built / TREE_MARK).is_file()


def test_a_folder_of_other_files_is_never_replaced(tmp_path: Path) -> None:
    write_catalogs(tmp_path)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    code, _out, err = _site("site", str(tmp_path / "new"), "-o", str(mine))
    assert code == 2
    assert "cannot write" in err
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep"


def test_an_unreadable_catalog_is_one_line_and_the_rest_is_built(tmp_path: Path) -> None:
    _old, new = write_catalogs(tmp_path)
    (new / "broken.yaml").write_bytes(b"kind: procedure-catalog\nprocedures: [\n")
    code, _out, err = _site("site", str(new), "-o", str(tmp_path / "out"))
    assert code == 2
    assert err.count("broken.yaml") == 1
    assert (tmp_path / "out/p/48/index.html").is_file()


def test_the_shipped_catalogs(tmp_path: Path) -> None:
    code, _out, err = _site("site", str(REPO / "catalogs"), "-o", str(tmp_path / "site"))
    assert code == 0, err
    assert broken_links(tmp_path / "site") == []
    assert len(list((tmp_path / "site").rglob("*.html"))) > 300


def test_values_never_make_paths_outside_the_site(tmp_path: Path) -> None:
    catalogs = tmp_path / "in"
    catalogs.mkdir()
    (catalogs / "odd.yaml").write_text(
        'kind: procedure-catalog\nprovince: "../../escaped"\nlevel: xa\n'
        'effective: "../2025 07"\nprocedures:\n'
        '  - {code: "../../x", name: Thủ tục lạ, field: Thử}\n',
        encoding="utf-8",
    )
    code, _out, err = _site("site", str(catalogs), "-o", str(tmp_path / "out" / "site"))
    assert code == 0, err
    written = {p.resolve() for p in tmp_path.rglob("*") if p.is_file()}
    outside = {p for p in written if not p.is_relative_to((tmp_path / "out" / "site").resolve())}
    assert outside == {(catalogs / "odd.yaml").resolve()}
    assert broken_links(tmp_path / "out" / "site") == []
