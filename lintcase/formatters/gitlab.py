"""GitLab Code Quality: the subset of the Code Climate report that GitLab reads, one JSON array.

Each finding is an issue with `description`, `check_name` (the rule code and name),
`fingerprint` (unique within the report: a repeated one gets "/1", "/2" appended, as GitLab
drops duplicates), `severity` (error: critical, warning: major, info: info) and `location`
(`path` relative to the folder lintcase ran in, `lines.begin` and `lines.end`). The other
places of a finding are named in the description. Input errors are issues too (`LC901`), so a
merge request shows what could not be checked.
"""
from __future__ import annotations

import json

from . import Report, unique_fingerprints

SEVERITY = {"error": "critical", "warning": "major", "info": "info"}


def issues(report: Report) -> list[dict]:
    out = []
    for f, fingerprint in zip(report.findings, unique_fingerprints(report.findings)):
        first = f.locations[0]
        others = "; ".join(f"{loc.path}:{loc.line} ({loc.rendering}, {loc.section})"
                           for loc in f.locations[1:])
        out.append({
            "type": "issue",
            "description": f"{f.rule} {f.message}" + (f" (also: {others})" if others else ""),
            "check_name": f"{f.rule} {f.name}",
            "fingerprint": fingerprint,
            "severity": SEVERITY.get(f.severity, "major"),
            "location": {"path": first.path.removeprefix("./"),
                         "lines": {"begin": first.line, "end": first.end_line}}})
    for e in report.errors:
        out.append({"type": "issue", "description": f"{e.code} {e.reason}",
                    "check_name": f"{e.code} input-error",
                    "fingerprint": f"{e.code}:{e.path}:{e.line}:{e.column}",
                    "severity": "critical",
                    "location": {"path": e.path, "lines": {"begin": max(1, e.line)}}})
    return out


def render(report: Report) -> str:
    return json.dumps(issues(report), ensure_ascii=False, indent=2) + "\n"
