"""Hovers: a rule code shows the rule's documentation, a procedure code its name and where else
the workspace lists it, a document number what its symbol says and which files cite it."""

from __future__ import annotations

import re
from pathlib import Path

from tthc_cli.domain.doctypes import describe_document_number
from tthc_cli.domain.documents import DOCUMENT_NUMBER
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.live import LiveWorkspace

_RULE = re.compile(r"\bTT\d{3}\b")
_CODE = re.compile(r"(?<![\d.])\d\.\d{6}(?:\.000\.00\.00\.H\d{2}|\.H\d{2})?(?![\d])")
# How many other places a hover lists before "and N more".
MAX_PLACES = 10


def token_at(line: str, column: int) -> tuple[str, str] | None:
    """(kind, text) of the rule code, procedure code or document number under a 0-based
    code-point column of line."""
    for kind, pattern in (("rule", _RULE), ("code", _CODE), ("number", DOCUMENT_NUMBER)):
        for match in pattern.finditer(line):
            if match.start() <= column <= match.end():
                return kind, match.group(0)
    return None


def hover_text(live: LiveWorkspace, path: Path, line: str, column: int) -> str | None:
    """The Markdown of a hover, or None when there is nothing under the cursor to explain."""
    token = token_at(line, column)
    if token is None:
        return None
    kind, text = token
    if kind == "rule":
        return _rule(text)
    if kind == "code":
        return _procedure(live, path, text)
    return _number(live, text)


def _rule(code: str) -> str | None:
    from tthc_cli.validation.rules import REGISTRY

    rule = next((rule for rule in REGISTRY if rule.code == code), None)
    if rule is None:
        return None
    return f"**{rule.code} {rule.name}** ({rule.severity})\n\n{rule.doc.strip()}"


def _procedure(live: LiveWorkspace, path: Path, code: str) -> str | None:
    here = live.shown(path)
    refs = live.procedures_like(code)
    if not refs:
        return None
    names = sorted({ref.name for ref in refs if ref.code == code and ref.file == here and ref.name})
    name = names[0] if names else next((ref.name for ref in refs if ref.name), "")
    lines = [f"**{code}** {name}".rstrip()]
    others = [ref for ref in refs if ref.file != here]
    if others:
        # Translators: a heading in an editor hover; {count} places.
        lines += ["", _("Also listed in {count} other places:").format(count=len(others))]
        lines += [
            f"- `{ref.file}` procedures[{ref.index}]: {ref.code} {ref.name}".rstrip()
            for ref in others[:MAX_PLACES]
        ]
        if len(others) > MAX_PLACES:
            lines.append(_("- and {count} more").format(count=len(others) - MAX_PLACES))
    else:
        lines += ["", _("Not listed in any other catalog of the workspace.")]
    return "\n".join(lines)


def _number(live: LiveWorkspace, text: str) -> str | None:
    described = describe_document_number(text)
    if described is None:
        return None
    lines = [f"**{text}**", "", *(f"- {line}" for line in described)]
    uses = live.number_uses(text)
    if uses:
        total = sum(uses.values())
        # Translators: in an editor hover; {count} citations in {files} files.
        lines += [
            "",
            _("Cited {count} times in {files} files of the workspace.").format(
                count=total, files=len(uses)
            ),
        ]
    return "\n".join(lines)
