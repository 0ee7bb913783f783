"""Metadata of plain-text renderings: the Meta fields (DOI, title, type, authors, affiliations,
dates, journal, keywords, correspondence e-mails) read from the front zone that `front` found,
the running heads and footers the reader dropped, and the first page.
"""
from __future__ import annotations

import re
from collections import Counter

from ...model import Meta, Source, Text, verbatim_text
from .drafts import KNOWN_HEADING
from .lines import Line, build_text, segments
from .names import AFF_MARK, AFFIL, AUTHOR

_DOI = re.compile(r"10\.\d{4,9}/[^\s\"<>]+")
_MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
_DATE = re.compile(
    r"\b(received|revised|accepted|published(?: online)?)\b\s*(?:[:：]\s*|on\s+)?"
    r"(?:(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})|([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})"
    r"|(\d{4})-(\d{2})-(\d{2}))", re.I)
_KEYWORDS = re.compile(r"key\s?words?\s*[:：]?\s*", re.I)


def read_meta(source: Source, info: dict, lines: list[Line], keep: list[bool], md: bool,
          body: list) -> Meta:
    front_lines = [ln for d in info["front"] for ln in d.lines]
    title = info["title"]
    ttext = build_text(source, segments(title.lines, title.trim), md).strip() if title else None
    return Meta(
        doi=_doi(source, front_lines, lines, keep),
        title=ttext,
        article_type=info["type"] or ("case-report" if ttext is not None and re.match(
            r"case\s+report", ttext.text, re.I) else ""),
        authors=_authors(source, info["authors"]),
        affiliations=tuple(a for d in info["affs"] for a in _affiliations(source, d, md)),
        dates=_dates(source, front_lines + [ln for ln in info["zone"] if ln not in front_lines]),
        journal=_journal(source, lines, keep),
        keywords=_keywords(source, info["front"], md),
        emails=_emails(source, lines),
        front=build_text(source, segments(info["zone"]), md) if info["zone"] else None,
    )


_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


_CORRESP = re.compile(r"correspond|✉|\be-?mail\b|^\s*\*", re.I)


def _emails(source: Source, lines: list[Line]) -> tuple[Text, ...]:
    """E-mail addresses of the first page's correspondence lines (a line saying
    "Correspondence", "E-mail", "✉" or starting with "*", or one of the two lines after it);
    the other addresses a first page lists are the other authors'."""
    page_end = source.text.find("\f")
    out, seen = [], set()
    for k, ln in enumerate(lines[:200]):
        if page_end != -1 and ln.start > page_end:
            break
        if not any(_CORRESP.search(x.text) for x in lines[max(0, k - 2):k + 1]):
            continue
        for m in _EMAIL.finditer(ln.text):
            e = m.group().rstrip(".")
            if e.lower() not in seen:
                seen.add(e.lower())
                out.append(verbatim_text(source, ln.start + m.start(), ln.start + m.start() + len(e)))
    return tuple(out)


def _doi(source: Source, front_lines: list[Line], lines: list[Line], keep: list[bool]):
    """The article's DOI: the one the front matter and running footers repeat most."""
    found: list[tuple[str, int]] = []
    # the front matter, the running heads/footers, and the top of the first page, where
    # publishers print the article's own DOI ("https://doi.org/…", "DOI 10.…")
    top = lines[:60]
    for ln in front_lines + [ln for ln, k in zip(lines, keep) if not k] + top:
        for m in _DOI.finditer(ln.text):
            doi = m.group().rstrip(".,;)]")
            found.append((doi, ln.start + m.start()))
    if not found:
        for ln in lines[:300]:
            m = re.search(r"\bdoi:\s*(10\.\d{4,9}/[^\s\"<>]+)", ln.text, re.I)
            if m:
                doi = m.group(1).rstrip(".,;)]")
                return verbatim_text(source, ln.start + m.start(1), ln.start + m.start(1) + len(doi))
        return None
    counts = Counter(d for d, _ in found)
    best = max(counts.values())
    doi, off = next((d, o) for d, o in sorted(found, key=lambda x: x[1]) if counts[d] == best)
    return verbatim_text(source, off, off + len(doi))


def _authors(source: Source, lines: list[Line]) -> tuple[Text, ...]:
    if not lines:
        return ()
    text = build_text(source, segments(lines))
    out = []
    for m in AUTHOR.finditer(text.text):
        if m.group().lower().startswith("and "):
            continue
        out.append(text.slice(m.start(), m.end()))
    return tuple(out)


def _affiliations(source: Source, d, md: bool) -> list[Text]:
    text = build_text(source, segments(d.lines, d.trim), md)
    s = text.text
    cuts = [m.end() for m in AFF_MARK.finditer(s) if m.group(1).isdigit()]
    starts = [m.start() for m in AFF_MARK.finditer(s) if m.group(1).isdigit()]
    if not cuts:
        return [text.strip()] if s.strip() else []
    out = []
    head = text.slice(0, starts[0]).strip()
    if AFFIL.search(head.text):
        # the first marker sat on a line of its own ("1" above the block): its affiliation
        # opens the block unmarked
        out.append(head.slice(0, len(head.text.rstrip(",; "))))
    for i, a in enumerate(cuts):
        b = starts[i + 1] if i + 1 < len(starts) else len(s)
        piece = text.slice(a, b).strip()
        piece = piece.slice(0, len(piece.text.rstrip(",; ")))
        if piece.text:
            out.append(piece)
    return out


def _dates(source: Source, lines: list[Line]) -> tuple[tuple[str, str, Text], ...]:
    out, seen = [], set()
    for ln in lines:
        for m in _DATE.finditer(ln.text):
            kind = m.group(1).lower().split()[0]
            iso = _iso(m)
            if iso and kind not in seen:
                seen.add(kind)
                a = ln.start + m.start(2 if m.group(2) else 5 if m.group(5) else 8)
                out.append((kind, iso, verbatim_text(source, a, ln.start + m.end())))
    return tuple(out)


def _iso(m: re.Match) -> str:
    if m.group(8):
        return f"{m.group(8)}-{m.group(9)}-{m.group(10)}"
    day, month, year = ((m.group(2), m.group(3), m.group(4)) if m.group(2)
                        else (m.group(6), m.group(5), m.group(7)))
    mon = _MONTHS.get(month[:3].lower())
    if not mon or not 1 <= int(day) <= 31:
        return ""
    return f"{year}-{mon:02d}-{int(day):02d}"


def _journal(source: Source, lines: list[Line], keep: list[bool]):
    """The journal named by the running footer ("Frontiers in Microbiology | www...")."""
    heads = Counter(ln.text.split(" | ")[0].strip() for ln, k in zip(lines, keep)
                    if not k and " | " in ln.text)
    if not heads:
        return None
    name = heads.most_common(1)[0][0]
    ln = next(ln for ln, k in zip(lines, keep) if not k and ln.text.startswith(name))
    return verbatim_text(source, ln.start, ln.start + len(name))


def _keywords(source: Source, front_drafts: list, md: bool) -> tuple[Text, ...]:
    for i, d in enumerate(front_drafts):
        m = _KEYWORDS.match(d.lines[0].text)
        if not m:
            continue
        lines, trim = d.lines, m.end()
        if m.end() >= len(d.lines[0].text) and len(d.lines) == 1 and i + 1 < len(front_drafts):
            lines, trim = front_drafts[i + 1].lines, 0
        k = next((i for i, ln in enumerate(lines) if i and KNOWN_HEADING.fullmatch(ln.text)), len(lines))
        text = build_text(source, segments(lines[:k], trim), md)  # not the heading after them
        out, a = [], 0
        for part in re.split(r"[,;·•]", text.text) + [None]:
            if part is None:
                break
            piece = text.slice(a, a + len(part)).strip()
            a += len(part) + 1
            if piece.text:
                out.append(piece.slice(0, len(piece.text.rstrip(". "))))
        return tuple(out)
    return ()
