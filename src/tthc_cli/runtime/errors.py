"""Errors meant for users: each carries one clear sentence naming the file (and line)."""

from __future__ import annotations

from pathlib import Path


class TthcError(Exception):
    """Base of every error that `tthc` reports to a user instead of a traceback."""

    exit_code = 2


class ConfigError(TthcError):
    """The configuration (pyproject.toml, tthc.toml or a command-line option) is invalid."""


class CatalogLoadError(TthcError):
    """A catalog file cannot be read or decoded (missing, binary, wrong encoding, too big)."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        self.column = column
        super().__init__(self.describe())

    def describe(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"
