"""JATS funding, contribution and correspondence metadata -> the matching `Meta` fields.

Funding: the funder names of `<funding-group>` (the `<institution>` of each `<funding-source>`,
else its text without the registry identifier) and every funding statement: `<funding-statement>`,
a footnote typed as a financial disclosure, or a section or footnote group titled "Funding".
Contributions: footnotes typed `con` and sections titled "Author(s') contribution(s)". Roles: the
CRediT `<role>` elements of each author. Correspondence: the authors marked `corresp="yes"` or
linked to a `<corresp>` note, and the e-mail addresses of the correspondence notes.
"""
from __future__ import annotations

import re

from ...model import Source, verbatim_text
from .text import text_of
from .xmltree import Node

_FUNDING_TITLE = re.compile(r"\s*(?:\d+\.?\s*)?(?:funding|financial (?:support|disclosure)|"
                            r"sources? of (?:funding|support)|grant support|support)\b", re.I)
_FUNDING_FN = {"financial-disclosure", "funding", "supported-by", "funding-information"}
_CONTRIB_TITLE = re.compile(r"\s*(?:\d+\.?\s*)?authors?[’'`]?s?[’']?\s+contributions?\b", re.I)
_TITLED = ("sec", "notes", "fn-group", "fn", "ack", "boxed-text")
_REGISTRY_ID = re.compile(r"(?:https?://(?:dx\.)?doi\.org/)?10\.13039/\S*")
_SKIP = frozenset({"title", "label", "institution-id"})


def authors(am: Node):
    """(contrib, name node) of every author, in the order the Meta lists them."""
    for group in am.findall("contrib-group"):
        for contrib in group.findall("contrib"):
            if contrib.get("contrib-type", "author") != "author":
                continue
            n = contrib.find("name", "collab", "string-name", "name-alternatives")
            if n is not None and n.tag == "name-alternatives":
                n = n.find("name", "string-name")
            if n is not None:
                yield contrib, n


def surnames(am: Node, source: Source):
    """The surname of each author ("" for a collaboration or an unsplit name)."""
    for _, n in authors(am):
        surname = n.find("surname") if n.tag in ("name", "string-name") else None
        yield text_of(surname, source).text if surname is not None else ""


def funders(am: Node, source: Source):
    for fg in am.findall("funding-group"):
        for fs in fg.iter("funding-source"):
            inst = next(fs.iter("institution"), None)
            text = text_of(inst if inst is not None else fs, source, _SKIP)
            registry = _REGISTRY_ID.search(text.text)  # a funder id typed as named-content
            if registry:
                text = text.slice(0, registry.start()).strip()
            if text.text:
                yield text


def funding_statements(article: Node, source: Source):
    for n in article.iter("funding-statement"):
        yield text_of(n, source)
    for n in article.iter("fn"):
        if n.get("fn-type") in _FUNDING_FN:
            yield text_of(n, source, _SKIP)
    yield from _titled(article, source, _FUNDING_TITLE)


def contributions(article: Node, source: Source):
    for n in article.iter("fn"):
        if n.get("fn-type") == "con":
            yield text_of(n, source, _SKIP)
    for n in article.iter("sec"):
        if n.get("sec-type") == "author-contributions" and _title(n, source) is None:
            yield text_of(n, source, _SKIP)
    yield from _titled(article, source, _CONTRIB_TITLE)


def _title(n: Node, source: Source) -> str | None:
    t = n.find("title")
    return text_of(t, source).text if t is not None else None


def _titled(article: Node, source: Source, pattern: re.Pattern):
    """The text of each titled section-like element whose title matches (not its subsections,
    which are met on their own)."""
    for n in article.iter(*_TITLED):
        title = _title(n, source)
        if title is not None and pattern.match(title) and len(title) < 60:
            text = text_of(n, source, _SKIP | {"sec"})
            if text.text:
                yield text


def roles(am: Node, source: Source):
    """(author index, role) of every CRediT role."""
    for i, (contrib, _) in enumerate(authors(am)):
        for role in contrib.findall("role"):
            credit = role.get("vocab") == "credit" or "credit" in role.get("content-type") \
                or "credit" in role.get("vocab-identifier")
            if not credit:
                continue
            text = text_of(role, source)
            term = role.get("vocab-term") or role.get("content-type")
            if not text.text and term:  # <role content-type=".../writing-original-draft/"/>
                at = source.text.find(term, role.offset)
                text = verbatim_text(source, at, at + len(term)) if at != -1 else text
            yield i, text


def corresponding(am: Node, source: Source):
    """Names of the authors marked as corresponding."""
    for contrib, name in authors(am):
        marked = contrib.get("corresp") == "yes" or any(
            x.get("ref-type") == "corresp" for x in contrib.iter("xref"))
        if marked:
            yield name


def emails(am: Node, source: Source):
    """E-mail addresses of the correspondence notes and of the corresponding authors."""
    seen = set()
    places = list(am.iter("corresp"))
    places += [c for c, _ in authors(am) if c.get("corresp") == "yes"]
    for notes in am.iter("author-notes"):
        places += [fn for fn in notes.iter("fn") if "correspond" in text_of(fn, source).text.lower()]
    for place in places:
        for e in place.iter("email"):
            text = text_of(e, source)
            if text.text and text.text.lower() not in seen:
                seen.add(text.text.lower())
                yield text
