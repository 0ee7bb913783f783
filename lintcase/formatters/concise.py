"""One line per finding, as ruff's and ESLint's compact output: path:line:col: CODE [severity]
message. The other places of a finding are not printed (the text format shows them); input
errors and the summary line are as in the text format."""
from __future__ import annotations

from . import Report
from .text import summary


def render(report: Report) -> str:
    out = []
    for f in report.findings:
        first = f.locations[0]
        out.append(f"{first.path}:{first.line}:{first.column}: {f.rule} [{f.severity}] {f.message}")
    for e in report.errors:
        out.append(f"{e.path}:{e.line}:{e.column}: {e.code} [error] {e.reason}")
    out.append(summary(report))
    return "\n".join(out) + "\n"
