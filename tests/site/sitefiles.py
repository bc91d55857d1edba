"""Catalogs the site tests build from, and what a built site's links must do."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

XSS = "<script>alert(1)</script>"

OLD = """\
kind: procedure-catalog
province: "48"
level: huyen
effective: 2024-07-01
decisions: ["1234/QĐ-UBND"]
procedures:
  - code: "2.000806"
    name: Thủ tục đăng ký kết hôn có yếu tố nước ngoài
    field: Hộ tịch
    agency: Phòng Tư pháp
    time_limit: {value: 10, unit: working-days}
    fees: [{name: Lệ phí đăng ký kết hôn, amount: 1000000}]
    online: partial
"""
NEW = """\
kind: procedure-catalog
province: "48"
level: xa
effective: 2025-07-01
decisions: ["2345/QĐ-UBND"]
procedures:
  - code: "2.000806"
    name: Thủ tục đăng ký kết hôn có yếu tố nước ngoài
    field: Hộ tịch
    agency: Ủy ban nhân dân cấp xã
    time_limit: {value: 10, unit: working-days}
    fees: [{name: Lệ phí đăng ký kết hôn, amount: 1000000, note: nộp trực tuyến giảm 50%}]
    online: full
    legal_basis: ["123/2015/NĐ-CP"]
  - code: "1.009999"
    name: "<script>alert(1)</script>"
    field: Thử nghiệm
  - code: "1.099001"
    name: Đăng ký hoạt động tín ngưỡng tại đường làng
    field: Tôn giáo
    location_independent: true
    fees: []
  - code: "1.099002"
    name: Đăng ký hoạt động tín ngưỡng tại Bình Dương
    field: Tôn giáo
"""
UNITS = """\
kind: units
province: {code: "48", name: Thành phố Đà Nẵng}
effective: "2025-07-01"
decisions: ["1659/NQ-UBTVQH15"]
communes:
  - code: "20194"
    name: Phường Hải Vân
    formed_from:
      - {code: "20194", name: Phường Hòa Hiệp Bắc}
      - {code: "20293", name: Xã Hòa Bắc, part: true}
    hamlets:
      - {name: Thôn 1, from: Xã Hòa Bắc}
      - {name: Thôn 1, from: Phường Hòa Hiệp Bắc}
    streets:
      - {name: Đường Hùng Vương}
"""


def write_catalogs(root: Path) -> tuple[Path, Path]:
    """old/ and new/ under root; new/ has a units file."""
    for path, text in (
        (root / "old" / "huyen.yaml", OLD),
        (root / "new" / "xa.yaml", NEW),
        (root / "new" / "units.yaml", UNITS),
    ):
        assert unicodedata.is_normalized("NFC", text)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "old", root / "new"


_LINK = re.compile(r"""(?:href|src)="([^"]*)\"""")


def links(page: Path) -> list[str]:
    return _LINK.findall(page.read_text(encoding="utf-8"))


def broken_links(site: Path) -> list[str]:
    """Links that leave the site, are absolute, or name a file that is not there."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        for link in links(page):
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("/"):
                broken.append(f"{page}: {link} (not relative)")
                continue
            if not parts.path:
                continue  # #fragment
            if not (page.parent / parts.path).resolve().is_file():
                broken.append(f"{page}: {link}")
    return broken
