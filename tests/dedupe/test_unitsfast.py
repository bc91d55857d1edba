"""The fast units reader gives exactly the entries of the full loader, or steps aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc_cli.catalog.unitsfast import read_units_fast
from tthc_cli.names import lists as namelists
from tthc_cli.names.lists import NameList, read_names

REPO = Path(__file__).resolve().parents[2]

HEAD = 'kind: units\nprovince: {code: "48", name: "Đà Nẵng"}\neffective: 2025-07-01\ncommunes:\n'

STYLES = {
    "block items": (
        '  - code: "20194"\n    name: Phường Hòa Khánh\n    hamlets:\n'
        "      - name: Tổ 1\n        from: Phường Hòa Khánh Bắc\n"
        "      -   name: 'Tổ dân phố 02'   # a comment\n"
    ),
    "flow items, streets first": (
        '  - code: "20195"\n    name: Xã Hòa Vang\n'
        '    streets:\n      - {name: "Đường Hoàng Văn Thái"}\n'
        '    hamlets:\n      - {name: "Thôn Hoà Bắc", from: "Xã Hòa Bắc"}\n'
        "      - {name: Thôn 1, from: Xã Hòa Ninh}\n"
    ),
    "flow list over two lines": (
        '  - code: "20196"\n    name: Xã A\n    hamlets: [{name: Thôn 1}, {name: Thôn 2},\n'
        "      {name: Thôn 3}]\n"
    ),
    "NFD name": '  - code: "20197"\n    name: Xã B\n    hamlets:\n      - name: "Tho\u0302n 5"\n',
}

COMMUNE = '  - code: "20194"\n    name: Xã A\n'
FALLBACK = {
    "escaped name": COMMUNE + '    hamlets:\n      - name: "Th\\u00f4n 1"\n',
    "from before name": COMMUNE + "    hamlets:\n      - from: Xã B\n        name: Thôn 1\n",
    "multi-line plain name": (
        '  - code: "20194"\n    name: Xã A\n    hamlets:\n      - name: Thôn\n          Một\n'
    ),
    "anchor": '  - code: "20194"\n    name: &n Xã A\n    hamlets:\n      - name: *n\n',
    "invalid schema": "  - code: 20194\n    name: Xã A\n    hamlets:\n      - name: Thôn 1\n",
    "duplicate key": '  - code: "20194"\n    name: Xã A\n    name: Xã B\n    hamlets: []\n',
}


def _full(path: Path) -> NameList:
    """What the positioned loader reads, with the fast reader switched off."""
    original = namelists.read_units_fast  # type: ignore[attr-defined]
    namelists.read_units_fast = lambda text: None  # type: ignore[attr-defined]
    try:
        return read_names([path])
    finally:
        namelists.read_units_fast = original  # type: ignore[attr-defined]


@pytest.mark.parametrize("body", list(STYLES.values()), ids=list(STYLES))
def test_fast_reader_gives_the_full_loaders_entries(tmp_path: Path, body: str) -> None:
    path = tmp_path / "units.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    assert read_units_fast(path.read_text(encoding="utf-8")) is not None
    fast, full = read_names([path]), _full(path)
    assert fast.entries == full.entries
    assert fast.communes == full.communes
    assert fast.errors == full.errors == []


@pytest.mark.parametrize("body", list(FALLBACK.values()), ids=list(FALLBACK))
def test_unsure_files_go_to_the_full_loader(tmp_path: Path, body: str) -> None:
    path = tmp_path / "units.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    assert read_units_fast(path.read_text(encoding="utf-8")) is None
    fast, full = read_names([path]), _full(path)
    assert fast.entries == full.entries
    assert [e.describe() for e in fast.errors] == [e.describe() for e in full.errors]


def test_shipped_units_files_read_the_same_both_ways() -> None:
    paths = sorted((REPO / "catalogs").glob("*/units.yaml"))
    if not paths:
        pytest.skip("no shipped units files in this checkout")
    for path in paths:
        assert read_names([path]).entries == _full(path).entries, path
