"""Markdown output of `tthc diff`, sized for a pull-request comment (GitHub-flavoured tables)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.console import Console

from tthc_cli.diffing.result import STATUSES, DiffEntry, DiffResult, transition_matrix
from tthc_cli.reports.diff.base import change_vi, hint_reason, level_vi, status_title

# More rows than this and a table goes inside a <details> block.
FOLD_AFTER = 20
# GitHub refuses comments over 65,536 characters; rows past this budget are counted, not listed.
MAX_CHARS = 60_000

_ESCAPED = re.compile(r"([\\|`*_<>\[\]])")


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no column breaks, no line breaks, no markup."""
    text = _ESCAPED.sub(r"\\\1", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    """A Markdown table; align is one letter per column (l or r), left by default."""
    marks = ["---:" if (align[i : i + 1] == "r") else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _folded(lines: list[str], count: int, summary: str) -> list[str]:
    if count <= FOLD_AFTER:
        return lines
    return [f"<details><summary>{summary}</summary>", "", *lines, "", "</details>"]


def _entry_row(entry: DiffEntry) -> list[str]:
    code = cell(entry.code)
    if entry.old_code and entry.old_code != entry.code:
        code = f"{cell(entry.old_code)} → {code}"
    name = cell(entry.name)
    if entry.old_name and entry.old_name != entry.name:
        name += f"<br>trước: {cell(entry.old_name)}"
    if entry.match == "name" and entry.score is not None:
        name += f"<br>ghép theo tên, điểm {entry.score:g}"
    changes = "<br>".join(cell(change_vi(change)) for change in entry.changes)
    return [code, name, level_vi(entry.old_levels), level_vi(entry.new_levels), changes]


class MarkdownDiffReporter:
    def render(self, result: DiffResult, entries: list[DiffEntry], console: Console) -> None:
        console.file.write("\n".join(self.lines(result, entries)) + "\n")
        console.file.flush()

    def lines(self, result: DiffResult, entries: list[DiffEntry]) -> list[str]:
        out = ["## So sánh danh mục thủ tục hành chính", ""]
        out += [self._before_after(result), ""]
        out += self._matrix(result)
        counts = result.counts()
        out += ["", " · ".join(f"**{status_title(s)}**: {counts[s]}" for s in STATUSES)]
        if len(entries) != len(result.entries):
            out += ["", f"_Đã lọc: hiển thị {len(entries)} trên {len(result.entries)} thủ tục._"]

        budget = MAX_CHARS - sum(len(line) + 1 for line in out)
        groups: dict[str, list[DiffEntry]] = {}
        for entry in entries:
            groups.setdefault(entry.status, []).append(entry)
        for status in (s for s in STATUSES if s in groups):
            items = groups[status]
            out += ["", f"### {status_title(status)} — {len(items)}", ""]
            if status == "unchanged" and len(groups) > 1:
                out.append("_Không liệt kê; xem bằng `--only unchanged`._")
                continue
            rows = []
            for entry in items:
                row = _entry_row(entry)
                budget -= sum(len(part) + 3 for part in row)
                if budget < 0:
                    break
                rows.append(row)
            table = _table(["Mã", "Tên thủ tục", "Trước", "Sau", "Thay đổi"], rows)
            if len(rows) < len(items):
                table.append("")
                table.append(
                    f"_… và {len(items) - len(rows)} thủ tục nữa không hiện ở đây (giới hạn "
                    "độ dài bình luận); xem đủ bằng `--format xlsx` hoặc `--format csv`._"
                )
            out += _folded(table, len(items), f"{len(items)} thủ tục")

        if result.hints:
            out += ["", f"### Không ghép được nhưng gần giống — {len(result.hints)}", ""]
            out += ["Ghim hoặc cấm cặp ghép trong tệp quyết định (`--decisions`).", ""]
            table = _table(
                ["Mã cũ", "Tên cũ", "Mã mới", "Tên mới", "Điểm", "Lý do"],
                (
                    [
                        cell(hint.old.code),
                        cell(hint.old.name),
                        cell(hint.new.code),
                        cell(hint.new.name),
                        f"{hint.score:g}",
                        cell(hint_reason(hint, "vi")),
                    ]
                    for hint in result.hints
                ),
                align="llllrl",
            )
            out += _folded(table, len(result.hints), f"{len(result.hints)} cặp gần giống")

        if result.errors:
            out += ["", f"### Tệp không đọc được — {len(result.errors)}", ""]
            out += [f"- {cell(error.describe())}" for error in result.errors]
        return out

    @staticmethod
    def _before_after(result: DiffResult) -> str:
        def side(title: str, label: str, counts: dict[str, int]) -> str:
            text = ", ".join(f"{level_vi(lv)} {n}" for lv, n in counts.items()) or "không có"
            return f"**{title}** ({cell(label)}): {text}"

        old, new = result.old, result.new
        return (
            side("Trước", old.label, old.level_counts())
            + " → "
            + side("Sau", new.label, new.level_counts())
        )

    @staticmethod
    def _matrix(result: DiffResult) -> list[str]:
        matrix = transition_matrix(result)
        if not matrix.rows:
            return ["_Không có thủ tục nào ở cả hai bên._"]
        header = ["Trước \\\\ Sau", *(level_vi(c) for c in matrix.cols), "Tổng"]
        rows = [
            [
                level_vi(row),
                *(str(matrix.cells.get((row, c), 0) or "·") for c in matrix.cols),
                f"**{matrix.row_total(row)}**",
            ]
            for row in matrix.rows
        ]
        rows.append(
            [
                "**Tổng**",
                *(f"**{matrix.col_total(c)}**" for c in matrix.cols),
                f"**{matrix.total}**",
            ]
        )
        lines = ["### Cấp thực hiện: trước → sau (hàng: trước, cột: sau)", ""]
        return lines + _table(header, rows, align="l" + "r" * (len(matrix.cols) + 1))
