"""The output formats: SARIF against the official schema and GitHub's needs, GitHub Actions
annotations, JSON Lines, the HTML report (escaping, self-containment); input errors in all."""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser

import jsonschema
import pytest

from conftest import ROOT, SEEDS, run, run_json
from lintcase.formatters import NAMES, Report, formatter
from lintcase.model import Article, Finding, InputError, Location, Meta, Rendering, Source, Text
from lintcase.rulebook.load import default_rule_dirs, load_rules

SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def check(*args, fmt):
    return run("check", *args, "--format", fmt)


def valid_sarif(text: str) -> dict:
    doc = json.loads(text)
    if SARIF_SCHEMA.is_file():
        jsonschema.validate(doc, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    return doc


def sarif(*args) -> dict:
    return valid_sarif(check(*args, fmt="sarif")[1])


def unescape(s: str) -> str:
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        s = s.replace(code, char)
    return s


def annotations(out: str) -> list[tuple[str, dict, str]]:
    parsed = []
    for line in out.splitlines():
        m = COMMAND.match(line)
        assert m, f"not a workflow command: {line!r}"
        props = dict(p.split("=", 1) for p in m[2].split(",")) if m[2] else {}
        parsed.append((m[1], {k: unescape(v) for k, v in props.items()}, unescape(m[3])))
    return parsed


@pytest.fixture
def seeds_with_empty_file(tmp_path):
    d = tmp_path / "in"
    shutil.copytree(SEEDS, d)
    (d / "empty.xml").write_bytes(b"")
    return d


# --- SARIF ------------------------------------------------------------------------------------

@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason="../shared/schemas/sarif-2.1.0.json absent")
def test_sarif_of_the_seeds_passes_the_official_schema(monkeypatch):
    monkeypatch.chdir(ROOT)
    doc = sarif("seeds")  # validates
    assert doc["version"] == "2.1.0" and doc["$schema"]
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["name"] == "lintcase" and driver["version"] and driver["informationUri"]


def test_sarif_rules_results_and_related_locations(monkeypatch):
    monkeypatch.chdir(ROOT)
    doc, (_, js) = sarif("seeds"), run_json("seeds")
    run_ = doc["runs"][0]
    rules, results = run_["tool"]["driver"]["rules"], run_["results"]
    assert [r["id"] for r in rules] == sorted({f["rule"] for f in js["findings"]})
    assert {"LC101", "LC201", "LC202"} <= {r["id"] for r in rules}
    assert len(results) == len(js["findings"])
    for res, f in zip(results, js["findings"]):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == f["rule"]
        assert res["level"] == LEVELS[f["severity"]]
        # the message names the other places as links to the related locations: "[place](id)"
        assert res["message"]["text"].startswith(f["message"])
        for i, other in enumerate(f["locations"][1:], start=1):
            assert f"]({i})" in res["message"]["text"] and other["rendering"] in res["message"]["text"]
        assert res["properties"]["fields"] == f["fields"]
        loc = res["locations"][0]["physicalLocation"]
        first = f["locations"][0]
        assert loc["artifactLocation"] == {"uri": first["path"], "uriBaseId": "%SRCROOT%"}
        region = loc["region"]
        assert (region["startLine"], region["startColumn"]) == (first["line"], first["column"])
        assert loc["region"]["snippet"]["text"] == first["excerpt"]
        related = res["relatedLocations"]
        assert len(related) == len(f["locations"]) - 1  # every other rendering/section
        assert len({r["id"] for r in related}) == len(related)
        for r, place in zip(related, f["locations"][1:]):
            text = r["message"]["text"]
            assert place["rendering"] in text and place["section"] in text
            assert r["physicalLocation"]["region"]["startLine"] == place["line"]
    counts = {res["ruleId"]: len(res["relatedLocations"]) for res in results}
    assert (counts["LC101"], counts["LC201"], counts["LC202"]) == (1, 1, 2)
    prints = [res["partialFingerprints"]["lintcaseFingerprint/v1"] for res in results]
    assert len(set(prints)) == len(prints)  # one fingerprint per result
    for r in rules:
        assert r["helpUri"].endswith(f"docs/rules.md#{r['id'].lower()}-{r['name']}")
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_sarif_fingerprints_are_unique_and_rules_carry_help_and_tags():
    rules = load_rules(default_rule_dirs())
    one = synthetic_report(rules)
    twice = Report(one.findings * 3, one.errors, one.articles, 2, "9.9", one.rules)
    doc = valid_sarif(formatter("sarif")(twice))
    prints = [r["partialFingerprints"]["lintcaseFingerprint/v1"] for r in doc["runs"][0]["results"]]
    assert prints == ["fp123", "fp123/1", "fp123/2"]
    [rule] = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rule["help"]["markdown"].startswith("**") and "](" in rule["help"]["markdown"]
    assert rule["properties"]["tags"] == ["lintcase", "case-facts", "agree"]
    # every rule code's anchor exists in the generated rule reference
    headings = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert f"### {rule['id']} {rule['name']}" in headings


def test_sarif_fingerprints_are_present_and_stable(monkeypatch):
    monkeypatch.chdir(ROOT)
    prints = [[r["partialFingerprints"]["lintcaseFingerprint/v1"]
               for r in sarif("seeds")["runs"][0]["results"]] for _ in range(2)]
    assert prints[0] == prints[1] and all(prints[0])
    _, js = run_json("seeds")
    assert prints[0] == [f["fingerprint"] for f in js["findings"]]
    seed_defects = [f["fingerprint"] for f in js["findings"]
                    if f["rule"] in ("LC101", "LC201", "LC202")]
    assert len(set(seed_defects)) == 3


def synthetic_report(rules=(), severity="info", message="m", path="dir/a,b:c.xml") -> Report:
    title = Text('Title </script><script>alert("t")</script>', Source("x", ""), ())
    rendering = Rendering(path, "jats", Meta(title=title), ())
    loc = Location(path, 3, 5, 3, 9, "jats", 'Sec "one"', "before «<b>'x'</b>» after")
    other = Location("b.txt", 7, 1, 7, 1, "pdftext", "Sec", "before «» after")
    finding = Finding("k", "LC201", "follow-up-duration-agrees", severity, message, (loc, other),
                      (("value", "44 months"),), "fp123")
    return Report((finding,), (InputError("bad.xml", 0, 0, "empty file"),),
                  (Article("k", (rendering,)),), 2, "9.9", tuple(rules))


def test_sarif_describes_rules_from_rule_objects():
    rules = load_rules(default_rule_dirs())
    doc = valid_sarif(formatter("sarif")(synthetic_report(rules)))
    [rule] = doc["runs"][0]["tool"]["driver"]["rules"]
    lc201 = next(r for r in rules if r.code == "LC201")
    assert rule["shortDescription"]["text"] == lc201.summary
    assert "abstract of a case report" in rule["fullDescription"]["text"]
    assert lc201.rationale.strip() in rule["help"]["text"]
    assert rule["defaultConfiguration"]["level"] == "error"
    result = doc["runs"][0]["results"][0]
    assert result["level"] == "note" and result["ruleIndex"] == 0
    # a path with ',' and ':' is percent-encoded, and the unreadable file is a notification
    where = result["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "dir/a%2Cb%3Ac.xml"
    [note] = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"] == "empty file"
    assert "region" not in note["locations"][0]["physicalLocation"]  # line 0: no region


# --- GitHub Actions --------------------------------------------------------------------------

def test_github_annotations_parse_and_point_at_the_first_place(monkeypatch):
    monkeypatch.chdir(ROOT)
    _, out = check("seeds", fmt="github")
    _, js = run_json("seeds")
    parsed = annotations(out)
    assert len(parsed) == len(js["findings"])
    rank = {"error": 0, "warning": 1, "info": 2}  # errors first: GitHub shows ten per level
    ordered = sorted(js["findings"], key=lambda f: rank[f["severity"]])
    for (level, props, message), f in zip(parsed, ordered):
        first = f["locations"][0]
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[f["severity"]]
        assert props["file"] == first["path"] and props["line"] == str(first["line"])
        assert props["col"] == str(first["column"])
        assert props["endColumn"] == str(first["end_column"])
        assert props["title"] == f"{f['rule']} {f['name']}"
        assert message.splitlines()[0] == f["message"]
        assert all(loc["excerpt"] in message for loc in f["locations"])


def test_github_escapes_data_and_properties():
    report = synthetic_report(message="100% sure\r\nsecond line, with: colon")
    out = formatter("github")(report)
    assert out.count("\n") == 2  # one finding, one input error: one line each
    [(elevel, eprops, emsg), (level, props, message)] = annotations(out)  # input errors first
    assert level == "notice" and props["file"] == "dir/a,b:c.xml"
    assert "file=dir/a%2Cb%3Ac.xml" in out and "100%25 sure%0D%0Asecond line, with: colon" in out
    assert message.startswith("100% sure\r\nsecond line, with: colon")
    assert (elevel, eprops, emsg) == ("error", {"file": "bad.xml", "title": "LC901 input error"},
                                      "empty file")


def test_github_says_how_many_annotations_it_could_not_show():
    one = synthetic_report(severity="warning")
    many = Report(one.findings * 13, (), one.articles, 2, "9.9", ())
    parsed = annotations(formatter("github")(many))
    assert [p[0] for p in parsed].count("warning") == 13
    level, props, message = parsed[-1]
    assert level == "notice" and "not shown: 3 warnings" in message
    assert "more findings" not in formatter("github")(one)  # ten or fewer: no summary


# --- HTML ------------------------------------------------------------------------------------

class Marks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.marks, self.tags, self._in = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._in, self.marks = True, self.marks + [""]

    def handle_endtag(self, tag):
        self._in = self._in and tag != "mark"

    def handle_data(self, data):
        if self._in:
            self.marks[-1] += data


def test_html_report_of_the_seeds_marks_each_differing_value(monkeypatch):
    monkeypatch.chdir(ROOT)
    _, out = check("seeds", fmt="html")
    p = Marks()
    p.feed(out)
    assert {"44 months", "46 months", "dermis", "epidermis", "For"} <= set(p.marks)
    _, js = run_json("seeds")
    assert out.count('class="place"') == sum(len(f["locations"]) for f in js["findings"])
    tags = [t for t, _ in p.tags]
    # self-contained: no link, image or external script; one inline script (the filters)
    assert "link" not in tags and "img" not in tags and tags.count("script") == 1
    assert all("src" not in attrs for t, attrs in p.tags if t == "script")
    assert not any(v and "http" in v for _, attrs in p.tags for v in attrs.values())
    assert "10.3389/fonc.2026.1742907" in out and "LC201 follow-up-duration-agrees" in out


def test_html_escapes_hostile_strings():
    out = formatter("html")(synthetic_report(message='</script><img src=x onerror="alert(1)">'))
    from lintcase.formatters.html import SCRIPT
    # the one script is the report's own filter code, constant: no input reaches it
    assert out.count("<script") == 1 and f"<script>{SCRIPT}</script>" in out
    out = out.replace(f"<script>{SCRIPT}</script>", "")
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in out
    assert "Sec &quot;one&quot;" in out and "&lt;b&gt;&#x27;x&#x27;&lt;/b&gt;" in out
    p = Marks()
    p.feed(out)
    assert p.marks == ["<b>'x'</b>", "absent here"]
    assert "empty file" in out and 'id="errors"' in out


# --- every format ----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", NAMES)
def test_an_input_error_appears_in_every_format(fmt, seeds_with_empty_file):
    code, out = check(seeds_with_empty_file, fmt=fmt)
    assert code == 1  # the seeds were still checked and have findings
    assert "empty.xml" in out and "empty file" in out
    if fmt == "sarif":
        inv = valid_sarif(out)["runs"][0]["invocations"][0]
        [note] = inv["toolExecutionNotifications"]
        assert note["message"]["text"] == "empty file" and inv["executionSuccessful"] is True
        uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("file:///") and uri.endswith("/empty.xml")  # absolute path given
    if fmt == "github":
        assert any(p.get("file", "").endswith("empty.xml") for _, p, _ in annotations(out))


def test_sarif_run_is_unsuccessful_when_nothing_could_be_checked(tmp_path):
    (tmp_path / "empty.xml").write_bytes(b"")
    code, out = check(tmp_path, fmt="sarif")
    inv = valid_sarif(out)["runs"][0]["invocations"][0]
    assert code == 2 and inv["executionSuccessful"] is False
    assert valid_sarif(out)["runs"][0]["results"] == []


@pytest.mark.parametrize("fmt", NAMES)
def test_every_format_is_a_pure_function_and_handles_an_empty_report(fmt):
    render = formatter(fmt)
    empty = Report((), (), (), 0, "9.9")
    assert render(empty) == render(empty)
    report = synthetic_report()
    assert render(report) == render(report)
    if fmt in ("json", "sarif"):
        json.loads(render(empty))


# --- concise, statistics, colour (issue 16: conventions users expect) ------------------------

def test_concise_is_one_line_per_finding_then_the_summary(monkeypatch):
    monkeypatch.chdir(ROOT)
    _, out = check("seeds", fmt="concise")
    _, js = run_json("seeds")
    lines = out.splitlines()
    assert len(lines) == len(js["findings"]) + len(js["errors"]) + 1
    for line, f in zip(lines, js["findings"]):
        first = f["locations"][0]
        assert line == (f"{first['path']}:{first['line']}:{first['column']}: {f['rule']} "
                        f"[{f['severity']}] {f['message']}")
    assert lines[-1].startswith(f"Found {len(js['findings'])} finding(s)")


def test_statistics_counts_findings_per_rule_most_first(monkeypatch):
    monkeypatch.chdir(ROOT)
    _, out = check("seeds", fmt="statistics")
    _, js = run_json("seeds")
    rows = [line.split() for line in out.splitlines()[:-1] if line.split()[0].isdigit()]
    counts = {}
    for f in js["findings"]:
        counts[f["rule"]] = counts.get(f["rule"], 0) + 1
    assert {r[1]: int(r[0]) for r in rows} == counts
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)


def test_colour_only_when_asked_or_on_a_terminal_without_no_color(monkeypatch):
    from lintcase import cli
    from lintcase.commands import output as output_
    monkeypatch.chdir(ROOT)
    _, plain = run("check", "seeds", "--format", "concise")
    _, painted = run("check", "seeds", "--format", "concise", "--color", "always")
    assert "\x1b[" not in plain and "\x1b[31m\x1b[1m[error]" in painted
    assert re.sub(r"\x1b\[[0-9;]*m", "", painted) == plain
    _, js = run("check", "seeds", "--format", "json", "--color", "always")
    assert "\x1b[" not in js  # machine formats are never coloured
    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert output_.coloured("auto", None) and not output_.coloured("auto", "out.txt")
    monkeypatch.setenv("NO_COLOR", "1")
    assert not output_.coloured("auto", None) and output_.coloured("always", None)
    assert not output_.coloured("never", None)


# --- GitLab Code Quality and reviewdog (rdjsonl) ---------------------------------------------

def test_gitlab_code_quality_issues(monkeypatch, seeds_with_empty_file):
    monkeypatch.chdir(ROOT)
    _, out = check("seeds", fmt="gitlab")
    _, js = run_json("seeds")
    issues = json.loads(out)
    assert len(issues) == len(js["findings"])
    for issue, f in zip(issues, js["findings"]):
        assert issue["check_name"] == f"{f['rule']} {f['name']}"
        assert issue["description"].startswith(f"{f['rule']} {f['message']}")
        assert issue["location"] == {"path": f["locations"][0]["path"], "lines": {
            "begin": f["locations"][0]["line"], "end": f["locations"][0]["end_line"]}}
        assert issue["severity"] == {"error": "critical", "warning": "major",
                                     "info": "info"}[f["severity"]]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    one = synthetic_report()
    twice = Report(one.findings * 2, one.errors, one.articles, 2, "9.9")
    doubled = json.loads(formatter("gitlab")(twice))
    assert [i["fingerprint"] for i in doubled[:2]] == ["fp123", "fp123/1"]
    assert doubled[-1]["check_name"] == "LC901 input-error" and doubled[-1]["severity"] == "critical"


def test_rdjsonl_diagnostics(monkeypatch):
    monkeypatch.chdir(ROOT)
    _, out = check("seeds", fmt="rdjsonl")
    _, js = run_json("seeds")
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == len(js["findings"])
    for d, f in zip(lines, js["findings"]):
        first = f["locations"][0]
        assert d["message"] == f["message"] and d["code"]["value"] == f["rule"]
        assert d["severity"] == {"error": "ERROR", "warning": "WARNING", "info": "INFO"}[f["severity"]]
        assert d["location"]["path"] == first["path"]
        assert d["location"]["range"]["start"] == {"line": first["line"], "column": first["column"]}
        assert [r["location"]["range"]["start"]["line"] for r in d["relatedLocations"]] == \
            [loc["line"] for loc in f["locations"][1:]]
        assert d["source"]["name"] == "lintcase"


def test_quiet_prints_only_the_findings(monkeypatch):
    monkeypatch.chdir(ROOT)
    _, loud = run("check", "seeds", "--format", "concise")
    _, quiet = run("check", "seeds", "--format", "concise", "-q")
    assert loud.splitlines()[-1].startswith("Found ") and quiet == "".join(
        line + "\n" for line in loud.splitlines()[:-1])
    _, text = run("check", "seeds", "-q")
    assert "Found " not in text and "LC201" in text
