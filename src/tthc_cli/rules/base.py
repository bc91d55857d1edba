"""What a rule is: a module with a code, a name, a severity, a docstring and a check function."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from types import ModuleType

from tthc_cli.findings import Severity
from tthc_cli.loading import Document
from tthc_cli.textnorm import ToneStyle


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check yields: a message at a 1-based position (in another file when doc is set)."""

    message: str
    line: int
    column: int
    doc: Document | None = None
    # None: as the rule says; False: this finding has no safe automatic fix.
    fixable: bool | None = None


@dataclass(frozen=True)
class RuleContext:
    """Settings a rule may read; rules never see severity or ignores (the engine applies those)."""

    tone_style: ToneStyle = ToneStyle.FIRST_VOWEL


FileCheck = Callable[[Document, RuleContext], Iterator[Hit]]
ProjectCheck = Callable[[Sequence[Document], RuleContext], Iterator[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    fixable: bool
    doc: str
    check: FileCheck | None = field(default=None, compare=False)
    check_project: ProjectCheck | None = field(default=None, compare=False)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip()

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            fixable=getattr(module, "FIXABLE", False),
            doc=module.__doc__ or "",
            check=getattr(module, "check", None),
            check_project=getattr(module, "check_project", None),
        )
