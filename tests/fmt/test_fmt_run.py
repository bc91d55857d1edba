"""fixing/run.py and names/run.py: one call each for fmt and dedupe-names."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, UNITS_HEAD
from tthc_cli.fixing.run import run_fmt
from tthc_cli.names.run import run_dedupe
from tthc_cli.reports.fmt import summary_line
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import set_language

SPACED = CATALOG_HEAD + PROCEDURE.replace("Đăng ký khai sinh", '"Đăng ký  khai sinh"')


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def test_check_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "xa.yaml"
    path.write_text(SPACED, encoding="utf-8")
    run = run_fmt([tmp_path], dry=True, no_config=True, cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == SPACED
    assert run.exit_code() == 1
    assert summary_line(run) == "1 file would be fixed, 0 already formatted."
    written = run_fmt([tmp_path], dry=False, no_config=True, cwd=tmp_path)
    assert written.exit_code() == 0
    assert summary_line(written).startswith("Fixed 1 value in 1 file")
    again = run_fmt([tmp_path], dry=True, no_config=True, cwd=tmp_path)
    assert again.exit_code() == 0
    assert summary_line(again) == "1 file already formatted."


def test_dedupe_reads_the_decisions_first(tmp_path: Path) -> None:
    units = tmp_path / "units.yaml"
    units.write_text(
        UNITS_HEAD + '  - code: "20194"\n    name: Phường Hải Vân\n'
        "    hamlets: [{name: Thôn 1}, {name: Thôn 01}]\n",
        encoding="utf-8",
    )
    result = run_dedupe([units])
    assert result.duplicate_groups == 1
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text("kind: units\naccepted: 3\n", encoding="utf-8")
    with pytest.raises(CatalogLoadError):
        run_dedupe([units], decisions=decisions)
