"""The baseline file: sorted, one entry per line, merged counts, read back as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc_cli.runtime.errors import ConfigError
from tthc_cli.validation.baseline import Entry, read_baseline, render

_TEXT = st.text(alphabet='aàảãáạăđĐ.[]=_ "\\0123', max_size=12)
_ENTRIES = st.lists(
    st.builds(
        Entry, _TEXT, _TEXT, st.sampled_from(["TT101", "TT110", "TT202"]), _TEXT, st.integers(1, 3)
    ),
    max_size=12,
)


@given(_ENTRIES)
def test_render_reads_back_sorted_with_equal_keys_merged(entries: list[Entry]) -> None:
    text = render(entries)
    assert text == render(list(reversed(entries)))  # the order given does not matter
    data = json.loads(text)
    keys = [(e["file"], e["path"], e["rule"]) for e in data["findings"]]
    assert keys == sorted(set(keys))
    assert sum(e["count"] for e in data["findings"]) == sum(e.count for e in entries)
    assert len(text.splitlines()) == 4 + len(keys) + 2 - (1 if not keys else 0)


def test_read_baseline_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    entries = [Entry("xa.yaml", "procedures[code=1.001193].name", "TT202", "x", 2)]
    path.write_text(render(entries), encoding="utf-8")
    assert read_baseline(path) == entries
    assert read_baseline(path)[0].count == 2


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{", "cannot read the baseline file"),
        ('{"version": 2, "findings": []}', "not a tthc baseline file"),
        ("[1, 2]", "not a tthc baseline file"),
        ('{"version": 1, "findings": [{"file": "a", "path": "$"}]}', "needs file, path and rule"),
        (
            '{"version": 1, "findings": [{"file": "a", "path": "$", "rule": "TT1", "count": 0}]}',
            "needs file, path and rule",
        ),
    ],
)
def test_a_damaged_baseline_is_a_config_error(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        read_baseline(path)
