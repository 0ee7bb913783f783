"""One JSON object: {schema_version, tool, summary, articles, findings, errors}.

The shape is public API (lintcase/schemas/findings.schema.json); dashboards group by `rule` and
by the template `fields`, so both are always present. The jsonl format reuses the pieces.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict

from ..model import Article, Finding, InputError, Location
from . import Report


def summary(report: Report) -> dict:
    return {
        "files": report.files, "articles": len(report.articles),
        "findings": len(report.findings), "errors": len(report.errors),
        "alone": sum(1 for a in report.articles if a.alone_beside),
        "by_severity": dict(Counter(f.severity for f in report.findings)),
        "by_rule": dict(sorted(Counter(f.rule for f in report.findings).items())),
    }


def tool(report: Report) -> dict:
    return {"name": "lintcase", "version": report.version}


def finding(f: Finding) -> dict:
    return {
        "rule": f.rule, "name": f.name, "severity": f.severity, "message": f.message,
        "article": f.article, "fingerprint": f.fingerprint, "fields": dict(f.fields),
        "locations": [location(loc) for loc in f.locations],
    }


def location(loc: Location) -> dict:
    """A location's fields; `page` only where there is one (a PDF), so other output is unchanged."""
    d = asdict(loc)
    if d.get("page") is None:
        d.pop("page", None)
    return d


def article(a: Article) -> dict:
    return {
        "key": a.key,
        "doi": a.doi,
        "title": a.title,
        "renderings": [{"path": r.path, "kind": r.kind} for r in a.renderings],
        **({"alone_beside": list(a.alone_beside)} if a.alone_beside else {}),
    }


def error(e: InputError) -> dict:
    return asdict(e)


def document(report: Report) -> dict:
    return {
        "schema_version": 1,
        "tool": tool(report),
        "summary": summary(report),
        "articles": [article(a) for a in report.articles],
        "findings": _Lazy(report.findings, finding),
        "errors": _Lazy(report.errors, error),
    }


class _Lazy(list):
    """A list to the encoder whose items are made as they are encoded: a report of many
    findings never holds all their dictionaries at once."""

    def __init__(self, items, make):
        super().__init__()
        self._items, self._make = items, make

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __iter__(self):
        return map(self._make, self._items)


def chunks(report: Report, size: int = 1 << 16):
    """The document's text in pieces of about `size` characters, encoded as they are written."""
    pending, length = [], 0
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(document(report)):
        pending.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(pending)
            pending, length = [], 0
    yield "".join(pending) + "\n"


def render(report: Report) -> str:
    return "".join(chunks(report))
