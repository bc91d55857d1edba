"""`tthc stats --format json`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rich.console import Console

from tthc_cli.index.result import Change, Stats
from tthc_cli.reports.stats.base import official_name


def group_dict(
    province: str, level: str, field: str | None, by: str, effective: str | None = None
) -> dict[str, Any]:
    name = official_name(province, effective)
    out: dict[str, Any] = {"province": province, "province_name": name or None}
    if by in ("level", "field"):
        out["level"] = level
        if effective is not None:
            out["effective"] = effective
    if by == "field":
        out["field"] = field
    return out


class JsonStatsReporter:
    summary = True

    def render(self, stats: Stats, changes: Sequence[Change] | None, console: Console) -> None:
        doc: dict[str, Any] = {"version": 1, "by": stats.by}
        if changes is None:
            compared = stats.coverage is not None
            doc["groups"] = [
                group_dict(g.province, g.level, g.field, stats.by, g.effective)
                | g.figures.as_dict()
                | ({"reference": g.coverage.as_dict() if g.coverage else None} if compared else {})
                for g in stats.groups
            ]
            doc["total"] = stats.total.as_dict()
            if stats.coverage is not None:
                doc["total"]["reference"] = stats.coverage.as_dict()
        else:
            doc["changes"] = [
                group_dict(c.province, c.level, c.field, stats.by)
                | {
                    "before": c.before.as_dict() if c.before else None,
                    "after": c.after.as_dict() if c.after else None,
                    "delta": (c.after.procedures if c.after else 0)
                    - (c.before.procedures if c.before else 0),
                }
                for c in changes
            ]
        doc["summary"] = {"files": stats.files, "procedures": stats.total.procedures}
        console.file.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
