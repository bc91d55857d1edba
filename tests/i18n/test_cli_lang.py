"""The command line speaks Vietnamese or English; codes, keys and exit codes never change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import CATALOG_HEAD, PROCEDURE
from tthc_cli.cli.app import app
from tthc_cli.runtime.i18n import catalog_available

runner = CliRunner()

pytestmark = pytest.mark.skipif(
    not catalog_available("vi"), reason="the Vietnamese catalog is compiled at install"
)


@pytest.fixture
def duplicated(tmp_path: Path) -> Path:
    path = tmp_path / "xa.yaml"
    path.write_text(CATALOG_HEAD + PROCEDURE + PROCEDURE, encoding="utf-8")
    return path


def test_findings_in_vietnamese_with_lang(duplicated: Path) -> None:
    english = runner.invoke(app, ["validate", str(duplicated), "--no-config"])
    vietnamese = runner.invoke(app, ["--lang", "vi", "validate", str(duplicated), "--no-config"])
    assert "code 1.001193 is already used at line" in english.stdout
    assert "mã 1.001193 đã được dùng ở dòng" in vietnamese.stdout
    assert english.exit_code == vietnamese.exit_code == 1


def test_lang_after_the_command(duplicated: Path) -> None:
    result = runner.invoke(app, ["validate", str(duplicated), "--no-config", "--lang", "vi"])
    assert "mã 1.001193 đã được dùng ở dòng" in result.stdout


def test_tthc_lang_and_locale(duplicated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTHC_LANG", "vi")
    assert "đã được dùng" in runner.invoke(app, ["validate", str(duplicated)]).stdout
    monkeypatch.delenv("TTHC_LANG")
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert "đã được dùng" in runner.invoke(app, ["validate", str(duplicated)]).stdout
    # --lang beats both.
    english = runner.invoke(app, ["--lang", "en", "validate", str(duplicated)])
    assert "is already used" in english.stdout


def test_errors_in_vietnamese(tmp_path: Path) -> None:
    missing = tmp_path / "none.toml"
    result = runner.invoke(app, ["--lang", "vi", "validate", "--config", str(missing)])
    assert result.exit_code == 2
    assert "lỗi:" in result.stderr
    assert "không tìm thấy tệp cấu hình" in result.stderr


def test_help_in_vietnamese() -> None:
    english = runner.invoke(app, ["validate", "--help"])
    vietnamese = runner.invoke(app, ["--lang", "vi", "validate", "--help"])
    assert "Check catalogs against the schema" in english.stdout
    assert "Kiểm tra" in vietnamese.stdout
    assert "Tùy chọn" in vietnamese.stdout  # typer's own panel title
    assert "--format" in vietnamese.stdout  # options keep their names
    top = runner.invoke(app, ["--lang", "vi", "--help"])
    assert "Lệnh" in top.stdout


def test_bad_lang_is_a_usage_error() -> None:
    result = runner.invoke(app, ["--lang", "xx", "validate"])
    assert result.exit_code == 2


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_machine_output_keeps_keys_and_codes(duplicated: Path, fmt: str) -> None:
    def run(lang: str) -> dict[str, object]:
        out = runner.invoke(
            app, ["--lang", lang, "validate", str(duplicated), "--format", fmt, "--no-config"]
        )
        data: dict[str, object] = json.loads(out.stdout)
        return data

    def shape(value: object) -> object:
        # Keys and codes, with the human text left out.
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items() if k not in ("message", "text")}
        if isinstance(value, list):
            return [shape(v) for v in value]
        return value

    english, vietnamese = run("en"), run("vi")
    assert shape(english) == shape(vietnamese)
    assert json.dumps(english) != json.dumps(vietnamese)


def test_installed_command_speaks_the_locale(duplicated: Path) -> None:
    # The real program, as installed, with only the locale saying Vietnamese.
    tthc = shutil.which("tthc") or str(Path(sys.executable).with_name("tthc"))
    if not Path(tthc).exists():
        pytest.skip("the tthc command is not installed")
    env = {k: v for k, v in os.environ.items() if k not in ("TTHC_LANG", "LANGUAGE", "LC_ALL")}
    env.update(LANG="vi_VN.UTF-8", LC_MESSAGES="vi_VN.UTF-8")
    result = subprocess.run(
        [tthc, "validate", str(duplicated), "--no-config"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "đã được dùng" in result.stdout
