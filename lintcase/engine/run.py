"""Run every rule on every article; stamp code, name and severity; sort and fingerprint.

A check that raises on one article becomes an input error naming the rule and the article;
every other rule and article still runs.
"""
from __future__ import annotations

import hashlib
import traceback

from ..checks import Hit
from ..model import Article, Finding, InputError
from ..rulebook.load import Rule

MAX_TIMEOUTS = 3


def run(articles: list[Article], rules: list[Rule]) -> tuple[list[Finding], list[InputError]]:
    findings: list[Finding] = []
    errors: list[InputError] = []
    timeouts: dict[str, int] = {}
    for article in articles:
        best = most_trusted(article)
        for rule in rules:
            if timeouts.get(rule.code, 0) >= MAX_TIMEOUTS:
                continue
            try:
                for hit in rule.kind.run(best if rule.reads == "best" else article, rule.options):
                    findings.append(finding(rule, article, hit))
            except TimeoutError as e:
                # a pattern that backtracks: stop paying for it after a few articles
                timeouts[rule.code] = timeouts.get(rule.code, 0) + 1
                errors.append(_timed_out(rule, article, e, timeouts[rule.code]))
            except Exception as e:  # noqa: BLE001 - one broken check must not stop the run
                errors.append(_failed(rule, article, e))
    return sorted(set(findings), key=Finding.sort_key), errors


def most_trusted(article: Article) -> Article:
    """The article as a rule about one document's own text sees it: its most trustworthy
    rendering alone (model.RENDERING_KINDS order). PDF text is noisy by construction (hidden
    text layers, table cells, equations, page furniture, font maps); where a better rendering
    exists it is compared with it, not linted."""
    if len(article.renderings) == 1:
        return article
    return Article(article.key, (article.trusted()[0],), article.alone_beside)


def _timed_out(rule: Rule, article: Article, e: TimeoutError, times: int) -> InputError:
    note = f"; rule {rule.code} switched off for the rest of this run" \
        if times == MAX_TIMEOUTS else ""
    return InputError(article.renderings[0].path, 0, 0,
                      f"rule {rule.code} ({rule.name}) timed out on this "
                      f"article: TimeoutError: {e}{note}", "LC900")


def _failed(rule: Rule, article: Article, e: Exception) -> InputError:
    where = traceback.extract_tb(e.__traceback__)[-1]
    return InputError(
        article.renderings[0].path, 0, 0,
        f"rule {rule.code} ({rule.name}) failed on this article: "
        f"{type(e).__name__}: {e} [{where.filename.rsplit('/', 1)[-1]}:{where.lineno}]",
        "LC900")


def finding(rule: Rule, article: Article, hit: Hit) -> Finding:
    fields = {k: str(v) for k, v in hit.fields.items()}
    message = rule.message.format(**fields)
    return Finding(article=article.key, rule=rule.code, name=rule.name, severity=rule.severity,
                   message=message, locations=hit.locations, fields=tuple(sorted(fields.items())),
                   fingerprint=fingerprint(rule.code, article.key, hit.evidence or message))


def fingerprint(rule: str, *identity: str) -> str:
    """The one fingerprint recipe, for every finding: the rule's code and what identifies the
    finding (a check's: the article and its evidence, no line numbers, so an edit elsewhere
    keeps it), joined by NULs, hashed. Baselines are keyed by it."""
    text = "\0".join((rule, *identity))
    return hashlib.sha256(text.encode()).hexdigest()[:20]
