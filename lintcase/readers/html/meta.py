"""Article metadata of an HTML page: Highwire ``citation_*`` / Dublin Core ``dc.*`` meta tags,
plus what only the page text shows (history dates, article type)."""
from __future__ import annotations

import re

from ...model import Meta, Source, Text, TextBuilder
from .tree import Node, any_match, attr_text, text_of

MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
DATE = (r"(\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}"
        r"|\d{4}[-/]\d{1,2}(?:[-/]\d{1,2})?|\d{4})")
HISTORY = re.compile(r"\b(Received|Revised|Accepted|Published(?: online)?)\s*:?\s*" + DATE, re.I)
HISTORY_KINDS = {"received": "received", "revised": "revised", "accepted": "accepted"}
# The first of these that the page has is its publication date. citation_online_date is last:
# Frontiers fills it with the acceptance date, not the date the article went online.
PUBLISHED = ("citation_publication_date", "citation_date", "dc.date", "prism.publicationdate",
             "citation_online_date")
DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/|info:doi/)", re.I)


def meta_index(root: Node) -> dict[str, list[Node]]:
    """<meta> elements by lower-cased name (or property), in document order."""
    out: dict[str, list[Node]] = {}
    for n in root.iter():
        if n.tag == "meta":
            for key in {n.get("name").lower(), n.get("property").lower()} - {""}:
                out.setdefault(key, []).append(n)
    return out


def meta_values(root: Node, *names: str) -> list[str]:
    index = meta_index(root)
    return [n.get("content") for name in names for n in index.get(name, ())]


class _Metas:
    def __init__(self, root: Node, source: Source):
        self.index, self.source = meta_index(root), source

    def all(self, *names: str) -> list[Text]:
        found = (attr_text(n, "content", self.source) for name in names
                 for n in self.index.get(name, ()))
        return [t for t in found if t is not None and t.text]

    def first(self, *names: str) -> Text | None:
        return next(iter(self.all(*names)), None)


def read_meta(root: Node, prof: dict, source: Source) -> Meta:
    m = _Metas(root, source)
    elocation = m.first("citation_firstpage", "prism.startingpage")
    if elocation is None:  # Frontiers gives its article number as citation_pages
        pages = m.first("citation_pages")
        elocation = pages if pages is not None and "-" not in pages.text else None
    return Meta(
        doi=_doi(m.first("citation_doi", "dc.identifier", "prism.doi", "bepress_citation_doi")),
        title=m.first("citation_title", "dc.title", "og:title") or _first_h1(root, source),
        article_type=_article_type(root, prof, source, m),
        authors=tuple(_name(t) for t in m.all("citation_author") or m.all("dc.creator")),
        affiliations=tuple(_unique(m.all("citation_author_institution"))),
        dates=tuple(_dates(root, prof, source, m)),
        journal=m.first("citation_journal_title", "prism.publicationname"),
        volume=m.first("citation_volume", "prism.volume"),
        elocation=elocation,
        keywords=tuple(_keywords(m.first("citation_keywords", "dc.subject"))),
        emails=tuple(m.all("citation_author_email")),
        corresp=tuple(_corresponding(root, source)),
    )


def _corresponding(root: Node, source: Source):
    """The authors a citation_author_email follows (Highwire gives each author's address
    right after the name)."""
    last = None
    for n in root.iter():
        if n.tag != "meta":
            continue
        name = n.get("name").lower()
        if name == "citation_author":
            last = attr_text(n, "content", source)
        elif name == "citation_author_email" and last is not None:
            yield _name(last)
            last = None


def _doi(t: Text | None) -> Text | None:
    if t is None:
        return None
    m = DOI_PREFIX.match(t.text)
    return t.slice(m.end(), len(t)).strip() if m else t


def _first_h1(root: Node, source: Source) -> Text | None:
    h1 = next((n for n in root.iter() if n.tag == "h1"), None)
    return text_of(h1, source) if h1 is not None else None


def _name(t: Text) -> Text:
    """'Range, Friederike' -> 'Friederike Range' (the order JATS readers give), source kept."""
    if t.text.count(",") != 1:
        return t
    i = t.text.index(",")
    surname, given = t.slice(0, i).strip(), t.slice(i + 1, len(t)).strip()
    if not given.text:
        return surname
    b = TextBuilder(t.source)
    b.extend(given)
    b.add(" ", t.source_offset(i), verbatim=False)
    b.extend(surname)
    return b.build()


def _unique(texts: list[Text]) -> list[Text]:
    seen: set[str] = set()
    out = []
    for t in texts:
        if t.text not in seen:
            seen.add(t.text)
            out.append(t)
    return out


def _keywords(t: Text | None) -> list[Text]:
    if t is None:
        return []
    sep = ";" if ";" in t.text else ","
    out, pos = [], 0
    for part in t.text.split(sep):
        piece = t.slice(pos, pos + len(part)).strip()
        pos += len(part) + 1
        if piece.text:
            out.append(piece)
    return out


def _article_type(root: Node, prof: dict, source: Source, m: _Metas) -> str:
    for n in root.iter():
        if any_match(prof["article_type"], n):
            text = " ".join(text_of(n, source).text.split())
            if text:
                return text
    t = m.first("citation_article_type", "dc.type", "prism.section")
    return t.text if t is not None else ""


def _dates(root: Node, prof: dict, source: Source, m: _Metas):
    published = next((t for name in PUBLISHED for t in m.all(name)), None)
    if published is not None and iso_date(published.text):
        yield "published", iso_date(published.text), published
    for n in root.iter():
        if any_match(prof["dates"], n):
            text = text_of(n, source)
            for h in HISTORY.finditer(text.text):
                iso = iso_date(h.group(2))
                kind = HISTORY_KINDS.get(h.group(1).lower(), "published")
                if iso:
                    yield kind, iso, text.slice(h.start(2), h.end(2))


def iso_date(s: str) -> str:
    """'24 July 2014', 'May 17, 2014', '2015/01/15', '2015' -> ISO at the precision given."""
    s = s.strip()
    m = re.fullmatch(r"(\d{4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?", s)
    if m:
        y, mo, d = m.groups()
    else:
        m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})", s) or \
            re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", s)
        if not m:
            return ""
        a, b, y = m.groups()
        d, name = (a, b) if a.isdigit() else (b, a)
        mo = str(MONTHS.get(name[:3].lower(), ""))
        if not mo:
            return ""
    if not mo or not 1 <= int(mo) <= 12:
        return y
    if not d or not 1 <= int(d) <= 31:
        return f"{y}-{int(mo):02d}"
    return f"{y}-{int(mo):02d}-{int(d):02d}"
