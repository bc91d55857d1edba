"""Which files changed in a git working tree since a base revision (`tthc validate --changed-only`).

Changed means: different from the base in the working tree (committed since the base, staged
or not yet staged), or new and untracked (but not ignored). Deleted files are not changed
files: there is nothing left to check. Without a base, the merge base with the branch's
upstream is used, else the merge base with `main` (or `origin/main`, `master`), else HEAD.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tthc_cli.runtime.errors import TthcError
from tthc_cli.runtime.i18n import _

_DEFAULT_BRANCHES = ("@{upstream}", "main", "origin/main", "master", "origin/master")


class GitError(TthcError):
    """git is missing, the folder is not in a repository, or the base is not a revision."""

    exit_code = 2


def _git(args: list[str], cwd: Path) -> str | None:
    """git's output, or None when git fails; raises GitError when git cannot be run at all."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except OSError as exc:
        raise GitError(
            _("--changed-only needs git: {reason}").format(reason=exc.strerror or exc)
        ) from None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "surrogateescape")


def repository_root(cwd: Path) -> Path:
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top is None:
        raise GitError(
            _("--changed-only: {folder} is not inside a git repository").format(folder=cwd)
        )
    return Path(top.strip())


def default_base(cwd: Path) -> str:
    """The merge base with the upstream or main branch, else HEAD (uncommitted changes)."""
    for branch in _DEFAULT_BRANCHES:
        base = _git(["merge-base", "HEAD", branch], cwd)
        if base is not None and base.strip():
            return base.strip()
    return "HEAD"


def changed_files(cwd: Path, base: str | None = None) -> set[Path]:
    """Resolved paths of the files that differ from base or are untracked."""
    root = repository_root(cwd)
    if base is None:
        base = default_base(cwd)
    elif _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], cwd) is None:
        raise GitError(_("--base {base}: not a commit in this repository").format(base=base))
    names: list[str] = []
    if _git(["rev-parse", "--verify", "--quiet", "HEAD"], cwd) is not None:
        diff = _git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base], cwd)
        if diff is None:
            raise GitError(_("--base {base}: git diff failed").format(base=base))
        names += diff.split("\0")
    else:  # a repository without commits yet: everything in it is new
        staged = _git(["ls-files", "-z", "--cached"], root)
        names += (staged or "").split("\0")
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard", "--full-name"], root)
    names += (untracked or "").split("\0")
    return {(root / name).resolve() for name in names if name}
