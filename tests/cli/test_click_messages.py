"""What click and typer say themselves comes out in the user's language."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tthc_cli.cli.app import app
from tthc_cli.cli.clicktexts import translate_message
from tthc_cli.runtime.i18n import catalog_available, set_language

runner = CliRunner()

pytestmark = pytest.mark.skipif(
    not catalog_available("vi"), reason="the Vietnamese catalog is compiled at install"
)

# (arguments, English, Vietnamese): each usage error, and what it says in either language.
CASES = [
    (
        ["validate", "--frmat", "json"],
        ["Usage: tthc validate", "No such option: --frmat (Possible options: --format)"],
        ["Cách dùng: tthc validate", "Không có tùy chọn: --frmat (Các tùy chọn gần giống:"],
    ),
    (
        ["valdate"],
        ["No such command 'valdate'. Did you mean 'validate'?"],
        ["Không có lệnh 'valdate'. Có phải ý bạn là 'validate'?"],
    ),
    (["diff"], ["Missing argument 'old'."], ["Thiếu đối số 'old'."]),
    (
        ["import", "units", "ward.csv", "-o", "out"],
        ["Missing option '--mapping'."],
        ["Thiếu tùy chọn '--mapping'."],
    ),
    (
        ["search", "x", "--limit", "many"],
        ["Invalid value for '--limit' / '-n':"],
        ["Giá trị không hợp lệ cho '--limit' / '-n': Giá trị phải là một số nguyên."],
    ),
    (
        ["stats", "--by", "town"],
        ["Invalid value for '--by':"],
        ["Giá trị không hợp lệ cho '--by': 'town' không phải là một trong"],
    ),
    (["validate", "--strict=yes"], ["does not take a value."], ["không nhận giá trị."]),
    (["search", "x", "--limit"], ["requires an argument."], ["cần 1 giá trị."]),
    (
        ["diff", "a", "b", "c"],
        ["Got unexpected extra argument"],
        ["Thừa đối số không mong đợi (c)"],
    ),
    (["--lang", "{lang}"], ["Missing command."], ["Thiếu lệnh."]),
]


def _said(result_text: str) -> str:
    """The text of stderr without the panel's frame and line breaks."""
    return " ".join(result_text.replace("│", " ").replace("╭", " ").replace("╰", " ").split())


@pytest.mark.parametrize(("args", "english", "vietnamese"), CASES)
def test_usage_errors_speak_the_language(
    args: list[str], english: list[str], vietnamese: list[str]
) -> None:
    hints = []
    for lang, expected, other in (("en", english, vietnamese), ("vi", vietnamese, english)):
        argv = ["--lang", lang, *[arg.replace("{lang}", lang) for arg in args]]
        result = runner.invoke(app, argv, env={"COLUMNS": "200"})
        assert result.exit_code == 2, result.output
        said = _said(result.stderr)
        for text in expected:
            assert text in said, (lang, said)
        for text in other:
            assert text not in said, (lang, said)
        assert ("Error" if lang == "en" else "Lỗi") in said
        hints.append(("Try 'tthc" if lang == "en" else "Dùng 'tthc") in said)
    # Errors that know their command add how to get its help (the parser's own do not).
    assert hints[0] == hints[1]


def test_plain_errors_speak_the_language_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import typer.core

    # Without rich (TYPER_USE_RICH=0), click prints the error itself.
    monkeypatch.setattr(typer.core, "HAS_RICH", False)
    result = runner.invoke(app, ["--lang", "vi", "valdate"])
    assert "Cách dùng: tthc [OPTIONS] COMMAND" in result.stderr
    assert "Dùng 'tthc -h' để xem trợ giúp." in result.stderr
    assert "Lỗi: Không có lệnh 'valdate'." in result.stderr


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_help_headings_speak_the_language(lang: str) -> None:
    overview = runner.invoke(app, ["--lang", lang, "--help"]).stdout
    command = runner.invoke(app, ["--lang", lang, "rules", "--help"]).stdout
    words = {
        "en": ["Usage: tthc", "Options:", "Commands:"],
        "vi": ["Cách dùng: tthc", "Tùy chọn:", "Lệnh:"],
    }
    for word in words[lang]:
        assert word in overview
    assert words[lang][0] in command
    assert ("[default: text]" if lang == "en" else "[mặc định: text]") in command


def test_unknown_messages_are_left_as_they_are() -> None:
    set_language("vi")
    try:
        assert translate_message("Something new from click.") == "Something new from click."
        assert translate_message("Missing argument 'old'.") == "Thiếu đối số 'old'."
    finally:
        set_language("en")
    assert translate_message("Missing argument 'old'.") == "Missing argument 'old'."
