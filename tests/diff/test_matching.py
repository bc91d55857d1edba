"""Pairing procedures: pinned pairs, national codes, then names that say the same thing."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc_cli.diffing.matching import Decisions, assign, match, signature
from tthc_cli.diffing.result import SideProcedure
from tthc_cli.text.normalize import procedure_name_key


def proc(code: str, name: str, level: str = "xa") -> SideProcedure:
    return SideProcedure(
        key=code,
        code=code,
        name=name,
        name_key=procedure_name_key(name),
        levels={level},
        values={"code": code, "name": name},
    )


def pairs_of(
    old: list[SideProcedure], new: list[SideProcedure], **kw: object
) -> set[tuple[str, str, str]]:
    result = match(old, new, **kw)  # type: ignore[arg-type]
    return {(p.old.code, p.new.code, p.match) for p in result.pairs}


def test_national_code_ignores_the_local_suffix() -> None:
    old = [proc("1.001193", "Đăng ký khai sinh")]
    new = [proc("1.001193.000.00.00.H17", "Thủ tục đăng ký khai sinh")]
    assert pairs_of(old, new) == {("1.001193", "1.001193.000.00.00.H17", "code")}


def test_code_change_with_the_same_name_pairs_by_name() -> None:
    old = [proc("1.008903", "Cấp giấy phép xây dựng nhà ở riêng lẻ")]
    new = [proc("1.013500", "Cấp giấy phép xây dựng nhà ở riêng lẻ")]
    result = match(old, new)
    assert [(p.match, p.score) for p in result.pairs] == [("name", 100.0)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Thủ tục đăng ký kết hôn", "Đăng ký kết hôn"),
        ("Đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH."),
        ("Đăng ký khai sinh", unicodedata.normalize("NFD", "Đăng ký khai sinh")),
        ("Hòa giải tranh chấp đất đai", "Hoà giải tranh chấp  đất đai"),
        (
            "Chứng thực chữ ký (người yêu cầu không thể ký, không thể điểm chỉ được)",
            "Chứng thực chữ ký (người yêu cầu không ký, không điểm chỉ được)",
        ),
        ("Cấp giấy chứng nhận cho hộ kinh doanh", "Cấp giấy chứng nhận đối với hộ kinh doanh"),
    ],
)
def test_same_procedure_names_pair(a: str, b: str) -> None:
    assert pairs_of([proc("9.000001", a)], [proc("9.000002", b)]) == {
        ("9.000001", "9.000002", "name")
    }


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Đăng ký kết hôn", "Đăng ký lại kết hôn"),
        ("Đăng ký giám hộ", "Đăng ký chấm dứt giám hộ"),
        ("Đăng ký khai sinh", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con"),
        ("Đăng ký khai tử", "Đăng ký khai sinh"),
        ("Cấp giấy phép xây dựng mới", "Cấp lại giấy phép xây dựng"),
    ],
)
def test_look_alike_procedures_never_pair_but_are_hinted(a: str, b: str) -> None:
    result = match([proc("9.000001", a)], [proc("9.000002", b)])
    assert result.pairs == []
    assert [p.code for p in result.removed] == ["9.000001"]
    assert [p.code for p in result.added] == ["9.000002"]
    if a != "Đăng ký khai tử":
        assert len(result.hints) == 1
        assert result.hints[0].added or result.hints[0].dropped


def test_hint_says_what_differs() -> None:
    result = match([proc("1", "Đăng ký kết hôn")], [proc("2", "Đăng ký lại kết hôn")])
    assert (result.hints[0].added, result.hints[0].dropped) == (("lại",), ())


def test_assignment_maximizes_total_score() -> None:
    # Two old and two new names with the same content words: the best total pairs a-a, b-b.
    old = [
        proc("9.000001", "Cấp bản sao trích lục hộ tịch"),
        proc("9.000002", "Cấp bản sao của trích lục hộ tịch"),
    ]
    new = [
        proc("9.000011", "Cấp bản sao của trích lục hộ tịch"),
        proc("9.000012", "Cấp bản sao trích lục hộ tịch"),
    ]
    assert pairs_of(old, new) == {
        ("9.000001", "9.000012", "name"),
        ("9.000002", "9.000011", "name"),
    }


def test_one_to_one() -> None:
    old = [proc("9.000001", "Đăng ký khai sinh"), proc("9.000002", "Đăng ký khai sinh")]
    new = [proc("9.000011", "Đăng ký khai sinh")]
    result = match(old, new)
    assert len(result.pairs) == 1
    assert len(result.removed) == 1


def test_pinned_pair_wins_over_everything() -> None:
    old = [proc("1.008903", "Cấp phép cũ"), proc("1.001193", "Đăng ký khai sinh")]
    new = [proc("1.013500", "Một tên hoàn toàn khác"), proc("1.001193", "Đăng ký khai sinh")]
    decisions = Decisions(pin=[("1.008903", "1.013500")])
    assert pairs_of(old, new, decisions=decisions) == {
        ("1.008903", "1.013500", "pinned"),
        ("1.001193", "1.001193", "code"),
    }


def test_pin_by_name() -> None:
    decisions = Decisions(pin=[("Cấp phép cũ", "Một tên hoàn toàn khác")])
    old = [proc("1.008903", "Cấp phép cũ")]
    new = [proc("1.013500", "Một tên hoàn toàn khác")]
    assert pairs_of(old, new, decisions=decisions) == {("1.008903", "1.013500", "pinned")}


def test_forbidden_pair_is_not_made_by_code_or_name() -> None:
    old = [proc("1.001193", "Đăng ký khai sinh")]
    new = [proc("1.001193", "Đăng ký khai sinh")]
    decisions = Decisions(forbid=[("1.001193", "1.001193")])
    result = match(old, new, decisions)
    assert result.pairs == []


def test_signature_keeps_content_words_in_order() -> None:
    assert signature("đăng ký kết hôn") == ("dang", "ky", "ket", "hon")
    assert signature("cấp cho hộ kinh doanh") == ("cap", "ho", "kinh", "doanh")
    assert signature("hòa bình") != signature("bình hòa")


@pytest.mark.parametrize(
    ("weights", "best"),
    [
        ([[1.0]], 1.0),
        ([[90, 80], [85, 10]], 165),
        ([[10, 20, 30], [30, 20, 10]], 60),
        ([[5], [9], [7]], 9),
        ([[1, 2, 3, 4], [2, 4, 6, 8], [3, 6, 9, 12]], 1 * 2 + 2 * 3 + 3 * 4),
    ],
)
def test_assign_finds_the_maximum(weights: list[list[float]], best: float) -> None:
    pairs = assign(weights)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert sum(weights[i][j] for i, j in pairs) == pytest.approx(best)


@given(
    st.integers(1, 5).flatmap(
        lambda rows: st.integers(1, 5).flatmap(
            lambda cols: st.lists(
                st.lists(st.integers(0, 100), min_size=cols, max_size=cols),
                min_size=rows,
                max_size=rows,
            )
        )
    )
)
def test_assign_matches_brute_force(weights: list[list[int]]) -> None:
    rows, cols = len(weights), len(weights[0])
    size = min(rows, cols)
    best = 0
    if rows <= cols:
        for perm in itertools.permutations(range(cols), size):
            best = max(best, sum(weights[i][perm[i]] for i in range(rows)))
    else:
        for perm in itertools.permutations(range(rows), size):
            best = max(best, sum(weights[perm[j]][j] for j in range(cols)))
    pairs = assign(weights)
    assert len(pairs) == size
    assert sum(weights[i][j] for i, j in pairs) == best


def test_names_differing_by_a_tone_mark_are_different_procedures() -> None:
    result = match(
        [proc("9.000001", "Miễn tiền thuê đất")], [proc("9.000002", "Miễn tiền thuế đất")]
    )
    assert result.pairs == []


def test_a_name_typed_without_diacritics_still_pairs() -> None:
    result = match([proc("9.000001", "Dang ky khai sinh")], [proc("9.000002", "Đăng ký khai sinh")])
    assert [p.match for p in result.pairs] == ["name"]


def test_decisions_that_name_nothing_are_reported() -> None:
    decisions = Decisions(pin=[("9.999999", "1.001193")], forbid=[("x", "y")])
    result = match([proc("1.001193", "A")], [proc("1.001193", "A")], decisions)
    assert len(result.unused) == 2
