"""A self-contained HTML report for editors: no external resources, prints well.

A header with the summary counts, filters and a table of contents, then one section per article
(title, DOI, renderings) with its findings grouped by rule; each finding shows the excerpts of
all its places side by side, the words the finding is about (between « and » in each excerpt)
highlighted with <mark>, one colour per distinct value, and has its own anchor (#f-N); a place
in a PDF names its page. Input errors are listed at the end. Every string from the input is
escaped: the report must survive a manuscript that contains `</script>` or quotes.

Filters (rule, severity, article, a search of messages and excerpts) are one small inline
script with no data of its own: it reads the data-* attributes of the findings, and keeps its
state in the address (#severity=error&rule=LC201&article=2&q=dermis), so a filtered view can be
linked. Without scripts every finding shows.
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
    page = f' <span class="page">page {loc.page}</span>' if getattr(loc, "page", None) else ""
    return (f'<figure class="place"><figcaption><span><span class="kind">{esc(loc.rendering)}'
            f'</span> <span class="section">{esc(loc.section or "(no section)")}</span>{page}'
            f'</span>'
            f'<code class="path">{where(loc.path, loc.line, loc.column)}</code></figcaption>'
            f"<blockquote>{marked(loc.excerpt, values)}</blockquote></figure>")


def finding(f: Finding, n: int, article: int) -> str:
    values: dict[str, int] = {}
    places = "".join(place(loc, values) for loc in f.locations)
    return (f'<div class="finding {esc(f.severity)}" id="f-{n}" data-rule="{esc(f.rule)}" '
            f'data-severity="{esc(f.severity)}" data-article="{article}">'
            f'<p class="message"><a class="anchor" href="#f-{n}" title="link to this finding">'
            f'#</a> {esc(f.message)}</p><div class="places">{places}</div></div>')


def rule_group(findings: list[Finding], rules: dict, number: dict, article: int) -> str:
    f0 = findings[0]
    rule = rules.get(f0.rule)
    summary = f'<p class="summary">{esc(rule.summary)}</p>' if rule else ""
    count = f'<span class="muted">{len(findings)} finding{"s" if len(findings) > 1 else ""}</span>'
    return (f'<section class="rule"><h3><span class="badge {esc(f0.severity)}">'
            f"{esc(f0.severity)}</span><span>{esc(f0.rule)} {esc(f0.name)}</span>{count}</h3>"
            f'{summary}{"".join(finding(f, number[id(f)], article) for f in findings)}</section>')


def by_rule(findings: list[Finding], rules: dict, number: dict, article: int = 0) -> str:
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[f.rule].append(f)
    order = {s: i for i, s in enumerate(SEVERITY_ORDER)}
    rank = lambda fs: (min(order.get(f.severity, 9) for f in fs), fs[0].rule)  # noqa: E731
    if not groups:
        return '<p class="none">No findings.</p>'
    return "".join(rule_group(fs, rules, number, article)
                   for fs in sorted(groups.values(), key=rank))


def meta(article: Article, attr: str) -> str | None:
    return next((getattr(r.meta, attr).text for r in article.renderings
                 if getattr(r.meta, attr) is not None), None)


def article_section(i: int, article: Article, findings: list[Finding], rules: dict,
                    number: dict) -> str:
    title, doi = meta(article, "title"), meta(article, "doi")
    renderings = "".join(f'<li><span class="kind">{esc(r.kind)}</span> <code class="path">'
                         f"{esc(r.path)}</code></li>" for r in article.renderings)
    doi_html = f"DOI <code>{esc(doi)}</code>" if doi else f"key <code>{esc(article.key)}</code>"
    return (f'<section class="card article" id="article-{i}"><h2>{esc(title or article.key)}</h2>'
            f'<p class="meta muted">{doi_html}</p><ul class="renderings">{renderings}</ul>'
            f"{by_rule(findings, rules, number, i)}</section>")


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


def filters(report: Report) -> str:
    """The filter bar: rule, severity, article, search (the script below applies them)."""
    if not report.findings:
        return ""
    rules = sorted({(f.rule, f.name) for f in report.findings})
    rule_opts = "".join(f'<option value="{esc(c)}">{esc(c)} {esc(n)}</option>' for c, n in rules)
    art_opts = "".join(f'<option value="{i}">{esc(meta(a, "title") or a.key)}</option>'
                       for i, a in enumerate(report.articles, 1))
    sev = "".join(f'<label><input type="checkbox" name="severity" value="{s}" checked> {s}'
                  f"</label>" for s in SEVERITY_ORDER)
    return ('<form class="filters" id="filters" role="search" onsubmit="return false">'
            f'<label>Rule <select name="rule"><option value="">all rules</option>{rule_opts}'
            f'</select></label><fieldset><legend>Severity</legend>{sev}</fieldset>'
            f'<label>Article <select name="article"><option value="">all articles</option>'
            f'{art_opts}</select></label><label>Search <input type="search" name="q" '
            'placeholder="words of a message or excerpt"></label>'
            f'<output id="shown">{len(report.findings)} of {len(report.findings)} findings shown'
            "</output></form>")


SCRIPT = """(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  function state() {
    var sev = Array.prototype.slice.call(form.querySelectorAll('input[name=severity]:checked'))
      .map(function (b) { return b.value; });
    return {rule: form.rule.value, article: form.article.value, q: form.q.value.toLowerCase(),
            severity: sev};
  }
  function apply(save) {
    var s = state(), shown = 0;
    items.forEach(function (el) {
      var ok = (!s.rule || el.dataset.rule === s.rule) &&
        s.severity.indexOf(el.dataset.severity) >= 0 &&
        (!s.article || el.dataset.article === s.article) &&
        (!s.q || el.textContent.toLowerCase().indexOf(s.q) >= 0);
      el.hidden = !ok;
      if (ok) shown++;
    });
    document.querySelectorAll('section.rule, section.article').forEach(function (sec) {
      var any = sec.querySelector('.finding:not([hidden])');
      sec.hidden = sec.querySelector('.finding') ? !any : false;
    });
    document.getElementById('shown').textContent =
      shown + ' of ' + items.length + ' findings shown';
    if (save) {
      var parts = [];
      if (s.rule) parts.push('rule=' + encodeURIComponent(s.rule));
      if (s.severity.length < 3) parts.push('severity=' + s.severity.join(','));
      if (s.article) parts.push('article=' + s.article);
      if (s.q) parts.push('q=' + encodeURIComponent(form.q.value));
      history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname);
    }
  }
  var hash = location.hash.slice(1);
  if (hash && hash.indexOf('=') > 0) {
    hash.split('&').forEach(function (kv) {
      var k = kv.split('=')[0], v = decodeURIComponent(kv.slice(k.length + 1));
      if (k === 'severity') {
        form.querySelectorAll('input[name=severity]').forEach(function (b) {
          b.checked = v.split(',').indexOf(b.value) >= 0; });
      } else if (form[k]) { form[k].value = v; }
    });
  }
  form.addEventListener('input', function () { apply(true); });
  form.addEventListener('change', function () { apply(true); });
  apply(false);
})();"""


def header(report: Report, per_article: dict[str, list[Finding]]) -> str:
    toc = "".join(f'<li><a href="#article-{i}">{esc(meta(a, "title") or a.key)}</a> <span '
                  f'class="muted">— {len(per_article.get(a.key, []))} finding(s)</span></li>'
                  for i, a in enumerate(report.articles, 1))
    return (f'<header class="card"><h1>lintcase report</h1><p class="tool muted">lintcase '
            f"{esc(report.version)} · contradictions between and within the renderings of "
            f"{len(report.articles)} article(s)</p>{counts(report)}{rule_table(report)}"
            f'{filters(report)}<ol class="toc">{toc}</ol></header>')


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
    number = {id(f): n for n, f in enumerate(report.findings, 1)}
    sections = [article_section(i, a, per_article.get(a.key, []), rules, number)
                for i, a in enumerate(report.articles, 1)]
    orphans = [f for f in report.findings if f.article not in {a.key for a in report.articles}]
    if orphans:
        sections.append('<section class="card article" id="other"><h2>Other findings</h2>'
                        f"{by_rule(orphans, rules, number)}</section>")
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>lintcase report</title><style>{CSS}</style></head><body>"
            f'{header(report, per_article)}<main>{"".join(sections)}</main>'
            f"{errors_section(report)}<footer>Generated by lintcase {esc(report.version)}."
            f"</footer><script>{SCRIPT}</script></body></html>\n")
