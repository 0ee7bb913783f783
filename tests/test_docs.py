"""Documentation generated from the rules stays in step with them; every heading has content;
every rule's own examples behave (`lintcase test rules/`)."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, run
from lintcase.rulebook.docs import HEADINGS, explain
from lintcase.rulebook.load import load_rules

RULES = load_rules([ROOT / "rules"])


def test_docs_rules_md_is_up_to_date():
    code, out = run("rules", "--format", "markdown")
    assert code == 0
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == out, "docs/rules.md is stale: run `lintcase rules --format markdown > docs/rules.md`"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_heading_has_content(rule):
    text = explain(rule)
    for heading in HEADINGS:
        m = re.search(rf"#### {heading}\n\n(.+?)(?=\n#### |\Z)", text, re.S)
        assert m and m.group(1).strip(), f"{rule.code}: heading '{heading}' is missing or empty"


def test_rule_examples_behave():
    code, out = run("test", ROOT / "rules")
    assert code == 0, out
    assert re.search(r"^\d+ passed, 0 failed$", out, re.M)


def test_test_command_reports_a_failing_example(tmp_path):
    text = (ROOT / "rules" / "LC401-doubled-word.yaml").read_text()
    (tmp_path / "LC401-doubled-word.yaml").write_text(
        text.replace('fail: ["The tumor invaded the the dermis."]', 'fail: ["Nothing doubled here."]'))
    code, out = run("test", tmp_path)
    assert code == 1 and "FAIL LC401 fail" in out and "1 failed" in out


def test_the_worked_example_in_writing_rules_works():
    pack = ROOT / "docs" / "examples" / "house-rules"
    code, out = run("test", pack)
    assert code == 0 and "4 passed, 0 failed" in out
    code, out = run("check", pack / "cases" / "LC491" / "fail", "--rules", pack, "--select", "LC491",
                    "--no-cache")
    assert code == 1 and "tumour grade is grade 1 in Abstract" in out
