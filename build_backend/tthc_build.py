"""Build backend: setuptools, after compiling the gettext catalogs (.po → .mo) with Babel.

Wheels, sdists and editable installs all get the compiled catalogs, so `tthc --lang vi` works
right after `pip install`; the .mo files are build products and are not committed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import (  # re-exported: the hooks this backend does not change
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    get_requires_for_build_wheel,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

__all__ = [
    "build_editable",
    "build_sdist",
    "build_wheel",
    "compile_catalogs",
    "get_requires_for_build_editable",
    "get_requires_for_build_sdist",
    "get_requires_for_build_wheel",
    "prepare_metadata_for_build_editable",
    "prepare_metadata_for_build_wheel",
]

LOCALE_DIR = Path(__file__).resolve().parent.parent / "src" / "tthc_cli" / "locale"


def compile_catalogs(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every `<lang>/LC_MESSAGES/*.po` under locale_dir; fuzzy entries are left out."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as source:
            catalog = read_po(source, locale=po_path.parent.parent.name)
        mo_path = po_path.with_suffix(".mo")
        partial = mo_path.with_name(mo_path.name + ".tmp")
        with partial.open("wb") as target:
            write_mo(target, catalog, use_fuzzy=False)
        partial.replace(mo_path)
        written.append(mo_path)
    return written


def build_wheel(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    compile_catalogs()
    return str(_setuptools.build_wheel(wheel_directory, config_settings, metadata_directory))


def build_editable(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    compile_catalogs()
    return str(_setuptools.build_editable(wheel_directory, config_settings, metadata_directory))


def build_sdist(sdist_directory: str, config_settings: dict[str, Any] | None = None) -> str:
    compile_catalogs()
    return str(_setuptools.build_sdist(sdist_directory, config_settings))


if __name__ == "__main__":
    for path in compile_catalogs():
        print(path)
