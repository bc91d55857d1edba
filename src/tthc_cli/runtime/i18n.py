"""Which language tthc speaks, and the gettext functions every user-facing message goes through.

Messages are written in English in the code and translated through the gettext catalogs in
`tthc_cli/locale/` (`vi` today). The language is, in this order: `--lang`, the `TTHC_LANG`
environment variable, the locale (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`; `vi_*` means
Vietnamese), else English. Rule codes, JSON keys and CSV/XLSX key columns never change.

Messages with values use named `str.format` fields, so a translation can put them in any order:
`_("{path}: file not found").format(path=path)`.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "tthc"
LANGUAGES = ("en", "vi")
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_current: gettext.NullTranslations | None = None
_language = "en"


def language_from(value: str | None) -> str | None:
    """`vi`, `vi_VN.UTF-8`, `VI-vn` → `vi`; `en_US` → `en`; anything else → None."""
    if not value:
        return None
    for part in value.split(":"):  # LANGUAGE may hold a list, in order of preference
        code = part.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
        if code in LANGUAGES:
            return code
        if code and code not in ("c", "posix"):
            return "en"  # a language we have no catalog for: English, not the next variable
    return None


def choose_language(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to speak: the option, else TTHC_LANG, else the locale, else English."""
    env = os.environ if environ is None else environ
    for value in (option, env.get("TTHC_LANG")):
        chosen = language_from(value)
        if chosen is not None:
            return chosen
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        chosen = language_from(env.get(variable))
        if chosen is not None:
            return chosen
    return "en"


def set_language(language: str) -> None:
    """Speak `language` from now on (a missing compiled catalog falls back to English)."""
    global _current, _language
    _language = language if language in LANGUAGES else "en"
    if _language == "en":
        _current = gettext.NullTranslations()
        return
    _current = gettext.translation(
        DOMAIN, localedir=str(LOCALE_DIR), languages=[_language], fallback=True
    )


def current_language() -> str:
    _translations()
    return _language


def catalog_available(language: str) -> bool:
    """Whether the compiled catalog of `language` is installed (English needs none)."""
    return language == "en" or (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()


def _translations() -> gettext.NullTranslations:
    if _current is None:
        set_language(choose_language())
    assert _current is not None
    return _current


class Text(str):
    """A translated message that remembers its English wording.

    What must not change with the language (SARIF fingerprints) reads `english_of(message)`.
    `format` keeps both: `_("code {code} is used").format(code=c)` in Vietnamese still knows
    "code 1.001193 is used".
    """

    english: str

    def __new__(cls, text: str, english: str) -> Text:
        made = super().__new__(cls, text)
        made.english = english
        return made

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return (str(self), self.english)

    def format(self, *args: object, **kwargs: object) -> Text:
        translated = str.format(self, *args, **kwargs)
        english = str.format(
            self.english,
            *(english_of(arg) for arg in args),
            **{key: english_of(value) for key, value in kwargs.items()},
        )
        return Text(translated, english)


def english_of(value: object) -> object:
    """The English wording of a translated message; any other value as it is."""
    return value.english if isinstance(value, Text) else value


def _(message: str) -> Text:
    """The message in the current language."""
    return Text(_translations().gettext(message), message)


def ngettext(singular: str, plural: str, number: int) -> Text:
    """The singular or plural message for `number`, in the current language."""
    english = singular if number == 1 else plural
    return Text(_translations().ngettext(singular, plural, number), english)


def N_(message: str) -> str:
    """Mark a message for translation where it is defined; translate it with `_` where shown."""
    return message
