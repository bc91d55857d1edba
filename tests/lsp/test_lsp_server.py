"""`tthc lsp` end to end: a real LSP client (pytest-lsp) talking to the real server process."""

from __future__ import annotations

import json
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from typer.testing import CliRunner

from helpers import CATALOG_HEAD, PROCEDURE
from tthc_cli.cli.app import app

SERVER = [sys.executable, "-m", "tthc_cli", "lsp"]
TWO_SPACES = PROCEDURE.replace("Đăng ký khai sinh", "Đăng ký  khai sinh")
XA = (
    CATALOG_HEAD
    + TWO_SPACES
    + PROCEDURE.replace("1.001193", "1.000894")
    .replace("khai sinh", "kết hôn")
    .replace("    agency: Ủy ban nhân dân cấp xã\n", "")
)
# Another catalog of the same province, level and date listing 1.000894 too: TT102.
OTHER = CATALOG_HEAD + PROCEDURE.replace("1.001193", "1.000894").replace("khai sinh", "kết hôn")


def workspace(root: Path) -> Path:
    (root / "catalogs").mkdir()
    (root / "catalogs" / "xa.yaml").write_text(XA, encoding="utf-8")
    (root / "catalogs" / "other.yaml").write_text(OTHER, encoding="utf-8")
    # The same configuration as `tthc validate`: TT110 is ignored.
    (root / "tthc.toml").write_text('ignore = ["TT110"]\n', encoding="utf-8")
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))  # type: ignore[untyped-decorator]
async def client(lsp_client: LanguageClient, tmp_path: Path) -> AsyncIterator[None]:
    root = workspace(tmp_path)
    await lsp_client.initialize_session(
        lsp.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri()
        )
    )
    yield
    await lsp_client.shutdown_session()


async def open_file(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(
                uri=uri,
                language_id="yaml",
                version=1,
                text=text if text is not None else path.read_text(encoding="utf-8"),
            )
        )
    )
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


async def change(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    # A request answered after the change means the change was handled before it.
    await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            position=lsp.Position(line=0, character=0),
        )
    )


def validate_json(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, str]]:
    monkeypatch.chdir(root)
    out = CliRunner().invoke(app, ["validate", "catalogs", "--format", "json", "--no-cache"])
    return sorted(
        (f["rule"], f["line"], f["message"])
        for f in json.loads(out.stdout)["findings"]
        if f["file"] == "catalogs/xa.yaml"
    )


def shown(diagnostics: Sequence[lsp.Diagnostic]) -> list[tuple[str, int, str]]:
    return sorted((str(d.code), d.range.start.line + 1, d.message) for d in diagnostics)


@pytest.mark.asyncio
async def test_diagnostics_are_what_validate_reports_with_the_same_config(
    client: LanguageClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uri = await open_file(client, tmp_path / "catalogs" / "xa.yaml")
    found = shown(client.diagnostics[uri])
    assert found == validate_json(tmp_path, monkeypatch)
    assert {rule for rule, _line, _message in found} == {"TT202", "TT102"}  # TT110 ignored
    tt102 = next(d for d in client.diagnostics[uri] if d.code == "TT102")
    assert "catalogs/other.yaml" in tt102.message
    assert tt102.source == "tthc"
    assert tt102.data is not None
    assert tt102.data["path"] == "procedures[1].code"


@pytest.mark.asyncio
async def test_a_safe_fix_and_an_ignore_as_code_actions(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = await open_file(client, tmp_path / "catalogs" / "xa.yaml")
    tt202 = next(d for d in client.diagnostics[uri] if d.code == "TT202")
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=tt202.range,
            context=lsp.CodeActionContext(diagnostics=[tt202]),
        )
    )
    assert actions is not None
    titles = [a.title for a in actions if isinstance(a, lsp.CodeAction)]
    assert titles[:2] == ["Fix TT202 (irregular-whitespace)", "Ignore TT202 on this line"]
    fix, ignore = actions[0], actions[1]
    assert isinstance(fix, lsp.CodeAction)
    assert isinstance(ignore, lsp.CodeAction)
    assert fix.edit is not None
    assert fix.edit.changes is not None
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text == "    name: Đăng ký khai sinh\n"
    assert ignore.edit is not None
    assert ignore.edit.changes is not None
    assert ignore.edit.changes[uri][0].new_text == "  # tthc: ignore[TT202]"
    ignored = XA.replace("Đăng ký  khai sinh", "Đăng ký  khai sinh  # tthc: ignore[TT202]")
    await change(client, uri, ignored, 2)
    assert [d.code for d in client.diagnostics[uri]] == ["TT102"]


@pytest.mark.asyncio
async def test_formatting_is_tthc_fmt(
    client: LanguageClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "catalogs" / "xa.yaml"
    text = XA.replace("Hộ tịch", "Hộ  tịch ")
    uri = await open_file(client, path, text)
    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            options=lsp.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert edits
    lines = text.splitlines(keepends=True)
    for edit in sorted(edits, key=lambda e: e.range.start.line, reverse=True):
        lines[edit.range.start.line : edit.range.end.line] = [edit.new_text]
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(app, ["fmt", "catalogs/xa.yaml"])
    assert "".join(lines) == path.read_text(encoding="utf-8")


@pytest.mark.asyncio
async def test_hovers_on_a_rule_a_procedure_code_and_a_document_number(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = XA.replace("    field: Hộ tịch\n", "    field: Hộ tịch  # tthc: ignore[TT202]\n", 1)
    uri = await open_file(client, tmp_path / "catalogs" / "xa.yaml", text)
    lines = text.splitlines()

    async def hover(needle: str, nth: int = 0) -> str:
        row = [i for i, line in enumerate(lines) if needle in line][nth]
        at = lsp.Position(line=row, character=lines[row].index(needle) + 2)
        found = await client.text_document_hover_async(
            lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=at)
        )
        assert found is not None
        assert isinstance(found.contents, lsp.MarkupContent)
        return found.contents.value

    rule = await hover("TT202")
    assert rule.startswith("**TT202 irregular-whitespace**")
    assert "## Why it matters" in rule
    code = await hover("1.000894")
    assert code.startswith("**1.000894** Đăng ký kết hôn")
    assert "`catalogs/other.yaml` procedures[0]: 1.000894 Đăng ký kết hôn" in code
    number = await hover("123/2015/NĐ-CP")
    assert "Loại văn bản: Nghị định (NĐ)" in number
    assert "Cơ quan ban hành: Chính phủ (CP)" in number
    assert "Cited 3 times in 2 files of the workspace." in number


@pytest.mark.asyncio
async def test_completion_of_keys_and_values_with_vietnamese_descriptions(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = XA.replace("level: xa", "level: ").replace("    online: full\n", "    onl\n", 1)
    uri = await open_file(client, tmp_path / "catalogs" / "xa.yaml", text)
    lines = text.splitlines()

    async def complete(row: int) -> dict[str, str]:
        found = await client.text_document_completion_async(
            lsp.CompletionParams(
                text_document=lsp.TextDocumentIdentifier(uri=uri),
                position=lsp.Position(line=row, character=len(lines[row])),
            )
        )
        assert isinstance(found, lsp.CompletionList)
        return {item.label: item.detail or "" for item in found.items}

    level = await complete(lines.index("level: "))
    assert level == {"tinh": "tỉnh", "huyen": "huyện (đến 30/6/2025)", "xa": "xã"}
    keys = await complete(lines.index("    onl"))
    assert keys["online"].startswith("Dịch vụ công trực tuyến")
    assert keys["agency"] == "Cơ quan thực hiện"


@pytest_lsp.fixture(  # type: ignore[untyped-decorator]
    config=ClientServerConfig(server_command=SERVER, server_env={"TTHC_LANG": "vi"})
)
async def client_vi(lsp_client: LanguageClient, tmp_path: Path) -> AsyncIterator[None]:
    root = workspace(tmp_path)
    await lsp_client.initialize_session(
        lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), root_uri=root.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_messages_follow_tthc_lang(client_vi: LanguageClient, tmp_path: Path) -> None:
    uri = await open_file(client_vi, tmp_path / "catalogs" / "xa.yaml")
    messages = [d.message for d in client_vi.diagnostics[uri]]
    assert "văn bản có dấu cách kép (lần đầu ở ký tự thứ 8)" in messages


REAL = Path(__file__).resolve().parents[2] / "catalogs" / "ha-noi" / "2024" / "xa.yaml"


def prefixes(text: str, every: int = 16, head: int = 1500) -> list[str]:
    """Prefixes of text as typing makes them: each one of the first `head` characters (the
    header, keys cut in half, unclosed quotes and brackets), then every `every` characters and
    every line end (the suite keeps to seconds)."""
    ends = set(range(1, min(head, len(text)) + 1))
    ends |= set(range(head, len(text) + 1, every))
    ends |= {i + 1 for i, char in enumerate(text) if char == "\n"}
    ends.add(len(text))
    return [text[:end] for end in sorted(ends)]


@pytest.mark.asyncio
async def test_typing_a_real_catalog_never_crashes_or_loses_other_diagnostics(
    client: LanguageClient, tmp_path: Path
) -> None:
    if not REAL.is_file():
        pytest.skip(f"{REAL} is not present")
    text = REAL.read_text(encoding="utf-8")
    other = await open_file(client, tmp_path / "catalogs" / "xa.yaml")
    before = shown(client.diagnostics[other])
    assert before
    typed = tmp_path / "catalogs" / "ha-noi.yaml"
    uri = await open_file(client, typed, "")
    steps = prefixes(text)
    for version, prefix in enumerate(steps, start=2):
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=prefix)],
            )
        )
        if version % 100 == 0:
            await change(client, uri, prefix, version)  # the server still answers
    await change(client, uri, text, len(steps) + 2)
    assert shown(client.diagnostics[other]) == before
    assert list(client.diagnostics[uri]) == []  # the whole catalog is clean, as validate says
    errors = [m for m in client.log_messages if m.type == lsp.MessageType.Error]
    assert errors == []


def test_without_pygls_one_clear_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pygls", None)  # import pygls now raises ImportError
    result = CliRunner().invoke(app, ["lsp"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: tthc lsp needs pygls: pip install 'tthc-cli[lsp]'"


@pytest.mark.asyncio
async def test_applying_the_fix_clears_the_finding(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_file(client, tmp_path / "catalogs" / "xa.yaml")
    tt202 = next(d for d in client.diagnostics[uri] if d.code == "TT202")
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=tt202.range,
            context=lsp.CodeActionContext(diagnostics=[tt202]),
        )
    )
    assert actions
    fix = actions[0]
    assert isinstance(fix, lsp.CodeAction)
    assert fix.edit is not None
    assert fix.edit.changes is not None
    (edit,) = fix.edit.changes[uri]
    # What an editor does with the action: apply its edit, as an incremental change.
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)
            ],
        )
    )
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[uri]] == ["TT102"]
