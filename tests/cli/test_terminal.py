"""Terminal manners: colour only on a terminal and never with NO_COLOR; plain text in pipes."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import CATALOG_HEAD, PROCEDURE

ESC = "\x1b["
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _colours(text: str) -> list[str]:
    """The colour codes (foreground and background, 16, 256 or true colour) in the text."""
    found = []
    for match in SGR.finditer(text):
        for code in match.group(1).split(";"):
            if code.isdigit() and (30 <= int(code) <= 49 or 90 <= int(code) <= 107):
                found.append(code)
    return found


def _tthc() -> str:
    found = shutil.which("tthc") or str(Path(sys.executable).with_name("tthc"))
    if not Path(found).exists():
        pytest.skip("the tthc command is not installed")
    return found


@pytest.fixture
def duplicated(tmp_path: Path) -> Path:
    path = tmp_path / "xa.yaml"
    path.write_text(CATALOG_HEAD + PROCEDURE + PROCEDURE, encoding="utf-8")
    return path


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(TERM="xterm-256color", COLUMNS="100", **extra)
    return env


def _run_in_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run a command with a pseudo-terminal as stdout and stderr; return what it printed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(args, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_pipes_get_no_colour(duplicated: Path) -> None:
    result = subprocess.run(
        [_tthc(), "validate", str(duplicated), "--no-config"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "TT101" in result.stdout
    assert ESC not in result.stdout
    assert ESC not in result.stderr


def test_terminal_gets_colour(duplicated: Path) -> None:
    shown = _run_in_terminal([_tthc(), "validate", str(duplicated), "--no-config"], _env())
    assert "TT101" in shown
    assert _colours(shown)


def test_no_color_is_honoured_on_a_terminal(duplicated: Path) -> None:
    shown = _run_in_terminal(
        [_tthc(), "validate", str(duplicated), "--no-config"], _env(NO_COLOR="1")
    )
    assert "TT101" in shown
    assert not _colours(shown)  # bold and underline may stay: NO_COLOR is about colour
