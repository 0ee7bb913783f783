"""Usage errors exit 2 with one line per problem naming the file, key or option and the reason:
selectors that name no rule (with the nearest codes), a rule whose regex does not compile, a
pyproject.toml that is not TOML, a misspelled key (all of a file's errors at once)."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from conftest import XML_SEED
from lintcase.cli import main


@pytest.fixture
def project(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    shutil.copy(XML_SEED, d / "article.xml")
    return tmp_path


def check(project, *args):
    return CliRunner().invoke(main, ["check", str(project / "articles"), "--no-cache",
                                     *map(str, args)])


def errors(result):
    return [line for line in result.stderr.splitlines() if line.startswith("lintcase:")]


def test_unknown_select_code_suggests_the_nearest(project):
    result = check(project, "--select", "LC2O1")
    assert result.exit_code == 2
    assert errors(result) == [line for line in errors(result) if "--select LC2O1" in line]
    assert "did you mean LC201" in result.stderr


def test_unknown_ignore_name_suggests_the_nearest(project):
    result = check(project, "--ignore", "doubled-wrod")
    assert result.exit_code == 2 and "--ignore doubled-wrod" in result.stderr
    assert "doubled-word" in result.stderr


def test_known_prefixes_names_and_groups_still_select(project):
    assert check(project, "--select", "LC2,doubled-word", "--ignore", "LC4").exit_code in (0, 1)


def test_config_selectors_all_reported_at_once(project):
    (project / ".lintcase.yaml").write_text(
        "select: [LC2O1]\nignore: [LC99X]\nper-path-ignores: {'a/*': [LC4O1]}\n"
        "severity: {LC2O2: info}\n")
    result = check(project)
    assert result.exit_code == 2
    lines = errors(result)
    assert len(lines) == 4, lines
    assert all(".lintcase.yaml" in line for line in lines)
    for key in ("select", "ignore", "per-path-ignores.a/*", "severity.LC2O2"):
        assert any(key in line for line in lines), key
    assert any("did you mean LC202" in line for line in lines)


def test_misspelled_config_keys_all_reported_with_did_you_mean(project):
    (project / ".lintcase.yaml").write_text("selct: [LC101]\nfail-onn: error\n")
    result = check(project)
    assert result.exit_code == 2
    lines = errors(result)
    assert len(lines) == 2, lines
    assert any("selct" in line and "did you mean 'select'" in line for line in lines)
    assert any("fail-onn" in line and "did you mean 'fail-on'" in line for line in lines)


def test_pyproject_that_is_not_toml_names_file_and_position(project):
    (project / "pyproject.toml").write_text("[tool.lintcase]\nselect = [LC101\n")
    result = check(project)
    assert result.exit_code == 2
    assert "pyproject.toml" in result.stderr and "line 2" in result.stderr


@pytest.mark.parametrize("code,name,options,key", [
    ("LC990", "broken-pattern", "  regex: '(unclosed'\n", "options.regex"),
    ("LC991", "broken-requires", "  regex: 'a'\n  requires: '[a'\n", "options.requires"),
])
def test_rule_regex_that_does_not_compile_is_rejected_at_load(project, code, name, options, key):
    rules = project / "my-rules"
    rules.mkdir()
    (rules / f"{code}-{name}.yaml").write_text(
        f"code: {code}\nname: {name}\nsummary: A broken pattern used by a test.\n"
        "severity: warning\ncheck: pattern\nmessage: 'found {match}'\n"
        "rationale: A rule file with a regular expression that does not compile.\n"
        "options:\n" + options)
    result = check(project, "--rules", rules)
    assert result.exit_code == 2
    assert f"{code}-{name}.yaml" in result.stderr and key in result.stderr
