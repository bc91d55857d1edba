"""`tthc validate` as one call: the settings (configuration file and options), the optional
`--fix` pass, the `--changed-only` file set and the result cache, then the validation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tthc_cli.catalog.cache import cache_folder
from tthc_cli.runtime.errors import CatalogLoadError, ConfigError
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.config import Settings, load_settings, merge_cli, nearest_config

if TYPE_CHECKING:
    from tthc_cli.fixing.result import FormatRun
    from tthc_cli.validation.results import ValidationResult

# `validate --fix`: the fix pass of `fixing`, a layer above, handed in by the CLI.
Fixer = Callable[[Sequence[Path], Settings], "FormatRun"]


def load_config(
    config: Path | None, no_config: bool, cwd: Path, paths: Sequence[Path] = ()
) -> Settings:
    """The settings of `--config FILE`, of none with `--no-config`, else of the nearest file
    to the working folder or, when there is none, to the checked paths."""
    if no_config:
        return load_settings(None)
    if config is not None:
        if not config.is_file():
            raise ConfigError(_("{path}: configuration file not found").format(path=config))
        return load_settings(config)
    return load_settings(nearest_config(cwd, paths))


def reference_paths(
    option: Sequence[Path],
    config: Path | None,
    no_config: bool,
    cwd: Path,
    paths: Sequence[Path] = (),
) -> list[Path]:
    """The reference list of a command: the `--reference` paths, else the configuration's
    `reference` (relative to its file)."""
    if option:
        return list(option)
    return load_config(config, no_config, cwd, paths).reference_paths


@dataclass(frozen=True)
class ValidateOptions:
    """The options of `tthc validate` that choose what is checked and how."""

    config: Path | None = None
    no_config: bool = False
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    strict: bool = False
    fix: Fixer | None = None  # applies the safe fixes of the enabled fixable rules first
    changed_only: bool = False
    base: str | None = None  # a base revision implies changed_only
    reference: list[str] = field(default_factory=list)  # replaces the configuration's
    use_cache: bool = True
    baseline: Path | None = None  # leave out the findings this baseline file knows
    update_baseline: bool = False  # write the findings to it instead


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

    if options.update_baseline and options.baseline is None:
        # Translators: keep --update-baseline and --baseline as they are (options).
        raise ConfigError(_("--update-baseline needs --baseline FILE"))

    settings = merge_cli(
        load_config(options.config, options.no_config, cwd, paths),
        select=options.select,
        ignore=options.ignore,
        strict=options.strict,
        reference=options.reference,
    )
    fixed = None
    if options.fix is not None:
        fixed = options.fix(paths, settings)
    only = None
    if options.changed_only or options.base is not None:
        from tthc_cli.catalog.gitchanges import changed_files

        only = changed_files(cwd, options.base)
    reference = None
    if settings.reference:
        from tthc_cli.catalog.reference import load_reference

        reference = load_reference(settings.reference_paths, max_bytes=settings.max_bytes)
    cache = None
    folder = cache_folder(options.use_cache)
    if folder is not None:
        from tthc_cli.validation.engine import cache_for

        cache = cache_for(settings, folder, reference)
    result = validate_paths(paths, settings, cache=cache, changed=only, reference=reference)
    if reference is not None:
        result.load_errors += reference.errors
    if options.baseline is not None:
        from tthc_cli.validation.baseline import compare_baseline, update_baseline

        judge = update_baseline if options.update_baseline else compare_baseline
        result.baseline = judge(options.baseline, result, result.checked)
    return ValidateRun(result, strict=settings.strict, fixed=fixed)
