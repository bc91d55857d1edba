"""The live workspace of `tthc lsp`: the findings of `tthc validate` for texts being edited."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CATALOG_HEAD, PROCEDURE
from tthc_cli.validation.config import Settings
from tthc_cli.validation.engine import validate_paths
from tthc_cli.validation.live import LiveWorkspace

OTHER = CATALOG_HEAD + PROCEDURE.replace("1.001193", "1.000894").replace("khai sinh", "kết hôn")
MINE = CATALOG_HEAD + PROCEDURE


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(OTHER, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(MINE, encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    return tmp_path


def _shown(findings: list) -> list[tuple[str, int, str]]:  # type: ignore[type-arg]
    return [(f.rule, f.line, f.message) for f in findings]


def test_an_edited_text_gets_what_validate_gives_for_it_on_disk(root: Path) -> None:
    live = LiveWorkspace(root, Settings())
    assert live.scan() == 2
    edited = MINE.replace("1.001193", "1.000894").replace("Đăng ký khai sinh", "Đăng ký  X")
    changed = live.open(root / "b.yaml", edited)
    assert changed == ["b.yaml"]
    (root / "b.yaml").write_text(edited, encoding="utf-8")
    expected = validate_paths([Path(".")], Settings())
    assert _shown(live.findings(root / "b.yaml")) == _shown(
        [f for f in expected.findings if f.file == "b.yaml"]
    )
    assert {f.rule for f in live.findings(root / "b.yaml")} == {"TT102", "TT202"}


def test_a_change_that_moves_a_cross_file_finding_names_the_open_files_it_touches(
    root: Path,
) -> None:
    live = LiveWorkspace(root, Settings())
    live.scan()
    live.open(root / "a.yaml", OTHER)
    clash = MINE.replace("1.001193", "1.000894")
    assert live.open(root / "b.yaml", clash) == ["b.yaml"]
    assert [f.rule for f in live.findings(root / "b.yaml")] == ["TT102"]
    # a.yaml sorts first, so it keeps the code and b.yaml gets the finding; renaming a's code
    # clears b's finding.
    assert live.open(root / "a.yaml", OTHER.replace("1.000894", "1.000895")) == ["a.yaml", "b.yaml"]
    assert live.findings(root / "b.yaml") == []


def test_closing_a_file_brings_back_the_disk_text(root: Path) -> None:
    live = LiveWorkspace(root, Settings())
    live.scan()
    live.open(root / "b.yaml", OTHER)
    assert [f.rule for f in live.findings(root / "b.yaml")] == ["TT102"]
    live.close(root / "b.yaml")
    assert not live.is_open("b.yaml")
    assert live.findings(root / "b.yaml") == []
    assert [ref.file for ref in live.procedures_like("1.000894.000.00.00.H48")] == ["a.yaml"]


def test_which_files_count_and_a_text_mid_typing(root: Path) -> None:
    live = LiveWorkspace(root, Settings(exclude=["drafts/*"]))
    assert live.wanted(root / "b.yaml")
    assert not live.wanted(root / "notes.txt")
    assert not live.wanted(root / ".hidden" / "x.yaml")
    assert not live.wanted(root / "drafts" / "x.yaml")
    live.scan()
    live.open(root / "b.yaml", MINE[:57] + '"unclosed')
    assert [f.rule for f in live.findings(root / "b.yaml")] == ["TT001"]
    assert live.number_uses("123/2015/NĐ-CP") == {"a.yaml": 1}


def test_a_reference_list_is_checked_as_validate_checks_it(tmp_path: Path) -> None:
    ref = tmp_path / "ref"
    ref.mkdir()
    (ref / "national.yaml").write_text(OTHER.replace('province: "48"\n', ""), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    (work / "b.yaml").write_text(MINE, encoding="utf-8")
    settings = Settings(reference=[str(ref)])
    live = LiveWorkspace(work, settings)
    live.scan()
    live.open(work / "b.yaml", MINE)
    from tthc_cli.catalog.reference import load_reference

    reference = load_reference(settings.reference_paths)
    expected = validate_paths([work], settings, reference=reference)
    shown = _shown(live.findings(work / "b.yaml"))
    assert shown == _shown(expected.findings)
    assert {"TT150", "TT157"} <= {rule for rule, _line, _message in shown}
