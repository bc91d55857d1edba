"""Which values of a catalog are document numbers and codes (everything else is text)."""

from __future__ import annotations

from typing import Any

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.catalog.yamltree import ParsedYaml, Path_
from tthc_cli.validation.fix import Role
from tthc_cli.validation.rules._walk import document_numbers

__all__ = ["Role", "roles"]


def roles(data: Any) -> dict[Path_, Role]:
    """The paths of a catalog's document numbers and codes (everything else is text).

    Document numbers: `decisions[]`, `procedures[].legal_basis[]` and `.decision`, and the
    `former_names[].decision` of hamlets and streets (as TT108/TT109 read them). Codes: the
    province code and the commune codes of `formed_from` (as TT302/TT303 read them).
    """
    doc = Document(path="", text="", parsed=ParsedYaml(data=data))
    found: dict[Path_, Role] = dict.fromkeys(
        (path for path, _ in document_numbers(doc)), Role.DOCUMENT_NUMBER
    )
    if not isinstance(data, dict):
        return found
    if doc.kind == "procedure-catalog":
        found[("province",)] = Role.PROVINCE_CODE
    elif doc.kind == "units":
        found[("province", "code")] = Role.PROVINCE_CODE
        for index, commune in iter_items(doc, "communes"):
            found[("communes", index, "code")] = Role.COMMUNE_CODE
            former = commune.get("formed_from")
            if isinstance(former, list):
                for number, entry in enumerate(former):
                    if isinstance(entry, dict):
                        found[("communes", index, "formed_from", number, "code")] = (
                            Role.COMMUNE_CODE
                        )
    return found
