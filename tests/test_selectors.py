"""The one selector matcher (rulebook.select) and the places that use it: --select/--ignore,
per-path ignores and inline suppressions all accept a code, a prefix, a name or a group."""
from __future__ import annotations

import json

from conftest import run
from lintcase.rulebook.load import Rule
from lintcase.rulebook.select import keys, names, names_exactly, select


def rule(code, name, groups=(), enabled=True):
    return Rule(code=code, name=name, summary="", severity="info", check="pattern",
                message="", rationale="", groups=tuple(groups), enabled=enabled)


RULES = [rule("LC201", "age-agrees"),
         rule("LC213", "abbreviation-never-defined", ["strict"], False),
         rule("LC360", "care-title", ["care"]), rule("LC364", "care-timeline", ["care"])]


def codes(rules):
    return [r.code for r in rules]


def test_a_selector_names_by_code_prefix_name_or_group():
    assert names("LC201", "LC201", "age-agrees")
    assert names("lc2", "LC201", "age-agrees")            # a prefix, any case
    assert names("age-agrees", "LC201", "age-agrees")
    assert names("care", "LC364", "care-timeline", ("care",))
    assert not names("care", "LC201", "age-agrees")
    assert not names("LC3", "LC201", "age-agrees")
    assert not names_exactly("LC2", "LC201", "age-agrees")  # a prefix is not exact
    assert names_exactly("lc201", "LC201", "age-agrees")


def test_keys_split_commas_and_drop_blanks():
    assert keys(["LC1, LC2", "", " care "]) == ["LC1", "LC2", "care"]
    assert keys(None) == []


def test_select_by_group_prefix_and_ignore():
    assert codes(select(RULES, [], [])) == ["LC201", "LC360", "LC364"]  # opt-in left out
    assert codes(select(RULES, ["care"], [])) == ["LC360", "LC364"]
    assert codes(select(RULES, ["LC3"], ["care-timeline"])) == ["LC360"]
    assert codes(select(RULES, [], ["care"])) == ["LC201"]


def test_an_opt_in_rule_needs_its_code_name_or_group():
    assert codes(select(RULES, ["LC2"], [])) == ["LC201"]
    assert codes(select(RULES, ["LC213"], [])) == ["LC213"]
    assert codes(select(RULES, ["abbreviation-never-defined"], [])) == ["LC213"]
    assert codes(select(RULES, ["strict"], [])) == ["LC213"]


def care_findings(article, *args):
    _, out = run("check", article, "--no-cache", "--format", "json", "--select", "care", *args)
    return sorted(f["rule"] for f in json.loads(out)["findings"])


def test_a_group_in_a_per_path_ignore(article):
    assert care_findings(article) == ["LC364"]  # the seed case report lacks a timeline
    (article.parent / ".lintcase.yaml").write_text("per-path-ignores:\n  'a/*.xml': [care]\n")
    assert care_findings(article) == []


def test_a_group_in_an_inline_suppression(article):
    xml = article / "article.xml"
    text = xml.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    xml.write_text(head + "\n<!-- lintcase: disable-file=care -->\n" + rest, encoding="utf-8")
    assert care_findings(article) == []  # suppressed, and the suppression was used: no LC902


def test_an_unused_suppression_of_a_group_is_reported_when_the_group_ran(article):
    xml = article / "article.xml"
    text = xml.read_text(encoding="utf-8")
    xml.write_text(text + "\n<!-- lintcase: disable-file=care -->\n", encoding="utf-8")
    assert care_findings(article) == ["LC364", "LC902"]  # below every finding: unused
    xml.write_text(text + "\n<!-- lintcase: disable-file=strict -->\n", encoding="utf-8")
    assert care_findings(article) == ["LC364"]  # strict did not run: its silence is no news
