"""Which rules run (--select / --ignore and the configuration's) and which findings a
per-path ignore drops; both ask rulebook.select, so a group works wherever a code does."""
from __future__ import annotations

import fnmatch
import os

from ..model import Finding
from ..rulebook import select as selectors
from ..rulebook.load import Rule


def select(rules: list[Rule], select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """Keep rules named by code, name, group or code prefix (LC2 = the 2xx family) in select,
    minus those named in ignore."""
    return selectors.select(rules, select, ignore)


def per_path(findings: list[Finding], rules, ignores) -> list[Finding]:
    """The findings no per-path ignore (base folder, glob, selectors) drops."""
    if not ignores:
        return findings
    by_code = {r.code: r for r in rules}
    return [f for f in findings if not ignored(f, by_code.get(f.rule), ignores)]


def ignored(f: Finding, rule: Rule | None, ignores) -> bool:
    """Whether a per-path ignore whose glob matches the finding's first place names its rule."""
    path = os.path.abspath(f.locations[0].path)
    groups = rule.groups if rule else ()
    for base, pattern, codes in ignores:
        rel = os.path.relpath(path, base)
        if fnmatch.fnmatch(rel, pattern) and any(selectors.names(c, f.rule, f.name, groups)
                                                for c in codes):
            return True
    return False
