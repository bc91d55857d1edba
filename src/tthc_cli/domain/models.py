"""The catalog file formats (DESIGN.md) as pydantic v2 models; the JSON Schemas come from here."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field, StrictBool, StrictStr

# The decision files' models live in their own module; they are part of this one's registry.
from tthc_cli.domain.decisionfiles import AcceptedNames as AcceptedNames
from tthc_cli.domain.decisionfiles import DecisionPair as DecisionPair
from tthc_cli.domain.decisionfiles import DiffDecisions as DiffDecisions
from tthc_cli.domain.decisionfiles import NameDecisions as NameDecisions
from tthc_cli.domain.modelbase import DateText, Number, Text
from tthc_cli.domain.modelbase import FileModel as _Model

KINDS = ("procedure-catalog", "units", "diff-decisions", "name-decisions")
LEVELS = ("tinh", "huyen", "xa")
ONLINE_LEVELS = ("full", "partial", "available", "none")
TIME_UNITS = ("working-days", "calendar-days")


class TimeLimit(_Model):
    """Thời hạn giải quyết / time limit for settling the procedure."""

    value: Number = Field(
        description="Số ngày / number of days; 0 = trong ngày (same day).",
        examples=[1, 5, 0],
    )
    unit: StrictStr = Field(
        description=(
            "Đơn vị: working-days = ngày làm việc, calendar-days = ngày (theo lịch) / "
            "unit of the time limit."
        ),
        json_schema_extra={"enum": list(TIME_UNITS)},
        examples=["working-days"],
    )
    note: StrictStr | None = Field(
        default=None,
        description="Ghi chú, ví dụ điều kiện tính thời hạn / note, e.g. when the clock starts.",
        examples=["Trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo"],
    )


class Fee(_Model):
    """Phí, lệ phí / a fee or charge."""

    name: Text = Field(description="Tên khoản phí, lệ phí / name of the fee.", examples=["Lệ phí"])
    amount: Number | None = Field(
        default=None,
        description=(
            "Mức thu bằng đồng (số nguyên >= 0); bỏ trống khi do HĐND tỉnh quyết định / "
            "amount in VND, a whole number >= 0; omit when set by the provincial council."
        ),
        examples=[8000],
    )
    note: StrictStr | None = Field(
        default=None,
        description="Ghi chú, miễn giảm / note, exemptions.",
        examples=["Miễn lệ phí khi nộp trực tuyến"],
    )


class Procedure(_Model):
    """Thủ tục hành chính / one administrative procedure."""

    code: Text = Field(
        description=(
            "Mã thủ tục trên CSDL quốc gia (D.NNNNNN), có thể kèm hậu tố địa phương "
            ".000.00.00.Hxx / national procedure code, optional local suffix. Quote it."
        ),
        examples=["1.001193", "2.000815.000.00.00.H55"],
    )
    name: Text = Field(description="Tên thủ tục / procedure name.", examples=["Đăng ký khai sinh"])
    field: Text = Field(description="Lĩnh vực / field.", examples=["Hộ tịch"])
    agency: Text | None = Field(
        default=None,
        description="Cơ quan thực hiện / implementing agency.",
        examples=["Ủy ban nhân dân cấp xã"],
    )
    time_limit: TimeLimit | None = Field(
        default=None,
        description="Thời hạn giải quyết / time limit.",
        examples=[{"value": 5, "unit": "working-days"}],
    )
    fees: list[Fee] | None = Field(
        default=None,
        description="Phí, lệ phí; [] = miễn phí / fees and charges; [] means free.",
        examples=[[{"name": "Lệ phí", "amount": 8000}], []],
    )
    online: Literal["full", "partial", "available", "none"] | None = Field(
        default=None,
        description="Dịch vụ công trực tuyến: full = toàn trình, partial = một phần, available = "
        "có trực tuyến, chưa công bố mức độ, none = không / online service: available = an "
        "online channel exists, its level not published.",
        examples=["full"],
    )
    location_independent: StrictBool | None = Field(
        default=None,
        description=(
            "Thực hiện không phụ thuộc địa giới hành chính / accepted regardless of "
            "administrative boundaries within the province."
        ),
        examples=[True],
    )
    legal_basis: list[Text] | None = Field(
        default=None,
        description="Căn cứ pháp lý: số, ký hiệu văn bản / legal basis as document numbers.",
        examples=[["60/2014/QH13", "123/2015/NĐ-CP"]],
    )
    decision: Text | None = Field(
        default=None,
        description="Quyết định công bố thủ tục / decision that published the procedure.",
        examples=["163/QĐ-BTP"],
    )
    type: Text | None = Field(
        default=None,
        description="Loại thủ tục / procedure type.",
        examples=["TTHC được luật giao quy định chi tiết"],
    )
    subjects: list[Text] | None = Field(
        default=None,
        description="Đối tượng thực hiện / who may file.",
        examples=[["Công dân Việt Nam"]],
    )
    documents: list[Text] | None = Field(
        default=None,
        description="Thành phần hồ sơ / documents to file.",
        examples=[["Tờ khai đăng ký khai sinh theo mẫu", "Giấy chứng sinh"]],
    )
    steps: list[Text] | None = Field(
        default=None,
        description="Trình tự thực hiện / steps.",
        examples=[["Nộp hồ sơ tại Trung tâm phục vụ hành chính công", "Nhận kết quả"]],
    )
    result: Text | None = Field(
        default=None,
        description="Kết quả thực hiện / result.",
        examples=["Giấy khai sinh"],
    )
    conditions: Text | None = Field(
        default=None,
        description="Yêu cầu, điều kiện thực hiện / requirements and conditions.",
        examples=["Không có"],
    )
    notes: Text | None = Field(
        default=None,
        description="Ghi chú / notes.",
        examples=["Thời hạn tính từ ngày nhận đủ hồ sơ hợp lệ"],
    )


class ProcedureCatalog(_Model):
    """Danh mục TTHC của tỉnh (hoặc quốc gia) ở một cấp / a province's (or the national) list."""

    kind: Literal["procedure-catalog"] = Field(
        description="Loại tệp / file kind.", examples=["procedure-catalog"]
    )
    province: Text | None = Field(
        default=None,
        description="Mã tỉnh 2 chữ số của Cục Thống kê; không có ở danh mục quốc gia / 2-digit "
        "province code, quoted; none in the national list the ministries publish.",
        examples=["48"],
    )
    level: Literal["tinh", "huyen", "xa"] = Field(
        description="Cấp thực hiện: tinh = tỉnh, huyen = huyện (đến 30/6/2025), xa = xã / level.",
        examples=["xa"],
    )
    effective: DateText = Field(
        description="Ngày danh mục có hiệu lực / date the list takes effect.",
        examples=["2025-07-01"],
    )
    title: Text | None = Field(
        default=None,
        description="Tiêu đề / title of the list.",
        examples=["Danh mục thủ tục hành chính cấp xã thành phố Đà Nẵng"],
    )
    source: Text | None = Field(
        default=None,
        description="Nguồn dữ liệu / where the facts come from.",
        examples=["Cơ sở dữ liệu quốc gia về TTHC (dichvucong.gov.vn)"],
    )
    selection: StrictBool = Field(
        default=False,
        description=(
            "true: danh mục chỉ là một phần (chọn lọc) danh mục của tỉnh ở cấp này, không đầy đủ; "
            "nói rõ trong `title` và `source` cách chọn / the list is a selection of the "
            "province's list at this level, not all of it (say how it was chosen in `title` "
            "and `source`); `tthc validate --reference` then does not ask for the rest."
        ),
        examples=[True],
    )
    decisions: list[Text] | None = Field(
        default=None,
        description="Quyết định công bố danh mục / decisions publishing the list.",
        examples=[["1390/QĐ-UBND"]],
    )
    procedures: list[Procedure] = Field(
        description="Các thủ tục / the procedures.",
        examples=[[{"code": "1.001193", "name": "Đăng ký khai sinh", "field": "Hộ tịch"}]],
    )


class ProvinceRef(_Model):
    """Tỉnh, thành phố / the province."""

    code: Text = Field(description="Mã tỉnh 2 chữ số / 2-digit province code.", examples=["48"])
    name: Text = Field(description="Tên tỉnh / province name.", examples=["Thành phố Đà Nẵng"])


class FormerCommune(_Model):
    """Đơn vị cấp xã trước sắp xếp / a pre-2025 commune this one was formed from."""

    code: Text = Field(description="Mã xã cũ 5 chữ số / former 5-digit code.", examples=["20194"])
    name: Text = Field(description="Tên xã cũ / former name.", examples=["Phường Hòa Hiệp Bắc"])
    part: StrictBool = Field(
        default=False,
        description="Chỉ một phần diện tích, dân số / only part of it joined.",
        examples=[True],
    )


class FormerName(_Model):
    """Tên cũ / a former name of a hamlet or street, kept after a rename."""

    name: Text = Field(description="Tên cũ / the former name.", examples=["Thôn 1"])
    decision: Text | None = Field(
        default=None,
        description="Nghị quyết, quyết định đổi tên / decision.",
        examples=["12/NQ-HĐND"],
    )
    date: DateText | None = Field(
        default=None, description="Ngày đổi tên / date of the rename.", examples=["2025-12-01"]
    )


class Place(_Model):
    """Thôn, tổ dân phố hoặc đường, phố / a hamlet or a street."""

    name: Text = Field(description="Tên / name.", examples=["Thôn 1", "Đường Hùng Vương"])
    from_: Text | None = Field(
        default=None,
        alias="from",
        description="Thuộc xã cũ / the former commune it came from.",
        examples=["Xã Hòa Bắc"],
    )
    note: Text | None = Field(default=None, description="Ghi chú / note.", examples=["Bên sông"])
    former_names: list[FormerName] | None = Field(
        default=None,
        description="Tên cũ / former names.",
        examples=[[{"name": "Thôn 1", "decision": "12/NQ-HĐND", "date": "2025-12-01"}]],
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Commune(_Model):
    """Đơn vị hành chính cấp xã (xã, phường, đặc khu) / a commune-level unit."""

    code: Text = Field(description="Mã xã 5 chữ số / 5-digit commune code.", examples=["20194"])
    name: Text = Field(description="Tên xã / commune name.", examples=["Phường Hải Vân"])
    formed_from: list[FormerCommune] | None = Field(
        default=None,
        description="Hình thành từ / the pre-2025 communes it was formed from.",
        examples=[
            [
                {"code": "20194", "name": "Phường Hòa Hiệp Bắc"},
                {"code": "20296", "name": "Xã Hòa Liên", "part": True},
            ]
        ],
    )
    hamlets: list[Place] | None = Field(
        default=None,
        description="Thôn, tổ dân phố, ấp, khu phố, bản… / hamlets.",
        examples=[[{"name": "Tổ dân phố 1", "from": "Phường Hòa Hiệp Bắc"}]],
    )
    streets: list[Place] | None = Field(
        default=None,
        description="Đường, phố, kiệt, hẻm, ngõ… / streets.",
        examples=[[{"name": "Đường Nguyễn Tất Thành"}]],
    )


class UnitsFile(_Model):
    """Danh sách đơn vị hành chính cấp xã của một tỉnh / a province's communes and their parts."""

    kind: Literal["units"] = Field(description="Loại tệp / file kind.", examples=["units"])
    province: ProvinceRef = Field(
        description="Tỉnh, thành phố có các đơn vị này / the province these units belong to.",
        examples=[{"code": "48", "name": "Thành phố Đà Nẵng"}],
    )
    effective: DateText = Field(
        description="Ngày có hiệu lực / date the arrangement takes effect.",
        examples=["2025-07-01"],
    )
    title: Text | None = Field(
        default=None,
        description="Tiêu đề / title.",
        examples=["Đơn vị hành chính cấp xã thành phố Đà Nẵng từ ngày 01/7/2025"],
    )
    source: Text | None = Field(
        default=None,
        description="Nguồn dữ liệu / where the facts come from.",
        examples=["Nghị quyết 1659/NQ-UBTVQH15"],
    )
    decisions: list[Text] | None = Field(
        default=None,
        description="Nghị quyết sắp xếp / resolutions arranging the units.",
        examples=[["1659/NQ-UBTVQH15"]],
    )
    communes: list[Commune] = Field(
        description="Các đơn vị cấp xã / the communes.",
        examples=[[{"code": "20194", "name": "Phường Hải Vân"}]],
    )


MODELS: dict[str, type[_Model]] = {
    "procedure-catalog": ProcedureCatalog,
    "units": UnitsFile,
    "diff-decisions": DiffDecisions,
    "name-decisions": NameDecisions,
}


def model_for(kind: Any) -> type[_Model] | None:
    return MODELS.get(kind) if isinstance(kind, str) else None
