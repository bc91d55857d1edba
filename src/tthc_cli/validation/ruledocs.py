"""The rule reference (docs/rules.md), generated from the rule docstrings."""

from __future__ import annotations

from tthc_cli.validation.rules import REGISTRY


def markdown() -> str:
    parts = [
        "# Validation rules",
        "",
        "Generated from the rule modules by `tthc rules --format markdown`; do not edit by hand.",
        "",
        "| Code | Name | Severity | Summary |",
        "|---|---|---|---|",
    ]
    for rule in REGISTRY:
        parts.append(
            f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | {rule.name} | "
            f"{rule.severity} | {rule.summary} |"
        )
    for rule in REGISTRY:
        body = rule.doc.strip().split("\n", 1)
        rest = body[1].strip() if len(body) > 1 else ""
        rest = rest.replace("\n## ", "\n### ")
        if rest.startswith("## "):
            rest = "#" + rest
        fix = " Safe automatic fix available." if rule.fixable else ""
        if rule.offer:
            fix += f" Offered fix (shown, never applied): {rule.offer}."
        parts += [
            "",
            f"## {rule.code} {rule.name}",
            "",
            f"*{rule.severity}.*{fix} {body[0].strip()}",
            "",
            rest,
        ]
    return "\n".join(parts).rstrip() + "\n"
