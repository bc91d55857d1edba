"""What a dedupe-names reporter is, and the rows every tabular format shares."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from rich.console import Console

from tthc_cli.names.result import DedupeResult, Group
from tthc_cli.runtime.i18n import _

VERDICT_VI = {"duplicate": "Trùng tên", "similar": "Gần giống"}
KIND_VI = {"hamlet": "Thôn, tổ dân phố", "street": "Đường, phố"}


class DedupeReporter(Protocol):
    def render(self, result: DedupeResult, console: Console) -> None: ...


class DedupeFileWriter(Protocol):
    def write(self, result: DedupeResult, path: Path) -> None: ...


def group_id(index: int) -> str:
    return f"G{index + 1:04d}"


def member_rows(result: DedupeResult) -> list[dict[str, Any]]:
    """One row per member of every group: what the CSV and the workbook list."""
    rows = []
    for index, group in enumerate(result.groups):
        renames = {id(s.member): s for s in group.suggestions}
        for member in group.members:
            entry = member.entry
            suggestion = renames.get(id(member))
            rows.append(
                {
                    "group": group_id(index),
                    "verdict": group.verdict,
                    "reason": group.reason,
                    "province": entry.province,
                    "commune": entry.commune,
                    "commune_name": entry.commune_name,
                    "kind": entry.kind,
                    "name": entry.name,
                    "from": entry.origin or "",
                    "file": entry.file,
                    "line": entry.line,
                    "suggestion": suggestion.rename_to if suggestion else "",
                    "former_unit": suggestion.former_unit if suggestion else "",
                }
            )
    return rows


def scope_label(group: Group) -> str:
    if group.commune is None:
        # Translators: the title of a table of streets across a province; {code} is its code.
        return _("province {code}").format(code=group.province)
    return f"{group.commune_name or group.commune} ({group.commune})"
