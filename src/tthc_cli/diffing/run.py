"""`tthc diff` as one call: the `--only` and `--field` choices checked, the decisions file
read, both sides compared and the entries a report shows picked out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tthc_cli.diffing.compare import FIELDS, diff_paths, filtered
from tthc_cli.diffing.result import DiffEntry, DiffResult
from tthc_cli.runtime.errors import ConfigError
from tthc_cli.runtime.i18n import _

STATUSES = ("moved", "changed", "added", "removed", "unchanged")


def split_list(values: Sequence[str] | None) -> list[str]:
    """`--only moved,removed --only added` → ["moved", "removed", "added"]."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def check_choices(only: Sequence[str], fields: Sequence[str]) -> None:
    """Raise ConfigError naming the first status or field that does not exist."""
    unknown = [status for status in only if status not in STATUSES]
    if unknown:
        raise ConfigError(
            _("--only: unknown status {status!r}; use {statuses}").format(
                status=unknown[0], statuses=", ".join(STATUSES)
            )
        )
    unknown = [name for name in fields if name not in FIELDS]
    if unknown:
        from tthc_cli.text.suggest import did_you_mean

        hint = did_you_mean(unknown[0], FIELDS)
        raise ConfigError(
            _("--field: unknown field {field!r}{hint}").format(field=unknown[0], hint=hint)
        )


@dataclass
class DiffRun:
    """What `tthc diff` reports: the comparison, and the entries to show."""

    result: DiffResult
    entries: list[DiffEntry]
    decisions: Path | None = None

    def unused_decisions(self) -> list[str]:
        """`pairs.yaml: ...` for each decision that paired nothing."""
        return [f"{self.decisions}: {note}" for note in self.result.unused_decisions]

    def exit_code(self) -> int:
        return self.result.exit_code()


def run_diff(
    old: Path,
    new: Path,
    *,
    only: Sequence[str] | None = None,
    fields: Sequence[str] | None = None,
    decisions: Path | None = None,
    include_unstated: bool = False,
    use_cache: bool = True,
) -> DiffRun:
    """Compare `old` with `new`; raises TthcError for a bad choice or decisions file."""
    from tthc_cli.diffing.matching import load_decisions

    statuses, names = split_list(only), split_list(fields)
    check_choices(statuses, names)
    pairs = load_decisions(decisions) if decisions is not None else None
    result = diff_paths([old], [new], pairs, include_unstated=include_unstated, use_cache=use_cache)
    return DiffRun(result, filtered(result, only=statuses, fields=names), decisions)
