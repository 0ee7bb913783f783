"""Run every rule on every article; stamp code, name and severity; sort and fingerprint.

A check that raises on one article becomes an input error naming the rule and the article;
every other rule and article still runs.
"""
from __future__ import annotations

import hashlib
import traceback

from .checks import Hit
from .model import Article, Finding, InputError
from .rules import Rule


MAX_TIMEOUTS = 3


def run(articles: list[Article], rules: list[Rule]) -> tuple[list[Finding], list[InputError]]:
    findings: list[Finding] = []
    errors: list[InputError] = []
    timeouts: dict[str, int] = {}
    for article in articles:
        for rule in rules:
            if timeouts.get(rule.code, 0) >= MAX_TIMEOUTS:
                continue
            try:
                for hit in rule.kind.run(article, rule.options):
                    findings.append(finding(rule, article, hit))
            except TimeoutError as e:
                # a pattern that backtracks: stop paying for it after a few articles
                timeouts[rule.code] = timeouts.get(rule.code, 0) + 1
                note = (f"; rule {rule.code} switched off for the rest of this run"
                        if timeouts[rule.code] == MAX_TIMEOUTS else "")
                errors.append(InputError(article.renderings[0].path, 0, 0,
                                         f"rule {rule.code} ({rule.name}) timed out on this "
                                         f"article: TimeoutError: {e}{note}", "LC900"))
            except Exception as e:  # noqa: BLE001 - one broken check must not stop the run
                where = traceback.extract_tb(e.__traceback__)[-1]
                errors.append(InputError(
                    article.renderings[0].path, 0, 0,
                    f"rule {rule.code} ({rule.name}) failed on this article: "
                    f"{type(e).__name__}: {e} [{where.filename.rsplit('/', 1)[-1]}:{where.lineno}]",
                    "LC900"))
    return sorted(set(findings), key=Finding.sort_key), errors


def finding(rule: Rule, article: Article, hit: Hit) -> Finding:
    fields = {k: str(v) for k, v in hit.fields.items()}
    message = rule.message.format(**fields)
    evidence = hit.evidence or message
    digest = hashlib.sha256(f"{rule.code}\0{article.key}\0{evidence}".encode()).hexdigest()[:20]
    return Finding(article=article.key, rule=rule.code, name=rule.name, severity=rule.severity,
                   message=message, locations=hit.locations, fields=tuple(sorted(fields.items())),
                   fingerprint=digest)


SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def select(rules: list[Rule], select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """Keep rules named by code, name or code prefix (LC2 = the 2xx family) in select, minus ignore."""
    select = [k.strip() for key in select or () for k in key.split(",") if k.strip()]
    ignore = [k.strip() for key in ignore or () for k in key.split(",") if k.strip()]

    def named(rule: Rule, keys) -> bool:
        return any(rule.code.startswith(k.upper()) or rule.name == k or k in rule.groups
                   for k in keys)
    def asked(rule: Rule) -> bool:  # an opt-in rule must be named, not only its family
        return any(rule.code == k.upper() or rule.name == k or k in rule.groups for k in select)

    kept = [r for r in rules if (not select and r.enabled) or
            (select and named(r, select) and (r.enabled or asked(r)))]
    return [r for r in kept if not ignore or not named(r, ignore)]
