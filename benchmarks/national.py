"""The 34 provinces of 2025 and their 3,321 communes, with the former communes each was formed
from: real names from `shared/data/raw/dvhcvn-20250701/mapping/merges.json`, else made-up ones.

Shared by the catalog generator (one catalog per commune) and the hamlet corpus of
`dedupebench.py` (hamlets from each former commune).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from benchmarks.rawdata import RAW
from tthc_cli.domain.provinces import PROVINCES_2025

MERGES = RAW / "dvhcvn-20250701" / "mapping" / "merges.json"
SEED = 2025


@dataclass
class Former:
    code: str
    name: str
    partial: bool


@dataclass
class Commune:
    code: str
    name: str
    formers: list[Former]


@dataclass
class Province:
    code: str
    name: str
    communes: list[Commune]


def load_provinces(merges: Path = MERGES) -> tuple[list[Province], bool]:
    """The 34 provinces with their communes and former communes; (synthetic, False) without
    the mapping file."""
    if not merges.is_file():
        return synthetic_provinces(), False
    data = json.loads(merges.read_text(encoding="utf-8"))
    provinces = []
    for level1 in data["data"]:
        communes = [
            Commune(
                code=str(level2["level2_id"]),
                name=str(level2["name"]),
                formers=[
                    Former(str(m["old_id"]), str(m["name"]), m.get("type") == "partial")
                    for m in level2.get("merges") or []
                ]
                or [Former(str(level2["level2_id"]), str(level2["name"]), False)],
            )
            for level2 in level1["level2s"]
        ]
        provinces.append(Province(str(level1["level1_id"]), str(level1["name"]), communes))
    return provinces, True


_SYLLABLE_TEXT = (
    "An Bình Hòa Phú Tân Thành Long Mỹ Phước Thạnh Đông Tây Lộc Hưng Thuận Hiệp Lợi Sơn Hải "
    "Trung Quang Minh Đức Xuân Vĩnh Yên Hà Lâm Kim Nghĩa Hồng Văn Cát Thủy Khánh Lạc Thịnh"
)
_SYLLABLES = tuple(_SYLLABLE_TEXT.split(" "))


def synthetic_provinces(seed: int = SEED) -> list[Province]:
    """The 34 provinces with 98 communes each, of made-up names, for when ../shared is absent."""
    rng = random.Random(seed)
    provinces = []
    code = 0
    for province_code, province_name in PROVINCES_2025.items():
        communes = []
        for _ in range(98):
            code += 3
            formers = [
                Former(f"{code + k:05d}", "Xã " + " ".join(rng.sample(_SYLLABLES, 2)), k == 2)
                for k in range(3)
            ]
            kind = "Phường" if rng.random() < 0.2 else "Xã"
            name = f"{kind} {' '.join(rng.sample(_SYLLABLES, 2))}"
            communes.append(Commune(f"{code:05d}", name, formers))
        provinces.append(Province(province_code, province_name, communes))
    return provinces


def interleaved(provinces: list[Province]) -> list[tuple[Province, Commune]]:
    """Every commune, the first of each province, then the second of each...: any prefix of
    the list spreads over every province."""
    out: list[tuple[Province, Commune]] = []
    longest = max((len(p.communes) for p in provinces), default=0)
    for rank in range(longest):
        out += [(p, p.communes[rank]) for p in provinces if rank < len(p.communes)]
    return out
