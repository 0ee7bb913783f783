"""`lintcase test RULES_DIR`: run a rule pack's own examples, for teams that write rules.

Each rule's `examples.fail` texts must each produce a finding of that rule and its
`examples.pass` texts none. Examples are Markdown documents (a `# Case report: …` title makes
one a case report). Fixture folders are run too when the pack has them:
`RULES_DIR/cases/<CODE>/{pass,fail}/<case>` (a file, or a folder of renderings).
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import discover
from ..engine.run import run
from ..rulebook.load import Rule


@dataclass(frozen=True)
class Outcome:
    rule: str
    expect: str       # "fail" (a finding expected) or "pass"
    case: str
    ok: bool
    detail: str


def run_pack(rules: list[Rule], pack: Path) -> list[Outcome]:
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for rule in rules:
            for expect in ("fail", "pass"):
                for i, text in enumerate(rule.examples.get(expect, []), 1):
                    doc = Path(tmp) / f"{rule.code}-{expect}-{i}" / "example.md"
                    doc.parent.mkdir()
                    doc.write_text(text, encoding="utf-8")
                    out.append(_outcome(rule, expect, f"example {expect} #{i}", doc.parent))
                folder = pack / "cases" / rule.code / expect
                for case in sorted(folder.iterdir()) if folder.is_dir() else ():
                    out.append(_outcome(rule, expect, str(case), case))
    return out


def _outcome(rule: Rule, expect: str, name: str, path: Path) -> Outcome:
    inputs, errors = discover.collect([str(path)], siblings=False)
    renderings, read_errors = discover.load(inputs)
    findings, rule_errors = run(discover.group(renderings), [rule])
    problems = [e.reason for e in errors + read_errors + rule_errors]
    found = [f for f in findings if f.rule == rule.code]
    ok = not problems and (bool(found) if expect == "fail" else not found)
    detail = "; ".join(problems) or (f"{len(found)} finding(s)" + (
        f": {found[0].message}" if found else ""))
    return Outcome(rule.code, expect, name, ok, detail)
