"""JSON output of `tthc dedupe-names` (DESIGN.md shape, version 1; extra keys are additions)."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console

from tthc_cli.names.result import DedupeResult, Group
from tthc_cli.reports.dedupe.base import group_id


def group_data(index: int, group: Group) -> dict[str, Any]:
    province_scope = group.commune is None
    members = []
    for member in group.members:
        entry = member.entry
        item: dict[str, Any] = {
            "name": entry.name,
            "from": entry.origin,
            "file": entry.file,
            "line": entry.line,
        }
        if province_scope:
            item["commune"] = entry.commune
            item["commune_name"] = entry.commune_name or None
        members.append(item)
    return {
        "id": group_id(index),
        "province": group.province,
        "commune": group.commune,
        "commune_name": group.commune_name,
        "kind": group.kind,
        "verdict": group.verdict,
        "reason": group.reason,
        "reason_codes": group.codes,
        "members": members,
        "suggestions": [
            {
                "name": s.member.entry.name,
                "from": s.member.entry.origin,
                "rename_to": s.rename_to or None,
                "former_unit": s.former_unit or None,
            }
            for s in group.suggestions
        ],
    }


def as_data(result: DedupeResult) -> dict[str, Any]:
    return {
        "version": 1,
        "groups": [group_data(index, group) for index, group in enumerate(result.groups)],
        "summary": {
            "communes": result.communes,
            "names": result.names,
            "duplicate_groups": result.duplicate_groups,
            "similar_groups": result.similar_groups,
        },
        "errors": [
            {"file": e.path, "line": e.line, "message": e.message} for e in result.names_list.errors
        ],
    }


class JsonDedupeReporter:
    """One group per line: a national run has tens of thousands of groups, and the indenting
    encoder is pure Python (seconds and hundreds of MB); per-group lines keep it fast and
    still readable and diffable."""

    def render(self, result: DedupeResult, console: Console) -> None:
        data = as_data(result)
        encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for every group
        out = console.file
        out.write('{"version": 1,\n "groups": [')
        groups = data["groups"]
        for start in range(0, len(groups), 1000):  # in chunks: one string would be 40 MB
            lead = ",\n  " if start else "\n  "
            out.write(lead + ",\n  ".join(map(encode, groups[start : start + 1000])))
        out.write("\n ],\n")
        out.write(f' "summary": {encode(data["summary"])},\n')
        out.write(f' "errors": {encode(data["errors"])}\n}}\n')
        out.flush()
