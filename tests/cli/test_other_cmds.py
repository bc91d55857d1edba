"""`tthc --version`, `tthc schema`, `tthc rules`, `python -m tthc_cli`, help texts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tthc_cli import __version__
from tthc_cli.cli.app import app
from tthc_cli.validation.rules import REGISTRY

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"tthc {__version__}\n"


def test_python_m_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tthc_cli", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"tthc {__version__}"


@pytest.mark.parametrize(
    "command", ["validate", "fmt", "diff", "dedupe-names", "apply-renames", "schema", "rules"]
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert f"tthc {command}" in result.stdout


def test_schema_prints_json_schema() -> None:
    result = runner.invoke(app, ["schema", "--kind", "units"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["properties"]["kind"]["const"] == "units"


def test_schema_output_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--output", str(tmp_path / "s")])
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [
        "diff-decisions.schema.json",
        "name-decisions.schema.json",
        "procedure-catalog.schema.json",
        "tthc.schema.json",
        "units.schema.json",
    ]


def test_rules_lists_every_rule() -> None:
    result = runner.invoke(app, ["rules"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for rule in REGISTRY:
        assert rule.code in result.stdout


def test_rules_explains_one_rule_by_code_or_name() -> None:
    by_code = runner.invoke(app, ["rules", "TT101"])
    by_name = runner.invoke(app, ["rules", "duplicate-code"])
    assert by_code.exit_code == by_name.exit_code == 0
    assert "Why it matters" in by_code.stdout
    assert by_code.stdout == by_name.stdout


def test_unknown_rule_suggests() -> None:
    result = runner.invoke(app, ["rules", "duplicate-cod"])
    assert result.exit_code == 2
    assert "did you mean `duplicate-code`?" in result.stderr


def test_internal_errors_never_print_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tthc_cli.cli import app as cli

    def boom() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "app", boom)
    monkeypatch.delenv("TTHC_DEBUG", raising=False)
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err
    assert "Traceback" not in err


def test_schema_kind_choices_are_every_schema() -> None:
    from tthc_cli.cli.meta import SchemaKind
    from tthc_cli.domain.schema import SCHEMA_FILES

    assert {kind.value for kind in SchemaKind} == set(SCHEMA_FILES)
    result = runner.invoke(app, ["schema", "--kind", "name-decisions"])
    assert json.loads(result.stdout)["properties"]["kind"]["const"] == "name-decisions"
