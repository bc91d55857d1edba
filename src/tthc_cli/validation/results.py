"""What `tthc validate` gives its reporters: findings, load errors, counts and the rules.

Reporters import this module, never the engine: rendering a result needs no parser, cache or
process pool.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.validation.findings import Finding, Severity

if TYPE_CHECKING:  # the baseline module reads results; it is loaded only with --baseline
    from tthc_cli.validation.baseline import BaselineOutcome


class RuleInfo(Protocol):
    """What a report says about a rule (a registered `Rule` is one)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def fixable(self) -> bool: ...
    @property
    def doc(self) -> str: ...
    @property
    def summary(self) -> str: ...


def registered_rules() -> list[RuleInfo]:
    """Every rule tthc has, in registry order."""
    # Imported here: a reporter that never asks for the rule table loads no rule module.
    from tthc_cli.validation.rules import REGISTRY

    return list(REGISTRY)


@dataclass
class ValidationResult:
    """Everything a reporter needs: findings, load errors, counts and the rules that ran."""

    findings: list[Finding] = field(default_factory=list)
    load_errors: list[CatalogLoadError] = field(default_factory=list)
    files: int = 0
    procedures: int = 0
    communes: int = 0
    hamlets: int = 0
    streets: int = 0
    rules: Sequence[RuleInfo] = field(default_factory=list)
    # Every rule tthc has, ran or not (SARIF describes them all, so rule indexes stay stable).
    catalogue: Sequence[RuleInfo] = field(default_factory=registered_rules)
    # The files checked, as shown (a baseline's entries of other files are not judged).
    checked: list[str] = field(default_factory=list)
    # With --baseline: the known findings left out of `findings`, and the entries fixed.
    baseline: BaselineOutcome | None = None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def exit_code(self, *, strict: bool = False) -> int:
        if self.load_errors:
            return 2
        if self.errors or (strict and self.warnings):
            return 1
        if strict and self.baseline is not None and self.baseline.fixed:
            return 1  # the baseline must shrink: --update-baseline drops the fixed entries
        return 0
