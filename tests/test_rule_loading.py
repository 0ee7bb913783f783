"""Rule files are validated when loaded; a broken one stops the run with exit 2, naming the
file, the key and the reason."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, SEEDS, run

GOOD = (ROOT / "rules" / "LC401-doubled-word.yaml").read_text()


def write_rule(tmp_path, name, text):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text)
    return folder


@pytest.mark.parametrize("name,text,expected", [
    ("LC901-x.yaml", "code: [unclosed", "invalid YAML"),
    ("LC950-no-summary.yaml", GOOD.replace("LC401", "LC950").replace("doubled-word", "no-summary")
     .replace("summary: A word is written twice", "summry: A word is written twice"), "summary"),
    ("LC951-bad-severity.yaml", GOOD.replace("LC401", "LC951").replace("doubled-word", "bad-severity")
     .replace("severity: warning", "severity: fatal"), "severity"),
    ("LC952-bad-kind.yaml", GOOD.replace("LC401", "LC952").replace("doubled-word", "bad-kind")
     .replace("check: pattern", "check: telepathy"), "unknown check kind"),
    ("LC953-bad-option.yaml", GOOD.replace("LC401", "LC953").replace("doubled-word", "bad-option")
     .replace("ignore_case: true", "ignore_kase: true").replace("options:", "options:\n  ignore_kase: true"),
     "options"),
    ("LC954-bad-field.yaml", GOOD.replace("LC401", "LC954").replace("doubled-word", "bad-field")
     .replace("{match}", "{nonsense}"), "unknown field(s) nonsense"),
    ("LC955-wrong-name.yaml", GOOD.replace("LC401", "LC955"), "file must be named"),
])
def test_broken_rule_file_exits_2_naming_file_key_reason(tmp_path, name, text, expected):
    folder = write_rule(tmp_path, name, text)
    code, out = run("check", SEEDS, "--rules", folder)
    assert code == 2
    assert out == ""  # nothing checked, nothing printed on stdout


def test_error_message_names_file_and_key(tmp_path):
    text = GOOD.replace("LC401", "LC951").replace("doubled-word", "bad-severity") \
        .replace("severity: warning", "severity: fatal")
    folder = write_rule(tmp_path, "LC951-bad-severity.yaml", text)
    from click.testing import CliRunner
    from lintcase.cli import main
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--rules", str(folder)])
    assert result.exit_code == 2
    assert "LC951-bad-severity.yaml: severity: 'fatal' is not one of" in result.stderr


def test_duplicate_code_is_refused(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copy(ROOT / "rules" / "LC401-doubled-word.yaml", folder)
    code, _ = run("check", SEEDS, "--rules", folder)
    assert code == 2


def test_user_rule_folder_adds_a_rule(tmp_path):
    text = GOOD.replace("LC401", "LC490").replace("doubled-word", "no-armor") \
        .replace("ignore_case: true", "ignore_case: true").split("examples:")[0]
    text = text.replace(text[text.index("  regex:"):text.index("message:")], "  regex: '\\barmor\\b'\n")
    folder = write_rule(tmp_path, "LC490-no-armor.yaml", text)
    code, out = run("check", SEEDS, "--rules", folder, "--select", "LC490")
    assert code == 1 and "LC490" in out and "armor" in out


def test_rules_and_explain_commands():
    code, out = run("rules")
    assert code == 0 and "LC101" in out and "follow-up-duration-agrees" in out
    code, out = run("explain", "invasion-depth-exclusive")
    assert code == 0 and "## Why it matters" in out and "LC202" in out
    code, _ = run("explain", "LC999")
    assert code == 2


def test_options_left_out_get_the_kinds_defaults(tmp_path):
    """A check reads options[key]: load fills in its OPTIONS schema's defaults; the docs still
    show only what the file states."""
    from lintcase.checks import pattern
    from lintcase.rulebook.load import load_rules
    (rule,) = load_rules([write_rule(tmp_path, "LC401-doubled-word.yaml", GOOD)])
    defaults = {k: p["default"] for k, p in pattern.OPTIONS["properties"].items() if "default" in p}
    assert defaults and all(rule.options[k] == v for k, v in defaults.items()
                            if k not in rule.written)
    assert set(rule.options) == set(rule.written) | set(defaults)
    assert "timeout" not in rule.written and rule.options["timeout"] == 1.0
