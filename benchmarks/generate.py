"""Write a deterministic corpus of valid `procedure-catalog` files for the benchmarks.

`python -m benchmarks generate OUT [--files N]` writes N commune catalogs of 12 procedures,
about 5 KB each (2,000 files are about 10 MB), one folder per 2025 province. File i is the
catalog of a real commune (`benchmarks/national.py`: the 3,321 communes of 2025 from
`shared/data/raw`, else made-up names), taken in turn from each of the 34 provinces so any
number of files covers the whole country; `--files 3321` is one catalog per commune, and more
files start another round. Names, fields, agencies, subjects and legal bases come from the shipped
catalogs (`catalogs/*/2025/xa.yaml`) when they are there, so the text looks like real catalogs:
Vietnamese NFC strings, long multi-byte lines, quoted codes, flow maps, block scalars. Codes are
numbered from a counter, so they are unique across the whole corpus and `tthc validate` finds
nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from benchmarks.national import Commune, Province, interleaved, load_provinces
from tthc_cli.domain.provinces import PROVINCES_2025
from tthc_cli.text.normalize import procedure_name_key

REPO = Path(__file__).resolve().parents[1]
CATALOGS = REPO / "catalogs"
POOL_SIZE = 40
# A few real names run to 300 characters; leaving them out keeps files near 5-6 KB.
MAX_NAME = 70
MAX_CODES = 9_000_000  # codes run 1.000001 ... 9.999999

AGENCY = "Ủy ban nhân dân cấp xã"


@dataclass(frozen=True)
class Template:
    """The facts of one real procedure that a generated procedure reuses."""

    name: str
    field: str
    agency: str
    subjects: tuple[str, ...]
    legal_basis: tuple[str, ...]
    decision: str | None = None
    result: str | None = None


# Used when the repository's catalogs are absent (e.g. the package is run from a wheel).
BUILTIN: tuple[Template, ...] = (
    Template(
        "Đăng ký khai sinh",
        "Hộ tịch",
        AGENCY,
        ("Công dân Việt Nam",),
        ("60/2014/QH13", "123/2015/NĐ-CP", "04/2020/TT-BTP"),
        "163/QĐ-BTP",
        "Giấy khai sinh",
    ),
    Template(
        "Đăng ký kết hôn",
        "Hộ tịch",
        AGENCY,
        ("Công dân Việt Nam",),
        ("52/2014/QH13", "60/2014/QH13", "123/2015/NĐ-CP"),
        "163/QĐ-BTP",
        "Giấy chứng nhận kết hôn",
    ),
    Template(
        "Đăng ký khai tử",
        "Hộ tịch",
        AGENCY,
        ("Công dân Việt Nam",),
        ("60/2014/QH13", "123/2015/NĐ-CP"),
        "163/QĐ-BTP",
        "Trích lục khai tử",
    ),
    Template(
        "Đăng ký giám hộ",
        "Hộ tịch",
        AGENCY,
        ("Công dân Việt Nam",),
        ("60/2014/QH13", "123/2015/NĐ-CP"),
        "163/QĐ-BTP",
    ),
    Template(
        "Đăng ký nhận cha, mẹ, con",
        "Hộ tịch",
        AGENCY,
        ("Công dân Việt Nam",),
        ("60/2014/QH13", "123/2015/NĐ-CP"),
        "163/QĐ-BTP",
    ),
    Template(
        "Cấp bản sao trích lục hộ tịch",
        "Hộ tịch",
        AGENCY,
        ("Công dân Việt Nam",),
        ("60/2014/QH13", "123/2015/NĐ-CP", "106/2021/TT-BTC"),
    ),
    Template(
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "Chứng thực",
        AGENCY,
        ("Công dân Việt Nam", "Người nước ngoài"),
        ("23/2015/NĐ-CP", "226/2016/TT-BTC"),
    ),
    Template(
        "Chứng thực chữ ký trong các giấy tờ, văn bản",
        "Chứng thực",
        AGENCY,
        ("Công dân Việt Nam",),
        ("23/2015/NĐ-CP", "01/2020/TT-BTP"),
    ),
    Template(
        "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
        "Chứng thực",
        AGENCY,
        ("Công dân Việt Nam",),
        ("23/2015/NĐ-CP",),
    ),
    Template(
        "Đăng ký thường trú",
        "Đăng ký, quản lý cư trú",
        "Công an cấp xã",
        ("Công dân Việt Nam",),
        ("68/2020/QH14", "62/2021/NĐ-CP", "55/2021/TT-BCA"),
    ),
    Template(
        "Đăng ký tạm trú",
        "Đăng ký, quản lý cư trú",
        "Công an cấp xã",
        ("Công dân Việt Nam",),
        ("68/2020/QH14", "62/2021/NĐ-CP"),
    ),
    Template(
        "Khai báo tạm vắng",
        "Đăng ký, quản lý cư trú",
        "Công an cấp xã",
        ("Công dân Việt Nam",),
        ("68/2020/QH14", "55/2021/TT-BCA"),
    ),
    Template(
        "Đăng ký thành lập hộ kinh doanh",
        "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)",
        "Cơ quan đăng ký kinh doanh cấp xã",
        ("Công dân Việt Nam",),
        ("59/2020/QH14", "01/2021/NĐ-CP"),
    ),
    Template(
        "Hòa giải tranh chấp đất đai",
        "Đất đai",
        AGENCY,
        ("Công dân Việt Nam", "Tổ chức (không bao gồm doanh nghiệp, HTX)"),
        ("31/2024/QH15", "102/2024/NĐ-CP"),
    ),
    Template(
        "Thủ tục thôi làm hòa giải viên",
        "Hòa giải ở cơ sở",
        AGENCY,
        ("Công dân Việt Nam",),
        ("35/2013/QH13", "15/2014/NĐ-CP"),
    ),
    Template(
        "Đăng ký nghĩa vụ quân sự lần đầu",
        "Nghĩa vụ quân sự",
        "Ban chỉ huy quân sự cấp xã",
        ("Công dân Việt Nam",),
        ("78/2015/QH13", "13/2016/NĐ-CP"),
    ),
)

_TEXT_KEYS = ("name", "field")
_NOTES = (
    "Hồ sơ nộp trực tiếp tại Bộ phận Một cửa hoặc trực tuyến qua Cổng Dịch vụ công quốc gia.",
    "Trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.",
    "Thời hạn giải quyết không tính thời gian niêm yết, xác minh theo quy định.",
    "Miễn lệ phí cho người thuộc hộ nghèo, người có công với cách mạng, người khuyết tật.",
    "Kết quả được trả qua dịch vụ bưu chính công ích nếu người yêu cầu đăng ký.",
)
_FEE_NOTE = "Mức thu do Hội đồng nhân dân tỉnh quyết định"
_AMOUNTS = (5_000, 8_000, 10_000, 15_000, 20_000, 30_000, 50_000, 100_000)
# Plain scalars that YAML 1.1 loaders (PyYAML) would not read back as strings.
_RESERVED = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"})
# Conservative plain-scalar shape for block context: starts with a letter, no indicators.
_PLAIN = re.compile(r"[^\W\d_][^:#\[\]{}\"'&*!|>%@`\n]*(?<! )")


def _text(value: str) -> str:
    """Return ``value`` as a YAML block-context scalar: plain when safe, else double-quoted."""
    if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _flow_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(v for v in value if isinstance(v, str) and v.strip())


def load_templates(catalogs: Path | None = CATALOGS, size: int = POOL_SIZE) -> list[Template]:
    """Up to ``size`` distinct real procedures from ``catalogs/*/2025/xa.yaml``, else BUILTIN."""
    found: dict[str, Template] = {}
    files = sorted(catalogs.glob("*/2025/xa.yaml")) if catalogs and catalogs.is_dir() else []
    for path in files:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # a broken shipped catalog is a test failure elsewhere, not ours
        procedures = data.get("procedures") if isinstance(data, dict) else None
        for item in procedures if isinstance(procedures, list) else []:
            if not isinstance(item, dict) or not all(
                isinstance(item.get(k), str) and item[k].strip() for k in _TEXT_KEYS
            ):
                continue
            if len(item["name"]) > MAX_NAME:
                continue
            # TT104 compares names by this key, so distinct keys keep every file clean.
            key = procedure_name_key(item["name"])
            agency = item.get("agency")
            decision, result = item.get("decision"), item.get("result")
            found.setdefault(
                key,
                Template(
                    name=item["name"].strip(),
                    field=item["field"].strip(),
                    agency=agency.strip() if isinstance(agency, str) and agency.strip() else AGENCY,
                    subjects=_strings(item.get("subjects")) or ("Công dân Việt Nam",),
                    legal_basis=_strings(item.get("legal_basis")),
                    decision=decision if isinstance(decision, str) and decision else None,
                    result=result if isinstance(result, str) and result else None,
                ),
            )
    if len(found) < 10:
        return list(BUILTIN)
    pool = list(found.values())
    # An even stride keeps every field represented instead of the first file's Hộ tịch block.
    step = max(1, len(pool) / size)
    return [pool[int(i * step)] for i in range(min(size, len(pool)))]


def _procedure(rng: random.Random, code: str, tpl: Template, name: str) -> list[str]:
    lines = [
        f'  - code: "{code}"',
        f"    name: {_text(name)}",
        f"    field: {_text(tpl.field)}",
        f"    agency: {_text(tpl.agency)}",
    ]
    days = rng.choice((0, 1, 2, 3, 5, 5, 7, 10, 15, 20, 30))
    unit = "working-days" if rng.random() < 0.8 else "calendar-days"
    lines.append(f"    time_limit: {{value: {days}, unit: {unit}}}")
    roll = rng.random()
    if roll < 0.4:
        lines.append("    fees: []")
    elif roll < 0.7:
        lines += ["    fees:", f"      - {{name: Lệ phí, amount: {rng.choice(_AMOUNTS)}}}"]
    elif roll < 0.9:
        lines += ["    fees:", f"      - {{name: Lệ phí, note: {_FEE_NOTE}}}"]
    else:
        lines += [
            "    fees:",
            "      - name: Phí",
            f"        amount: {rng.choice(_AMOUNTS)}",
            "      - name: Lệ phí",
            f"        amount: {rng.choice(_AMOUNTS)}",
            "        note: |-",
            "          Miễn lệ phí khi nộp hồ sơ trực tuyến.",
            "          Miễn cho người thuộc hộ nghèo.",
        ]
    lines.append(f"    online: {rng.choice(('full', 'full', 'partial', 'none'))}")
    if rng.random() < 0.2:
        lines.append(f"    location_independent: {'true' if rng.random() < 0.7 else 'false'}")
    basis = list(tpl.legal_basis[-rng.choice((1, 1, 2)) :]) if tpl.legal_basis else []
    if not basis or rng.random() < 0.2:
        basis.append(f"{rng.randint(1, 199)}/{rng.randint(2015, 2025)}/NĐ-CP")
    lines.append(f"    legal_basis: {_flow_list(basis)}")
    if tpl.decision and rng.random() < 0.1:
        lines.append(f"    decision: {_text(tpl.decision)}")
    lines.append("    subjects:")
    lines += [f"      - {_text(s)}" for s in tpl.subjects[: 2 if rng.random() < 0.15 else 1]]
    if tpl.result and rng.random() < 0.1:
        lines.append(f"    result: {_text(tpl.result)}")
    if rng.random() < 0.08:
        lines.append("    notes: |")
        lines += [f"      {n}" for n in rng.sample(_NOTES, 2)]
    return lines


def _code(number: int) -> str:
    return f"{1 + number // 1_000_000}.{number % 1_000_000:06d}"


def generate(
    out_dir: Path,
    files: int = 2000,
    procedures_per_file: int = 12,
    seed: int = 1,
    *,
    catalogs: Path | None = CATALOGS,
    provinces: list[Province] | None = None,
) -> list[Path]:
    """Write ``files`` catalogs under ``out_dir/<province>/`` and return their paths in order.

    Same arguments, shipped catalogs and raw data give byte-identical files. Files already in
    ``out_dir`` under other names are left alone. ``provinces`` defaults to the real 2025
    communes (made-up ones without the raw data).
    """
    if files < 0 or procedures_per_file < 1:
        raise ValueError("files must be >= 0 and procedures_per_file >= 1")
    if files * procedures_per_file >= MAX_CODES:
        raise ValueError(f"at most {MAX_CODES - 1} procedures fit the D.NNNNNN code space")
    rng = random.Random(seed)
    pool = load_templates(catalogs)
    if provinces is None:
        provinces, _ = load_provinces()
    communes = interleaved([p for p in provinces if p.code in PROVINCES_2025])
    paths: list[Path] = []
    number = 0
    for index in range(files):
        province, commune = communes[index % len(communes)]
        rounds = index // len(communes)
        title = f"Danh mục thủ tục hành chính cấp xã, {commune.name}, {province.name}"
        lines = [
            "kind: procedure-catalog",
            f'province: "{province.code}"',
            "level: xa",
            "effective: 2025-07-01",
            f"title: {_text(title if not rounds else f'{title} ({rounds + 1})')}",
            f'decisions: ["{rng.randint(100, 3999)}/QĐ-UBND"]',
            "procedures:",
        ]
        # More procedures than templates: later rounds get a numbered name so TT104 stays quiet.
        order = [i % len(pool) for i in range(procedures_per_file)]
        picks = rng.sample(range(len(pool)), len(pool))
        for slot, i in enumerate(order):
            number += 1
            tpl = pool[picks[i]]
            round_ = slot // len(pool)
            name = tpl.name if round_ == 0 else f"{tpl.name} (mẫu {round_ + 1})"
            lines.append("")
            lines += _procedure(rng, _code(number), tpl, name)
        stem = _file_stem(commune, rounds)
        path = out_dir / province.code / f"{stem}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
        paths.append(path)
    return paths


def _file_stem(commune: Commune, rounds: int) -> str:
    """`xa-00004` for commune 00004, `xa-00004-2` for its second file."""
    return f"xa-{commune.code}" + (f"-{rounds + 1}" if rounds else "")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks generate",
        description="Write a deterministic corpus of valid procedure-catalog files.",
    )
    parser.add_argument("out", type=Path, help="output folder (created if missing)")
    parser.add_argument("--files", type=int, default=2000, help="number of files (default 2000)")
    parser.add_argument("--procedures", type=int, default=12, help="procedures per file (12)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    paths = generate(args.out, args.files, args.procedures, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} files, {size / 1e6:.1f} MB, to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
