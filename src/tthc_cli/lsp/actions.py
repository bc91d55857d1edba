"""Code actions and formatting: the fixes the rules declare (as `tthc fmt` and `validate --fix`
apply them, through `fixing`) and an inline ignore for a finding's line."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types as lsp

from tthc_cli.fixing.formatting import format_text
from tthc_cli.lsp.convert import line_edits, utf16_len
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.config import Settings
from tthc_cli.validation.findings import Finding
from tthc_cli.validation.fixable import fixable_rules, fixes_for_rules

_IGNORE = re.compile(r"#\s*tthc:\s*ignore(?P<codes>\[[^\]]*\])?", re.IGNORECASE)


def formatted(text: str, path: str, settings: Settings) -> str | None:
    """What `tthc fmt` makes of the text (None: it cannot format it, e.g. invalid YAML)."""
    try:
        return format_text(text, settings=settings, path=path, only_catalogs=True).text
    except CatalogLoadError:
        return None


def formatting_edits(text: str, path: str, settings: Settings) -> list[lsp.TextEdit]:
    new = formatted(text, path, settings)
    return line_edits(text, new) if new is not None and new != text else []


def _fixed(text: str, path: str, settings: Settings, codes: Sequence[str]) -> str | None:
    try:
        return format_text(
            text,
            fixes_for_rules(codes),
            settings=settings,
            path=path,
            only_catalogs=True,
            only_reported=True,
        ).text
    except CatalogLoadError:
        return None


def _edit(uri: str, edits: list[lsp.TextEdit]) -> lsp.WorkspaceEdit:
    return lsp.WorkspaceEdit(changes={uri: edits})


def fix_action(uri: str, text: str, finding: Finding, settings: Settings) -> lsp.CodeAction | None:
    """The rule's safe fix of this finding's line (of the file, for a file-level fix)."""
    rule = next((r for r in fixable_rules() if r.code == finding.rule), None)
    if not finding.fixable or rule is None or rule.fix is None:
        return None
    new = _fixed(text, finding.file, settings, [finding.rule])
    if new is None or new == text:
        return None
    edits = line_edits(text, new, None if rule.fix.file_level else finding.line - 1)
    if not edits:
        return None
    return lsp.CodeAction(
        # Translators: a code action in an editor; {code} and {name} are the rule's.
        title=_("Fix {code} ({name})").format(code=finding.rule, name=finding.name),
        kind=lsp.CodeActionKind.QuickFix,
        edit=_edit(uri, edits),
        is_preferred=True,
    )


def ignore_action(uri: str, lines: Sequence[str], finding: Finding) -> lsp.CodeAction | None:
    """Add `# tthc: ignore[CODE]` to the finding's line (or its code to the one there)."""
    row = finding.line - 1
    if not 0 <= row < len(lines):
        return None
    line = lines[row].rstrip("\r\n")
    found = _IGNORE.search(line)
    if found is not None:
        if found.group("codes") is None:
            return None  # `# tthc: ignore` already silences every rule on the line
        at = found.end("codes") - 1
        codes = found.group("codes")[1:-1].strip()
        insert = f", {finding.rule}" if codes else finding.rule
        position = lsp.Position(line=row, character=utf16_len(line[:at]))
    else:
        if line.count('"') % 2 or line.replace("''", "").count("'") % 2:
            return None  # a quoted value goes on to the next line: a comment would be text
        insert = f"  # tthc: ignore[{finding.rule}]"
        position = lsp.Position(line=row, character=utf16_len(line))
    return lsp.CodeAction(
        # Translators: a code action in an editor; {code} is a rule code such as TT202.
        title=_("Ignore {code} on this line").format(code=finding.rule),
        kind=lsp.CodeActionKind.QuickFix,
        edit=_edit(
            uri, [lsp.TextEdit(range=lsp.Range(start=position, end=position), new_text=insert)]
        ),
    )


def fix_all_action(
    uri: str, text: str, path: str, settings: Settings, codes: Sequence[str]
) -> lsp.CodeAction | None:
    """Every safe fix of the enabled rules, as `tthc validate --fix` applies them."""
    new = _fixed(text, path, settings, codes)
    if new is None or new == text:
        return None
    return lsp.CodeAction(
        title=_("Apply every safe fix in this file"),
        kind=lsp.CodeActionKind.SourceFixAll,
        edit=_edit(uri, line_edits(text, new)),
    )
