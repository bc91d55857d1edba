"""names/lists.py with the one catalog cache: the names of a units file come back from it the
same, an invalid file is reported on every run, and `use_cache=False` keeps nothing."""

from __future__ import annotations

from pathlib import Path

from helpers import UNITS_HEAD
from tthc_cli.catalog.cache import cache_folder
from tthc_cli.names.lists import NameList, read_names

UNITS = (
    UNITS_HEAD
    + """\
  - code: "20194"
    name: Phường Hải Vân
    formed_from: [{code: "20194", name: Phường Hòa Hiệp Bắc}]
    hamlets:
      - {name: Tổ dân phố 1, from: Phường Hòa Hiệp Bắc}
      - {name: "Tổ 2"}
      - {name: Thôn Hoà Bắc}
    streets:
      - {name: Đường Nguyễn Tất Thành}
  - code: "20197"
    name: Xã Hòa Bắc
    streets:
      - {name: Đường Hòa Bắc}
    hamlets:
      - {name: Thôn Hòa Bắc}
"""
)


def _seen(names: NameList) -> tuple[object, ...]:
    return (
        names.entries,
        sorted(names.communes),
        names.files,
        [(e.path, e.line, e.message) for e in names.errors],
    )


def test_names_come_back_from_the_cache_the_same(tmp_path: Path) -> None:
    (tmp_path / "units.yaml").write_text(UNITS, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(UNITS.replace('"20197"', "[1, 2]"), encoding="utf-8")
    plain = read_names([tmp_path])
    cold = read_names([tmp_path], use_cache=True)
    warm = read_names([tmp_path], use_cache=True)
    assert _seen(warm) == _seen(cold) == _seen(plain)
    assert [e.kind for e in warm.entries[:4]] == ["hamlet", "hamlet", "hamlet", "street"]
    assert len(warm.errors) == 1  # the invalid file is read and reported every time
    folder = cache_folder()
    assert folder is not None
    assert (folder / "names.marshal").exists()


def test_use_cache_false_keeps_nothing(tmp_path: Path) -> None:
    (tmp_path / "units.yaml").write_text(UNITS, encoding="utf-8")
    read_names([tmp_path])
    folder = cache_folder()
    assert folder is not None
    assert not (folder / "names.marshal").exists()
