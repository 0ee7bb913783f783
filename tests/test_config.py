"""Configuration in pyproject.toml [tool.lintcase] or .lintcase.yaml: each key changes what it
should, command-line flags override it, and a bad file names the file, key and reason."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import PDF_SEED, ROOT, WEB_SEED, XML_SEED, run
from lintcase.cli import main


@pytest.fixture
def project(tmp_path):
    d = tmp_path / "journal" / "articles"
    d.mkdir(parents=True)
    for f in (XML_SEED, PDF_SEED, WEB_SEED):
        shutil.copy(f, d)
    return tmp_path / "journal"


def lint(project, *args):
    code, out = run("check", project / "articles", "--no-cache", "--format", "json", *args)
    return code, json.loads(out)


def rules_of(doc):
    return sorted({f["rule"] for f in doc["findings"]})


def yaml_config(project, text):
    (project / ".lintcase.yaml").write_text(text)


def test_select_and_ignore(project):
    # a family prefix and a code in select, a name in ignore
    yaml_config(project, "select: [LC1, LC201, LC202]\nignore: [invasion-depth-exclusive]\n")
    _, doc = lint(project)
    assert rules_of(doc) == ["LC101", "LC201"]


def test_flags_override_the_file(project):
    yaml_config(project, "select: [LC2]\n")
    _, doc = lint(project, "--select", "LC101")
    assert rules_of(doc) == ["LC101"]


def test_pyproject_table_is_found_upward(project):
    (project / "pyproject.toml").write_text('[project]\nname = "j"\n\n[tool.lintcase]\nselect = ["LC101"]\n')
    _, doc = lint(project)
    assert rules_of(doc) == ["LC101"]


def test_severity_override(project):
    yaml_config(project, "severity:\n  LC101: info\n  follow-up-duration-agrees: warning\n")
    code, doc = lint(project, "--select", "LC101", "--select", "LC201")
    sev = {f["rule"]: f["severity"] for f in doc["findings"]}
    assert sev == {"LC101": "info", "LC201": "warning"}
    assert code == 1  # a warning remains at the default --fail-on warning
    code, _ = lint(project, "--select", "LC101")
    assert code == 0  # LC101 is only info now


def test_per_path_ignores(project):
    yaml_config(project, "per-path-ignores:\n  'articles/001_*': [LC101, LC2]\n")
    _, doc = lint(project)
    # LC101's and LC201's first place is in 001_ (XML) or 000_: only findings whose first
    # place matches the glob are dropped
    firsts = {(f["rule"], f["locations"][0]["path"].rsplit("/", 1)[-1][:4]) for f in doc["findings"]}
    assert ("LC101", "001_") not in firsts
    assert all(not p.startswith("001_") for r, p in firsts if r.startswith("LC2"))


def test_extra_rule_folder_relative_to_the_file(project):
    rules = project / "house-rules"
    rules.mkdir()
    text = (ROOT / "rules" / "LC401-doubled-word.yaml").read_text()
    text = text.replace("LC401", "LC490").replace("doubled-word", "no-armor")
    text = text[:text.index("  regex:")] + "  regex: '\\barmor\\b'\n" + text[text.index("message:"):]
    (rules / "LC490-no-armor.yaml").write_text(text)
    yaml_config(project, "rules: [house-rules]\nselect: [LC490]\n")
    _, doc = lint(project)
    assert rules_of(doc) == ["LC490"]


@pytest.mark.parametrize("text,code", [
    # LC101 ships as info (docs/quality.md); raised to warning here to exercise the warning keys
    ("fail-on: error\nselect: [LC101]\nseverity: {LC101: warning}\n", 0),
    ("fail-on: warning\nselect: [LC101]\nseverity: {LC101: warning}\n", 1),
    ("fail-on: warning\nselect: [LC101]\n", 0),
    ("fail-on: info\nselect: [LC101]\n", 1),
    ("exit-zero: true\n", 0),
    ("max-warnings: 1\nselect: [LC101]\nseverity: {LC101: warning}\n", 0),
    ("max-warnings: 0\nselect: [LC101]\nseverity: {LC101: warning}\n", 1),
    ("max-warnings: 5\nselect: [LC201]\n", 1),  # errors always count
])
def test_exit_code_keys(project, text, code):
    yaml_config(project, text)
    assert lint(project)[0] == code


def test_format_key(project):
    yaml_config(project, "format: sarif\n")
    code, out = run("check", project / "articles", "--no-cache")
    assert json.loads(out)["version"] == "2.1.0"


def test_jobs_and_cache_keys(project, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    yaml_config(project, "jobs: 2\ncache: false\n")
    code, out = run("check", project / "articles", "--format", "json", "--select", "LC1")
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["LC101"]
    assert not (tmp_path / "xdg").exists()
    yaml_config(project, "jobs: 2\n")
    code, out = run("check", project / "articles", "--format", "json", "--select", "LC1")
    assert (tmp_path / "xdg" / "lintcase").is_dir()  # outside the checked tree


@pytest.mark.parametrize("text,expected", [
    ("selct: [LC101]\n", ".lintcase.yaml: selct: unknown option 'selct'"),
    ("fail-on: sometimes\n", ".lintcase.yaml: fail-on: 'sometimes' is not one of"),
    ("severity:\n  LC101: fatal\n", ".lintcase.yaml: severity.LC101: 'fatal' is not one of"),
    ("severity:\n  LC999: info\n", "severity.LC999: no such rule"),
    ("select: [unclosed\n", ".lintcase.yaml: : invalid syntax"),
])
def test_invalid_config_exits_2_naming_file_key_reason(project, text, expected):
    yaml_config(project, text)
    result = CliRunner().invoke(main, ["check", str(project / "articles"), "--no-cache"])
    assert result.exit_code == 2
    assert expected in result.stderr
