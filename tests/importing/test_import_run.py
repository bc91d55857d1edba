"""importing/run.py and importing/write_units.py: option checks, catalog and units writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from portal_records import make_records
from test_xlsx_and_units import MAPPING, UNIT_LIST

from tthc_cli.importing.portal_json import Filters
from tthc_cli.importing.run import check_options, import_portal_json
from tthc_cli.importing.write_units import import_units_files
from tthc_cli.runtime.errors import ConfigError


def test_options_are_checked() -> None:
    with pytest.raises(ConfigError, match="2-digit province code"):
        check_options("4", None)
    with pytest.raises(ConfigError, match="not a date"):
        check_options(None, "1/7/2025")
    check_options("48", "2025-07-01")


def test_a_new_catalog_needs_a_province(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="give --province CODE"):
        import_portal_json(
            [tmp_path], tmp_path / "xa.yaml", province=None, effective=None,
            filters=Filters("xa"), dry_run=False,
        )  # fmt: skip


def test_portal_json_writes_unless_dry_run(tmp_path: Path) -> None:
    records = make_records(tmp_path)
    out = tmp_path / "xa.yaml"
    dry = import_portal_json(
        [records], out, province="48", effective="2025-07-01", filters=Filters("xa"), dry_run=True
    )
    assert dry.written is not None
    assert dry.written.after
    assert not out.exists()
    run = import_portal_json(
        [records], out, province="48", effective="2025-07-01", filters=Filters("xa"), dry_run=False
    )
    assert run.written is not None
    assert out.read_text(encoding="utf-8") == run.written.after
    assert run.exit_code() == 0


def _lists(tmp_path: Path) -> tuple[Path, Path]:
    units, mapping = tmp_path / "ward.csv", tmp_path / "merges.csv"
    units.write_text(UNIT_LIST, encoding="utf-8")
    mapping.write_text(MAPPING, encoding="utf-8")
    return units, mapping


def test_units_files_are_written_once_unless_overwrite(tmp_path: Path) -> None:
    units, mapping = _lists(tmp_path)
    out = tmp_path / "catalogs"
    first = import_units_files([units], mapping, out, effective="2025-07-01")
    assert [path.relative_to(out) for path, _ in first.written] == [Path("da-nang/units.yaml")]
    again = import_units_files([units], mapping, out, effective="2025-07-01")
    assert again.written == []
    assert again.skipped == [out / "da-nang" / "units.yaml"]
    replaced = import_units_files([units], mapping, out, effective="2025-07-01", overwrite=True)
    assert len(replaced.written) == 1
    assert replaced.exit_code() == 0


def test_units_dry_run_and_province_filter(tmp_path: Path) -> None:
    units, mapping = _lists(tmp_path)
    out = tmp_path / "catalogs"
    dry = import_units_files([units], mapping, out, effective="2025-07-01", dry_run=True)
    assert len(dry.written) == 1
    assert not out.exists()
    other = import_units_files([units], mapping, out, effective="2025-07-01", provinces=["1"])
    assert other.written == []
    assert other.result.items == []


def test_a_units_file_that_cannot_be_written_is_a_failure(tmp_path: Path) -> None:
    units, mapping = _lists(tmp_path)
    blocked = tmp_path / "catalogs"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    run = import_units_files([units], mapping, blocked, effective="2025-07-01")
    assert run.failure is not None
    assert "cannot write" in run.failure
    assert run.exit_code() == 2
