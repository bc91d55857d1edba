"""Settings from `[tool.tthc]` in pyproject.toml or from tthc.toml, validated with suggestions."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tthc_cli.runtime.errors import ConfigError
from tthc_cli.runtime.i18n import _
from tthc_cli.text.normalize import ToneStyle
from tthc_cli.text.suggest import did_you_mean

CONFIG_FILES = ("tthc.toml", "pyproject.toml")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Settings(BaseModel):
    """What users can set; every key also works with underscores in place of dashes."""

    model_config = ConfigDict(
        extra="forbid", alias_generator=_kebab, populate_by_name=True, frozen=True
    )

    select: list[str] = Field(default_factory=lambda: ["ALL"])
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Literal["error", "warning"]] = Field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    exclude: list[str] = Field(default_factory=list)
    strict: bool = False
    tone_style: ToneStyle = ToneStyle.FIRST_VOWEL
    max_file_size: int = Field(default=32, gt=0, description="MiB")
    # The list above these lists (catalog files or folders), relative to the configuration file.
    reference: list[str] = Field(default_factory=list)
    source: str | None = Field(default=None, exclude=True)

    @property
    def base_dir(self) -> Path | None:
        """The folder of the configuration file: path patterns are relative to it."""
        if self.source is None or not self.source.endswith(".toml"):
            return None
        return Path(self.source).parent

    @property
    def reference_paths(self) -> list[Path]:
        """The reference's files and folders; relative ones from the configuration's folder."""
        base = self.base_dir
        return [
            Path(path) if base is None or Path(path).is_absolute() else base / path
            for path in self.reference
        ]

    @property
    def max_bytes(self) -> int:
        return self.max_file_size * 1024 * 1024

    def cache_key(self) -> dict[str, Any]:
        """What of these settings a cached result depends on: the settings, the folder their
        path patterns are relative to, and the working folder (paths are shown from it)."""
        base = self.base_dir
        return {
            "settings": self.model_dump(mode="json"),
            "base": str(base.resolve()) if base is not None else None,
            "cwd": os.getcwd(),
        }


def find_config(start: Path) -> Path | None:
    """The nearest tthc.toml, or pyproject.toml with a [tool.tthc] table, from start upwards."""
    current = start.resolve()
    for folder in (current, *current.parents):
        own = folder / "tthc.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.tthc" in _read(pyproject):
            return pyproject
    return None


def nearest_config(cwd: Path, paths: Sequence[Path] = ()) -> Path | None:
    """The configuration of a run: the nearest to the working folder, else, when there is
    none, the nearest to the folder the checked paths share (so `tthc validate catalogs` from
    a repository's root finds `catalogs/tthc.toml`)."""
    found = find_config(cwd)
    if found is not None or not paths:
        return found
    try:
        shared = Path(os.path.commonpath([path.resolve() for path in paths]))
    except (OSError, ValueError, RuntimeError):  # different drives, a symlink loop
        return None
    return find_config(shared if shared.is_dir() else shared.parent)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            # Translators: {reason} is the operating system's or decoder's explanation.
            _("{path}: cannot read configuration: {reason}").format(path=path, reason=exc)
        ) from None


def load_settings(path: Path | None) -> Settings:
    """Settings from a file (None: defaults)."""
    if path is None:
        return Settings()
    text = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            # Translators: {reason} is the TOML parser's explanation (in English).
            _("{path}: invalid TOML: {reason}").format(path=path, reason=exc)
        ) from None
    if path.name == "pyproject.toml":
        table: Any = data.get("tool", {}).get("tthc", {})
    else:
        table = data.get("tool", {}).get("tthc", data)
    if not isinstance(table, dict):
        raise ConfigError(_("{path}: [tool.tthc] must be a table").format(path=path))
    return settings_from_mapping(table, source=str(path))


def settings_from_mapping(table: dict[str, Any], *, source: str | None = None) -> Settings:
    if source is None:
        # Translators: where a setting came from, shown before a colon in error messages.
        source = _("configuration")
    try:
        settings = Settings.model_validate({**table, "source": source})
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        if first["type"] == "extra_forbidden":
            names = [_kebab(name) for name in Settings.model_fields if name != "source"]
            hint = did_you_mean(str(first["loc"][-1]), names)
            raise ConfigError(
                # Translators: {source} is the configuration file (or "command line"), {where}
                # the setting's name; {hint} is empty or " (did you mean `x`?)".
                _("{source}: unknown setting `{where}`{hint}").format(
                    source=source, where=where, hint=hint
                )
            ) from None
        raise ConfigError(
            # Translators: {reason} is the validator's explanation (in English).
            _("{source}: setting `{where}`: {reason}").format(
                source=source, where=where, reason=first["msg"]
            )
        ) from None
    _check_selectors(settings, source)
    return settings


def _check_selectors(settings: Settings, source: str) -> None:
    from tthc_cli.validation.rules import REGISTRY, unknown_selectors

    names = [rule.code for rule in REGISTRY] + [rule.name for rule in REGISTRY]
    groups: list[tuple[str, list[str]]] = [
        ("select", settings.select),
        ("ignore", settings.ignore),
        ("severity", list(settings.severity)),
    ]
    groups += [(f"per-file-ignores.{k}", v) for k, v in settings.per_file_ignores.items()]
    for label, selectors in groups:
        bad = unknown_selectors(selectors)
        if bad:
            hint = did_you_mean(bad[0], names)
            raise ConfigError(
                # Translators: {label} is a setting name such as `select`; {selector} the rule
                # code or name it gave; {hint} is empty or " (did you mean `x`?)".
                _("{source}: `{label}` names no rule: {selector}{hint}").format(
                    source=source, label=label, selector=repr(bad[0]), hint=hint
                )
            )


def merge_cli(
    settings: Settings,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    strict: bool | None = None,
    reference: list[str] | None = None,
) -> Settings:
    """Settings with command-line options applied on top (options win)."""
    update: dict[str, Any] = {}
    if select:
        update["select"] = select
    if ignore:
        update["ignore"] = [*settings.ignore, *ignore]
    if strict:
        update["strict"] = True
    if reference:
        # Given on the command line: relative to the working folder, not the configuration's.
        update["reference"] = [str(Path(path).absolute()) for path in reference]
    if not update:
        return settings
    merged = settings.model_copy(update=update)
    # Translators: where a setting came from, shown before a colon in error messages.
    _check_selectors(merged, _("command line"))
    return merged
