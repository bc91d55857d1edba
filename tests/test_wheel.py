"""The wheel is the product: build the sdist and, from it, the wheel, as pip and PyPI would; install
the wheel into a fresh environment outside the source tree and use it as a person would.

The build runs without isolation on the build requirements already installed (`.ci/run`
installs them in every mode), so it needs no network; the fresh environment gets the wheel alone
and sees this environment's dependencies through a path file, never this checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import REPO

pytestmark = pytest.mark.slow

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@dataclass(frozen=True)
class Built:
    sdist: Path
    wheel: Path


@dataclass(frozen=True)
class Installed:
    bin: Path
    work: Path

    def tthc(self, *args: str) -> subprocess.CompletedProcess[str]:
        # Only the fresh environment's own folders: no PYTHONPATH, no source tree on the path.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "TTHC_"))}
        env |= {"NO_COLOR": "1", "LANG": "C.UTF-8", "PATH": f"{self.bin}{os.pathsep}/usr/bin"}
        return subprocess.run(
            [str(self.bin / "tthc"), *args],
            cwd=self.work,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    pytest.importorskip("build", reason="the test extras bring `build` (pip install -e '.[test]')")
    # A copy of what the sdist is made from, so the build writes nothing into this checkout and
    # compiled catalogs lying in it (.mo) cannot stand in for the ones the build must make.
    source = tmp_path_factory.mktemp("source")
    ignore = shutil.ignore_patterns("__pycache__", "*.mo", "*.egg-info")
    for item in ("src", "build_backend", "pyproject.toml", "MANIFEST.in", "README.md"):
        if (REPO / item).is_dir():
            shutil.copytree(REPO / item, source / item, ignore=ignore)
        else:
            shutil.copy2(REPO / item, source / item)
    dist = tmp_path_factory.mktemp("dist")
    # No --sdist/--wheel: the wheel is built from the unpacked sdist, so a file the sdist
    # leaves out is missing from the wheel too.
    _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", dist, source)
    (sdist,) = dist.glob("*.tar.gz")
    (wheel,) = dist.glob("*.whl")
    return Built(sdist, wheel)


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
         "--no-index", built.wheel)  # fmt: skip
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    # This environment's dependencies, after the fresh environment's own site-packages.
    deps = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    Path(site.stdout.strip(), "_tthc_test_deps.pth").write_text(
        "".join(f"{d}\n" for d in sorted(deps)), encoding="utf-8"
    )
    work = tmp_path_factory.mktemp("work")
    shutil.copytree(REPO / "catalogs", work / "catalogs")
    return Installed(venv / "bin", work)


def test_the_sdist_holds_the_sources_and_the_message_catalogs(built: Built) -> None:
    with tarfile.open(built.sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"pyproject.toml", "build_backend/tthc_build.py", "src/tthc_cli/cli/app.py"} <= names
    assert "src/tthc_cli/locale/vi/LC_MESSAGES/tthc.po" in names


def test_the_wheel_holds_the_compiled_catalogs_and_the_type_marker(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as archive:
        names = set(archive.namelist())
    assert "tthc_cli/locale/vi/LC_MESSAGES/tthc.mo" in names
    assert "tthc_cli/py.typed" in names
    assert not any(name.startswith(("tests/", "build_backend/")) for name in names)


def test_the_installed_wheel_is_what_runs(installed: Installed) -> None:
    done = subprocess.run(
        [str(installed.bin / "python"), "-c", "import tthc_cli; print(tthc_cli.__file__)"],
        cwd=installed.work,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(done.stdout.strip()).is_relative_to(installed.bin.parent)


def test_version(installed: Installed) -> None:
    done = installed.tthc("--version")
    assert done.returncode == 0, done.stderr
    assert PROJECT["version"] in done.stdout


def test_validate_on_a_copied_catalog(installed: Installed) -> None:
    done = installed.tthc("validate", "catalogs")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Checked" in done.stdout + done.stderr


def test_validate_in_vietnamese_from_the_compiled_catalog(installed: Installed) -> None:
    done = installed.tthc("--lang", "vi", "validate", "catalogs")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Đã kiểm tra" in done.stdout + done.stderr


def test_the_wheel_holds_the_page_templates(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as archive:
        names = set(archive.namelist())
    for template in ("base.html", "style.css", "stats.html", "diff_body.html"):
        assert f"tthc_cli/reports/templates/{template}" in names
    for shipped in ("templates/home.html", "templates/procedure.html", "static/search.js"):
        assert f"tthc_cli/site/{shipped}" in names


def test_an_html_report_from_the_installed_wheel(installed: Installed) -> None:
    done = installed.tthc("--lang", "vi", "stats", "catalogs", "--format", "html")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>")
    assert "Số liệu thủ tục hành chính" in done.stdout


def test_a_site_from_the_installed_wheel(installed: Installed) -> None:
    done = installed.tthc("site", "catalogs", "-o", "public")
    assert done.returncode == 0, done.stderr
    home = (installed.work / "public" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in home
    assert (installed.work / "public" / "search" / "names.js").is_file()
