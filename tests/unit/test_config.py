"""Configuration: where it is found, what it accepts, and clear errors for what it does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc_cli.runtime.errors import ConfigError
from tthc_cli.text.normalize import ToneStyle
from tthc_cli.validation.config import Settings, find_config, load_settings, merge_cli


def test_defaults_select_everything() -> None:
    settings = load_settings(None)
    assert settings.select == ["ALL"]
    assert settings.ignore == []
    assert settings.strict is False
    assert settings.tone_style is ToneStyle.FIRST_VOWEL


def test_pyproject_tool_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[project]\nname = "x"\n\n[tool.tthc]\nignore = ["TT110"]\nstrict = true\n'
        'tone-style = "second-vowel"\nseverity = {TT204 = "error"}\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.ignore == ["TT110"]
    assert settings.strict is True
    assert settings.tone_style is ToneStyle.SECOND_VOWEL
    assert settings.severity == {"TT204": "error"}


def test_tthc_toml_top_level_and_underscored_keys(tmp_path: Path) -> None:
    path = tmp_path / "tthc.toml"
    path.write_text('select = ["TT1", "text-not-nfc"]\nmax_file_size = 4\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.select == ["TT1", "text-not-nfc"]
    assert settings.max_bytes == 4 * 1024 * 1024


def test_find_config_prefers_tthc_toml_and_walks_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.tthc]\nstrict = true\n", encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / "tthc.toml").write_text("", encoding="utf-8")
    assert find_config(nested) == tmp_path / "a" / "tthc.toml"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path) is None or find_config(tmp_path) != tmp_path / "pyproject.toml"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ignroe = []\n", "unknown setting `ignroe` (did you mean `ignore`?)"),
        ('select = ["TT999"]\n', "`select` names no rule: 'TT999'"),
        ('ignore = ["duplicate-cod"]\n', "(did you mean `duplicate-code`?)"),
        ('severity = {TT101 = "fatal"}\n', "setting `severity.TT101`"),
        ("strict = [\n", "invalid TOML"),
        ('tone-style = "middle"\n', "setting `tone-style`"),
    ],
)
def test_invalid_settings_name_the_file_and_the_problem(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "tthc.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_command_line_adds_to_ignore_and_replaces_select() -> None:
    base = Settings(ignore=["TT110"], select=["TT1"])
    merged = merge_cli(base, select=["TT2"], ignore=["TT204"], strict=True)
    assert merged.select == ["TT2"]
    assert merged.ignore == ["TT110", "TT204"]
    assert merged.strict is True


def test_command_line_selector_is_checked() -> None:
    with pytest.raises(ConfigError, match="command line"):
        merge_cli(Settings(), ignore=["TT9"])
