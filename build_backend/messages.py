"""Keep the message catalogs in step with the code (for developers; needs Babel).

    python build_backend/messages.py update   # extract tthc.pot, merge it into every .po
    python build_backend/messages.py check    # exit 1 and list what is missing or wrong

Messages are the `_()`, `N_()` and `ngettext()` calls in src/tthc_cli. Positions are not kept
in the catalogs, so moving code does not touch them.
"""

from __future__ import annotations

import io
import string
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "tthc_cli"
LOCALE_DIR = PACKAGE / "locale"
TEMPLATE = LOCALE_DIR / "tthc.pot"
DOMAIN = "tthc"
HEADER = """\
# Messages of tthc.
# This file is distributed under the same license as tthc (MIT).
#"""


def extract(package: Path = PACKAGE) -> Catalog:
    """Every message of the package, as a template catalog."""
    template = Catalog(
        header_comment=HEADER,
        project="tthc",
        copyright_holder="tthc developers",
        msgid_bugs_address="",
        language_team="tthc developers",
        fuzzy=False,
    )
    if TEMPLATE.is_file():
        # Keep the creation date, so that an update without new messages changes nothing.
        with TEMPLATE.open("rb") as source:
            template.creation_date = read_po(source).creation_date
    found = extract_from_dir(
        str(package),
        method_map=[("**.py", "python")],
        keywords=DEFAULT_KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def _write(catalog: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=100,
        no_location=True,
        omit_header=False,
        sort_output=True,
        ignore_obsolete=True,
        include_previous=False,
    )
    partial = path.with_name(path.name + ".tmp")
    partial.write_bytes(buffer.getvalue())
    partial.replace(path)


def po_files(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    return sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def update() -> None:
    template = extract()
    _write(template, TEMPLATE)
    for po_path in po_files():
        with po_path.open("rb") as source:
            catalog = read_po(source, locale=po_path.parent.parent.name)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.header_comment = HEADER.replace("Messages of", f"{catalog.locale} messages of")
        _write(catalog, po_path)
        print(f"{po_path.relative_to(ROOT)}: {len(problems(template, catalog))} to translate")


def fields(text: str) -> set[str]:
    """The replacement fields of a str.format text: `{path}`, `{value:g}` → {'path', 'value:g'}."""
    found = set()
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            found.add(f"{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}")
    return found


def _forms(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return [""]
    return [value] if isinstance(value, str) else list(value)


def problems(template: Catalog, catalog: Catalog) -> list[str]:
    """What keeps `catalog` from translating every message of `template` faithfully."""
    found = []
    for message in template:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        translated: Message | None = catalog.get(message.id, context=message.context)
        if translated is None:
            found.append(f"missing: {key!r}")
            continue
        forms = _forms(translated.string)
        if not all(forms):
            found.append(f"not translated: {key!r}")
            continue
        if translated.fuzzy:
            found.append(f"fuzzy: {key!r}")
            continue
        expected = set().union(*(fields(text) for text in _forms(message.id)))
        for form in forms:
            try:
                got = fields(form)
            except ValueError as exc:
                found.append(f"bad braces in the translation of {key!r}: {exc}")
                continue
            if got != expected:
                found.append(f"fields {sorted(got)} instead of {sorted(expected)}: {key!r}")
    extra = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id} - {
        m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id
    }
    found += [f"no longer in the code: {key!r}" for key in sorted(extra)]
    return found


def check() -> int:
    template = extract()
    status = 0
    for po_path in po_files():
        with po_path.open("rb") as source:
            catalog = read_po(source, locale=po_path.parent.parent.name)
        for problem in problems(template, catalog):
            print(f"{po_path.relative_to(ROOT)}: {problem}")
            status = 1
    return status


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "check":
        sys.exit(check())
    else:
        sys.exit(f"usage: {sys.argv[0]} update|check")
