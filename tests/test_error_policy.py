"""One error policy: the same bad file gives the same message and exit code in every command.

diff, stats, search and dedupe-names read files through `tthc_cli.catalog.reader`; a file that
is not a tthc catalog is the same one-line error (naming the file) and exit code 2 whichever
of them reads it, named on the command line or met in a folder. A file of a known kind the
command does not read is refused when named, and skipped in a folder walk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD
from tthc_cli.cli.app import app

runner = CliRunner()

UNITS = UNITS_HEAD + '  - code: "20194"\n    name: Phường Hải Vân\n    hamlets: [{name: Tổ 1}]\n'
CATALOG = CATALOG_HEAD + PROCEDURE
NOT_A_CATALOG = {
    "empty file": "",
    "list root": "- kind: units\n- kind: units\n",
    "no kind": 'province: "48"\nprocedures: []\n',
    "unknown kind": "kind: procedures\nprovince: '48'\n",
}


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path / "cache"))


def _commands(target: str, good_catalog: str) -> dict[str, list[str]]:
    return {
        "diff": ["diff", good_catalog, target],
        "stats": ["stats", target],
        "search": ["search", "khai sinh", target],
        "dedupe-names": ["dedupe-names", target],
    }


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


@pytest.mark.parametrize("text", list(NOT_A_CATALOG.values()), ids=list(NOT_A_CATALOG))
@pytest.mark.parametrize("where", ["named", "in a folder"])
def test_not_a_catalog_is_the_same_error_in_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, where: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("good.yaml").write_text(CATALOG, encoding="utf-8")
    Path("folder").mkdir()
    Path("folder/units.yaml").write_text(UNITS, encoding="utf-8")
    Path("folder/bad.yaml").write_text(text, encoding="utf-8")
    target = "folder/bad.yaml" if where == "named" else "folder"
    errors = {}
    for command, args in _commands(target, "good.yaml").items():
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (command, result.output)
        assert "Traceback" not in result.stderr
        errors[command] = _error_lines(result.stderr)
    expected = [
        "error: folder/bad.yaml:1: not a tthc catalog (no known `kind`); run `tthc validate` on it"
    ]
    assert errors == dict.fromkeys(errors, expected)


@pytest.mark.parametrize(
    ("command", "named", "reason"),
    [
        ("dedupe-names", "catalog.yaml", "not a units file (kind: units) or a CSV/XLSX name list"),
        ("stats", "units.yaml", "holds no procedure catalogs (kind: procedure-catalog)"),
        ("search", "units.yaml", "holds no procedure catalogs (kind: procedure-catalog)"),
        ("diff", "units.yaml", "holds no procedure catalogs (kind: procedure-catalog)"),
    ],
)
def test_a_named_file_of_another_kind_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, named: str, reason: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("catalog.yaml").write_text(CATALOG, encoding="utf-8")
    Path("units.yaml").write_text(UNITS, encoding="utf-8")
    result = runner.invoke(app, _commands(named, "catalog.yaml")[command])
    assert result.exit_code == 2, result.output
    assert _error_lines(result.stderr) == [f"error: {named}: {reason}"]


def test_a_folder_walk_skips_other_kinds_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("old").mkdir()
    for folder in ("old", "folder"):
        Path(folder).mkdir(exist_ok=True)
        Path(folder, "catalog.yaml").write_text(CATALOG, encoding="utf-8")
        Path(folder, "units.yaml").write_text(UNITS, encoding="utf-8")
        Path(folder, "decisions.yaml").write_text(
            "kind: name-decisions\naccepted: []\n", encoding="utf-8"
        )
    for command, args in _commands("folder", "old").items():
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (command, result.output)
        assert result.stderr == "", command


def test_dedupe_names_still_reads_a_named_units_file_and_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("units.yaml").write_text(UNITS, encoding="utf-8")
    Path("names.csv").write_text("province,commune,kind,name\n48,20194,hamlet,Tổ 1\n", "utf-8")
    result = runner.invoke(app, ["dedupe-names", "units.yaml", "names.csv", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"names": 2' in result.stdout
