"""Severity follows measured precision (issue 14): a rule ships at most the severity its judged
sample earned (bench/quality.py writes bench/quality/precision.json from a corpus run and the
verdicts in bench/quality/judged/)."""
from __future__ import annotations

import json

from conftest import ROOT
from lintcase.rulebook.load import default_rule_dirs, load_rules

RANK = {"info": 0, "warning": 1, "error": 2}
PRECISION = json.loads((ROOT / "bench" / "quality" / "precision.json").read_text())


def test_no_rule_ships_above_what_its_precision_earned():
    rules = {r.code: r for r in load_rules(default_rule_dirs())}
    above = [f"{code}: ships {rules[code].severity}, its precision "
             f"{m['right']}/{m['judged']} earns {m['earned']}"
             for code, m in PRECISION["rules"].items()
             if code in rules and rules[code].enabled and m["earned"]
             and RANK[rules[code].severity] > RANK[m["earned"]]]
    assert not above, "\n".join(above)


def test_the_measure_covers_every_rule_and_enough_verdicts():
    rules = {r.code for r in load_rules(default_rule_dirs())}
    assert rules <= set(PRECISION["rules"]), "run bench/quality.py on a fresh corpus run"
    judged = sum(m["judged"] for m in PRECISION["rules"].values())
    assert judged >= 300
