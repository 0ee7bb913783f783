"""JSON Lines for very large runs: one line per finding, one per input error, then a summary.

A consumer can process the output line by line without holding the whole run: a line with a
`rule` key is a finding (the same keys as a finding of the JSON format), a line with an `error`
key is an input error, and the last line carries `summary` (the JSON format's summary).
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from . import Report
from .json import error, finding, summary, tool


def lines(report: Report) -> Iterator[str]:
    dump = lambda obj: json.dumps(obj, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    for f in report.findings:
        yield dump(finding(f))
    for e in report.errors:
        yield dump({"error": error(e)})
    yield dump({"schema_version": 1, "tool": tool(report), "summary": summary(report)})


def chunks(report: Report):
    return (line + "\n" for line in lines(report))


def render(report: Report) -> str:
    return "".join(chunks(report))
