"""reviewdog's Diagnostic Format as JSON Lines (rdjsonl): one Diagnostic per line, so
`reviewdog -f=rdjsonl` can comment on a pull request or merge request.

Each finding: `message`, `location` (path and a 1-based range), `severity` (ERROR, WARNING,
INFO), `source` (lintcase), `code` (the rule code, with the rule's entry in docs/rules.md as its
URL) and `relatedLocations` (the other places of the finding, each with its rendering and
section). Input errors are diagnostics with the code LC901.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from . import Report
from .sarif import INFORMATION_URI, rule_url

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "lintcase", "url": INFORMATION_URI}


def _location(loc) -> dict:
    return {"path": loc.path, "range": {
        "start": {"line": loc.line, "column": loc.column},
        "end": {"line": loc.end_line, "column": loc.end_column}}}


def diagnostics(report: Report) -> Iterator[dict]:
    for f in report.findings:
        yield {"message": f.message, "location": _location(f.locations[0]),
               "severity": SEVERITY.get(f.severity, "WARNING"), "source": SOURCE,
               "code": {"value": f.rule, "url": rule_url(f.rule, f.name)},
               "relatedLocations": [{"message": f"{loc.rendering}, {loc.section}",
                                     "location": _location(loc)} for loc in f.locations[1:]]}
    for e in report.errors:
        start = {"line": max(1, e.line), **({"column": e.column} if e.column > 0 else {})}
        yield {"message": e.reason, "location": {"path": e.path, "range": {"start": start}},
               "severity": "ERROR", "source": SOURCE, "code": {"value": e.code}}


def chunks(report: Report):
    return (json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n"
            for d in diagnostics(report))


def render(report: Report) -> str:
    return "".join(chunks(report))
