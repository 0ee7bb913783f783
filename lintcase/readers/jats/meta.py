"""JATS front matter and reference list -> Meta and Reference records."""
from __future__ import annotations

import re

from ...model import Meta, Reference, Source, Text, TextBuilder, verbatim_text
from ..text.refs import printed_fields
from . import people
from .text import text_of
from .xmltree import Node

DATE_KINDS = {"received": "received", "rev-recd": "revised", "revised": "revised",
              "accepted": "accepted", "epub": "published", "ppub": "published",
              "pub": "published", "epub-ppub": "published", "collection": "collection",
              "ecorrected": "corrected", "pmc-release": "pmc-release"}
MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def read_meta(front: Node, article: Node, source: Source) -> Meta:
    am = front.find("article-meta")
    jm = front.find("journal-meta")
    if am is None:
        return Meta(article_type=article.get("article-type"))
    t = lambda n: text_of(n, source) if n is not None else None  # noqa: E731
    doi = next((t(n) for n in am.findall("article-id") if n.get("pub-id-type") == "doi"), None)
    return Meta(
        doi=doi,
        title=t(am.path_find("title-group/article-title")),
        article_type=article.get("article-type"),
        authors=tuple(_people(am, source)),
        affiliations=tuple(_affiliations(am, source)),
        dates=tuple(_dates(am, source)),
        journal=t(jm.path_find("journal-title-group/journal-title") or jm.find("journal-title"))
        if jm is not None else None,
        volume=t(am.find("volume")),
        elocation=t(am.find("elocation-id") or am.find("fpage")),
        keywords=tuple(t(k) for g in am.findall("kwd-group") for k in g.findall("kwd")),
        funding=tuple(_funding(am, source)),
        counts=tuple(_counts(am)),
        count_places=tuple(_count_places(am, source)),
        contents=tuple(_contents(article)),
        notes=tuple(_notes(am, source)),
        funders=tuple(people.funders(am, source)),
        funding_statements=tuple(people.funding_statements(article, source)),
        contributions=tuple(people.contributions(article, source)),
        roles=tuple(people.roles(am, source)),
        corresp=tuple(_name(n, source) for n in people.corresponding(am, source)),
        emails=tuple(people.emails(am, source)),
        surnames=tuple(people.surnames(am, source)),
    )


def _name(n: Node, source: Source) -> Text:
    """'Given Surname' from <name>, or the text of <collab>/<string-name>."""
    if n.tag != "name":
        return text_of(n, source)
    b = TextBuilder(source)
    given, surname = n.find("given-names"), n.find("surname")
    for i, part in enumerate(p for p in (given, surname) if p is not None):
        txt = text_of(part, source)
        if i and len(b):
            b.add(" ", txt.source_offset(0), verbatim=False)
        b.extend(txt)
    return b.build()


def _people(am: Node, source: Source):
    for _, n in people.authors(am):
        yield _name(n, source)


def _affiliations(am: Node, source: Source):
    for aff in list(am.iter("aff")):
        yield text_of(aff, source, frozenset({"label", "sup"}))


def _dates(am: Node, source: Source):
    nodes = [(n.get("date-type") or n.get("pub-type") or "pub", n) for n in am.findall("pub-date")]
    hist = am.find("history")
    if hist is not None:
        nodes += [(n.get("date-type"), n) for n in hist.findall("date")]
    for kind, n in nodes:
        iso = _iso(n, source)
        if iso:
            yield DATE_KINDS.get(kind, kind), iso, text_of(n, source)
    for n in am.iter("copyright-year"):  # the year the copyright line claims
        year = text_of(n, source)
        if year.text.strip().isdigit():
            yield "copyright", year.text.strip(), year


def _iso(n: Node, source: Source) -> str:
    part = lambda tag: (text_of(n.find(tag), source).text if n.find(tag) is not None else "")  # noqa
    year, month, day = part("year"), part("month"), part("day")
    if not year.isdigit():
        return n.get("iso-8601-date", "")
    month = str(MONTHS.get(month[:3].lower(), month))
    if not month.isdigit():
        return year
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day.isdigit() else "")


def _notes(am: Node, source: Source):
    for n in am.iter("permissions", "author-notes"):
        yield text_of(n, source)


def _funding(am: Node, source: Source):
    for fg in am.findall("funding-group"):
        for n in fg.iter("funding-source", "funding-statement"):
            yield text_of(n, source)


def _counts(am: Node):
    counts = am.find("counts")
    for c in counts.elements() if counts is not None else ():
        if c.get("count").isdigit():
            yield c.tag, int(c.get("count"))


# What each declared count counts; items inside these are not the article's own.
_COUNTED = {"fig-count": ("fig",), "table-count": ("table-wrap",),
            "equation-count": ("disp-formula",), "ref-count": ("ref",)}
_NOT_COUNTED = {"supplementary-material", "sub-article", "response"}


def _contents(article: Node):
    """How many figures, tables, display formulas and references the document holds."""
    left_out = [(n.index, n.end) for n in article.iter(*_NOT_COUNTED)]

    def own(n: Node) -> bool:
        return n is not article and not any(a <= n.index < b for a, b in left_out)
    return {name: sum(own(n) for tag in tags for n in article.iter(tag))
            for name, tags in _COUNTED.items()}.items()


def _count_places(am: Node, source: Source):
    counts = am.find("counts")
    for c in counts.elements() if counts is not None else ():
        if c.get("count").isdigit():  # the element's opening tag: it has no text of its own
            yield c.tag, verbatim_text(source, c.offset, c.offset + 1 + len(c.tag))


CITATION_TAGS = ("element-citation", "mixed-citation", "citation", "nlm-citation")


def read_references(back: Node, source: Source) -> list[Reference]:
    refs = []
    for ref in back.iter("ref"):
        cit = next((c for c in ref.iter(*CITATION_TAGS)), None)
        if cit is None:
            continue
        label = ref.find("label")
        refs.append(_reference(cit, source, text_of(label, source).text if label is not None else "",
                               ref.get("id")))
    return refs


_DOI_LINK = re.compile(r"(?:doi\.org/|doi:\s*)(10\.\d{4,9}/\S+)", re.I)


def _reference(cit: Node, source: Source, label: str, ident: str) -> Reference:
    found: dict = {}
    for n in cit.iter():
        found.setdefault(n.tag, n)
    # The entry's text is walked once; each tagged field is its element's stretch of it, white
    # space collapsed and trimmed as text_of gives it (a walk of each field cost as much again).
    marks: list = []
    whole = text_of(cit, source, builder=TextBuilder(source), marks=marks,
                    fields=cit.tag == "element-citation")
    stretch = {id(node): (a, b) for a, b, node in marks}

    def of(node: Node) -> str:
        a, b = stretch[id(node)]
        return whole.text[a:b].strip()

    def first(*tags):
        n = next((found[t] for t in tags if t in found), None)
        return " ".join(of(n).split()) if n is not None else ""

    ids = {n.get("pub-id-type"): of(n) for n in cit.iter("pub-id")}
    if "doi" not in ids:
        for link in cit.iter("ext-link", "uri"):
            href = link.get("href") or of(link)
            m = _DOI_LINK.search(href)  # doi.org/10.…, not a CiteSeerX "?doi=10.1.1.…"
            if m:
                ids["doi"] = m.group(1).strip()
    fpage, lpage = first("fpage"), first("lpage")
    pages = f"{fpage}-{lpage}" if fpage and lpage else (fpage or first("elocation-id"))
    names = list(_authors(cit, of))
    text = whole.strip()
    fields = {"authors": tuple(" ".join(n).strip() for n in names),
              "title": first("article-title", "chapter-title", "data-title"),
              "source": first("source"), "year": first("year")[:4], "volume": first("volume"),
              "pages": pages}
    if not names or not fields["year"]:
        # an entry typed as one string, in part or whole (<mixed-citation> with few or no
        # tags): the fields its tags do not give are read from the printed text
        printed = printed_fields(" ".join(text.text.split()))
        fields = {k: v or printed.get(k, v) for k, v in fields.items()}
    return Reference(
        text=text, label=label.strip().rstrip("."), surnames=tuple(s for s, _ in names if s),
        doi=ids.get("doi", ""), pmid=ids.get("pmid", ""), ident=ident, **fields)


def _authors(cit: Node, of):
    """(surname, given names) of each author; a collaboration or unsplit name has no surname.
    `of` gives an element's text."""
    groups = [g for g in cit.iter("person-group") if g.get("person-group-type", "author") == "author"]
    holders = groups or [cit]
    for g in holders:
        for n in g.elements():
            if n.tag in ("name", "string-name"):
                surname, given = n.find("surname"), n.find("given-names")
                s = of(surname) if surname is not None else of(n)
                gv = of(given) if given is not None else ""
                yield (s if surname is not None else ""), (gv if surname is not None else s)
            elif n.tag == "collab":
                yield "", of(n)
