"""`tthc stats --format markdown`: tables to paste into a report (Vietnamese headings)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console

from tthc_cli.index.result import Change, Figures, Stats
from tthc_cli.reports.stats.base import (
    LEVEL_VI,
    coverage_cells,
    median_text,
    percent,
    province_label,
)


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def _row(label: list[str], f: Figures) -> str:
    cells = [
        *label,
        str(f.procedures),
        percent(f.online["full"], f.procedures),
        percent(f.online["partial"], f.procedures),
        percent(f.online["available"], f.procedures),
        percent(f.location["yes"], f.procedures),
        median_text(f),
        str(f.fees["free"]),
        str(f.fees["paid"]),
    ]
    return "| " + " | ".join(_escape(c) for c in cells) + " |"


class MarkdownStatsReporter:
    summary = True

    def render(self, stats: Stats, changes: Sequence[Change] | None, console: Console) -> None:
        label = ["Tỉnh"] + (["Cấp", "Hiệu lực"] if stats.by != "province" else [])
        label += ["Lĩnh vực"] if stats.by == "field" else []
        out = []
        if changes is None:
            head = [
                *label,
                "Số TTHC",
                "Toàn trình",
                "Một phần",
                "Có trực tuyến, chưa công bố mức độ",
                "Không phụ thuộc địa giới",
                "Thời hạn (trung vị)",
                "Miễn phí",
                "Có phí",
            ]
            out.append("| " + " | ".join(head) + " |")
            out.append("|" + "---|" * len(head))
            for g in stats.groups:
                label_cells = self._label(stats.by, g.province, g.level, g.field, g.effective)
                out.append(_row(label_cells, g.figures))
            out.append(_row(["**Tổng**"] + [""] * (len(label) - 1), stats.total))
            if stats.coverage is not None:
                out += ["", *self._coverage(stats, label)]
        else:
            label = [x for x in label if x != "Hiệu lực"]
            head = [*label, "Trước", "Sau", "Chênh lệch", "Toàn trình (trước → sau)"]
            out.append("| " + " | ".join(head) + " |")
            out.append("|" + "---|" * len(head))
            for c in changes:
                before = c.before.procedures if c.before else 0
                after = c.after.procedures if c.after else 0
                full = " → ".join(
                    percent(f.online["full"], f.procedures) if f else "–"
                    for f in (c.before, c.after)
                )
                cells = [*self._label(stats.by, c.province, c.level, c.field)]
                cells += [str(before), str(after), f"{after - before:+d}", full]
                out.append("| " + " | ".join(_escape(x) for x in cells) + " |")
        console.file.write("\n".join(out) + "\n")

    def _coverage(self, stats: Stats, label: list[str]) -> list[str]:
        """The table of the groups against the reference (Vietnamese headings)."""
        head = [*label, "Danh mục tham chiếu", "Đã công bố", "Còn thiếu", "Tự thêm", "Khác"]
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for g in stats.groups:
            cells = self._label(stats.by, g.province, g.level, g.field, g.effective)
            cells += [cell or "–" for cell in coverage_cells(g.coverage)]
            out.append("| " + " | ".join(_escape(x) for x in cells) + " |")
        total = ["**Tổng**"] + [""] * (len(label) - 1) + coverage_cells(stats.coverage)
        out.append("| " + " | ".join(total) + " |")
        return out

    @staticmethod
    def _label(
        by: str, province: str, level: str, field: str | None, effective: str | None = None
    ) -> list[str]:
        label = [province_label(province, effective)]
        if by != "province":
            label.append(LEVEL_VI.get(level, level))
            if effective is not None:
                label.append(effective)
        if by == "field":
            label.append(field or "")
        return label
