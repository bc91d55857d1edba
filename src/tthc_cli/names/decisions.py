"""The committee's `keep` and `merge` decisions: written to a `kind: name-decisions` file, and
read back so accepted names are not flagged again."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from tthc_cli.catalog.spans import render_scalar
from tthc_cli.names.committee import Row
from tthc_cli.names.renames import Plan


def decisions_yaml(result: Plan, existing: Path | None = None) -> str:
    """The whole `kind: name-decisions` file: what it held plus this run's keep and merge
    decisions, one entry per group, without repeats. A group whose members sit in several
    communes (streets across a province) is recorded with commune "*"."""
    entries = list(load_accepted(existing)) if existing is not None else []
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in [*result.kept, *result.merged]:
        groups[row.group or f"row {row.line}"].append(row)
    for rows in groups.values():
        communes = {row.commune for row in rows}
        entries.append(
            (
                rows[0].province,
                communes.pop() if len(communes) == 1 else "*",
                rows[0].kind,
                sorted({row.name for row in rows}),
                rows[0].decision,
            )
        )
    seen: set[tuple[str, str, str, tuple[str, ...], str]] = set()
    lines = [
        "# Written by `tthc apply-renames`: names a committee accepted (keep) or merges it",
        "# decided; `tthc dedupe-names --decisions` does not report these groups again.",
        "kind: name-decisions",
        "accepted:" if entries else "accepted: []",
    ]
    for province, commune, kind, names, decision in entries:
        key = (province, commune, kind, tuple(names), decision)
        if key in seen:
            continue
        seen.add(key)
        shown = ", ".join(render_scalar(n, "", flow=True) for n in names)
        lines.append(
            f'  - {{province: "{province}", commune: "{commune}", kind: {kind}, '
            f"decision: {decision}, names: [{shown}]}}"
        )
    return "\n".join(lines) + "\n"


def load_accepted(path: Path) -> list[tuple[str, str, str, list[str], str]]:
    """The accepted groups of a `kind: name-decisions` file (missing file: none):
    (province, commune or "*", kind, names, decision)."""
    from tthc_cli.catalog.decisions import read_decisions
    from tthc_cli.domain.models import NameDecisions

    if not path.exists():
        return []
    model = read_decisions(path, NameDecisions)
    return [(a.province, a.commune, a.kind, list(a.names), a.decision) for a in model.accepted]
