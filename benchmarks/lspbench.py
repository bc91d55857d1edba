"""`python -m benchmarks lsp`: how fast `tthc lsp` answers a change, and how much memory it holds.

The workspace is the generated corpus (2,000 catalogs by default) plus one catalog of 500
procedures; a real client (pygls's) starts the installed `tthc lsp`, opens the big catalog and
changes one value in it again and again. A row's time runs from sending `didChange` to
receiving that file's `publishDiagnostics`: what an editor waits for. Memory is the server
process's resident set (VmRSS) and its peak (VmHWM) from /proc, with the corpus scanned and the
big file open. Targets (issue 19): diagnostics within 150 ms, memory under 200 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

from benchmarks.generate import generate

LATENCY_TARGET_MS = 150
MEMORY_TARGET_MB = 200


def build_workspace(root: Path, files: int, procedures: int) -> Path:
    """The corpus under root/corpus and one big catalog; returns the big catalog's path."""
    generate(root / "corpus", files)
    made = generate(root / "big-source", 1, procedures, seed=2)[0]
    # Codes 9.NNNNNN: the corpus uses 1.NNNNNN and a clash would be 500 TT102 findings.
    text = made.read_text(encoding="utf-8").replace('code: "1.', 'code: "9.')
    big = root / "corpus" / "big" / "xa-500.yaml"
    big.parent.mkdir(parents=True)
    big.write_text(text, encoding="utf-8")
    shutil.rmtree(root / "big-source")
    return big


def _memory(pid: int) -> tuple[float, float]:
    """VmRSS and VmHWM of a process, in MB (0 where /proc does not say)."""
    found = {"VmRSS": 0.0, "VmHWM": 0.0}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in found:
                found[key] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return found["VmRSS"], found["VmHWM"]


async def measure(root: Path, big: Path, changes: int) -> dict[str, float]:
    client = LanguageClient("tthc-benchmark", "1")
    arrived: dict[str, asyncio.Event] = {}

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
    def diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        event = arrived.get(params.uri)
        if event is not None:
            event.set()

    await client.start_io(sys.executable, "-m", "tthc_cli", "lsp")
    assert client._server is not None
    pid = client._server.pid
    started = time.perf_counter()
    await client.initialize_async(
        lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), root_uri=root.as_uri())
    )
    client.initialized(lsp.InitializedParams())
    uri = big.as_uri()
    text = big.read_text(encoding="utf-8")

    async def send(version: int, change: lsp.TextDocumentContentChangeEvent | None) -> float:
        arrived[uri] = asyncio.Event()
        sent = time.perf_counter()
        if change is None:
            client.text_document_did_open(
                lsp.DidOpenTextDocumentParams(
                    text_document=lsp.TextDocumentItem(
                        uri=uri, language_id="yaml", version=version, text=text
                    )
                )
            )
        else:
            client.text_document_did_change(
                lsp.DidChangeTextDocumentParams(
                    text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[change],
                )
            )
        await asyncio.wait_for(arrived[uri].wait(), timeout=600)
        return (time.perf_counter() - sent) * 1000

    # The first open scans the workspace: start-up, not a change.
    await send(1, None)
    ready = time.perf_counter() - started
    # Edits as an editor sends them (incremental): in the title, after "Danh", type a space
    # (a double space: TT202) or a letter, then delete it again; last, with a double space
    # left in the title (a file with a finding, as imported lists are), a letter after "D".
    row = text.split("\n").index(
        next(line for line in text.split("\n") if line.startswith("title:"))
    )
    at = text.split("\n")[row].index("Danh") + 4

    def edit(insert: str, delete: bool, where: int = at) -> lsp.TextDocumentContentChangeEvent:
        end = where + (1 if delete else 0)
        return lsp.TextDocumentContentChangePartial(
            range=lsp.Range(
                start=lsp.Position(line=row, character=where),
                end=lsp.Position(line=row, character=end),
            ),
            text="" if delete else insert,
        )

    version = 1
    timings: dict[str, list[float]] = {"finding": [], "clean": [], "kept": []}
    for kind, insert in (("clean", "x"), ("finding", " ")):
        for step in range(changes):
            version += 1
            timings[kind].append(await send(version, edit(insert, delete=step % 2 == 1)))
        if changes % 2:  # leave the text as it was for the next kind
            version += 1
            await send(version, edit(insert, delete=True))
    version += 1
    await send(version, edit(" ", delete=False))
    for step in range(changes):
        version += 1
        change = edit("x", delete=step % 2 == 1, where=at - 3)
        timings["kept"].append(await send(version, change))
    rss, peak = _memory(pid)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()  # type: ignore[no-untyped-call]
    return {
        "ready_s": ready,
        "median_ms": statistics.median(timings["finding"]),
        "max_ms": max(timings["finding"]),
        "clean_median_ms": statistics.median(timings["clean"]),
        "clean_max_ms": max(timings["clean"]),
        "kept_median_ms": statistics.median(timings["kept"]),
        "kept_max_ms": max(timings["kept"]),
        "rss_mb": rss,
        "peak_mb": peak,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks lsp",
        description="Time `tthc lsp` diagnostics after a change and measure its memory.",
    )
    parser.add_argument("--files", type=int, default=2000, help="corpus files (default 2000)")
    parser.add_argument("--procedures", type=int, default=500, help="procedures of the big file")
    parser.add_argument("--changes", type=int, default=20, help="changes to time (default 20)")
    parser.add_argument("--keep", type=Path, help="build the workspace here and keep it")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="tthc-lsp-bench-"))
    try:
        print(
            f"building {args.files} files and one of {args.procedures} procedures", file=sys.stderr
        )
        big = build_workspace(root, args.files, args.procedures)
        found = asyncio.run(measure(root / "corpus", big, args.changes))
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    ok_time = "met" if found["median_ms"] <= LATENCY_TARGET_MS else "missed"
    ok_memory = "met" if found["peak_mb"] <= MEMORY_TARGET_MB else "missed"
    print("| `tthc lsp` | measured | target | |")
    print("|---|---:|---:|---|")
    print(
        f"| diagnostics after a change that adds or removes a finding, {args.procedures}-procedure"
        f" file (median of {args.changes}; max {found['max_ms']:.0f} ms) | "
        f"{found['median_ms']:.0f} ms | {LATENCY_TARGET_MS} ms | {ok_time} |"
    )
    print(
        f"| diagnostics after a change in a clean {args.procedures}-procedure file "
        f"(median of {args.changes}; max {found['clean_max_ms']:.0f} ms) | "
        f"{found['clean_median_ms']:.0f} ms | {LATENCY_TARGET_MS} ms | |"
    )
    print(
        f"| diagnostics after a change in a {args.procedures}-procedure file that keeps a "
        f"finding (median of {args.changes}; max {found['kept_max_ms']:.0f} ms) | "
        f"{found['kept_median_ms']:.0f} ms | {LATENCY_TARGET_MS} ms | |"
    )
    print(
        f"| server memory, {args.files}-file workspace (now {found['rss_mb']:.0f} MB) "
        f"| {found['peak_mb']:.0f} MB peak | {MEMORY_TARGET_MB} MB | {ok_memory} |"
    )
    print(
        f"| first diagnostics after start (scan of the workspace) | {found['ready_s']:.1f} s | | |"
    )
    return 0
