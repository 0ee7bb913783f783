"""Every step after the checks, in order, for one chunk of articles: the one engine call the
runner makes per chunk (in a worker process when --jobs > 1).
"""
from __future__ import annotations

from ..model import Article, Finding, InputError, Rendering
from ..rulebook.load import Rule
from . import filters, suppress
from .run import run


def check_chunk(articles: list[Article], renderings: list[Rendering], rules: list[Rule],
                ignores=(), catalog=()) -> tuple[list[Finding], list[InputError]]:
    """The findings of one chunk as reported: the checks run (what they computed lives on the articles
    and renderings, and goes with them), per-path
    ignores applied, inline suppressions applied and the unused ones reported (LC902) when
    they name a rule of this run; directives that name no rule of the `catalog` (every loaded
    rule and the engine's codes) or are no directive reported (LC903)."""
    findings, errors = run(articles, rules)
    findings = filters.per_path(findings, rules, ignores)
    findings, unused = suppress.apply(findings, renderings, rules)
    findings += [suppress.unused_finding(r) for r in unused if suppress.names_a_rule(r, rules)]
    if catalog:
        findings += suppress.unknown(renderings, catalog)
    return findings, errors
