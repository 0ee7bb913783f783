"""Rule documentation generated from the rule files, under fixed headings.

`lintcase explain` prints one rule; docs/rules.md is the whole catalogue (a test fails when the
file is out of date, and when a rule leaves a heading empty).
"""
from __future__ import annotations

import yaml

from .load import Rule

HEADINGS = ("What it does", "Why it matters", "How it decides", "Options", "Examples")


def explain(rule: Rule) -> str:
    kind_doc = (rule.kind.__doc__ or "").strip().split("\n\n")[0]
    # the options the rule file states, not the kind's defaults filled in at load time
    options = yaml.safe_dump(rule.written, sort_keys=False, allow_unicode=True, width=100).strip() \
        if rule.written else "(none)"
    sections = {
        "What it does": rule.summary,
        "Why it matters": rule.rationale.strip(),
        "How it decides": f"Check kind `{rule.check}`: {' '.join(kind_doc.split())}",
        "Options": f"```yaml\n{options}\n```",
        "Examples": _examples(rule),
    }
    head = f"### {rule.code} {rule.name}\n\nSeverity: {rule.severity}. Message: `{rule.message}`"
    return head + "\n\n" + "\n\n".join(f"#### {h}\n\n{sections[h]}" for h in HEADINGS) + "\n"


def _examples(rule: Rule) -> str:
    out = []
    for kind, word in (("fail", "Reported"), ("pass", "Not reported")):
        for text in rule.examples.get(kind, []):
            out.append(f"{word}:\n\n```markdown\n{text.strip()}\n```")
    if not out:
        out.append(f"This rule compares renderings; its examples are the fixture folders "
                   f"`tests/cases/{rule.code}/pass/` and `tests/cases/{rule.code}/fail/`.")
    return "\n\n".join(out)


def catalogue(rules: list[Rule]) -> str:
    lines = ["# Rules", "", "Generated from `rules/*.yaml` by `lintcase rules --format markdown`; "
             "do not edit by hand.", "", "| code | name | severity | summary |",
             "| --- | --- | --- | --- |"]
    lines += [f"| {r.code} | {r.name} | {r.severity} | {r.summary} |" for r in rules]
    return "\n".join(lines) + "\n\n" + "\n".join(explain(r) for r in rules)
