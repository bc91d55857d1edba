"""A fixable rule is one rule module and one registry line: `tthc fmt`, `validate --fix`, the
rule reference and the `--fix` help all take its fix from the registered rules."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import CATALOG_HEAD, PROCEDURE
from tthc_cli.catalog.loading import Document
from tthc_cli.cli.app import app
from tthc_cli.fixing import (
    all_fixes,
    default_fixes,
    fix_option_help,
    fix_rules,
    fixable_rules,
    fixes_for_rules,
)
from tthc_cli.fixing.formatting import format_text
from tthc_cli.runtime.i18n import set_language
from tthc_cli.validation import rules as registry
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.fix import Fix, FixContext, Role
from tthc_cli.validation.ruledocs import markdown
from tthc_cli.validation.rules import tt203_legacy_encoding
from tthc_cli.validation.rules.base import Hit, Rule, RuleContext

runner = CliRunner()
SHIPPED = ["TT109", "TT201", "TT202", "TT204", "TT205", "TT302", "TT303"]

# ------------------------------------------------------------ a rule made for the test

THREE_DOTS_DOC = """Text writes an ellipsis as three full stops.

## What it does
Reports `...` in text values. It has a safe mechanical fix.

## Why it matters
Searches for `…` miss the value.

## Example
```yaml
name: Thôn 1...
```
Use instead:
```yaml
name: Thôn 1…
```
"""


def _check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    for ref in doc.strings:
        if "..." in ref.value:
            yield Hit("write … instead of ...", ref.line, ref.column)


def _ellipsis(text: str, ctx: FixContext) -> str:
    return text.replace("...", "…")


def _three_dots_module() -> types.ModuleType:
    """What a new rule file holds: a code, a name, a severity, a check and its FIX."""
    module = types.ModuleType("tt299_three_dots", THREE_DOTS_DOC)
    vars(module).update(
        CODE="TT299",
        NAME="three-dots",
        SEVERITY=Severity.WARNING,
        check=_check,
        FIX=Fix(name="ellipsis", order=65, apply=_ellipsis),
    )
    return module


@pytest.fixture
def three_dots(monkeypatch: pytest.MonkeyPatch) -> Rule:
    """The registry with TT299 added by its one line, wherever a module holds the registry."""
    rule = Rule.from_module(_three_dots_module())
    registered = (*registry.REGISTRY, rule)
    patched = {
        "REGISTRY": tuple(sorted(registered, key=lambda r: r.code)),
        "BY_CODE": {r.code: r for r in registered},
        "BY_NAME": {r.name: r for r in registered},
    }
    originals = {name: getattr(registry, name) for name in patched}
    # The engine, the reporters and the cache import the registry by name.
    for module in list(sys.modules.values()):
        names = getattr(module, "__dict__", {})
        for name, original in originals.items():
            if names.get(name) is original:
                monkeypatch.setattr(module, name, patched[name])
    return rule


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalogs").mkdir()
    return tmp_path


def _dotted(project: Path) -> Path:
    target = project / "catalogs" / "xa.yaml"
    target.write_text(CATALOG_HEAD + PROCEDURE.replace("khai sinh", "khai sinh..."), "utf-8")
    return target


# ---------------------------------------------------------------- picked up everywhere


def test_the_fixing_functions_list_it(three_dots: Rule) -> None:
    assert three_dots.fixable
    assert [rule.code for rule in fixable_rules()] == [*SHIPPED[:5], "TT299", *SHIPPED[5:]]
    assert three_dots.fix in default_fixes()
    assert fixes_for_rules(["TT299"]) == {three_dots.fix}
    assert fix_rules()[three_dots.fix] is three_dots
    # It applies after the document symbols and before the code padding, as its order says.
    names = [fix.name for fix in all_fixes()]
    assert names[-4:] == ["document-symbol", "ellipsis", "code-padding", "code-padding"]


def test_the_help_names_it_in_both_languages(three_dots: Rule) -> None:
    assert "TT205, TT299, TT302, TT303) to the files" in fix_option_help()
    set_language("vi")
    help_vi = fix_option_help()
    assert help_vi.startswith("Trước tiên áp dụng")
    assert "(TT109, TT201, TT202, TT204, TT205, TT299, TT302, TT303)" in help_vi


def test_the_rule_reference_lists_it_as_fixable(three_dots: Rule) -> None:
    reference = markdown()
    assert "| [TT299](#tt299-three-dots) | three-dots | warning |" in reference
    assert (
        "## TT299 three-dots\n\n*warning.* Safe automatic fix available. Text writes an ellipsis"
        in reference
    )
    result = runner.invoke(app, ["rules", "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stdout == reference


def test_fmt_fixes_it(three_dots: Rule, project: Path) -> None:
    target = _dotted(project)
    assert format_text(target.read_text("utf-8")).text == CATALOG_HEAD + PROCEDURE.replace(
        "khai sinh", "khai sinh…"
    )
    result = runner.invoke(app, ["fmt"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "fixed catalogs/xa.yaml: 1 value (ellipsis 1)"
    assert "khai sinh…" in target.read_text("utf-8")


def test_validate_reports_it_and_fix_fixes_it(three_dots: Rule, project: Path) -> None:
    target = _dotted(project)
    before = runner.invoke(app, ["validate", "--no-cache", "--format", "json"])
    findings = json.loads(before.stdout)["findings"]
    assert [(f["rule"], f["line"]) for f in findings] == [("TT299", 7)]
    ignored = runner.invoke(app, ["validate", "--no-cache", "--fix", "--ignore", "TT299"])
    assert ignored.exit_code == 0, ignored.output
    assert "khai sinh..." in target.read_text("utf-8")  # not enabled: its fix is not applied
    result = runner.invoke(app, ["validate", "--no-cache", "--fix", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []
    assert result.stderr == "fixed catalogs/xa.yaml: 1 value (ellipsis 1)\n"
    assert "khai sinh…" in target.read_text("utf-8")


def test_an_inline_ignore_keeps_its_fix_off(three_dots: Rule) -> None:
    text = CATALOG_HEAD + PROCEDURE.replace("khai sinh", "khai sinh...  # tthc: ignore[TT299]")
    assert format_text(text).text == text


# ------------------------------------------------------------- the shipped rules


def test_the_help_names_the_fixable_rules() -> None:
    codes = ", ".join(SHIPPED)
    assert fix_option_help() == (
        f"First apply the safe fixes of the enabled fixable rules ({codes}) to the files, then "
        "report the findings that remain."
    )
    set_language("vi")
    assert fix_option_help() == (
        "Trước tiên áp dụng vào tệp các sửa lỗi an toàn của những quy tắc sửa được đang bật "
        f"({codes}), sau đó báo cáo các vấn đề còn lại."
    )


def test_each_fix_belongs_to_one_rule_module() -> None:
    owners = fix_rules()
    assert sorted(rule.code for rule in owners.values()) == sorted([*SHIPPED, "TT203"])
    for fix, rule in owners.items():
        assert isinstance(fix, Fix)
        assert rule.fix is fix
        assert rule.check is not None
        assert sys.modules[rule.check.__module__].FIX is fix


def test_fixes_of_the_same_values_apply_in_a_stated_order() -> None:
    for role in Role:
        orders = [fix.order for fix in all_fixes() if fix.roles is None or role in fix.roles]
        assert len(orders) == len(set(orders)), role


def test_only_the_encoding_fix_needs_a_review() -> None:
    assert [fix.name for fix in all_fixes() if not fix.safe] == ["encoding"]
    assert tt203_legacy_encoding.FIX not in default_fixes()
    assert [fix.name for fix in all_fixes() if fix.file_level] == ["tone-style"]
