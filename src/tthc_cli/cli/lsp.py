"""`tthc lsp`: the language server for editors, over stdin and stdout."""

from __future__ import annotations

import typer

from tthc_cli.cli.common import fail
from tthc_cli.cli.lang import TthcCommand
from tthc_cli.runtime.i18n import N_, _

HELP = N_("""Run the language server (LSP) over stdin and stdout, for editors.

It reports the findings of `tthc validate` as you type, with the same configuration, offers
the safe fixes and inline ignores as code actions, formats like `tthc fmt`, explains rule
codes, procedure codes and document numbers on hover, and completes keys and values.
Needs the `lsp` extra: pip install 'tthc-cli\\[lsp]'. The README shows the set-up for VS Code,
Neovim and Helix.

[bold]Examples[/]

  tthc lsp
  tthc --lang vi lsp
""")


def lsp() -> None:
    try:
        import pygls  # noqa: F401  (only to say clearly when it is missing)
    except ImportError:
        # Translators: keep the pip command as it is.
        fail(_("tthc lsp needs pygls: pip install 'tthc-cli[lsp]'"))
    from tthc_cli.lsp.server import serve

    serve()


def register(app: typer.Typer) -> None:
    app.command(help=HELP, cls=TthcCommand)(lsp)
