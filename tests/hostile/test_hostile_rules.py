"""User-written rules cannot hang or crash the run: a catastrophically backtracking pattern is cut
off by the pattern check's time limit, and a check that raises on one document becomes an LC900
error for that rule and document while every other rule and document still runs."""
from __future__ import annotations

import time
from pathlib import Path

from conftest import run_json
from hostile_inputs import SEED_RULES, folder_with

RULE = """code: {code}
name: {name}
summary: A user-written pattern rule.
severity: warning
check: pattern
options:
  regex: '{regex}'
message: "pattern matched: “{{match}}”"
rationale: |
  Written by a user for this test.
"""

# a Markdown article: one paragraph that makes (a+)+$ backtrack, one with a doubled word and a
# word the second user rule looks for
EVIL_DOC = ("# A backtracking case\n\nThe first paragraph has the the doubled word and a zebra.\n\n"
            + "a" * 5000 + "b\n")
OTHER_DOC = "# Another case entirely\n\nA plain paragraph about a zebra, nothing else.\n"


def rule_folder(tmp_path: Path, rules: dict[str, tuple[str, str]]) -> Path:
    folder = tmp_path / "my-rules"
    folder.mkdir()
    for code, (name, regex) in rules.items():
        (folder / f"{code}-{name}.yaml").write_text(RULE.format(code=code, name=name, regex=regex))
    return folder


def test_a_catastrophic_regex_is_cut_off_and_named(tmp_path):
    rules = rule_folder(tmp_path, {"LC490": ("evil-backtracking", "(a+)+$"),
                                   "LC491": ("zebra-mentioned", r"\bzebra\b")})
    docs = folder_with(tmp_path, {"evil.md": EVIL_DOC.encode(), "other.md": OTHER_DOC.encode()})
    started = time.monotonic()
    code, doc = run_json(docs, "--rules", rules, "--no-cache", "-j", "1")
    elapsed = time.monotonic() - started
    assert elapsed < 30  # unbounded, (a+)+$ on 5,000 a's would not finish in a lifetime
    # the evil rule failed on the evil document only, and the error names rule and document
    lc900 = [e for e in doc["errors"] if e["code"] == "LC900"]
    assert len(lc900) == 1
    assert lc900[0]["path"] == str(docs / "evil.md")
    assert "LC490" in lc900[0]["reason"] and "evil-backtracking" in lc900[0]["reason"]
    assert "TimeoutError" in lc900[0]["reason"]
    # every other rule still reported, on the evil document too
    by_rule = {}
    for f in doc["findings"]:
        by_rule.setdefault(f["rule"], set()).add(Path(f["locations"][0]["path"]).name)
    assert {"evil.md", "other.md"} <= by_rule["LC491"]
    assert "evil.md" in by_rule["LC401"]
    assert SEED_RULES <= set(by_rule)
    assert code == 1


def test_a_check_that_raises_on_one_document_is_an_internal_error(tmp_path, monkeypatch):
    from lintcase.checks import pattern
    rules = rule_folder(tmp_path, {"LC491": ("zebra-mentioned", r"\bzebra\b")})
    docs = folder_with(tmp_path, {"boom.md": OTHER_DOC.replace("Another", "A boom").encode(),
                                  "other.md": OTHER_DOC.encode()})
    real_run = pattern.run

    def run(article, options):  # the zebra rule's check breaks on the boom document only
        if options["regex"] == r"\bzebra\b" and any(r.path.endswith("boom.md")
                                                   for r in article.renderings):
            raise RuntimeError("simulated bug in a check")
        return real_run(article, options)

    monkeypatch.setattr(pattern, "run", run)
    code, doc = run_json(docs, "--rules", rules, "--no-cache", "-j", "1")
    lc900 = [e for e in doc["errors"] if e["code"] == "LC900"]
    assert len(lc900) == 1
    assert lc900[0]["path"] == str(docs / "boom.md")
    assert "LC491" in lc900[0]["reason"] and "simulated bug in a check" in lc900[0]["reason"]
    zebra = {Path(f["locations"][0]["path"]).name for f in doc["findings"] if f["rule"] == "LC491"}
    assert zebra == {"other.md"}  # the same rule still ran on the other document
    assert SEED_RULES <= {f["rule"] for f in doc["findings"]}  # and every other rule ran
    assert code == 1
