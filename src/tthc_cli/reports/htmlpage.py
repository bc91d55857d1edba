"""HTML pages: one self-contained file per report, rendered by Jinja2 with autoescaping.

Every value a page shows goes through the template engine, which escapes it; no HTML is built
by joining strings. A page carries its CSS inline (screen and print), no script, and a
Content-Security-Policy that allows only that stylesheet (by its hash) and inline images, so a
report opened from an e-mail or by a double-click fetches nothing. Labels are messages of the
gettext catalogs, so a page speaks the language of `--lang`, and says so in `<html lang>`.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Mapping
from importlib import resources
from typing import Any

from markupsafe import Markup

from tthc_cli.runtime.i18n import N_, _, current_language

# Labels every page uses; each command adds its own.
COMMON_LABELS = {
    "generator": N_("Made by tthc"),
    "skip": N_("Skip to the content"),
    "summary": N_("Summary"),
    "total": N_("Total"),
    "none_found": N_("Nothing to report."),
}


def template_text(name: str) -> str:
    """A file shipped in tthc_cli/reports/templates (package data)."""
    return (resources.files("tthc_cli.reports") / "templates" / name).read_text(encoding="utf-8")


@functools.cache
def stylesheet() -> str:
    return template_text("style.css")


def csp_hash(text: str) -> str:
    """The CSP source that allows exactly this inline style or script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(*, scripts: tuple[str, ...] = (), styles: tuple[str, ...] = ()) -> str:
    """Nothing from the network: the stylesheet inline in the page (or the sources given), the
    scripts given, inline images."""
    policy = [
        "default-src 'none'",
        "style-src " + (" ".join(styles) or csp_hash(stylesheet())),
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if scripts:
        policy.append("script-src " + " ".join(scripts))
    return "; ".join(policy)


def translated(labels: Mapping[str, str]) -> dict[str, str]:
    """Labels (English messages) in the current language."""
    return {key: str(_(text)) for key, text in {**COMMON_LABELS, **labels}.items()}


@functools.cache
def environment() -> Any:
    """The one Jinja2 environment of the reports (the site adds its own templates to it)."""
    from jinja2 import PackageLoader

    return make_environment(PackageLoader("tthc_cli.reports", "templates"))


def make_environment(loader: Any) -> Any:
    """A Jinja2 environment with autoescaping on, reading templates from `loader`."""
    from jinja2 import Environment, StrictUndefined

    env = Environment(
        loader=loader,
        autoescape=True,  # every page is HTML, whatever its template's file name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates are package data: never changed while tthc runs
    )
    env.filters["number"] = number
    return env


def number(value: int | float) -> str:
    """A count written the way the page's language writes it (1.234 in Vietnamese)."""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    if current_language() == "vi":
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def render_page(template: str, labels: Mapping[str, str], **context: Any) -> str:
    """A whole page: `template` extends base.html, with the labels and values given."""
    page: str = (
        environment()
        .get_template(template)
        .render(
            lang=current_language(),
            csp=content_security_policy(),
            css=Markup(stylesheet()),  # our own file, shipped with the package
            t=translated(labels),
            **context,
        )
    )
    return page


# The levels of government, as pages name them.
LEVEL_LABELS = {"tinh": N_("Province"), "huyen": N_("District"), "xa": N_("Commune")}
# Online service levels, as pages name them.
ONLINE_LABELS = {
    "full": N_("Full"),
    "partial": N_("Partial"),
    "available": N_("Online, level not published"),
    "none": N_("Not online"),
    "unstated": N_("Not stated"),
}


def level_label(level: str) -> str:
    """A level code (xa, huyen, tinh; huyen+xa) in the current language."""
    parts = [str(_(LEVEL_LABELS[p])) if p in LEVEL_LABELS else p for p in level.split("+") if p]
    return "+".join(parts) or "—"


def online_label(kind: str) -> str:
    return str(_(ONLINE_LABELS.get(kind, kind))) if kind else str(_(ONLINE_LABELS["unstated"]))


# The fields of a procedure, as pages name them.
FIELD_LABELS = {
    "code": N_("Procedure code"),
    "name": N_("Procedure name"),
    "field": N_("Field"),
    "agency": N_("Agency"),
    "time_limit": N_("Time limit"),
    "fees": N_("Fees and charges"),
    "online": N_("Online service"),
    "location_independent": N_("Location-independent"),
    "legal_basis": N_("Legal basis"),
    "decision": N_("Publishing decision"),
    "type": N_("Procedure type"),
    "subjects": N_("Who applies"),
    "documents": N_("Documents to submit"),
    "steps": N_("Steps"),
    "result": N_("Result"),
    "conditions": N_("Conditions"),
    "notes": N_("Notes"),
    "channels": N_("Channels"),
}


def field_label(key: str) -> str:
    return str(_(FIELD_LABELS[key])) if key in FIELD_LABELS else key
