"""The `tthc` script: `--version` without loading the command line, the rest through it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tthc_cli import __version__
from tthc_cli.launch import main


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_is_answered_before_typer_loads(flag: str) -> None:
    code = (
        "import sys; from tthc_cli.launch import main; sys.argv = ['tthc', '" + flag + "']; "
        "main(); print('typer' in sys.modules, 'rich' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [f"tthc {__version__}", "False False"]


def test_overview_help_does_not_load_rich() -> None:
    code = (
        "import sys; from tthc_cli.launch import main; sys.argv = ['tthc', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('rich' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Usage: tthc" in done.stdout
    assert "dedupe-names" in done.stdout
    assert done.stdout.splitlines()[-1] == "False"


def test_other_arguments_go_to_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["tthc", "--version", "--quiet"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code in (0, None)
    assert capsys.readouterr().out.strip() == f"tthc {__version__}"


def test_no_arguments_show_the_overview_on_stderr_without_rich() -> None:
    code = (
        "import sys; from tthc_cli.launch import main; sys.argv = ['tthc']\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    print(exit.code)\n"
        "print('rich' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Usage: tthc" in done.stderr
    assert "dedupe-names" in done.stderr
    assert done.stdout.splitlines() == ["2", "False"]


@pytest.mark.parametrize("args", [["--help"], ["validate", "--help"], ["lsp", "--help"]])
def test_help_loads_neither_the_baseline_nor_the_language_server(args: list[str]) -> None:
    code = (
        f"import sys; from tthc_cli.launch import main; sys.argv = ['tthc', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pygls', 'lsprotocol', "
        "'tthc_cli.lsp', 'tthc_cli.validation.baseline'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
