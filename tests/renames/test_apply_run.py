"""names/apply.py: the summary line and the exit code of apply-renames."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc_cli.names.apply import ApplyOptions, ApplyRun, apply_renames
from tthc_cli.names.committee import Row
from tthc_cli.names.renames import Plan
from tthc_cli.runtime.errors import CatalogLoadError, ConfigError
from tthc_cli.runtime.i18n import set_language


def _row(line: int, decision: str = "rename") -> Row:
    return Row(line, None, "g1", "48", "20194", "hamlet", "Thôn 1", "", decision, "", "")


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def test_summary_of_a_dry_run() -> None:
    run = ApplyRun(Path("r.csv"), ApplyOptions(dry_run=True), Plan(undecided=2))
    assert run.summary() == (
        "would rename 0 names in 0 files; 0 kept, 0 to merge; 0 refused; 2 rows without a decision"
    )
    assert run.exit_code() == 0


def test_summary_names_the_decisions_file_when_something_was_kept() -> None:
    plan = Plan(kept=[_row(3, "keep")])
    run = ApplyRun(Path("r.csv"), ApplyOptions(decisions=Path("d.yaml")), plan)
    assert "1 kept, 0 to merge (recorded in d.yaml)" in run.summary()


def test_exit_codes() -> None:
    refused = Plan(refused=[(_row(2), "collides")])
    assert ApplyRun(Path("r.csv"), ApplyOptions(), refused).exit_code() == 1
    failed = ApplyRun(Path("r.csv"), ApplyOptions(), refused, failure="cannot write")
    assert failed.exit_code() == 2
    unreadable = [CatalogLoadError("x.yaml", "cannot read")]
    assert ApplyRun(Path("r.csv"), ApplyOptions(), Plan(), unreadable).exit_code() == 2


def test_a_bad_date_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a date"):
        apply_renames(tmp_path / "r.csv", [tmp_path], ApplyOptions(date="2025-13-01"))


def test_an_unreadable_report_raises(tmp_path: Path) -> None:
    with pytest.raises(CatalogLoadError):
        apply_renames(tmp_path / "none.csv", [tmp_path], ApplyOptions())
