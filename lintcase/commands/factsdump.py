"""What `lintcase facts PATH` and `lintcase facts --timeline PATH` print.

Rule writers need to see what the extractors found, with the words around each fact, before
they can write a `context:` regex; editors want the case's course in date order with the
place each date comes from. Both are pure functions of the paths, like the formatters: the
CLI only prints the string.
"""
from __future__ import annotations

import json

from .. import discover
from ..facts import EXTRACTORS, facts
from ..checks.kit.slots import CASE_SECTION, by_patient
from ..facts.timeline import Entry, build, direction, when
from ..facts.words import keys
from ..model import Article, Fact, excerpt

# Word tokens feed `align`; they are not statements, so the dump leaves them out.
DUMPED = tuple(k for k in EXTRACTORS if k != "words")


def _renderings(paths: list[str], siblings: bool):
    inputs, errors = discover.collect(list(paths), siblings=siblings)
    renderings, read_errors = discover.load(inputs)
    return renderings, errors + read_errors


def fact_record(f: Fact) -> dict:
    """One fact as JSON-ready data: tuples become lists, the span becomes path/line/column."""
    sp = f.span
    return {"kind": f.kind, "value": _plain(f.value), "surface": f.surface, "path": sp.path,
            "line": sp.line, "column": sp.column, "end_line": sp.end_line,
            "end_column": sp.end_column, "rendering": f.rendering.kind,
            "section": _place(f), "context": f.context, "after": f.after}


def _plain(v):
    if isinstance(v, (tuple, list)):
        return [_plain(x) for x in v]
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _place(f: Fact) -> str:
    b = f.block
    return f"{b.label} caption" if b.kind == "caption" and b.label else b.section_name or b.kind


def facts_json(paths: list[str], siblings: bool = False) -> str:
    """Every extracted fact of every rendering, grouped by rendering, as one JSON document."""
    renderings, errors = _renderings(paths, siblings)
    out = []
    for r in renderings:
        found = [f for kind in DUMPED for f in facts(r, kind)]
        found.sort(key=lambda f: (f.span.line, f.span.column, f.kind))
        out.append({"path": r.path, "kind": r.kind, "article": discover.article_key(r),
                    "history": [{"kind": k, "date": iso} for k, iso, _ in r.meta.dates],
                    "facts": [fact_record(f) for f in found]})
    return json.dumps({"renderings": out, "errors": [
        {"path": e.path, "line": e.line, "column": e.column, "reason": e.reason}
        for e in errors]}, ensure_ascii=False, indent=2)


def timeline_text(paths: list[str], siblings: bool = False) -> str:
    """The reconstructed timeline of each article: one per patient, in date order, one event a
    line, the renderings merged (an event the JATS and the PDF text both state is one line
    that names both), then the history dates."""
    renderings, errors = _renderings(paths, siblings)
    lines: list[str] = []
    for article in discover.group(renderings):
        lines += _article_timeline(article)
    lines += [f"{e.path}:{e.line}:{e.column}: {e.reason}" for e in errors]
    return "\n".join(lines) + "\n"


def _article_timeline(article: Article) -> list[str]:
    ranked = article.trusted()
    lines = [f"{article.key} — " + ", ".join(f"{r.path} ({r.kind})" for r in ranked)]
    entries = [e for r in ranked for e in build(r)]
    merged: dict[tuple, list[Entry]] = {}  # one event, every rendering that states it
    for e in entries:
        merged.setdefault(_event_key(e), []).append(e)
    first = {id(es[0]): es for es in merged.values()}
    for label, group in _patients(article, [es[0] for es in merged.values()]):
        events = sorted((first[id(e)] for e in group),
                        key=lambda es: (es[0].when is None, es[0].when.lo if es[0].when else 0))
        lines.append(f"  {label}")
        lines += ["    " + _line(es[0]) + _also(es[1:]) for es in events]
    history: dict[tuple, list[str]] = {}
    for r in ranked:
        for kind, iso, _ in r.meta.dates:
            history.setdefault((iso, kind), []).append(r.kind)
    if history:
        lines.append("  history")
    for (iso, kind), kinds in sorted(history.items()):
        w = when(iso)
        lines.append(f"    {w.show() if w else iso:<18} {'history':<9} article {kind} "
                     f"({', '.join(dict.fromkeys(kinds))})")
    if len(lines) == 1:
        lines.append("  (no dates)")
    return lines + [""]


def _patients(article: Article, entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """The entries of each patient, as the case-report rules tell patients apart."""
    if not entries:
        return []
    groups = by_patient(article, [e.fact for e in entries])
    if not groups:
        return [("patients (the report does not tell them apart)", entries)]
    if len(groups) == 1 and len(groups[0]) == len(entries):
        return [("the patient" if article.is_case_report else "events", entries)]
    owner = {id(f): k for k, g in enumerate(groups) for f in g}
    out = []
    for k, g in enumerate(groups):
        head = next((t for f in g for t in f.block.section if CASE_SECTION.search(t)),
                    f"patient {k + 1}")  # named only in its paragraphs: "The second case was"
        out.append((head, [e for e in entries if owner.get(id(e.fact)) == k]))
    rest = [e for e in entries if id(e.fact) not in owner]
    return out + ([("not given to one patient", rest)] if rest else [])


def _event_key(e: Entry) -> tuple:
    """One event in every rendering: its time and the words around it."""
    f = e.fact
    near = keys(f.context[-30:])[-3:] + keys(f.surface) + keys(f.after[:30])[:3]
    return (e.when.show() if e.when else "", e.origin, tuple(near))


def _also(others: list[Entry]) -> str:
    return "".join(f"; also {e.fact.rendering.kind} {e.fact.span.path}:{e.fact.span.line}:"
                   f"{e.fact.span.column}" for e in others)


def _line(e: Entry) -> str:
    """date, precision, how it was found, the words around it, and where it is written."""
    f = e.fact
    shown = e.when.show() if e.when else "undated"
    precision = e.when.precision if e.when else "-"
    how = ""
    if e.origin == "offset":
        unit, count, _ = f.value
        n = f"{'-' if direction(f) < 0 else '+'}{count:g} {unit}{'' if count == 1 else 's'}"
        bases = " or ".join(b.surface for b in e.bases) or "no dated anchor"
        how = f" [{bases} {n}" + (f"; stated {e.stated.surface}" if e.stated else "") + "]"
    words = excerpt(f.block.text.text, f.start, f.end, width=40)
    return (f"{shown:<18} {precision:<9} {words}{how}  "
            f"({f.span.path}:{f.span.line}:{f.span.column}, {_place(f)})")
