"""What a validate reporter is: something that renders a ValidationResult to a console."""

from __future__ import annotations

from typing import Protocol

from rich.console import Console

from tthc_cli.validation.results import ValidationResult


class Reporter(Protocol):
    def render(self, result: ValidationResult, console: Console) -> None: ...


def write_raw(console: Console, text: str) -> None:
    """Write machine-readable text as it is: no markup, wrapping or colour."""
    console.file.write(text)
    console.file.flush()
