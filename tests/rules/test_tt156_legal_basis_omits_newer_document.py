"""TT156 legal-basis-omits-newer-document."""

from __future__ import annotations

from pathlib import Path

from helpers import catalog, checked, reference

THEIRS = ["60/2014/QH13", "123/2015/NĐ-CP", "03/2023/TT-BTP", "1390/QĐ-UBND"]


def _found(tmp_path: Path, mine: list[str] | None, theirs: list[str] = THEIRS) -> list[str]:
    def item(basis: list[str] | None) -> dict[str, object]:
        base: dict[str, object] = {"code": "1.001193", "name": "Đăng ký khai sinh"}
        return base | ({"legal_basis": basis} if basis is not None else {})

    ref = reference(tmp_path / "ref", catalog([item(theirs)]))
    return [
        f"{f.line}:{f.column} {f.message}" for f in checked(catalog([item(mine)]), ref, "TT156")
    ]


def test_a_newer_omitted_document(tmp_path: Path) -> None:
    (found,) = _found(tmp_path, ["60/2014/QH13", "123/2015/NĐ-CP"])
    assert found.startswith(
        "9:18 legal basis omits 03/2023/TT-BTP, newer than every document it cites "
        "(the reference cites it: "
    )


def test_an_older_omitted_document_is_left_alone(tmp_path: Path) -> None:
    assert _found(tmp_path, ["03/2023/TT-BTP"]) == []


def test_same_document_written_otherwise(tmp_path: Path) -> None:
    assert _found(tmp_path, ["123/2015/ND-CP", "03/2023/tt-btp"]) == []


def test_no_dated_document_cited_reports_every_dated_one(tmp_path: Path) -> None:
    (found,) = _found(tmp_path, [])
    assert "omits 60/2014/QH13, 123/2015/NĐ-CP, 03/2023/TT-BTP," in found
    assert "1390/QĐ-UBND" not in found  # no year: cannot be dated


def test_unstated_legal_basis_is_not_checked(tmp_path: Path) -> None:
    assert _found(tmp_path, None) == []
