"""The one decisions-file loader refuses both kinds of decisions file the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tthc_cli.catalog.decisions import read_decisions
from tthc_cli.diffing.matching import load_decisions
from tthc_cli.domain.models import DiffDecisions, NameDecisions
from tthc_cli.names.decisions import load_accepted
from tthc_cli.runtime.errors import CatalogLoadError

DIFF = 'kind: diff-decisions\npairs:\n  - {old: "1.008903", new: "1.013225"}\n'
NAMES = (
    "kind: name-decisions\naccepted:\n"
    '  - {province: "48", commune: "20194", kind: hamlet, decision: keep, names: [Tổ 1, Tổ 01]}\n'
)


def _error(path: Path, text: str, model: Any) -> str:
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogLoadError) as caught:
        read_decisions(path, model)
    return caught.value.describe().replace(str(path), "d.yaml")


def test_both_kinds_load(tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text(DIFF, encoding="utf-8")
    (tmp_path / "n.yaml").write_text(NAMES, encoding="utf-8")
    assert load_decisions(tmp_path / "d.yaml").pin == [("1.008903", "1.013225")]
    assert load_accepted(tmp_path / "n.yaml") == [
        ("48", "20194", "hamlet", ["Tổ 1", "Tổ 01"], "keep")
    ]
    assert load_accepted(tmp_path / "missing.yaml") == []


@pytest.mark.parametrize(
    ("model", "other"),
    [(DiffDecisions, NAMES), (NameDecisions, DIFF), (DiffDecisions, ""), (NameDecisions, "- a\n")],
)
def test_another_kind_names_the_kind_wanted(
    tmp_path: Path, model: type[DiffDecisions] | type[NameDecisions], other: str
) -> None:
    kind = "diff-decisions" if model is DiffDecisions else "name-decisions"
    assert _error(tmp_path / "d.yaml", other, model) == (
        f"d.yaml: a decisions file needs `kind: {kind}`"
    )


def test_parse_problems_and_schema_errors_point_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    duplicate = DIFF + "pairs: []\n"
    assert _error(path, duplicate, DiffDecisions).startswith("d.yaml:4:1: key 'pairs' appears")
    unquoted = NAMES.replace('commune: "20194"', "commune: 20194")
    assert _error(path, unquoted, NameDecisions) == (
        "d.yaml:3: invalid decisions file (accepted.0.commune: Input should be a valid string); "
        'write codes in quotes, e.g. commune: "20194"'
    )
    unquoted = DIFF.replace('old: "1.008903"', "old: 1.008903")
    assert _error(path, unquoted, DiffDecisions).endswith('e.g. old: "1.008903"')
    missing = "kind: diff-decisions\npairs:\n  - {old: x}\n"
    assert _error(path, missing, DiffDecisions) == (
        "d.yaml:3: invalid decisions file (pairs.0.new: Field required)"
    )
