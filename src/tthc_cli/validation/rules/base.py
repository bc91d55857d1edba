"""What a rule is: a module with a code, a name, a severity, a docstring, a check function and,
when it has a safe mechanical fix, a ``FIX`` (:class:`tthc_cli.validation.fix.Fix`)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any

from tthc_cli.catalog.loading import Document
from tthc_cli.catalog.reference import Reference
from tthc_cli.catalog.yamltree import Path_
from tthc_cli.text.normalize import ToneStyle
from tthc_cli.validation.findings import Severity, Suggestion

if TYPE_CHECKING:  # tthc_cli.fixing reads the registry, which imports this module
    from tthc_cli.validation.fix import Fix


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check yields: a message at a 1-based position (in another file when doc is set)."""

    message: str
    line: int
    column: int
    doc: Document | None = None
    # None: as the rule says; False: this finding has no safe automatic fix.
    fixable: bool | None = None
    # The YAML path of what the hit is about. None: the node at the position (the engine
    # works it out); a rule names it only when the position cannot: () for a finding about the
    # whole file, the key's path for a key that starts its mapping.
    path: Path_ | None = None
    # An offered fix for this finding (the rule declares its kind in OFFER).
    suggestion: Suggestion | None = None


@dataclass(frozen=True)
class RuleContext:
    """Settings a rule may read; rules never see severity or ignores (the engine applies those)."""

    tone_style: ToneStyle = ToneStyle.FIRST_VOWEL
    # The list above the checked lists (`reference` setting); the TT15x rules need it.
    reference: Reference | None = None


@dataclass(frozen=True)
class Summary:
    """What a cross-file rule keeps of one file (JSON-able, so it can be cached), and the
    file itself, loaded only when a finding needs its positions."""

    path: str
    data: Any
    document: Callable[[], Document]


def loaded(doc: Document) -> Callable[[], Document]:
    """A Summary's document getter for a document already at hand."""
    return lambda: doc


FileCheck = Callable[[Document, RuleContext], Iterator[Hit]]
ProjectCheck = Callable[[Sequence[Document], RuleContext], Iterator[Hit]]
Summarize = Callable[[Document, RuleContext], Any]
SummaryCheck = Callable[[Sequence[Summary], RuleContext], Iterator[Hit]]
# Files whose summaries share a scope are checked together: `--changed-only` adds them.
Scope = Callable[[Any], Hashable | None]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    check: FileCheck | None = field(default=None, compare=False)
    check_project: ProjectCheck | None = field(default=None, compare=False)
    # A cross-file rule also works from per-file summaries, so cached files need no parsing.
    summarize: Summarize | None = field(default=None, compare=False)
    check_summaries: SummaryCheck | None = field(default=None, compare=False)
    scope: Scope | None = field(default=None, compare=False)
    # The fix of what the rule reports, which `tthc fmt` and `validate --fix` apply.
    fix: Fix | None = field(default=None, compare=False)
    # The kind of fix the rule offers but never applies (a module's OFFER, e.g. "take the
    # reference name"); each finding carries its own Suggestion.
    offer: str | None = field(default=None, compare=False)

    @property
    def fixable(self) -> bool:
        """Whether the rule has a safe automatic fix (one that needs no review)."""
        return self.fix is not None and self.fix.safe

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip()

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            doc=module.__doc__ or "",
            check=getattr(module, "check", None),
            check_project=getattr(module, "check_project", None),
            summarize=getattr(module, "summarize", None),
            check_summaries=getattr(module, "check_summaries", None),
            scope=getattr(module, "scope", None),
            fix=getattr(module, "FIX", None),
            offer=getattr(module, "OFFER", None),
        )
