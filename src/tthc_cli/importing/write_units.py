"""`tthc import units` as one call: read the unit lists and the mapping, then write a units
file per province (those asked for), leaving existing files alone unless told to replace them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tthc_cli.importing.problems import ImportResult
from tthc_cli.importing.units import NewProvince
from tthc_cli.runtime.i18n import _


@dataclass
class UnitsImport:
    """What `tthc import units` reports."""

    result: ImportResult
    provinces: int  # provinces the mapping holds (before --province)
    dry_run: bool
    written: list[tuple[Path, int]] = field(default_factory=list)  # file, communes
    skipped: list[Path] = field(default_factory=list)  # files that exist (no --overwrite)
    failure: str | None = None  # a units file could not be written: nothing more was

    def exit_code(self) -> int:
        """2 when input failed, nothing was read or a file could not be written, else 0."""
        return 2 if self.failure is not None or self.result.errors or not self.provinces else 0


def units_file(output: Path, province: NewProvince) -> Path:
    from tthc_cli.importing.units import slug

    return output / slug(province.name) / "units.yaml"


def write_units(
    run: UnitsImport,
    chosen: Sequence[NewProvince],
    output: Path,
    *,
    effective: str,
    source: str,
    overwrite: bool,
) -> None:
    """Write (or, in a dry run, only count) a units file per chosen province into `run`."""
    from tthc_cli.importing.units import units_yaml
    from tthc_cli.runtime.atomic import write_text_atomic

    for item in chosen:
        target = units_file(output, item)
        if target.exists() and not overwrite:
            run.skipped.append(target)
            continue
        if not run.dry_run:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                write_text_atomic(target, units_yaml(item, effective, source))
            except OSError as exc:
                reason = exc.strerror or exc
                run.failure = _("{path}: cannot write: {reason}").format(path=target, reason=reason)
                return
        run.written.append((target, len(item.communes)))


def import_units_files(
    unit_lists: Sequence[Path],
    mapping: Path,
    output: Path,
    *,
    provinces: Sequence[str] = (),
    effective: str,
    overwrite: bool = False,
    dry_run: bool = False,
) -> UnitsImport:
    """Units files under `output` from the unit lists and the old -> new mapping; raises
    ConfigError for a date not written YYYY-MM-DD."""
    from tthc_cli.importing.run import check_options
    from tthc_cli.importing.units import import_units

    check_options(None, effective)
    result = ImportResult()
    found = import_units(unit_lists, mapping, result)
    wanted = {code.zfill(2) for code in provinces}
    chosen = [p for code, p in sorted(found.items()) if not wanted or code in wanted]
    run = UnitsImport(result, len(found), dry_run)
    source = "; ".join([*(path.name for path in unit_lists), mapping.name])
    write_units(run, chosen, output, effective=effective, source=source, overwrite=overwrite)
    if run.failure is None:
        result.items = [{"province": p.code, "communes": len(p.communes)} for p in chosen]
    return run
