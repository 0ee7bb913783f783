"""Documentation generated from the definitions stays in step with them: the README's rule table,
docs/check-kinds.md and docs/rules.md are regenerated in memory and compared with the files."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from lintcase import checks
from lintcase.commands import docsgen
from lintcase.rulebook.load import default_rule_dirs, load_rules

RULES = load_rules(default_rule_dirs())
GENERATED = docsgen.generated(RULES)


@pytest.mark.parametrize("path", sorted(GENERATED), ids=lambda p: p.name)
def test_generated_file_is_up_to_date(path):
    current = path.read_text(encoding="utf-8")
    assert current == GENERATED[path], \
        f"{path.relative_to(ROOT)} is stale: run python -m lintcase.commands.docsgen"


def test_readme_table_lists_every_rule_once():
    readme = GENERATED[docsgen.README]
    assert readme.count(docsgen.BEGIN) == 1 and readme.count(docsgen.END) == 1
    table = readme[readme.index(docsgen.BEGIN):readme.index(docsgen.END)]
    for rule in RULES:
        assert table.count(f"| {rule.code} | {rule.name}") == 1, rule.code
    assert "| LC359 | affiliations-agree | metadata |" in table
    assert "| LC213 | abbreviation-never-defined (opt-in: `--select LC213`; group `strict`) |" \
        in table


def test_check_kinds_catalogue_has_every_kind_and_option():
    text = GENERATED[docsgen.CHECK_KINDS]
    for name in checks.KIND_NAMES:
        kind = checks.load(name)
        section = text.split(f"## `{name}`\n", 1)[1].split("\n## ", 1)[0]
        for option in kind.OPTIONS.get("properties", {}):
            assert f"| `{option}` |" in section, (name, option)
        for field in kind.FIELDS:
            assert f"`{{{field}}}`" in section, (name, field)
        for rule in RULES:
            assert (f"{rule.code} {rule.name}" in section) == (rule.check == name)


def test_writing_rules_points_to_the_catalogue():
    text = (ROOT / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    assert "](check-kinds.md)" in text


def test_readme_without_markers_is_refused():
    with pytest.raises(ValueError, match="rules:begin"):
        docsgen.with_rule_table("# lintcase\n\nno table here\n", RULES)


def test_the_table_replaces_only_the_region():
    text = f"before\n{docsgen.BEGIN}\nstale\n{docsgen.END}\nafter\n"
    out = docsgen.with_rule_table(text, RULES[:1])
    assert out.startswith(f"before\n{docsgen.BEGIN}\n") and out.endswith(f"{docsgen.END}\nafter\n")
    assert "stale" not in out and f"| {RULES[0].code} |" in out


def test_the_runner_and_cli_do_not_load_the_generator():
    code = "import sys, lintcase.cli, lintcase.runner; print('lintcase.commands.docsgen' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
