"""What every HTML page tthc writes must hold, checked on the parsed page."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Page:
    lang: str | None = None
    h1: int = 0
    csp: str | None = None
    handlers: list[str] = field(default_factory=list)  # on… attributes
    fetches: list[str] = field(default_factory=list)  # src/href to another site
    scripts: int = 0
    text: list[str] = field(default_factory=list)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.page.lang = values.get("lang")
        if tag == "h1":
            self.page.h1 += 1
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.page.csp = values.get("content")
        if tag == "script":
            self.page.scripts += 1
        if tag in ("style", "script", "title") and tag != "title":
            self._skip += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.page.handlers.append(f"{tag} {name}")
            if name in ("src", "href") and value and "//" in value:
                self.page.fetches.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.page.text.append(data)


def read_page(text: str) -> Page:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.page


def assert_sound(text: str, lang: str) -> Page:
    """A self-contained page: its language, one h1, a CSP that fetches nothing, no handlers."""
    page = read_page(text)
    assert text.startswith("<!DOCTYPE html>")
    assert page.lang == lang
    assert page.h1 == 1
    assert page.csp is not None
    assert "default-src 'none'" in page.csp
    assert page.handlers == []
    assert page.fetches == []
    # The print stylesheet inline, or the site's one stylesheet (which holds it).
    assert "@media print" in text or '<link rel="stylesheet" href="' in text
    return page
