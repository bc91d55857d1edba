"""The national list of fields (lĩnh vực): every field of the portal records tthc ships
(`data/national-fields.txt`, built by `build_backend/national_fields.py`)."""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["national_fields"]


@cache
def national_fields() -> tuple[str, ...]:
    """The fields, NFC, sorted. The records cover six ministries, the courts and the Ministry of
    Defence: fields of the ministries missing there are not in the list."""
    text = (
        resources.files("tthc_cli.domain")
        .joinpath("data/national-fields.txt")
        .read_text(encoding="utf-8")
    )
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))
