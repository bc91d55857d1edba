"""What `tthc dedupe-names` gives its reporters: groups of colliding names, with suggestions.

Reporters import this module, never the engine: rendering a result needs no name parser,
comparison or process pool.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the types only: a reporter loads neither the list readers nor the parser
    from tthc_cli.names.lists import NameEntry, NameList
    from tthc_cli.names.placenames import PlaceName


@dataclass(slots=True)
class Member:
    entry: NameEntry
    parsed: PlaceName


@dataclass
class Suggestion:
    """A name a committee could adopt for ``member`` (empty when none can be made), and the
    unit that tells the member apart (its former commune, or its commune across a province)."""

    member: Member
    rename_to: str
    former_unit: str = ""


@dataclass
class Group:
    province: str
    commune: str | None
    commune_name: str | None
    kind: str
    verdict: str
    codes: list[str]
    reason: str
    members: list[Member]
    suggestions: list[Suggestion] = field(default_factory=list)


@dataclass
class DedupeResult:
    groups: list[Group]
    names: int
    communes: int
    names_list: NameList

    @property
    def duplicate_groups(self) -> int:
        return sum(1 for g in self.groups if g.verdict == "duplicate")

    @property
    def similar_groups(self) -> int:
        return sum(1 for g in self.groups if g.verdict == "similar")

    def exit_code(self, fail_on: str) -> int:
        if self.names_list.errors:
            return 2
        if fail_on == "duplicate" and self.duplicate_groups:
            return 1
        if fail_on == "similar" and self.groups:
            return 1
        return 0
