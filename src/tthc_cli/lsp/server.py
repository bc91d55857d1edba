"""`tthc lsp`: the language server, over stdin and stdout (pygls).

On open and on every change of a catalog it publishes what `tthc validate` run in the workspace
folder would report for it, with the same configuration (`tthc.toml` or `[tool.tthc]`, inline
ignores), cross-file TT102 over every catalog of the workspace included
(`validation.live`). It offers the rules' safe fixes and an inline ignore as code actions,
`tthc fmt` as document formatting, hovers on rule codes, procedure codes and document
numbers, and completion of keys and fixed values from the schema.

A handler never takes the server down: whatever goes wrong while handling one message is
logged to the editor and the other files' diagnostics stay as they were.
"""

from __future__ import annotations

import functools
import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from tthc_cli import __version__
from tthc_cli.lsp import actions
from tthc_cli.lsp.complete import completions
from tthc_cli.lsp.convert import diagnostic, from_utf16
from tthc_cli.lsp.hover import hover_text
from tthc_cli.runtime.errors import TthcError
from tthc_cli.validation.config import Settings
from tthc_cli.validation.live import LiveWorkspace
from tthc_cli.validation.run import load_config

R = TypeVar("R")


class TthcServer(LanguageServer):
    live: LiveWorkspace | None = None

    def workspace_live(self) -> LiveWorkspace:
        """The live workspace, made on first use from the workspace folder's configuration."""
        if self.live is None:
            root = Path(self.workspace.root_path or os.getcwd())
            # Paths, globs and messages read as they do for `tthc validate` run in the root.
            os.chdir(root)
            try:
                # As `tthc validate` in the root finds it: there, or from its default `catalogs`.
                settings = load_config(None, False, root, [root / "catalogs"])
            except TthcError as exc:
                self.window_log_message(
                    lsp.LogMessageParams(type=lsp.MessageType.Error, message=str(exc))
                )
                settings = Settings()
            self.live = LiveWorkspace(root, settings)
            self.live.scan()
        return self.live


server = TthcServer(
    "tthc", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental
)


def guarded(default: Any = None) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Log a handler's failure to the editor instead of failing the message or the server."""

    def wrap(handler: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(handler)
        def run(ls: TthcServer, params: Any) -> R:
            try:
                return handler(ls, params)
            except Exception:
                ls.window_log_message(
                    lsp.LogMessageParams(type=lsp.MessageType.Error, message=traceback.format_exc())
                )
                return default  # type: ignore[no-any-return]

        return run

    return wrap


def _path(uri: str) -> Path | None:
    path = to_fs_path(uri)
    return Path(path) if path else None


def publish(ls: TthcServer, names: list[str]) -> None:
    """Publish the diagnostics of these workspace files (paths as shown)."""
    live = ls.workspace_live()
    for name in names:
        path = live.root / name
        uri = from_fs_path(str(path)) or path.as_uri()
        document = live.document(path)
        lines = document.lines if document is not None else []
        diagnostics = [diagnostic(f, lines) for f in live.findings(path)] if document else []
        ls.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
        )


def _opened(ls: TthcServer, uri: str) -> None:
    path = _path(uri)
    if path is None:
        return
    live = ls.workspace_live()
    if not live.wanted(path):
        return
    text = ls.workspace.get_text_document(uri).source
    publish(ls, live.open(path, text))


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
@guarded()
def did_open(ls: TthcServer, params: lsp.DidOpenTextDocumentParams) -> None:
    _opened(ls, params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
@guarded()
def did_change(ls: TthcServer, params: lsp.DidChangeTextDocumentParams) -> None:
    _opened(ls, params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
@guarded()
def did_close(ls: TthcServer, params: lsp.DidCloseTextDocumentParams) -> None:
    path = _path(params.text_document.uri)
    if path is None:
        return
    live = ls.workspace_live()
    publish(ls, [name for name in live.close(path) if live.is_open(name)])
    ls.text_document_publish_diagnostics(
        lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
    )


@server.feature(
    lsp.TEXT_DOCUMENT_CODE_ACTION,
    lsp.CodeActionOptions(
        code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll]
    ),
)
@guarded(default=[])
def code_action(ls: TthcServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    path = _path(params.text_document.uri)
    live = ls.workspace_live()
    document = live.document(path) if path is not None else None
    if path is None or document is None:
        return []
    uri, text = params.text_document.uri, document.text
    first, last = params.range.start.line + 1, params.range.end.line + 1
    found: list[lsp.CodeAction] = []
    for finding in live.findings(path):
        if not first <= finding.line <= last:
            continue
        fix = actions.fix_action(uri, text, finding, live.settings)
        ignore = actions.ignore_action(uri, document.lines, finding)
        found += [action for action in (fix, ignore) if action is not None]
    codes = [rule.code for rule in live.rules if rule.fixable]
    every = actions.fix_all_action(uri, text, document.path, live.settings, codes)
    return [*found, *([every] if every is not None else [])]


@server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
@guarded(default=[])
def formatting(ls: TthcServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit]:
    path = _path(params.text_document.uri)
    live = ls.workspace_live()
    document = live.document(path) if path is not None else None
    if document is None:
        return []
    return actions.formatting_edits(document.text, document.path, live.settings)


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
@guarded()
def hover(ls: TthcServer, params: lsp.HoverParams) -> lsp.Hover | None:
    path = _path(params.text_document.uri)
    live = ls.workspace_live()
    document = live.document(path) if path is not None else None
    if path is None or document is None or params.position.line >= len(document.lines):
        return None
    line = document.lines[params.position.line]
    text = hover_text(live, path, line, from_utf16(line, params.position.character))
    if text is None:
        return None
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text))


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=[":", " "]))
@guarded()
def completion(ls: TthcServer, params: lsp.CompletionParams) -> lsp.CompletionList | None:
    document = ls.workspace.get_text_document(params.text_document.uri)
    lines = document.source.split("\n")
    row = params.position.line
    line = lines[row] if row < len(lines) else ""
    items = completions(document.source, row, from_utf16(line, params.position.character))
    return lsp.CompletionList(is_incomplete=False, items=items)


def serve() -> None:
    """Run the server on stdin and stdout until the editor ends it."""
    server.start_io()
