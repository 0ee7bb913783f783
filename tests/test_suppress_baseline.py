"""Inline suppressions (disable, disable-file, enable; unused ones reported) and baselines
(accepted findings hidden by fingerprint, surviving edits elsewhere; stale entries reported)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import run
from lintcase.cli import main

INTRO = "<p>For Breast cancer ranks"
CASE = '<sec id="s2">'


def edit_xml(article, old, new):
    xml = article / "article.xml"
    text = xml.read_text(encoding="utf-8")
    assert old in text
    xml.write_text(text.replace(old, new, 1), encoding="utf-8")


def findings(article, *args):
    code, out = run("check", article, "--no-cache", "--format", "json",
                    "--select", "LC101", "--select", "LC201", "--select", "LC202", *args)
    return code, json.loads(out)["findings"]


def rules(fs):
    return sorted(f["rule"] for f in fs)


def test_disable_next_block(article):
    edit_xml(article, INTRO, "<!-- lintcase: disable=LC101 -->" + INTRO)
    _, fs = findings(article)
    assert rules(fs) == ["LC201", "LC202"]


def test_disable_by_name_and_without_codes(article):
    edit_xml(article, INTRO, "<!-- lintcase: disable -->" + INTRO)
    assert "LC101" not in rules(findings(article)[1])
    edit_xml(article, "lintcase: disable -->", "lintcase: disable=renderings-say-the-same -->")
    assert "LC101" not in rules(findings(article)[1])


def test_disable_only_covers_the_next_block(article):
    # before the case section: the intro paragraph keeps its LC101 finding
    edit_xml(article, CASE, "<!-- lintcase: disable=LC101 -->" + CASE)
    _, fs = findings(article)
    assert "LC101" in rules(fs)


def test_unused_suppression_is_reported(article):
    edit_xml(article, CASE, "<!-- lintcase: disable=LC101 -->" + CASE)
    code, out = run("check", article, "--no-cache", "--format", "json")
    unused = [f for f in json.loads(out)["findings"] if f["rule"] == "LC902"]
    assert len(unused) == 1 and "LC101" in unused[0]["message"]
    assert unused[0]["locations"][0]["path"].endswith("article.xml")


def test_disable_file_and_enable(article):
    edit_xml(article, "<front>", "<!-- lintcase: disable-file=LC2 --><front>")
    assert rules(findings(article)[1]) == ["LC101"]
    # a finding is suppressed when any of its places is: LC201/LC202 also point at the abstract


def test_enable_ends_a_disable_file(article):
    edit_xml(article, "<front>", "<!-- lintcase: disable-file=LC101 --><front>")
    assert rules(findings(article)[1]) == ["LC201", "LC202"]
    edit_xml(article, "<body>", "<!-- lintcase: enable=LC101 --><body>")
    # the region before the body now suppresses nothing, and says so
    assert rules(findings(article)[1]) == ["LC101", "LC201", "LC202", "LC902"]


def test_unused_suppression_of_a_rule_not_run_is_not_reported(article):
    edit_xml(article, CASE, "<!-- lintcase: disable=LC401 -->" + CASE)
    assert "LC902" not in rules(findings(article)[1])  # LC401 was not selected


def test_a_suppression_naming_no_rule_or_misspelt_is_reported(article):
    edit_xml(article, INTRO, "<!-- lintcase: disable=LC1O1 -->" + INTRO)
    edit_xml(article, CASE, "<!-- lintcase: disabel=LC201 -->" + CASE)
    _, fs = findings(article)
    unknown = [f for f in fs if f["rule"] == "LC903"]
    messages = [f["message"] for f in unknown]
    assert len(messages) == 2
    # the closest codes first; the rest of the list follows the rule set (LC511 is as near)
    assert messages[0].startswith("this suppression names no rule: LC1O1; did you mean LC101 ")
    assert messages[1] == "not a lintcase directive: 'disabel' (did you mean 'disable'?)"
    assert "LC101" in rules(fs) and "LC201" in rules(fs)  # neither suppressed anything
    # a rule that exists but was not selected, a group, a prefix, an engine code: all known
    edit_xml(article, "LC1O1", "LC401,LC2,renderings-say-the-same,LC902")
    edit_xml(article, "disabel=LC201", "disable=LC201")
    assert "LC903" not in rules(findings(article)[1])


def test_explain_and_rules_know_the_engine_codes_and_the_project_rule_folders(tmp_path,
                                                                             monkeypatch):
    code, out = run("explain", "LC903")
    assert code == 0 and "unknown-suppression" in out and "misspelt" in out
    assert "LC900" in run("rules")[1] and "LC902  unused-suppression" in run("rules")[1]
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "LC801-no-tbd.yaml").write_text(
        "code: LC801\nname: no-tbd\nsummary: No TBD left in the text.\nseverity: warning\n"
        "check: pattern\nmessage: 'TBD left'\nrationale: A placeholder.\n"
        "options: {regex: '\\bTBD\\b'}\nexamples: {fail: ['TBD.'], pass: ['Done.']}\n",
        encoding="utf-8")
    (tmp_path / ".lintcase.yaml").write_text("rules: [house]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "LC801  no-tbd" in run("rules")[1]
    assert run("explain", "no-tbd")[0] == 0


def test_suppression_in_markdown(tmp_path):
    md = tmp_path / "note.md"
    md.write_text("# Notes\n\n<!-- lintcase: disable=LC401 -->\nThe the tumour.\n\nThis is a a slip.\n")
    code, out = run("check", md, "--no-cache", "--format", "json", "--select", "LC401")
    found = json.loads(out)["findings"]
    assert [f["fields"]["match"] for f in found] == ["a a"]


def test_baseline_hides_known_and_shows_new(article, tmp_path):
    base = tmp_path / "baseline.json"
    code, _ = run("check", article, "--no-cache", "--write-baseline", base)
    entries = json.loads(base.read_text())["findings"]
    assert {e["rule"] for e in entries} >= {"LC101", "LC201", "LC202"}
    code, fs = findings(article, "--baseline", str(base))
    assert fs == [] and code == 0
    # a new defect is reported; the accepted ones stay hidden
    edit_xml(article, "estrogen receptor (ER) at 90%", "estrogen receptor (ER) at 95%")
    code, fs = findings(article, "--baseline", str(base), "--fail-on", "info")  # LC101 is info
    assert rules(fs) == ["LC101"] and "95" in fs[0]["message"] and code == 1


def test_baseline_survives_an_edit_above(article, tmp_path):
    base = tmp_path / "baseline.json"
    run("check", article, "--no-cache", "--write-baseline", base)
    # lines move: a new paragraph above every finding, same in both renderings
    edit_xml(article, "<body>", "<body>\n\n\n")
    code, fs = findings(article, "--baseline", str(base))
    assert fs == []


def test_stale_baseline_entries_are_reported(article, tmp_path):
    base = tmp_path / "baseline.json"
    run("check", article, "--no-cache", "--write-baseline", base)
    edit_xml(article, INTRO, "<p>Breast cancer ranks")  # the stray word is fixed
    result = CliRunner().invoke(main, ["check", str(article), "--no-cache", "--baseline", str(base)])
    assert "stale entry" in result.stderr and "LC101" in result.stderr


def test_bad_baseline_exits_2(article, tmp_path):
    base = tmp_path / "baseline.json"
    base.write_text("{not json")
    assert run("check", article, "--no-cache", "--baseline", base)[0] == 2
