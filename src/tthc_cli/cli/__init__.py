"""The command line: Typer only. Each command parses options, calls one function, picks a reporter
and sets the exit code.
"""
