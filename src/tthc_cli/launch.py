"""The `tthc` script: `tthc --version` is answered before the command line (typer) is loaded."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from tthc_cli import __version__

        sys.stdout.write(f"tthc {__version__}\n")
        return
    from tthc_cli.cli.app import main as run

    run()
