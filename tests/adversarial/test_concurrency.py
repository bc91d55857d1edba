"""Two runs on the same tree at once end with valid files and lose no one's change.

Two `tthc fmt` runs make the same edits: whichever writes second finds the file already
fixed and leaves it. `fmt` and `apply-renames` on one units file make different edits: a run
that finds the file changed since it read it refuses to overwrite it ("changed on disk") and
exits 2, so a change is never silently lost.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from adversarial._support import GOOD_UNITS
from helpers import REPO
from tthc_cli.catalog.loading import load_text


def _start(root: Path, *args: str | Path) -> subprocess.Popen[str]:
    import os

    return subprocess.Popen(
        [sys.executable, "-m", "tthc_cli", *(str(arg) for arg in args)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _nfd_tree(root: Path) -> Path:
    tree = root / "catalogs"
    shutil.copytree(REPO / "catalogs", tree)
    for path in tree.rglob("*.yaml"):
        path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")))
    return tree


def test_two_fmt_runs_at_once_end_with_the_formatted_files(tmp_path: Path) -> None:
    reference = _nfd_tree(tmp_path / "reference")
    subprocess.run(
        [sys.executable, "-m", "tthc_cli", "fmt", "--no-config", reference],
        env={"PYTHONPATH": str(REPO / "src"), "PATH": ""},
        capture_output=True,
        check=True,
    )
    expected = {p.relative_to(reference): p.read_bytes() for p in reference.rglob("*.yaml")}
    for attempt in range(2):
        tree = _nfd_tree(tmp_path / f"run{attempt}")
        runs = [_start(tree.parent, "fmt", "--no-config", tree) for _ in range(2)]
        outcomes = [(run.wait(timeout=60), run.stderr.read() if run.stderr else "") for run in runs]
        for code, stderr in outcomes:
            assert code == 0, stderr
            assert "internal error" not in stderr
        got = {p.relative_to(tree): p.read_bytes() for p in tree.rglob("*.yaml")}
        assert got == expected
        for run in runs:
            for stream in (run.stdout, run.stderr):
                if stream is not None:
                    stream.close()


def test_fmt_and_apply_renames_at_once_lose_no_change(tmp_path: Path) -> None:
    hamlets = "".join(f"      - {{name: Thôn  {n}, from: Xã Hòa Bắc}}\n" for n in range(1500))
    text = GOOD_UNITS.split("    hamlets:\n")[0] + "    hamlets:\n" + hamlets
    report = tmp_path / "report.csv"
    report.write_text(
        "group,province,commune,kind,name,decision,rename_to\n"
        "G1,48,20194,hamlet,Thôn  1499,rename,Thôn Cuối\n",
        encoding="utf-8",
    )
    for attempt in range(3):
        units = tmp_path / f"units-{attempt}.yaml"
        units.write_text(text, encoding="utf-8")
        fmt = _start(tmp_path, "fmt", "--no-config", units)
        rename = _start(tmp_path, "apply-renames", report, units, "--date", "2026-11-22")
        fmt_code, rename_code = fmt.wait(timeout=60), rename.wait(timeout=60)
        fmt_err = fmt.stderr.read() if fmt.stderr else ""
        rename_err = rename.stderr.read() if rename.stderr else ""
        for process in (fmt, rename):
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
        final = units.read_text(encoding="utf-8")
        assert load_text(final).parsed.ok
        assert "internal error" not in fmt_err + rename_err
        # Each run either made its change (and it is still there) or said it did not.
        if fmt_code == 0:
            # (former_names keeps the old spelling of a renamed hamlet, by design.)
            assert not re.search(r"- \{name: Thôn  \d+, from", final), "fmt's fix was lost"
        else:
            assert fmt_code == 2, fmt_err
            assert "changed on disk" in fmt_err
        if rename_code == 0:
            assert "Thôn Cuối" in final, "the rename was lost"
        elif rename_code == 1:  # fmt fixed the name first, so it is no longer found
            assert "refused" in rename_err, rename_err
        else:
            assert rename_code == 2
            assert "changed on disk" in rename_err, rename_err
