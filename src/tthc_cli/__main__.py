"""Run the command-line interface with `python -m tthc_cli`."""

from tthc_cli.launch import main

main()
