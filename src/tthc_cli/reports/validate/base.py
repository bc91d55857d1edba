"""What a validate reporter is: something that renders a ValidationResult to a console."""

from __future__ import annotations

from typing import Protocol

from rich.console import Console

from tthc_cli.runtime.i18n import ngettext
from tthc_cli.validation.results import ValidationResult


class Reporter(Protocol):
    def render(self, result: ValidationResult, console: Console) -> None: ...


def write_raw(console: Console, text: str) -> None:
    """Write machine-readable text as it is: no markup, wrapping or colour."""
    console.file.write(text)
    console.file.flush()


def baseline_notes(result: ValidationResult) -> list[str]:
    """What a run with --baseline says about it: how many findings were left out as known,
    how many entries were written, how many are fixed (plain text, translated)."""
    outcome = result.baseline
    if outcome is None:
        return []
    if outcome.written is not None:
        # Translators: {file} is the baseline file written by --update-baseline.
        return [
            ngettext(
                "baseline {file} written: {count:,} finding",
                "baseline {file} written: {count:,} findings",
                outcome.written,
            ).format(file=outcome.file, count=outcome.written)
        ]
    notes: list[str] = [
        # Translators: {file} is the baseline file given with --baseline.
        ngettext(
            "{count:,} known finding left out (in the baseline {file})",
            "{count:,} known findings left out (in the baseline {file})",
            len(outcome.known),
        ).format(count=len(outcome.known), file=outcome.file)
    ]
    fixed = sum(entry.count for entry, _shown in outcome.fixed)
    if fixed:
        notes.append(
            # Translators: keep --update-baseline and --strict as they are (options).
            ngettext(
                "{count:,} baseline entry is fixed: run --update-baseline to drop it "
                "(--strict fails until then)",
                "{count:,} baseline entries are fixed: run --update-baseline to drop them "
                "(--strict fails until then)",
                fixed,
            ).format(count=fixed)
        )
    return notes
