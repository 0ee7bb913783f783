"""Baselines for journals with an archive: accept today's findings, report only new ones.

Entries are keyed by the finding's fingerprint (rule, article and normalised evidence — no line
numbers), so editing a paragraph above an accepted finding does not bring it back.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .. import cache
from ..model import Finding

VERSION = 1


class BaselineError(Exception):
    pass


def document(findings: list[Finding]) -> str:
    entries = [{"fingerprint": f.fingerprint, "rule": f.rule, "article": f.article,
                "message": f.message} for f in findings]
    return json.dumps({"lintcase_baseline": VERSION, "findings": entries},
                      ensure_ascii=False, indent=2) + "\n"


def load(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BaselineError(f"{path}: cannot read baseline: {e}")
    if not isinstance(data, dict) or data.get("lintcase_baseline") != VERSION:
        raise BaselineError(f"{path}: not a lintcase baseline (version {VERSION})")
    return [e for e in data.get("findings", []) if isinstance(e, dict) and "fingerprint" in e]


def subtract(findings: list[Finding], entries: list[dict]) -> tuple[list[Finding], list[dict]]:
    """New findings (not in the baseline), and baseline entries that matched nothing (stale).

    A fingerprint listed n times accepts n findings with that fingerprint.
    """
    budget = Counter(e["fingerprint"] for e in entries)
    new = []
    for f in findings:
        if budget[f.fingerprint] > 0:
            budget[f.fingerprint] -= 1
        else:
            new.append(f)
    stale, left = [], Counter(budget)
    for e in entries:
        if left[e["fingerprint"]] > 0:
            left[e["fingerprint"]] -= 1
            stale.append(e)
    return new, stale


def apply(findings: list[Finding], baseline_path: str | None,
          write_path: str | None, checked: set[str] | None = None) -> tuple[list[Finding], list[str]]:
    """The findings to report and notes for the user: with `write_path`, today's findings are
    recorded there ("-": standard output) and all reported; with `baseline_path`, the known
    ones are hidden and stale entries named. `checked` holds the keys of the articles this run
    checked: an entry of any other article is not stale, only out of sight (a pre-commit run
    on one file judges that file's entries alone); None judges every entry. A baseline that
    cannot be read is a BaselineError."""
    if write_path:
        cache.write_output(write_path, document(findings).encode("utf-8"))
        return findings, [f"wrote {len(findings)} finding(s) to the baseline {write_path}"]
    if not baseline_path:
        return findings, []
    new, stale = subtract(findings, load(Path(baseline_path)))
    if checked is not None:
        stale = [e for e in stale if e.get("article") in checked]
    notes = [f"baseline {baseline_path}: {len(findings) - len(new)} known finding(s) hidden, "
             f"{len(new)} new"]
    for e in stale:
        notes.append(f"baseline {baseline_path}: stale entry {e['fingerprint']} "
                     f"({e.get('rule', '?')}: {e.get('message', '')[:80]}) no longer occurs; "
                     f"rewrite the baseline")
    return new, notes
