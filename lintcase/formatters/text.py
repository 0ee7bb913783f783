"""ruff-style lines: path:line:col: CODE [severity] message, then each place with its excerpt."""
from __future__ import annotations

from collections import Counter

from . import Report


def render(report: Report) -> str:
    out = []
    for f in report.findings:
        first = f.locations[0]
        page = f" [page {first.page}]" if getattr(first, "page", None) else ""
        out.append(f"{first.path}:{first.line}:{first.column}: {f.rule} [{f.severity}] {f.message}{page}")
        for loc in f.locations:
            where = f", page {loc.page}" if getattr(loc, "page", None) else ""
            out.append(f"    {loc.path}:{loc.line}:{loc.column} ({loc.rendering}{where}, {loc.section}): "
                       f"{loc.excerpt}")
    for e in report.errors:
        out.append(f"{e.path}:{e.line}:{e.column}: {e.code} [error] {e.reason}")
    for a in report.articles:
        if a.alone_beside:
            out.append(f"{a.renderings[0].path}: checked on its own: its text matches no other "
                       f"rendering beside it ({', '.join(a.alone_beside)})")
    out.append(summary(report))
    return "\n".join(out) + "\n"


def summary(report: Report) -> str:
    """The closing line: findings by severity, articles, files, what could not be checked."""
    counts = Counter(f.severity for f in report.findings)
    by = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s])
    return (f"Found {len(report.findings)} finding(s)" + (f" ({by})" if by else "")
            + f" in {len(report.articles)} article(s) from {report.files} file(s)"
            + (f"; {len(report.errors)} file(s) or rule(s) could not be checked."
               if report.errors else "."))
