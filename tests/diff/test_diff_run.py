"""diffing/run.py: --only and --field checked, entries picked, decisions noted."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CATALOG_HEAD, PROCEDURE
from tthc_cli.diffing.run import check_choices, run_diff, split_list
from tthc_cli.runtime.errors import ConfigError


def test_split_list_takes_commas_and_repeats() -> None:
    assert split_list(["moved,removed", " added ", ""]) == ["moved", "removed", "added"]
    assert split_list(None) == []


def test_unknown_statuses_and_fields_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="unknown status 'gone'"):
        check_choices(["moved", "gone"], [])
    with pytest.raises(ConfigError, match="did you mean `time_limit`"):
        check_choices([], ["time_limt"])
    check_choices(["moved"], ["time_limit"])


def test_run_diff_picks_the_entries_to_show(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(CATALOG_HEAD + PROCEDURE, encoding="utf-8")
    changed = PROCEDURE.replace("{value: 1,", "{value: 3,")
    added = PROCEDURE.replace("1.001193", "1.000001").replace("khai sinh", "kết hôn")
    new.write_text(CATALOG_HEAD + changed + added, encoding="utf-8")
    run = run_diff(old, new)
    assert sorted(entry.status for entry in run.entries) == ["added", "changed"]
    assert run.exit_code() == 1
    only = run_diff(old, new, only=["added"])
    assert [entry.status for entry in only.entries] == ["added"]
    fields = run_diff(old, new, fields=["time_limit"])
    assert [entry.status for entry in fields.entries] == ["changed"]
    assert run_diff(old, old).exit_code() == 0
