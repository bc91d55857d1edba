"""Hostile YAML: alias bombs, alias depth, code-running tags, merge keys, deep nesting and huge
files end quickly with a clear error, bounded memory, and no code run.

Time is only guarded against hangs (a generous subprocess timeout); memory is measured in the
child (peak resident size from wait4) and bounded by RLIMIT_AS so a runaway cannot take the
machine. The 100 MB and 1 GB cases are marked `adversarial_heavy` (their own CI step).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adversarial._support import (
    GOOD_CATALOG,
    Measured,
    Tree,
    check_every_command,
    invoke,
    make_tree,
    run_tthc,
)
from tthc_cli.catalog.yamltree import MAX_DEPTH


def billion_laughs(levels: int = 10) -> str:
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [{','.join([f'*l{i - 1}'] * 9)}]")
    return "kind: units\n" + "\n".join(lines) + "\n"


def alias_chain(depth: int) -> str:
    """Each anchor nests the previous one a level deeper: small text, deep data."""
    lines = ["a0: &a0 [x]"] + [f"a{i}: &a{i} [*a{i - 1}]" for i in range(1, depth)]
    return "kind: units\n" + "\n".join(lines) + "\n"


def deep_flow(depth: int) -> str:
    return "kind: units\nx: " + "[" * depth + "]" * depth + "\n"


def deep_block(depth: int) -> str:
    return "kind: units\n" + "".join(" " * i + f"k{i}:\n" for i in range(depth))


# name: (text, line, column of the error)
HOSTILE: dict[str, tuple[str, int | None, int | None]] = {
    "billion-laughs": (billion_laughs(), 8, 10),
    "alias-depth": (alias_chain(3000), MAX_DEPTH + 1, 14),
    "deep-flow-50000": (deep_flow(50_000), 2, MAX_DEPTH + 3),
    "deep-block": (deep_block(MAX_DEPTH + 10), MAX_DEPTH + 2, MAX_DEPTH + 1),
    "python-object-apply": ("kind: units\nx: !!python/object/apply:os.system ['echo']\n", 2, 4),
    "python-name": ("kind: units\nx: !!python/name:os.system\n", 2, 4),
    "python-module": ("kind: units\nx: !!python/module:os\n", 2, 4),
    "unknown-local-tag": ("kind: units\nx: !thing bar\n", 2, 4),
    "unknown-global-tag": ("kind: units\nx: !<tag:example.com,2000:app> {}\n", 2, 4),
    "set-tag": ("kind: units\nx: !!set {a, b}\n", 2, 4),
    "tagged-document": ("--- !!python/object:os.Foo\nkind: units\n", 1, 5),
    "merge-key-bomb": (
        billion_laughs(6) + "province:\n  <<: [*l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5]\n",
        9,
        8,
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_yaml_is_a_located_error_in_every_command(tree: Tree, name: str) -> None:
    text, line, column = HOSTILE[name]
    bad = tree.root / f"{name}.yaml"
    bad.write_text(text, encoding="utf-8")
    check_every_command(bad, tree, line=line, column=column, validate_codes=(1,))


def test_no_tag_runs_code(tree: Tree) -> None:
    marker = tree.root / "ran"
    text = (
        "kind: units\n"
        f"a: !!python/object/apply:os.system ['touch {marker}']\n"
        "b: !!python/object/apply:pathlib.Path.touch\n"
        f"  [!!python/object/apply:pathlib.Path ['{marker}']]\n"
        f"c: !!python/object/new:subprocess.check_call [['touch', '{marker}']]\n"
    )
    bad = tree.root / "rce.yaml"
    bad.write_text(text, encoding="utf-8")
    check_every_command(bad, tree, validate_codes=(1,))
    result = run_tthc(["validate", "--no-config", bad], tree.root)
    assert result.returncode == 1
    assert not marker.exists()


def test_merge_keys_are_never_expanded(tree: Tree) -> None:
    # tthc reads YAML 1.2: `<<` is an ordinary key, so a merge cannot smuggle values in.
    text = GOOD_CATALOG.replace(
        "procedures:\n",
        "x_base: &base {name: Đăng ký kết hôn, online: none}\nprocedures:\n",
    ).replace('  - code: "1.001193"\n', '  - code: "1.001193"\n    <<: *base\n    <<: *base\n')
    bad = tree.root / "merge.yaml"
    bad.write_text(text, encoding="utf-8")
    result = invoke(["validate", "--no-config", "--format", "json", bad])
    assert result.exit_code == 1
    found = {(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]}
    assert ("TT002", 9) in found  # the second `<<`
    assert ("TT005", 8) in found  # `<<` is an unknown key, not a merge
    result = invoke(["diff", bad, tree.catalog])
    assert result.exit_code == 2
    assert "merge.yaml:9:5" in result.stderr


def _assert_bounded(measured: Measured, peak_mib: float, codes: tuple[int, ...] = (1, 2)) -> None:
    assert measured.returncode != -9, f"killed by the hang guard after {measured.seconds:.0f} s"
    assert "Traceback" not in measured.stderr
    assert "internal error" not in measured.stderr
    assert measured.returncode in codes, (measured.returncode, measured.stderr[-500:])
    assert measured.peak_mib < peak_mib, f"peak memory {measured.peak_mib:.0f} MiB"


@pytest.mark.parametrize("name", ["billion-laughs", "alias-depth", "deep-flow-50000"])
@pytest.mark.parametrize("command", ["validate", "fmt", "diff", "dedupe-names"])
def test_hostile_yaml_stays_small_in_a_real_process(tree: Tree, name: str, command: str) -> None:
    bad = tree.root / f"{name}.yaml"
    bad.write_text(HOSTILE[name][0], encoding="utf-8")
    args: list[str | Path] = [command, bad]
    if command == "diff":
        args.append(tree.catalog)
    measured = run_tthc(args, tree.root)
    _assert_bounded(measured, peak_mib=300)
    assert bad.name in measured.stdout + measured.stderr


# ------------------------------------------------------------------ huge inputs


def _write_big_scalar(path: Path, size: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("kind: units\nprovince: {code: '48', name: x}\neffective: 2025-07-01\n")
        handle.write("communes: []\nnote: ")
        chunk = "Hòa Khánh " * 10_000
        written = 0
        while written < size:
            handle.write(chunk)
            written += len(chunk.encode("utf-8"))
        handle.write("\n")


def _write_many_items(path: Path, size: int) -> None:
    line = '  - {code: "20194", name: Phường Hải Vân, hamlets: [{name: Thôn 1}]}\n'
    with path.open("w", encoding="utf-8") as handle:
        handle.write("kind: units\nprovince: {code: '48', name: x}\neffective: 2025-07-01\n")
        handle.write("communes:\n")
        handle.write(line * (size // len(line.encode("utf-8")) + 1))


def _write_sparse(path: Path, size: int) -> None:
    with path.open("wb") as handle:
        handle.truncate(size)  # costs no disk


HUGE = {
    "scalar-100MB": (_write_big_scalar, 100 * 1024**2),
    "items-100MB": (_write_many_items, 100 * 1024**2),
    "sparse-1GB": (_write_sparse, 1024**3),
}


@pytest.mark.parametrize("name", sorted(HUGE))
def test_a_huge_file_is_refused_by_size_before_it_is_read(tree: Tree, name: str) -> None:
    # Sparse, so even the 100 MB cases cost no disk and no time here.
    bad = tree.root / f"{name}.yaml"
    _write_sparse(bad, HUGE[name][1])
    results = check_every_command(bad, tree, validate_codes=(2,))
    for result in results.values():
        assert "limit" in result.stderr


@pytest.mark.adversarial_heavy
@pytest.mark.parametrize("name", sorted(HUGE))
@pytest.mark.parametrize("command", ["validate", "fmt"])  # the commands that read max-file-size
def test_a_huge_file_is_bounded_even_when_the_limit_allows_it(
    tmp_path: Path, name: str, command: str
) -> None:
    """With max-file-size raised past the file, the parser and the rules must stay bounded
    (linear: about 15 s and 450-650 MiB for 100 MB on a quiet machine)."""
    tree = make_tree(tmp_path)
    bad = tmp_path / f"{name}.yaml"
    write, size = HUGE[name]
    write(bad, size)
    (tmp_path / "tthc.toml").write_text("max-file-size = 2048\n", encoding="utf-8")
    # The rules read one 100 MB Vietnamese value in linear time, but slowly (TT204 checks the
    # tone style of every word): tens of seconds. The timeout is only a hang guard.
    measured = run_tthc([command, bad, tree.catalog], tmp_path, timeout=240, memory_limit_mib=3072)
    print(f"{name} {command}: {measured.seconds:.1f} s, peak {measured.peak_mib:.0f} MiB")
    # fmt may well read a long value with nothing to fix: exit 0, the file left as it was.
    _assert_bounded(measured, peak_mib=1024, codes=(0, 2) if command == "fmt" else (1, 2))
    if command == "validate":
        assert bad.name in measured.stdout + measured.stderr


def test_values_cannot_inject_github_workflow_commands(tree: Tree) -> None:
    # In CI, a line of output that starts with "::" is a command to the runner.
    bad = tree.root / "gh,inject::x.yaml"
    bad.write_text(
        GOOD_CATALOG.replace(
            '["60/2014/QH13", "123/2015/NĐ-CP"]',
            '["1/2015/ND-CP\\n::error file=evil::pwned%0A", "x\\r\\n::add-mask::secret"]',
        ).replace("online: full", 'online: "full\\n::stop-commands::token"'),
        encoding="utf-8",
    )
    result = invoke(["validate", "--no-config", "--format", "github", bad])
    assert result.exit_code == 1
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert commands
    for line in commands:
        assert line.startswith(("::error file=gh%2Cinject%3A%3Ax.yaml,", "::warning file=gh")), line
