"""What every catalog file model is built from: the base model and the value types."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr

Text = Annotated[StrictStr, Field(min_length=1)]
DateText = Annotated[
    StrictStr,
    Field(
        json_schema_extra={"format": "date"},
        description="Ngày theo ISO 8601 / ISO 8601 date, YYYY-MM-DD.",
    ),
]
Number = StrictInt | StrictFloat


class FileModel(BaseModel):
    """A part of a catalog file: unknown keys refused, values kept as written."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)
