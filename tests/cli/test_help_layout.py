"""Every command's help reads well at 80 columns, in both languages: no line longer than the
terminal, no paragraph broken before the line is full, no example command wrapped."""

from __future__ import annotations

import itertools

import pytest
from typer.testing import CliRunner

from tthc_cli.cli.app import app
from tthc_cli.cli.lang import fold, reflow
from tthc_cli.runtime.i18n import catalog_available

runner = CliRunner()
WIDTH = 80
COMMANDS = [
    [],
    ["validate"],
    ["diff"],
    ["dedupe-names"],
    ["apply-renames"],
    ["fmt"],
    ["schema"],
    ["rules"],
    ["stats"],
    ["search"],
    ["import"],
    ["import", "portal-xlsx"],
    ["import", "portal-json"],
    ["import", "units"],
]
LANGUAGES = [
    "en",
    pytest.param(
        "vi",
        marks=pytest.mark.skipif(
            not catalog_available("vi"), reason="the Vietnamese catalog is compiled at install"
        ),
    ),
]


def _help(lang: str, command: list[str]) -> list[str]:
    result = runner.invoke(app, ["--lang", lang, *command, "--help"], env={"COLUMNS": str(WIDTH)})
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def _description(lines: list[str]) -> list[str]:
    """The lines between the usage line and the first panel (rich help only)."""
    if not lines or not lines[0].isspace():
        return []
    end = next((i for i, line in enumerate(lines) if line.startswith("╭")), len(lines))
    return lines[2:end]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "tthc")
def test_help_fits_80_columns_without_broken_phrases(lang: str, command: list[str]) -> None:
    lines = _help(lang, command)
    assert all(len(line) <= WIDTH for line in lines), [x for x in lines if len(x) > WIDTH]
    text = [line.rstrip() for line in _description(lines)]
    for line, following in itertools.pairwise(text):
        assert not (line.endswith("Dịch vụ") and following.lstrip().startswith("bưu chính"))
        if not following.strip() or not line.strip():
            continue
        example = line.lstrip().startswith("tthc ") or line.startswith(" " * 5)
        if following.lstrip().startswith("tthc "):
            continue
        if following.startswith(" " * 5):
            # The folded part of an example follows its example.
            assert example, (line, following)
            continue
        # Prose: the line broke because the next word did not fit (rich pads one column).
        assert not example, f"an example wrapped: {line!r} / {following!r}"
        first_word = following.split()[0]
        assert len(line) + 1 + len(first_word) > WIDTH - 1, (line, following)


def test_reflow_joins_paragraphs_and_keeps_examples() -> None:
    text = "Title\n\nOne line\nand the next.\n\n[bold]Examples[/]\n\n  tthc a\n  tthc b\n"
    assert (
        reflow(text)
        == "Title\n\nOne line and the next.\n\n[bold]Examples[/]\n\n  tthc a\n  tthc b\n"
    )


def test_fold_breaks_long_examples_before_an_option() -> None:
    line = (
        "  tthc import units ward.csv --mapping doi-chieu.csv --province 48 -o catalogs --dry-run"
    )
    assert fold(line) == [
        "  tthc import units ward.csv --mapping doi-chieu.csv --province 48",
        "      -o catalogs --dry-run",
    ]
    assert fold("  tthc validate") == ["  tthc validate"]
