"""Dispatch `python -m benchmarks [COMMAND]`: with no command, every target in one run."""

from __future__ import annotations

import sys
from collections.abc import Sequence

USAGE = """\
usage: python -m benchmarks [COMMAND] [OPTIONS]

With no command (or `all`): every performance target and its baselines in one run
(start-up, validate against check-jsonschema and yamllint, dedupe-names, diff, stats, search),
as Markdown; 3 to 4 minutes. [--repeat R] [--tiny] [--no-peers] [--keep DIR]

commands:
  all        the same as no command
  parsers    time YAML parsers, `tthc validate` and `tthc fmt` on a generated corpus
             [--files N] [--repeat R] [--corpus DIR] [--subset N]
  diff       time `tthc diff` on two 10,000-procedure snapshots [--procedures N] [--repeat R]
  dedupe     time `tthc dedupe-names` on national hamlets and the national street list
             [--repeat R] [--hamlets N] [--only hamlets|streets] [--no-tracemalloc]
  lsp        `tthc lsp`: diagnostics after a change in a 500-procedure file, and the server's
             memory with the 2,000-file corpus as the workspace [--files N] [--changes N]
  labelled   score dedupe-names' verdicts on the two labelled sets of name pairs (real names
             with labels from unit codes, and the synthetic set): precision, recall, per kind
  generate   write the corpus only: OUT [--files N] [--procedures N] [--seed S]
  site       time `tthc site` on the shipped catalogs and the corpus; first-search bytes and
             keystroke time in headless Chromium [--repeat R] [--corpus DIR]
  identity   record|check DIR: the JSON output of validate, diff, dedupe-names, stats and
             search on the corpora and the shipped catalogs, byte for byte, before and after

`python -m benchmarks COMMAND --help` describes each command's options.
"""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command, rest = (args[0], args[1:]) if args else ("all", [])
    if command.startswith("-") and command not in {"-h", "--help"}:
        command, rest = "all", args  # options of the whole run
    # Imported on demand so `--help` and `generate` do not pay for the parser jobs' imports.
    if command == "all":
        from benchmarks import suite

        return suite.main(rest)
    if command == "parsers":
        from benchmarks import parsers

        return parsers.main(rest)
    if command == "diff":
        from benchmarks import diffbench

        return diffbench.main(rest)
    if command == "dedupe":
        from benchmarks import dedupebench

        return dedupebench.main(rest)
    if command == "lsp":
        from benchmarks import lspbench

        return lspbench.main(rest)
    if command == "labelled":
        from benchmarks import reallabelled

        return reallabelled.main(["score", *rest])
    if command == "generate":
        from benchmarks import generate

        return generate.main(rest)
    if command == "site":
        from benchmarks import sitebench

        return sitebench.main(rest)
    if command == "identity":
        from benchmarks import identity

        return identity.main(rest)
    if command in {"-h", "--help", "help"}:
        print(USAGE, end="")
        return 0
    print(USAGE, end="", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
