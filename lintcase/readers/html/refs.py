"""The reference list of an HTML page -> Reference records.

Entries are found by the publisher table; identifiers come from the entry's links first
(doi.org, PubMed), then from its text. Authors, year, title, source, volume and pages are read
from the printed entry with patterns for the two styles seen on publisher pages: APA-like
("Boitani, L., and Ciucci, P. (1995). Title. Source 7, 49–72.") and Vancouver-like
("Emerson SB, Inger RF (2000) Title. Source 16:131–142.").
"""
from __future__ import annotations

import re
from urllib.parse import unquote

from ...model import Reference, Source
from .tree import Node, any_match, text_of

DOI = re.compile(r"\b(10\.\d{4,9}/\S+)")
DOI_LINK = re.compile(r"doi\.org/(10\.\d{4,9}/.+)$", re.I)
PMID_LINK = re.compile(r"(?:pubmed|entrez).*?(?:TermToSearch=|[?&]id=|list_uids=|pubmed/)(\d{1,9})\b"
                       r"|pubmed\.ncbi\.nlm\.nih\.gov/(\d{1,9})", re.I)
PMID_TEXT = re.compile(r"\bPMID:?\s*(\d{1,9})\b")
YEAR = re.compile(r"\(((?:1[5-9]|20)\d{2})[a-z]?\)\.?")
VOLUME_PAGES = re.compile(r"^(.*?)[\s.,]*\b(\d+)\s*(?:\(([^)]*)\))?\s*[:,]\s*"
                          r"([A-Za-z]?\d+(?:\s*[–—-]\s*[A-Za-z]?\d+)?)")
BOOK_PUBLISHER = re.compile(r"^[A-Z][\w .,'-]*:\s*[A-Z]")
APA_AUTHOR = re.compile(r"([^,]+?),\s*((?:[A-ZÀ-Þ][a-zà-ÿ]?\.[\s-]*)+)")


def iter_entries(roots: list[Node], prof: dict):
    """Reference entry elements in document order."""
    for root in roots:
        stack = [root]
        while stack:
            n = stack.pop()
            if any_match(prof["reference"], n):
                yield n
            elif any_match(prof["reference_list"], n):
                yield from (c for c in n.children if isinstance(c, Node))
            else:
                stack.extend(reversed([c for c in n.children if isinstance(c, Node)]))


def _anchor_ids(entry: Node) -> list[str]:
    return [v for n in entry.iter() for v in (n.get("id"), n.get("name")) if v]


def reference_ids(roots: list[Node], prof: dict) -> set[str]:
    """Every id a citation link may point at (#B12, #pone.0115884-Smith1)."""
    return {i for e in iter_entries(roots, prof) for i in _anchor_ids(e)}


def read_references(roots: list[Node], prof: dict, source: Source) -> list[Reference]:
    out = []
    for entry in iter_entries(roots, prof):
        label_node = next((n for n in entry.iter() if any_match(prof["reference_label"], n)), None)
        skip = lambda n: n is label_node or any_match(prof["reference_skip"], n)  # noqa: E731
        text = text_of(entry, source, skip)
        if not text.text:
            continue
        label = text_of(label_node, source).text.strip().rstrip(".") if label_node else ""
        ids = _anchor_ids(entry)
        out.append(Reference(text=text, label=label, ident=ids[0] if ids else "",
                             doi=_doi(entry, text.text), pmid=_pmid(entry, text.text),
                             **parse_entry(text.text)))
    return out


def _links(entry: Node) -> list[str]:
    return [unquote(n.get("href")) for n in entry.iter() if n.tag == "a" and n.get("href")]


def _doi(entry: Node, text: str) -> str:
    for n in entry.iter():
        if n.get("data-doi"):
            return n.get("data-doi").strip()
    for href in _links(entry):
        m = DOI_LINK.search(href)
        if m:
            return m.group(1).strip()
    m = DOI.search(text)
    return m.group(1).rstrip(".,;") if m else ""


def _pmid(entry: Node, text: str) -> str:
    for href in _links(entry):
        m = PMID_LINK.search(href)
        if m:
            return m.group(1) or m.group(2)
    m = PMID_TEXT.search(text)
    return m.group(1) if m else ""


def parse_entry(text: str) -> dict:
    """Best-effort fields of a printed entry; a field stays empty rather than being guessed."""
    text = re.sub(r"\s*doi:\s*\S+\s*$", "", text, flags=re.I)
    m = YEAR.search(text)
    if m is None:
        return {}
    rest = text[m.end():].strip()
    title, after = _title(rest)
    fields = {"authors": tuple(_authors(text[:m.start()])), "year": m.group(1), "title": title}
    vp = VOLUME_PAGES.match(after)
    if vp:
        fields.update(source=vp.group(1).strip(" .,"), volume=vp.group(2), pages=_dash(vp.group(4)))
    elif BOOK_PUBLISHER.match(after):  # "Title. City: Publisher." - the title is the book's
        fields.update(source=title, title="")
    else:  # a chapter: "in Book Title, eds ... (City: Publisher), 65–104."
        fields["source"] = re.split(r",\s*eds?\.?\s|\.\s|\s\(", after)[0].strip(" .,")
        pages = re.search(r"(?:pp?\.\s*|,\s*)([0-9]+\s*[–—-]\s*[0-9]+)\.?\s*$", after)
        fields["pages"] = _dash(pages.group(1)) if pages else ""
    return fields


def _dash(pages: str) -> str:
    """En dashes as hyphens, so pages compare with the JATS fpage-lpage form."""
    return re.sub(r"\s*[–—-]\s*", "-", pages)


def _title(rest: str) -> tuple[str, str]:
    """The title runs to the first sentence end (or closing quote for a chapter)."""
    if rest[:1] in "“\"":
        end = rest.find("”" if rest[0] == "“" else '"', 1)
        if end > 0:
            return rest[1:end].strip(" ,."), re.sub(r"^[,.\s]*(?:in\s+)?", "", rest[end + 1:])
    m = re.search(r"[.?!](?:\s+|$)", rest)
    if m is None:
        return rest.strip(), ""
    title = rest[:m.start() + (rest[m.start()] in "?!")]
    return title.strip(), rest[m.end():]


def _authors(part: str) -> list[str]:
    """'Surname Initials' strings; 'et al.' is dropped."""
    part = re.sub(r",?\s*et al\.?\s*$", "", part.strip()).strip(" ,")
    if APA_AUTHOR.match(part):
        part = re.sub(r"(?:,\s*|\s+)(?:and|&)\s+", ", ", part)
        return [f"{s.strip()} {i.strip()}".strip() for s, i in APA_AUTHOR.findall(part)]
    names = re.split(r",\s*|\s+(?:and|&)\s+", part)
    return [n.strip() for n in names if n.strip()]
