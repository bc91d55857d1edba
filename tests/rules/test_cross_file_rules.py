"""Cross-file rules work from per-file summaries, so cached files need no parsing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import CATALOG_HEAD, PROCEDURE, catalog, doc, reference
from tthc_cli.validation.rules import REGISTRY, Rule, RuleContext
from tthc_cli.validation.rules.base import Summary, loaded

CROSS_FILE = [rule for rule in REGISTRY if rule.check_project is not None]


@pytest.mark.parametrize("rule", CROSS_FILE, ids=lambda rule: rule.code)
def test_a_cross_file_rule_has_summaries_and_a_scope(rule: Rule) -> None:
    assert rule.summarize is not None
    assert rule.check_summaries is not None
    assert rule.scope is not None


@pytest.mark.parametrize("rule", CROSS_FILE, ids=lambda rule: rule.code)
def test_summaries_survive_json_and_give_the_same_hits(rule: Rule, tmp_path: Path) -> None:
    assert rule.summarize is not None
    assert rule.check_summaries is not None
    assert rule.check_project is not None
    # The reference rules need a reference: one with a procedure the files do not list.
    national = catalog([{"code": "1.000894", "name": "Đăng ký kết hôn"}], province="00")
    ctx = RuleContext(reference=reference(tmp_path / "ref", national))
    text = CATALOG_HEAD + PROCEDURE
    docs = [doc(text, "a.yaml"), doc(text, "b.yaml"), doc(text.replace('"48"', '"01"'), "c.yaml")]
    summaries = [
        Summary(d.path, json.loads(json.dumps(rule.summarize(d, ctx))), loaded(d)) for d in docs
    ]
    direct = [(h.message, h.line, h.column, h.doc) for h in rule.check_project(docs, ctx)]
    assert direct  # a.yaml and b.yaml share a code, and lack the reference's 1.000894
    assert [(h.message, h.line, h.column, h.doc) for h in rule.check_summaries(summaries, ctx)] == (
        direct
    )
