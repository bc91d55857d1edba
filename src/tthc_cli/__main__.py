"""Run the command-line interface with `python -m tthc_cli`."""

from tthc_cli.cli import main

main()
