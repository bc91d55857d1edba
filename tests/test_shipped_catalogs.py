"""The shipped catalogs built from the portal records are what the committed script makes today.

`python -m scripts.build_catalogs` regenerates them with `tthc import portal-json`; this test
rebuilds them into a temporary folder and finds no difference, so a fix to the importer reaches
the shipped data (run the script and commit what it writes).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # `scripts` sits beside `src`, outside the installed package
    sys.path.insert(0, str(REPO))

from benchmarks.rawdata import find_raw  # noqa: E402
from scripts.build_catalogs import BQP, CHATBOT, PROVINCES, build  # noqa: E402

RAW = find_raw()
CATALOGS = REPO / "catalogs"
pytestmark = pytest.mark.skipif(
    not RAW.joinpath(*CHATBOT).is_dir() or not RAW.joinpath(*BQP).is_dir(),
    reason=f"portal records not present under {RAW}",
)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("catalogs")
    report = build(RAW, out)
    assert not report.failed, "\n".join(report.lines)
    return out


def _generated(root: Path) -> set[str]:
    files = {p.relative_to(root).as_posix() for p in (root / "national").rglob("*.yaml")}
    for province in PROVINCES:
        files |= {f"{province.folder}/{year}" for year in ("2024/huyen.yaml", "2024/xa.yaml")}
        files.add(f"{province.folder}/2025/xa.yaml")
    return files


def test_the_rebuild_writes_the_committed_files(rebuilt: Path) -> None:
    assert _generated(rebuilt) == _generated(CATALOGS)
    for name in sorted(_generated(rebuilt)):
        fresh = (rebuilt / name).read_text(encoding="utf-8")
        shipped = (CATALOGS / name).read_text(encoding="utf-8")
        assert fresh == shipped, f"catalogs/{name} is stale: run python -m scripts.build_catalogs"


def test_each_province_file_says_it_is_a_selection(rebuilt: Path) -> None:
    for province in PROVINCES:
        data = yaml.safe_load((rebuilt / province.folder / "2025" / "xa.yaml").read_text("utf-8"))
        assert [p["code"] for p in data["procedures"]] == list(province.codes)
        count = len(province.codes)
        assert f"trích {count}" in data["title"]
        assert "không phải danh mục đầy đủ" in data["title"]
        assert f"Trích {count} thủ tục" in data["source"]
        if province.listed:
            assert f"{count} trong {province.listed}" in data["title"]


def _procedures(root: Path, pattern: str) -> dict[str, dict[str, object]]:
    found: dict[str, dict[str, object]] = {}
    for path in sorted(root.glob(pattern)):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["procedures"]:
            found[item["code"]] = item
    return found


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def test_only_what_the_records_state(rebuilt: Path) -> None:
    shipped = _procedures(rebuilt, "*/2025/xa.yaml") | _procedures(rebuilt, "national/*/*.yaml")
    # The records carry no toàn trình / một phần flag.
    assert {p.get("online") for p in shipped.values()} <= {"available", None}
    # "Thông tư số 03/2023/TT-BTP" and "Luật 60/2014/QH13" cells are read.
    birth = shipped["1.001193"]["legal_basis"]
    assert isinstance(birth, list)
    assert {"03/2023/TT-BTP", "60/2014/QH13"} <= set(birth)
    # The Đồng Nai procedures whose legal basis the hand-made file lacked.
    for code in ("1.011607", "1.011608", "1.011609", "3.000412"):
        assert shipped[code].get("legal_basis"), code
    # A document of 07/08/2025 is not cited by a list in force on 01/07/2025.
    cited = {number for p in shipped.values() for number in _list(p.get("legal_basis"))}
    assert "220/2025/NĐ-CP" not in cited


def test_one_reading_of_the_council_fee(rebuilt: Path) -> None:
    shipped = _procedures(rebuilt, "*/2025/xa.yaml")
    for code in ("1.001266", "1.001570", "1.014035", "1.004982", "1.000656"):
        fees = shipped[code].get("fees")
        assert isinstance(fees, list)
        assert fees, code  # never "free"
        assert all("amount" not in fee and "Hội đồng nhân dân" in fee["note"] for fee in fees)


def test_a_selection_says_so_when_the_format_can() -> None:
    from tthc_cli.domain.models import ProcedureCatalog

    header = PROVINCES[0].header()
    assert ("\nselection: true\n" in header) == ("selection" in ProcedureCatalog.model_fields)
