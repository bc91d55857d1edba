"""The result cache of `tthc validate`: hits, misses, invalidation, damage, identical results."""

from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import CATALOG_HEAD, PROCEDURE, REPO
from tthc_cli.catalog.reading import decode
from tthc_cli.runtime import i18n
from tthc_cli.validation.cache import CACHE_DIR, ResultCache, digest, digest_bytes
from tthc_cli.validation.config import Settings
from tthc_cli.validation.engine import _check_chunk, cache_for, validate_paths
from tthc_cli.validation.results import ValidationResult

GOOD = CATALOG_HEAD + PROCEDURE
WARN = GOOD.replace("Đăng ký khai sinh", '"Đăng ký khai sinh "')
OTHER = GOOD.replace("1.001193", "1.001194").replace("Đăng ký khai sinh", "Đăng ký kết hôn")


def _shown(result: ValidationResult) -> list[tuple[object, ...]]:
    return [
        (f.rule, f.severity, f.message, f.file, f.line, f.column, f.fixable)
        for f in result.findings
    ] + [("counts", result.files, result.procedures, result.communes, result.hamlets)]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "catalogs"
    folder.mkdir()
    (folder / "a.yaml").write_text(WARN, encoding="utf-8")
    (folder / "b.yaml").write_text(GOOD, encoding="utf-8")  # same code as a.yaml: TT102
    (folder / "c.yaml").write_text(OTHER.replace('"48"', '"01"'), encoding="utf-8")
    return tmp_path


def _run(settings: Settings | None = None) -> tuple[ValidationResult, ResultCache]:
    settings = settings or Settings()
    cache = cache_for(settings, Path(CACHE_DIR))
    return validate_paths([Path("catalogs")], settings, cache=cache), cache


def test_a_cold_run_misses_and_writes_the_cache_with_its_gitignore(project: Path) -> None:
    result, cache = _run()
    assert (cache.hits, cache.misses) == (0, 3)
    assert (project / CACHE_DIR / ".gitignore").read_text() == "*\n"
    assert {f.rule for f in result.findings} == {"TT202", "TT102"}


def test_a_warm_run_hits_and_reports_the_same(project: Path) -> None:
    cold, _ = _run()
    warm, cache = _run()
    assert (cache.hits, cache.misses) == (3, 0)
    assert _shown(warm) == _shown(cold)
    assert _shown(warm) == _shown(validate_paths([Path("catalogs")], Settings()))


def test_changing_one_file_rechecks_only_that_file(project: Path) -> None:
    _run()
    (project / "catalogs" / "a.yaml").write_text(GOOD, encoding="utf-8")
    result, cache = _run()
    assert (cache.hits, cache.misses) == (2, 1)
    assert [f.rule for f in result.findings] == ["TT102"]  # the cross-file rule still runs
    assert _shown(result) == _shown(validate_paths([Path("catalogs")], Settings()))


@pytest.mark.parametrize(
    "changed",
    [
        Settings(ignore=["TT202"]),
        Settings(severity={"TT202": "error"}),
        Settings(strict=True),
        Settings(tone_style="second-vowel"),
        Settings(per_file_ignores={"a.yaml": ["TT202"]}),
    ],
    ids=["ignore", "severity", "strict", "tone-style", "per-file-ignores"],
)
def test_other_settings_miss(project: Path, changed: Settings) -> None:
    _run()
    result, cache = _run(changed)
    assert cache.hits == 0
    assert _shown(result) == _shown(validate_paths([Path("catalogs")], changed))


def test_another_message_language_misses(project: Path) -> None:
    _run()
    before = i18n.current_language()
    try:
        i18n.set_language("vi" if before != "vi" else "en")
        _, cache = _run()
    finally:
        i18n.set_language(before)
    assert cache.hits == 0


def _sealed(header: bytes, entries: dict[str, object]) -> bytes:
    """A cache file as the store writes one: its header, the SHA-256 of the body, the body."""
    import hashlib
    import marshal

    body = marshal.dumps(entries)
    return header + hashlib.sha256(body).digest() + body


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(b"TT202", b"TT999"),
        lambda data: data.replace(b"tthc-cache 1 ", b"tthc-cache 0 "),
        lambda data: b"\x00\xff garbage",
        lambda data: b"",
    ],
    ids=["truncated", "edited", "other-format", "garbage", "empty"],
)
def test_a_damaged_cache_is_recomputed(project: Path, damage: object) -> None:
    cold, _ = _run()
    stored = project / CACHE_DIR / "validate.marshal"
    stored.write_bytes(damage(stored.read_bytes()))  # type: ignore[operator]
    result, cache = _run()
    assert cache.hits == 0
    assert _shown(result) == _shown(cold)
    _, again = _run()  # and the cache is whole again
    assert again.hits == 3


def test_an_edited_entry_with_a_valid_checksum_is_still_checked(project: Path) -> None:
    import marshal

    _run()
    stored = project / CACHE_DIR / "validate.marshal"
    data = stored.read_bytes()
    header = data[: data.index(b"\n") + 1]
    entries = marshal.loads(data[len(header) + 32 :])
    sha, stamp, value = entries["catalogs/a.yaml"]
    _findings, summaries, counts = value
    bad = (("TT202", "warning", "x", "one", 1, True),)  # a line that is no number
    entries["catalogs/a.yaml"] = (sha, stamp, (bad, summaries, counts))
    stored.write_bytes(_sealed(header, entries))
    result, cache = _run()
    assert (cache.hits, cache.misses) == (2, 1)
    assert _shown(result) == _shown(validate_paths([Path("catalogs")], Settings()))


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any folder")
def test_an_unwritable_cache_folder_does_not_break_the_run(project: Path) -> None:
    (project / CACHE_DIR).mkdir()
    (project / CACHE_DIR).chmod(0o500)
    try:
        result, _ = _run()
        assert {f.rule for f in result.findings} == {"TT202", "TT102"}
    finally:
        (project / CACHE_DIR).chmod(0o700)


def test_a_cache_path_that_is_a_file_does_not_break_the_run(project: Path) -> None:
    (project / CACHE_DIR).write_text("not a folder", encoding="utf-8")
    first, _ = _run()
    second, cache = _run()
    assert cache.hits == 0
    assert _shown(first) == _shown(second)


SHIPPED = sorted((REPO / "catalogs").rglob("*.yaml"))


@pytest.mark.skipif(not SHIPPED, reason="no shipped catalogs")
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(
            st.sampled_from(SHIPPED),
            st.integers(0, 10**6),
            st.sampled_from(["  ", "\t", "hoà ", '"1.001193"', "- ", ": x", "Qúy"]),
        ),
        max_size=3,
    )
)
def test_shipped_catalogs_give_identical_findings_with_and_without_the_cache(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[Path, int, str]]
) -> None:
    root = tmp_path_factory.mktemp("shipped")
    shutil.copytree(REPO / "catalogs", root / "catalogs")
    folder = root / CACHE_DIR
    settings_ = Settings()
    paths = [root / "catalogs"]
    cache = ResultCache(folder, "k")
    cold = validate_paths(paths, settings_, cache=cache)
    for path, at, piece in edits:  # change some files between the cold and the warm run
        target = root / path.relative_to(REPO)
        text = target.read_text(encoding="utf-8")
        at %= len(text) + 1
        target.write_text(text[:at] + piece + text[at:], encoding="utf-8")
    warm = validate_paths(paths, settings_, cache=ResultCache(folder, "k"))
    plain = validate_paths(paths, settings_)
    assert _shown(warm) == _shown(plain)
    if not edits:
        assert _shown(cold) == _shown(plain)


def test_the_cache_keeps_other_folders_until_it_grows_too_big(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tthc_cli.catalog.cache as cache_module

    other = project / "other"
    other.mkdir()
    (other / "x.yaml").write_text(GOOD, encoding="utf-8")
    settings_ = Settings()
    validate_paths([Path("other")], settings_, cache=cache_for(settings_, Path(CACHE_DIR)))
    _run()  # catalogs/: other/x.yaml stays in the cache
    again = cache_for(settings_, Path(CACHE_DIR))
    validate_paths([Path("other")], settings_, cache=again)
    assert again.hits == 1
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 3)
    (project / "catalogs" / "a.yaml").write_text(GOOD, encoding="utf-8")  # something to write
    _run()  # four entries: only the three of this run are kept
    last = cache_for(settings_, Path(CACHE_DIR))
    validate_paths([Path("other")], settings_, cache=last)
    assert last.hits == 0


def test_checking_in_several_processes_gives_the_same_result(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    from tthc_cli.validation import engine

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("processes cannot be forked here")
    for number in range(60):  # enough files for several chunks
        text = WARN.replace("1.001193", f"1.00{number:04d}")
        (project / "catalogs" / f"n{number}.yaml").write_text(text, encoding="utf-8")
    serial = validate_paths([Path("catalogs")], Settings())
    pids = project / "pids"
    pids.mkdir()
    monkeypatch.setenv("TTHC_TEST_PIDS", str(pids))
    monkeypatch.setattr(engine, "_workers", lambda files: 2)
    monkeypatch.setattr(engine, "_check_chunk", _recording_chunk)
    parallel = validate_paths([Path("catalogs")], Settings())
    assert _shown(parallel) == _shown(serial)
    assert {f.rule for f in parallel.findings} == {"TT202", "TT102"}
    assert os.getpid() not in {int(p.name) for p in pids.iterdir()}  # checked elsewhere
    assert any(pids.iterdir())


def _recording_chunk(bounds: tuple[int, int]) -> object:
    """The real worker function, noting the process it runs in."""
    (Path(os.environ["TTHC_TEST_PIDS"]) / str(os.getpid())).touch()
    return _check_chunk(bounds)


@pytest.mark.parametrize("text", ["", "mã: 1.001\n", "Hòa Bình, Đ đ\r\n", "hoà\u0300\n"])
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_digest_of_bytes_is_digest_of_their_text(text: str, bom: bytes) -> None:
    data = bom + text.encode("utf-8")
    assert digest_bytes(data) == digest(decode(data, "x.yaml"))


def test_a_finding_of_a_rule_not_enabled_is_a_damaged_entry(tmp_path: Path) -> None:
    from tthc_cli.validation.cache import FileOutcome
    from tthc_cli.validation.findings import Finding, Severity

    finding = Finding("TT202", "irregular-whitespace", Severity.WARNING, "x", "a.yaml", 1, 1)
    cache = ResultCache(tmp_path, "k")
    cache.put("a.yaml", "sha", FileOutcome([finding], {}, (1, 0, 0, 0)))
    names = {"TT202": "irregular-whitespace"}
    stored = cache.get("a.yaml", "sha", names)
    assert stored is not None
    assert stored.findings == [finding]
    assert stored.findings[0].name == "irregular-whitespace"  # the name comes from the rules given
    assert cache.get("a.yaml", "sha", {"TT101": "duplicate-code"}) is None
