"""Every rule has pass and fail fixtures, and they behave: tests are data (tests/cases/)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, run_json
from lintcase.rulebook.load import load_rules

CASES = ROOT / "tests" / "cases"
RULES = load_rules([ROOT / "rules"])


def cases(code: str, kind: str) -> list[Path]:
    folder = CASES / code / kind
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() else []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_pass_and_fail_cases(rule):
    assert cases(rule.code, "fail"), f"{rule.code} has no tests/cases/{rule.code}/fail/ fixture"
    assert cases(rule.code, "pass"), f"{rule.code} has no tests/cases/{rule.code}/pass/ fixture"


def test_no_fixture_folder_without_a_rule():
    codes = {r.code for r in RULES}
    assert {p.name for p in CASES.iterdir() if p.is_dir()} <= codes


ALL = [(r.code, kind, case) for r in RULES for kind in ("pass", "fail") for case in cases(r.code, kind)]


@pytest.mark.parametrize("code,kind,case", ALL, ids=[f"{c}-{k}-{p.name}" for c, k, p in ALL])
def test_case(code, kind, case):
    exit_code, doc = run_json(case, "--select", code, "--no-siblings", "--fail-on", "info")
    assert doc["errors"] == [], doc["errors"]
    found = [f for f in doc["findings"] if f["rule"] == code]
    if kind == "fail":
        assert found, f"{case} should produce a {code} finding"
        assert exit_code == 1
    else:
        assert not found, f"{case} should be clean, got: {[f['message'] for f in found]}"
        assert exit_code == 0
