"""The reviewers' decision files (`kind: diff-decisions`, `kind: name-decisions`) as pydantic
models; `domain.models` registers them with the catalog formats."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from tthc_cli.domain.modelbase import FileModel as _Model
from tthc_cli.domain.modelbase import Text


class DecisionPair(_Model):
    """Một cặp thủ tục cũ - mới / a pair of procedures, old and new."""

    old: Text = Field(
        description="Mã hoặc tên thủ tục ở bản cũ / code or name on the old side.",
        examples=["1.008903"],
    )
    new: Text = Field(
        description="Mã hoặc tên thủ tục ở bản mới / code or name on the new side.",
        examples=["1.013500"],
    )
    note: Text | None = Field(
        default=None, description="Lý do / why.", examples=["Thay thế theo QĐ 1077/QĐ-BXD"]
    )


class DiffDecisions(_Model):
    """Quyết định của người rà soát cho `tthc diff` / a reviewer's pairing decisions."""

    kind: Literal["diff-decisions"] = Field(
        description="Loại tệp / file kind.", examples=["diff-decisions"]
    )
    pairs: list[DecisionPair] = Field(
        default_factory=list,
        description="Ghép cặp bắt buộc / pairs to make whatever codes and names say.",
        examples=[[{"old": "1.008903", "new": "1.013225"}]],
    )
    forbid: list[DecisionPair] = Field(
        default_factory=list,
        description="Cặp không được ghép / pairs never to make.",
        examples=[[{"old": "Đăng ký giám hộ", "new": "Đăng ký chấm dứt giám hộ"}]],
    )


class AcceptedNames(_Model):
    """Tên trùng đã được hội đồng chấp nhận / names a committee decided to keep or merge."""

    province: Text = Field(description="Mã tỉnh / province code.", examples=["48"])
    commune: Text = Field(description="Mã xã / commune code.", examples=["20194"])
    kind: Literal["hamlet", "street"] = Field(
        description="Loại: thôn hoặc đường / kind.", examples=["hamlet"]
    )
    decision: Literal["keep", "merge"] = Field(
        description="Giữ nguyên hoặc nhập / keep as they are, or merge.", examples=["keep"]
    )
    names: list[Text] = Field(
        description="Các tên trong nhóm / the names of the group.", examples=[["Thôn 1", "Thôn 01"]]
    )
    note: Text | None = Field(
        default=None,
        description="Ghi chú / note.",
        examples=["Hai thôn ở hai xã cũ, giữ nguyên theo Nghị quyết 12/NQ-HĐND"],
    )


class NameDecisions(_Model):
    """Quyết định về tên trùng cho `tthc dedupe-names` / accepted colliding names."""

    kind: Literal["name-decisions"] = Field(
        description="Loại tệp / file kind.", examples=["name-decisions"]
    )
    accepted: list[AcceptedNames] = Field(
        default_factory=list,
        description="Nhóm tên đã chấp nhận / accepted groups.",
        examples=[
            [
                {
                    "province": "48",
                    "commune": "20194",
                    "kind": "hamlet",
                    "decision": "keep",
                    "names": ["Thôn 1", "Thôn 01"],
                }
            ]
        ],
    )
