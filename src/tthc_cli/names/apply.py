"""`tthc apply-renames` as one call: read the committee's report, plan the renames, record
keep and merge decisions, write the units files; and the summary and exit code of the run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tthc_cli.names.committee import Row, read_report
from tthc_cli.names.decisions import decisions_yaml
from tthc_cli.names.renames import Plan, Written, apply, plan
from tthc_cli.runtime.errors import CatalogLoadError, ConfigError
from tthc_cli.runtime.i18n import _


@dataclass(frozen=True)
class ApplyOptions:
    dry_run: bool = False
    decisions: Path = Path("name-decisions.yaml")  # where keep/merge decisions are recorded
    reference: str | None = None  # the decision that approved the renames
    date: str | None = None  # YYYY-MM-DD; today when None


@dataclass
class ApplyRun:
    """What `tthc apply-renames` reports."""

    report: Path
    options: ApplyOptions
    plan: Plan
    load_errors: list[CatalogLoadError] = field(default_factory=list)
    written: list[Written] = field(default_factory=list)
    # The refusals listed to the user: the plan's, then those found while editing the files.
    listed_refusals: list[tuple[Row, str]] = field(default_factory=list)
    failure: str | None = None  # the decisions file or a write failed: nothing more was done

    def counts(self) -> dict[str, object]:
        result = self.plan
        return {
            "renames": len(result.renames),
            "files": len(self.written),
            "kept": len(result.kept),
            "merged": len(result.merged),
            "refused": len(result.refused),
            "undecided": result.undecided,
            "decisions": self.options.decisions,
        }

    def summary(self) -> str:
        """One line: what was (or would be) renamed, kept, merged and refused."""
        if self.options.dry_run:
            text = _(
                "would rename {renames} names in {files} files; {kept} kept, {merged} to merge; "
                "{refused} refused; {undecided} rows without a decision"
            )
        elif self.plan.kept or self.plan.merged:
            text = _(
                "renamed {renames} names in {files} files; {kept} kept, {merged} to merge "
                "(recorded in {decisions}); {refused} refused; {undecided} rows without a decision"
            )
        else:
            text = _(
                "renamed {renames} names in {files} files; {kept} kept, {merged} to merge; "
                "{refused} refused; {undecided} rows without a decision"
            )
        return text.format(**self.counts())

    def exit_code(self) -> int:
        """2 when a file could not be read or written, 1 when a rename was refused, else 0."""
        if self.failure is not None or self.load_errors or self.plan.write_errors:
            return 2
        return 1 if self.plan.refused else 0


def apply_renames(report: Path, paths: Sequence[Path], options: ApplyOptions) -> ApplyRun:
    """Apply the renames of `report` to the units files under `paths`.

    Raises TthcError for a bad --date or an unreadable report; files that cannot be read or
    written later are in the run (`load_errors`, `plan.write_errors`, `failure`).
    """
    from tthc_cli.domain.dates import parse_date
    from tthc_cli.runtime.atomic import write_text_atomic

    if options.date is not None and parse_date(options.date) is None:
        raise ConfigError(
            _("--date {date!r} is not a date written YYYY-MM-DD").format(date=options.date)
        )
    planned, load_errors = plan(read_report(report), paths)
    run = ApplyRun(report, options, planned, load_errors, listed_refusals=list(planned.refused))
    decisions = options.decisions
    try:
        decided = None
        if planned.kept or planned.merged:
            # Read (and check) the decisions file before writing anything.
            decided = decisions_yaml(planned, decisions if decisions.exists() else None)
        run.written = apply(
            planned, reference=options.reference, date=options.date, dry_run=options.dry_run
        )
        # apply() refuses the renames of a file whose edit would not read back as intended.
        run.listed_refusals = list(planned.refused)
        if decided is not None and not options.dry_run:
            write_text_atomic(decisions, decided)
    except CatalogLoadError as exc:
        run.failure = exc.describe()
    except OSError as exc:
        run.failure = _("cannot write: {reason}").format(reason=exc.strerror or exc)
    return run
