"""JSON Lines for very large runs and for dashboards that follow a run as it goes: per article,
a line describing it and then one line per finding; then one line per input error; a summary.

From the command line the article blocks are written as each article is checked (in the order
the run finishes them); `render(report)` writes the same lines for a finished report, articles in
report order. A consumer tells lines apart by their key: `checked` (an article, as the JSON
format's `articles[]` entry: its findings follow), `rule` (a finding, the keys of a JSON-format
finding), `error` (an input error), `summary` (the last line). An article line with
`"rechecked": true` voids every earlier line of its key: its renderings lay in two chunks of the
run and were checked apart first.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..model import Article, Finding
from . import Report
from .json import article, error, finding, summary, tool


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def article_lines(a: Article, findings: Iterable[Finding], rechecked: bool = False) -> Iterator[str]:
    """One article's block: its line, then its findings' lines."""
    yield _dump({"checked": {**article(a), **({"rechecked": True} if rechecked else {})}})
    for f in findings:
        yield _dump(finding(f))


def tail(report: Report) -> Iterator[str]:
    """What follows the articles: the input errors, then the summary line."""
    for e in report.errors:
        yield _dump({"error": error(e)})
    yield _dump({"schema_version": 1, "tool": tool(report), "summary": summary(report)})


def chunks(report: Report) -> Iterator[str]:
    by_key: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_key.setdefault(f.article, []).append(f)
    for a in report.articles:
        yield from article_lines(a, by_key.pop(a.key, ()))
    for rest in by_key.values():  # a finding of no listed article (none is known)
        yield from map(_dump, map(finding, rest))
    yield from tail(report)


def render(report: Report) -> str:
    return "".join(chunks(report))
