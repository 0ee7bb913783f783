"""A self-contained HTML report for editors: no scripts, no external resources, prints well.

A header with the summary counts, then one section per article (title, DOI, renderings) with
its findings grouped by rule; each finding shows the excerpts of all its places side by side,
the words the finding is about (between « and » in each excerpt) highlighted with <mark>, one
colour per distinct value. Input errors are listed at the end. Every string from the input is
escaped: the report must survive a manuscript that contains `</script>` or quotes.
"""
from __future__ import annotations

import html
from collections import Counter, defaultdict

from ..model import Article, Finding, Location
from . import Report
from .html_style import CSS

SEVERITY_ORDER = ("error", "warning", "info")


def esc(value) -> str:
    return html.escape(str(value), quote=True)


def marked(excerpt: str, values: dict[str, int]) -> str:
    """The excerpt with its «target» in a <mark>; an empty target shows as 'absent here'."""
    a = excerpt.find("«")
    b = excerpt.find("»", a + 1) if a >= 0 else -1
    if a < 0 or b < 0:
        return esc(excerpt)
    target = excerpt[a + 1:b]
    if not target.strip():
        mark = '<mark class="absent" title="not in this rendering">absent here</mark>'
    else:
        n = values.setdefault(" ".join(target.lower().split()), len(values))
        mark = f'<mark class="v{n % 4}">{esc(target)}</mark>'
    return f"{esc(excerpt[:a])}{mark}{esc(excerpt[b + 1:])}"


def where(path: str, line: int, column: int) -> str:
    """path:line:col that wraps only after a slash, never inside the numbers."""
    return ("/<wbr>".join(esc(part) for part in path.split("/"))
            + f'<span class="pos">:{line}:{column}</span>')


def place(loc: Location, values: dict[str, int]) -> str:
    return (f'<figure class="place"><figcaption><span><span class="kind">{esc(loc.rendering)}'
            f'</span> <span class="section">{esc(loc.section or "(no section)")}</span></span>'
            f'<code class="path">{where(loc.path, loc.line, loc.column)}</code></figcaption>'
            f"<blockquote>{marked(loc.excerpt, values)}</blockquote></figure>")


def finding(f: Finding) -> str:
    values: dict[str, int] = {}
    places = "".join(place(loc, values) for loc in f.locations)
    return (f'<div class="finding {esc(f.severity)}"><p class="message">{esc(f.message)}</p>'
            f'<div class="places">{places}</div></div>')


def rule_group(findings: list[Finding], rules: dict) -> str:
    f0 = findings[0]
    rule = rules.get(f0.rule)
    summary = f'<p class="summary">{esc(rule.summary)}</p>' if rule else ""
    count = f'<span class="muted">{len(findings)} finding{"s" if len(findings) > 1 else ""}</span>'
    return (f'<section class="rule"><h3><span class="badge {esc(f0.severity)}">'
            f"{esc(f0.severity)}</span><span>{esc(f0.rule)} {esc(f0.name)}</span>{count}</h3>"
            f'{summary}{"".join(finding(f) for f in findings)}</section>')


def by_rule(findings: list[Finding], rules: dict) -> str:
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[f.rule].append(f)
    order = {s: i for i, s in enumerate(SEVERITY_ORDER)}
    rank = lambda fs: (min(order.get(f.severity, 9) for f in fs), fs[0].rule)  # noqa: E731
    if not groups:
        return '<p class="none">No findings.</p>'
    return "".join(rule_group(fs, rules) for fs in sorted(groups.values(), key=rank))


def meta(article: Article, attr: str) -> str | None:
    return next((getattr(r.meta, attr).text for r in article.renderings
                 if getattr(r.meta, attr) is not None), None)


def article_section(i: int, article: Article, findings: list[Finding], rules: dict) -> str:
    title, doi = meta(article, "title"), meta(article, "doi")
    renderings = "".join(f'<li><span class="kind">{esc(r.kind)}</span> <code class="path">'
                         f"{esc(r.path)}</code></li>" for r in article.renderings)
    doi_html = f"DOI <code>{esc(doi)}</code>" if doi else f"key <code>{esc(article.key)}</code>"
    return (f'<section class="card article" id="article-{i}"><h2>{esc(title or article.key)}</h2>'
            f'<p class="meta muted">{doi_html}</p><ul class="renderings">{renderings}</ul>'
            f"{by_rule(findings, rules)}</section>")


def counts(report: Report) -> str:
    sev = Counter(f.severity for f in report.findings)
    boxes = [("findings", "Findings", len(report.findings))]
    boxes += [(s, s.capitalize() + ("s" if s != "info" else ""), sev[s]) for s in SEVERITY_ORDER]
    boxes += [("", "Articles", len(report.articles)), ("", "Files", report.files),
              ("error" if report.errors else "", "Input errors", len(report.errors))]
    return '<dl class="counts">' + "".join(
        f'<div class="{cls}{" zero" if not n else ""}"><dt>{label}</dt><dd>{n}</dd></div>'
        for cls, label, n in boxes) + "</dl>"


def rule_table(report: Report) -> str:
    per = Counter((f.rule, f.name, f.severity) for f in report.findings)
    if not per:
        return ""
    rows = "".join(f'<tr><td><code>{esc(code)}</code></td><td>{esc(name)}</td>'
                   f'<td><span class="badge {esc(sev)}">{esc(sev)}</span></td>'
                   f'<td class="num">{n}</td></tr>' for (code, name, sev), n in sorted(per.items()))
    return ('<table class="by-rule"><thead><tr><th>Rule</th><th>Name</th><th>Severity</th>'
            f'<th class="num">Findings</th></tr></thead><tbody>{rows}</tbody></table>')


def header(report: Report, per_article: dict[str, list[Finding]]) -> str:
    toc = "".join(f'<li><a href="#article-{i}">{esc(meta(a, "title") or a.key)}</a> <span '
                  f'class="muted">— {len(per_article.get(a.key, []))} finding(s)</span></li>'
                  for i, a in enumerate(report.articles, 1))
    return (f'<header class="card"><h1>lintcase report</h1><p class="tool muted">lintcase '
            f"{esc(report.version)} · contradictions between and within the renderings of "
            f"{len(report.articles)} article(s)</p>{counts(report)}{rule_table(report)}"
            f'<ol class="toc">{toc}</ol></header>')


def errors_section(report: Report) -> str:
    if not report.errors:
        return ""
    rows = "".join(f'<tr><td><code class="path">{where(e.path, e.line, e.column)}</code></td>'
                   f"<td><code>{esc(e.code)}</code></td><td>{esc(e.reason)}</td></tr>"
                   for e in report.errors)
    return ('<section class="card errors" id="errors"><h2>Input errors</h2><p class="muted">'
            "These files or rules could not be checked; everything else was.</p>"
            "<table><thead><tr><th>Where</th><th>Code</th><th>Reason</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></section>")


def render(report: Report) -> str:
    rules = {r.code: r for r in report.rules}
    per_article: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        per_article[f.article].append(f)
    sections = [article_section(i, a, per_article.get(a.key, []), rules)
                for i, a in enumerate(report.articles, 1)]
    orphans = [f for f in report.findings if f.article not in {a.key for a in report.articles}]
    if orphans:
        sections.append('<section class="card article" id="other"><h2>Other findings</h2>'
                        f"{by_rule(orphans, rules)}</section>")
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>lintcase report</title><style>{CSS}</style></head><body>"
            f'{header(report, per_article)}<main>{"".join(sections)}</main>'
            f"{errors_section(report)}<footer>Generated by lintcase {esc(report.version)}."
            "</footer></body></html>\n")
