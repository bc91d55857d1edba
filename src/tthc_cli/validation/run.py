"""`tthc validate` as one call: the settings (configuration file and options), the optional
`--fix` pass, the `--changed-only` file set and the result cache, then the validation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tthc_cli.catalog.cache import cache_folder
from tthc_cli.runtime.errors import CatalogLoadError, ConfigError
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.config import Settings, find_config, load_settings, merge_cli

if TYPE_CHECKING:
    from tthc_cli.fixing.result import FormatRun
    from tthc_cli.validation.results import ValidationResult


def load_config(config: Path | None, no_config: bool, cwd: Path) -> Settings:
    """The settings of `--config FILE`, of none with `--no-config`, else of the nearest file."""
    if no_config:
        return load_settings(None)
    if config is not None:
        if not config.is_file():
            raise ConfigError(_("{path}: configuration file not found").format(path=config))
        return load_settings(config)
    return load_settings(find_config(cwd))


@dataclass(frozen=True)
class ValidateOptions:
    """The options of `tthc validate` that choose what is checked and how."""

    config: Path | None = None
    no_config: bool = False
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    strict: bool = False
    fix: bool = False  # apply the safe fixes of the enabled fixable rules first
    changed_only: bool = False
    base: str | None = None  # a base revision implies changed_only
    use_cache: bool = True


@dataclass
class ValidateRun:
    """What `tthc validate` reports: the validation, and what `--fix` changed first."""

    result: ValidationResult
    strict: bool
    fixed: FormatRun | None = None

    @property
    def errors(self) -> list[CatalogLoadError]:
        """Files that could not be fixed (written) or read, each reported once."""
        written = self.fixed.write_errors if self.fixed is not None else []
        return [*written, *self.result.load_errors]

    def exit_code(self) -> int:
        if self.fixed is not None and self.fixed.write_errors:
            return 2
        return self.result.exit_code(strict=self.strict)


def run_validate(paths: Sequence[Path], options: ValidateOptions, cwd: Path) -> ValidateRun:
    """Validate `paths` as the options say; raises TthcError for a bad configuration or option."""
    from tthc_cli.validation.engine import validate_paths

    settings = merge_cli(
        load_config(options.config, options.no_config, cwd),
        select=options.select,
        ignore=options.ignore,
        strict=options.strict,
    )
    fixed = None
    if options.fix:
        from tthc_cli.fixing.formatting import apply_rule_fixes

        fixed = apply_rule_fixes(paths, settings)
    only = None
    if options.changed_only or options.base is not None:
        from tthc_cli.catalog.gitchanges import changed_files

        only = changed_files(cwd, options.base)
    cache = None
    folder = cache_folder(options.use_cache)
    if folder is not None:
        from tthc_cli.validation.engine import cache_for

        cache = cache_for(settings, folder)
    result = validate_paths(paths, settings, cache=cache, changed=only)
    return ValidateRun(result, strict=settings.strict, fixed=fixed)
