"""What a diff reporter is, and the wording every diff format shares."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from rich.console import Console

from tthc_cli.diffing.result import Change, DiffEntry, DiffResult, Hint
from tthc_cli.runtime.i18n import _, ngettext

# Vietnamese labels used by the formats officials read (Excel, Markdown).
STATUS_VI = {
    "moved": "Chuyển cấp",
    "changed": "Thay đổi",
    "added": "Thêm mới",
    "removed": "Bãi bỏ / không còn",
    "unchanged": "Không đổi",
}
LEVEL_VI = {"tinh": "Tỉnh", "huyen": "Huyện", "xa": "Xã", "added": "(mới)", "removed": "(bỏ)"}
FIELD_VI = {
    "code": "Mã thủ tục",
    "name": "Tên thủ tục",
    "field": "Lĩnh vực",
    "agency": "Cơ quan thực hiện",
    "time_limit": "Thời hạn giải quyết",
    "fees": "Phí, lệ phí",
    "online": "Dịch vụ công trực tuyến",
    "location_independent": "Không phụ thuộc địa giới",
    "legal_basis": "Căn cứ pháp lý",
    "decision": "Quyết định công bố",
    "type": "Loại thủ tục",
    "subjects": "Đối tượng thực hiện",
    "documents": "Thành phần hồ sơ",
    "steps": "Trình tự thực hiện",
    "result": "Kết quả",
    "conditions": "Yêu cầu, điều kiện",
    "notes": "Ghi chú",
}
# The Vietnamese wording of the formats officials read (Excel, Markdown), whatever the language.
_WORDS = {
    "vi": {
        "working-days": "ngày làm việc",
        "working-day": "ngày làm việc",
        "calendar-days": "ngày",
        "calendar-day": "ngày",
        "same-day": "trong ngày",
        "yes": "có",
        "no": "không",
        "none": "không có",
    },
}


class DiffReporter(Protocol):
    """A format written to a console (a terminal, a pipe or a text file)."""

    def render(self, result: DiffResult, entries: list[DiffEntry], console: Console) -> None: ...


class DiffFileWriter(Protocol):
    """A format that is a file of its own (a workbook), written atomically to path."""

    def write(self, result: DiffResult, entries: list[DiffEntry], path: Path) -> None: ...


def _words(lang: str) -> dict[str, str]:
    """The words of show_value: Vietnamese for "vi", else in the language tthc speaks."""
    if lang in _WORDS:
        return _WORDS[lang]
    return {
        # Translators: a time limit of zero days (decided the same day).
        "same-day": _("same day"),
        # Translators: the value of a yes/no field, e.g. whether a service is online.
        "yes": _("yes"),
        "no": _("no"),
        # Translators: an empty list, e.g. no fees.
        "none": _("none"),
    }


def _days(days: float, unit: str, words: dict[str, str]) -> str:
    if unit not in ("working-days", "calendar-days"):
        return f"{days:g} {unit}"
    if words is _WORDS["vi"]:
        return f"{days:g} {words[unit[:-1] if days == 1 else unit]}"
    # Whole numbers choose the plural form; a fraction of a day reads as plural.
    count = int(days) if days == int(days) else 2
    if unit == "working-days":
        # Translators: a time limit; {days} is a number such as 5 or 1.5.
        text = ngettext("{days} working day", "{days} working days", count)
    else:
        # Translators: a time limit in calendar days; {days} is a number such as 5 or 1.5.
        text = ngettext("{days} day", "{days} days", count)
    return text.format(days=f"{days:g}")


def _time_limit(value: dict[str, Any], words: dict[str, str]) -> str:
    days = value["value"]
    unit = str(value["unit"])
    if not isinstance(days, int | float) or isinstance(days, bool):
        text = ""
    elif days == 0:
        text = words["same-day"]
    else:
        text = _days(days, unit, words)
    return text + (f" ({value['note']})" if value.get("note") else "")


def show_value(value: Any, lang: str = "en") -> str:
    """A field value in one short line of text, in the language tthc speaks or in Vietnamese
    ("vi", for the formats officials read)."""
    words = _words(lang)
    if value is None:
        return "—"
    if isinstance(value, bool):
        return words["yes"] if value else words["no"]
    if isinstance(value, dict) and "value" in value and "unit" in value:
        return _time_limit(value, words)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {show_value(v, lang)}" for k, v in value.items())
    if isinstance(value, list):
        if not value:
            return words["none"]
        if all(isinstance(item, dict) and "name" in item for item in value):
            return "; ".join(_fee(item) for item in value)
        return ", ".join(show_value(item, lang) for item in value)
    if isinstance(value, int | float):
        return f"{value:,g}"
    return str(value)


def _fee(item: dict[str, Any]) -> str:
    amount = item.get("amount")
    text = str(item.get("name", ""))
    if isinstance(amount, int | float) and not isinstance(amount, bool):
        text += f" {amount:,.0f} đ"
    if item.get("note"):
        text += f" ({item['note']})"
    return text


def show_change(change: Change, lang: str = "en", label: str | None = None) -> str:
    """`field: old → new`, or for lists of names only what was added (+) and dropped (−)."""
    old, new = change.old, change.new
    name = label or change.field
    if (
        isinstance(old, list)
        and isinstance(new, list)
        and all(isinstance(x, str) for x in [*old, *new])
    ):
        added = [x for x in new if x not in old]
        dropped = [x for x in old if x not in new]
        parts = [f"+{x}" for x in added] + [f"−{x}" for x in dropped]
        if parts:
            return f"{name}: {', '.join(parts)}"
    return f"{name}: {show_value(old, lang)} → {show_value(new, lang)}"


def hint_reason(hint: Hint, lang: str = "en") -> str:
    """What a close but unpaired name adds or drops."""
    vi = lang == "vi"
    parts = []
    if hint.added:
        words = " ".join(f"'{w}'" for w in hint.added)
        # Translators: what a close but unpaired procedure name adds, e.g. "adds 'lại'".
        parts.append(f"thêm {words}" if vi else _("adds {words}").format(words=words))
    if hint.dropped:
        words = " ".join(f"'{w}'" for w in hint.dropped)
        # Translators: what a close but unpaired procedure name drops, e.g. "drops 'lại'".
        parts.append(f"bỏ {words}" if vi else _("drops {words}").format(words=words))
    if parts:
        return "; ".join(parts)
    return "khác thứ tự từ" if vi else _("word order differs")


def levels_text(levels: list[str]) -> str:
    return "+".join(levels) if levels else "—"


def level_vi(levels: str | Sequence[str]) -> str:
    """Levels in Vietnamese: "huyen+xa" or ["huyen", "xa"] → "Huyện+Xã"; nothing → "—"."""
    parts = levels.split("+") if isinstance(levels, str) else list(levels)
    return "+".join(LEVEL_VI.get(part, part) for part in parts if part) or "—"


def change_vi(change: Change) -> str:
    """A change in the shared wording, in Vietnamese."""
    return show_change(change, "vi", FIELD_VI.get(change.field, change.field))


def status_title(status: str) -> str:
    return f"{STATUS_VI[status]} ({status})"
