"""`--format` choices come from the reporter registries, without importing them for help."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tthc_cli.cli import formats
from tthc_cli.cli.app import app
from tthc_cli.cli.formats import Formats, _literal_keys
from tthc_cli.runtime.i18n import catalog_available

runner = CliRunner()

REGISTRIES = [
    "tthc_cli.reports.validate:REPORTERS",
    "tthc_cli.reports.diff:DIFF_REPORTERS",
    "tthc_cli.reports.diff:DIFF_WRITERS",
    "tthc_cli.reports.dedupe:DEDUPE_REPORTERS",
    "tthc_cli.reports.dedupe:DEDUPE_WRITERS",
    "tthc_cli.reports.stats:STATS_REPORTERS",
    "tthc_cli.reports.search:SEARCH_REPORTERS",
]
COMMANDS = {
    "validate": formats.VALIDATE,
    "diff": formats.DIFF,
    "dedupe-names": formats.DEDUPE,
    "stats": formats.STATS,
    "search": formats.SEARCH,
}


@pytest.mark.parametrize("registry", REGISTRIES)
def test_the_source_of_each_registry_names_what_it_holds(registry: str) -> None:
    module, _sep, attribute = registry.partition(":")
    imported = tuple(getattr(importlib.import_module(module), attribute))
    assert _literal_keys(module, attribute) == imported


def test_every_registry_of_a_command_gives_its_formats() -> None:
    from tthc_cli.reports.diff import DIFF_REPORTERS, DIFF_WRITERS
    from tthc_cli.reports.validate import REPORTERS

    assert formats.VALIDATE.names() == tuple(REPORTERS)
    assert formats.DIFF.names() == (*DIFF_REPORTERS, *DIFF_WRITERS)


@pytest.mark.parametrize(("command", "choices"), COMMANDS.items())
def test_help_lists_the_formats(command: str, choices: Formats) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "<" + "|".join(choices.names()) + ">" in result.stdout


@pytest.mark.parametrize(("command", "choices"), COMMANDS.items())
def test_completion_lists_the_formats(command: str, choices: Formats) -> None:
    env = {
        "_TTHC_COMPLETE": "complete_bash",
        "COMP_WORDS": f"tthc {command} --format ",
        "COMP_CWORD": "3",
    }
    result = runner.invoke(app, [], env=env, prog_name="tthc")
    assert result.stdout.split() == list(choices.names())


def test_completion_of_a_started_format() -> None:
    assert formats.DIFF.complete("x") == ["xlsx"]
    assert formats.VALIDATE.complete("") == ["text", "json", "github", "sarif", "html"]


def test_a_format_in_another_case_is_that_format() -> None:
    assert formats.VALIDATE.choose("JSON") == "json"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_unknown_format_is_a_usage_error(lang: str) -> None:
    if lang == "vi" and not catalog_available("vi"):
        pytest.skip("the Vietnamese catalog is compiled at install")
    result = runner.invoke(app, ["--lang", lang, "validate", "--format", "xml"])
    assert result.exit_code == 2
    said = {
        "en": "'xml' is not one of 'text', 'json', 'github', 'sarif', 'html'.",
        "vi": "'xml' không phải là một trong 'text', 'json', 'github', 'sarif', 'html'.",
    }
    assert said[lang] in " ".join(result.stderr.replace("│", " ").split())


def test_command_help_does_not_import_the_reporters() -> None:
    code = (
        "import sys; from tthc_cli.launch import main; sys.argv = ['tthc', 'validate', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('tthc_cli.reports.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "text|json|github|sarif" in done.stdout
    assert done.stdout.splitlines()[-1] == "[]"
