"""The message catalogs: complete, faithful to the code's fields, and compiled at install."""

from __future__ import annotations

import gettext
import sys
from pathlib import Path
from typing import cast

import pytest

from helpers import REPO
from tthc_cli.runtime.i18n import DOMAIN, LANGUAGES, LOCALE_DIR, catalog_available

pytest.importorskip("babel", reason="Babel (test extra) extracts and reads the catalogs")
sys.path.insert(0, str(REPO / "build_backend"))
import messages
from babel.messages.pofile import read_po

TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]


def _po(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_of_the_code_is_translated(language: str) -> None:
    template = messages.extract()
    with _po(language).open("rb") as source:
        catalog = read_po(source, locale=language)
    problems = messages.problems(template, catalog)
    assert not problems, (
        "run `python build_backend/messages.py update` and translate:\n" + "\n".join(problems)
    )


def test_template_is_current() -> None:
    with messages.TEMPLATE.open("rb") as source:
        committed = {m.id for m in read_po(source) if m.id}
    extracted = {m.id for m in messages.extract() if m.id}
    assert committed == extracted, "run `python build_backend/messages.py update`"


def test_there_are_many_messages() -> None:
    # A guard against an extraction that silently finds nothing (wrong keywords or folder).
    assert len([m for m in messages.extract() if m.id]) > 300


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalog_is_installed_and_current(language: str) -> None:
    assert catalog_available(language), (
        f"{language}: no compiled catalog; it is built at install: pip install -e ."
    )
    compiled = gettext.translation(DOMAIN, str(LOCALE_DIR), languages=[language])
    with _po(language).open("rb") as source:
        catalog = read_po(source, locale=language)
    stale = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, str):
            got = compiled.gettext(message.id)
            if got != message.string:
                stale.append(message.id)
        else:
            got = compiled.ngettext(message.id[0], message.id[1], 1)
            if got != cast("tuple[str, ...]", message.string)[0]:
                stale.append(message.id[0])
    assert not stale, f"the compiled catalog is older than the .po; reinstall: {stale[:3]}"


def test_fields_are_read_with_their_format() -> None:
    assert messages.fields("{path}:{line}: {value:g} {name!r} {}") == {
        "path",
        "line",
        "value:g",
        "name!r",
        "",
    }


def test_a_translation_that_drops_a_field_is_reported(tmp_path: Path) -> None:
    from babel.messages.catalog import Catalog

    template = Catalog()
    template.add("{path}: file not found")
    catalog = Catalog(locale="vi")
    catalog.add("{path}: file not found", "không tìm thấy tệp")
    assert messages.problems(template, catalog) == [
        "fields [] instead of ['path']: '{path}: file not found'"
    ]
    catalog = Catalog(locale="vi")
    assert messages.problems(template, catalog) == ["missing: '{path}: file not found'"]


def test_the_build_backend_compiles_every_po(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "build_backend"))
    import tthc_build

    folder = tmp_path / "vi" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "tthc.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "interrupted"\nmsgstr "đã dừng"\n',
        encoding="utf-8",
    )
    assert tthc_build.compile_catalogs(tmp_path) == [folder / "tthc.mo"]
    compiled = gettext.translation("tthc", str(tmp_path), languages=["vi"])
    assert compiled.gettext("interrupted") == "đã dừng"
