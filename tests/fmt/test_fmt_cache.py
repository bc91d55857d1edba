"""`tthc fmt` remembers the files it found already formatted in the one cache (`catalog.cache`):
an unchanged file is not looked at again, and nothing it says changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import CATALOG_HEAD, PROCEDURE
from tthc_cli.catalog import cache
from tthc_cli.cli.app import app

runner = CliRunner()
CLEAN = CATALOG_HEAD + PROCEDURE
# Clean under the default tone style (hòa), not under the second-vowel style (hoà).
TONES = CLEAN.replace("Hộ tịch", "Hộ tịch hòa giải")
DIRTY = CLEAN.replace("Đăng ký khai sinh", "Đăng  ký khai sinh")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "SETTLED_NS", -(10**12))  # trust stamps of files just written
    folder = tmp_path / "catalogs"
    folder.mkdir()
    (folder / "a.yaml").write_text(CLEAN, encoding="utf-8")
    (folder / "b.yaml").write_text(TONES, encoding="utf-8")
    return tmp_path


def fmt(*args: str) -> tuple[int, str, str]:
    done = runner.invoke(app, ["fmt", "catalogs", *args])
    return done.exit_code, done.stdout, done.stderr


def test_a_second_run_says_the_same(project: Path) -> None:
    first = fmt("--check")
    assert first[0] == 0
    assert (project / "cache" / "fmt.marshal").is_file()
    assert fmt("--check") == first
    assert fmt("--check", "--no-cache") == first


def test_a_file_changed_after_a_clean_run_is_looked_at_again(project: Path) -> None:
    assert fmt("--check")[0] == 0
    target = project / "catalogs" / "a.yaml"
    before = target.stat()
    same_size = CLEAN.replace("Đăng ký khai sinh", "Đăng ký  khai sin")
    assert len(same_size.encode()) == len(CLEAN.encode())
    target.write_text(same_size, encoding="utf-8")
    shutil.copystat(project / "catalogs" / "b.yaml", target)  # as `cp -p` would leave it
    assert target.stat().st_size == before.st_size
    code, out, err = fmt("--check")
    assert code == 1
    assert "would fix catalogs/a.yaml" in out + err


def test_a_file_to_fix_is_reported_every_time_then_fixed(project: Path) -> None:
    (project / "catalogs" / "a.yaml").write_text(DIRTY, encoding="utf-8")
    first = fmt("--diff")
    assert first[0] == 1
    assert "-    name: Đăng  ký khai sinh" in first[1]
    assert fmt("--diff") == first
    assert fmt()[0] == 0
    assert fmt("--check")[0] == 0
    assert (project / "catalogs" / "a.yaml").read_text(encoding="utf-8") == CLEAN


def test_a_setting_that_changes_the_fixes_is_part_of_the_key(project: Path) -> None:
    assert fmt("--check")[0] == 0
    (project / "tthc.toml").write_text('tone-style = "second-vowel"\n', encoding="utf-8")
    code, out, err = fmt("--check")
    assert code == 1
    assert "would fix catalogs/b.yaml" in out + err


def test_no_cache_writes_no_cache(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert fmt("--check", "--no-cache")[0] == 0
    monkeypatch.setenv("TTHC_NO_CACHE", "1")
    assert fmt("--check")[0] == 0
    assert not (project / "cache").exists()


def test_a_damaged_cache_only_means_looking_again(project: Path) -> None:
    (project / "catalogs" / "a.yaml").write_text(DIRTY, encoding="utf-8")
    first = fmt("--check")
    stored = project / "cache" / "fmt.marshal"
    data = bytearray(stored.read_bytes())
    data[-1] ^= 0xFF
    stored.write_bytes(bytes(data))
    assert fmt("--check") == first
