"""Coverage-guided fuzzing of the loader with atheris (not part of the pytest run).

    pip install atheris
    python tests/adversarial/atheris_loader.py -atheris_runs=200000 [corpus_dir]

Each input is decoded, parsed, checked by every rule and formatted, as `tthc validate` and
`tthc fmt` do; the only outcomes allowed are results and the project's own errors
(TthcError). Any other exception is a crash atheris reports with its input. The hypothesis
properties in test_fuzzing.py run in CI; this goes deeper when someone has the time.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from tthc_cli.catalog.loading import load_text
    from tthc_cli.catalog.reading import decode
    from tthc_cli.fixing.formatting import format_text
    from tthc_cli.runtime.errors import TthcError
    from tthc_cli.validation.config import Settings
    from tthc_cli.validation.engine import check_documents

SETTINGS = Settings()


def test_one_input(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.yaml")
    except TthcError:
        return
    check_documents([load_text(text, "fuzz.yaml")], SETTINGS)
    try:
        format_text(text, settings=SETTINGS, only_catalogs=False)
    except TthcError:
        return


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
