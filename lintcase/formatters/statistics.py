"""Counts per rule, as `ruff check --statistics`: how many findings each rule made, most first,
with the rule's name and severity; then each input error on its own line (what could not be
checked is never only counted)."""
from __future__ import annotations

from collections import Counter

from . import Report
from .text import summary


def render(report: Report) -> str:
    counts = Counter(f.rule for f in report.findings)
    about = {f.rule: (f.name, f.severity) for f in report.findings}
    width = max((len(str(n)) for n in counts.values()), default=1)
    out = [f"{n:>{width}}  {code}  [{about[code][1]}]  {about[code][0]}"
           for code, n in sorted(counts.items(), key=lambda c: (-c[1], c[0]))]
    out += [f"{e.path}:{e.line}:{e.column}: {e.code} [error] {e.reason}" for e in report.errors]
    out.append(summary(report))
    return "\n".join(out) + "\n"
