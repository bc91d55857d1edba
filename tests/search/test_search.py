"""Search ranking with and without diacritics, by code, and the JSON output."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tthc_cli.cli.app import app
from tthc_cli.index.procindex import load_index
from tthc_cli.index.result import Row
from tthc_cli.index.search import search

INPUT = Path(__file__).parents[1] / "golden" / "stats" / "input"
runner = CliRunner()


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    return load_index([INPUT], use_cache=False).rows


def names(rows: list[Row], query: str) -> list[str]:
    return [hit.row.name for hit in search(rows, query, limit=None)]


def test_exact_name_first_then_phrases(rows: list[Row]) -> None:
    assert names(rows, "Đăng ký kết hôn") == [
        "Đăng ký kết hôn",
        "Đăng ký kết hôn có yếu tố nước ngoài",
    ]


@pytest.mark.parametrize(
    "query",
    ["dang ky ket hon", "ĐĂNG KÝ KẾT HÔN", "đăng ký kết hôn", "dang ky kết hôn"],
)
def test_any_form_of_the_words(rows: list[Row], query: str) -> None:
    assert names(rows, query)[0] == "Đăng ký kết hôn"
    assert names(rows, unicodedata.normalize("NFD", query))[0] == "Đăng ký kết hôn"


def test_diacritics_typed_must_match(rows: list[Row]) -> None:
    # "kết hôn" never finds "kết hợp"; "ket" without marks finds both words.
    assert "Cấp giấy phép kết hợp" not in names(rows, "kết hôn")
    assert "Cấp giấy phép kết hợp" in names(rows, "ket hop")
    assert "Cấp giấy phép kết hợp" not in names(rows, "ket hon")


def test_tone_placement_does_not_matter(rows: list[Row]) -> None:
    assert names(rows, "hoà giải viên") == ["Công nhận hòa giải viên"]


def test_phrase_from_the_middle_of_a_name(rows: list[Row]) -> None:
    assert names(rows, "KẾT HÔN có yếu tố nước ngoài") == ["Đăng ký kết hôn có yếu tố nước ngoài"]


def test_names_with_every_word_hide_names_with_some(rows: list[Row]) -> None:
    hits = search(rows, "khai sinh lại", limit=None)
    assert [(hit.row.name, hit.match) for hit in hits] == [("Đăng ký lại khai sinh", "words")]


def test_most_words_when_no_name_has_them_all(rows: list[Row]) -> None:
    hits = search(rows, "đăng ký khai sinh mới", limit=None)
    assert [(hit.row.name, hit.match) for hit in hits] == [
        ("Đăng ký khai sinh", "partial"),
        ("Đăng ký lại khai sinh", "partial"),
    ]


def test_code_hits_first_and_once_per_province_level_and_newest_list(rows: list[Row]) -> None:
    hits = search(rows, "1.001193", limit=None)
    assert [(h.row.code, h.row.level, h.row.effective, h.match) for h in hits] == [
        ("1.001193", "xa", "2025-07-01", "code"),
    ]
    assert hits[0].also == 2  # the split 2025 file and the 2024 list


def test_nothing_found(rows: list[Row]) -> None:
    assert search(rows, "giấy phép lái xe") == []
    assert search(rows, "   ") == []


def test_cli_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INPUT)
    result = runner.invoke(app, ["search", "thuong tru", ".", "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["version"] == 1
    (hit,) = doc["results"]
    assert hit["code"] == "1.004222"
    assert hit["time_limit"] == {"value": 7, "unit": "working-days"}
    assert hit["fees"] == [{"name": "Lệ phí", "amount": 20000}]
    assert hit["online"] == "partial"
    assert hit["file"] == "48/2025/xa.yaml"


def test_cli_text_and_exit_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INPUT)
    result = runner.invoke(app, ["search", "ket hon", ".", "--level", "xa"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == [
        "1.000894  Đăng ký kết hôn  (48/xa)",
        "    time limit: 1 ngày làm việc; fees: miễn phí; online: partial; legal basis: "
        "52/2014/QH13, 123/2015/NĐ-CP",
        "    48/2025/xa.yaml:13",
    ]
    assert "yếu tố nước ngoài" not in result.stdout  # that one is at district level
    missing = runner.invoke(app, ["search", "không có", "."])
    assert missing.exit_code == 1
    broken = runner.invoke(app, ["search", "ket hon", "nowhere"])
    assert broken.exit_code == 2
    assert "nowhere" in broken.stderr


WORDS = ["đăng", "ký", "kết", "hôn", "khai", "sinh", "lại", "hòa", "giải", "1.001193", "ket"]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))
def test_unicode_form_and_case_do_not_change_results(rows: list[Row], words: list[str]) -> None:
    query = " ".join(words)
    expected = [(h.row.key, h.row.level, h.match) for h in search(rows, query, limit=None)]
    for variant in (unicodedata.normalize("NFD", query), query.upper()):
        found = [(h.row.key, h.row.level, h.match) for h in search(rows, variant, limit=None)]
        assert found == expected


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))
def test_results_are_ranked_best_first(rows: list[Row], words: list[str]) -> None:
    scores = [hit.score for hit in search(rows, " ".join(words), limit=None)]
    assert scores == sorted(scores, reverse=True)
