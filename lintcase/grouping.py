"""Renderings -> articles: which files are renderings of one article.

The evidence is the text itself. Two renderings of one article share most of their word
5-grams (measured on the 360 corpus folders: every true pair shares at least 36% of the smaller
rendering's sampled 5-grams, while renderings of different articles share at most 15%, mostly
journal boilerplate). Extracted metadata is weaker evidence: a PDF text's "title" is often a
running head ("Contents lists available at ScienceDirect", "Observational Study") and its DOI is
printed as a URL, split across lines, or belongs to a trial registration. So:

- renderings of different kinds whose texts share at least TEXT_ALONE of their 5-grams are one
  article, whatever their DOIs and titles say;
- files that share a folder and a name stem, a DOI or a title are one article when their texts
  overlap at least WITH_EVIDENCE (texts that do not overlap are never merged);
- a rendering with too little text to compare (an image-only PDF) joins on that evidence alone;
- an article holds at most one rendering of each kind, and pairs join strongest first.

A rendering left alone while its folder holds renderings of other kinds (which it could have
joined) is marked on its Article (`alone_beside`), so reports say so instead of silently linting it apart.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from pathlib import Path

from . import archives
from .model import KIND_RANK, Article, Rendering

TEXT_ALONE = 0.3
WITH_EVIDENCE = 0.1
MIN_GRAMS = 20  # fewer sampled 5-grams than this: too little text to judge by
SAMPLE = 4  # keep one 5-gram in SAMPLE, chosen by its content (the same in every rendering)
_WORD = re.compile(r"[^\W_]+")


def article_key(r: Rendering) -> str:
    if r.meta.doi is not None and r.meta.doi.text.strip():
        doi = r.meta.doi.text.strip().lower()
        return "doi:" + re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi)
    if r.meta.title is not None and r.meta.title.text.strip():
        return "title:" + normal_title(r.meta.title.text)
    return "file:" + r.path


def normal_title(title: str) -> str:
    t = unicodedata.normalize("NFKD", title).lower()
    return " ".join(re.findall(r"[a-z0-9]+", t))


def stem(path: str | Path) -> str:
    """The name before its first dot: "PMC123" for PMC123.xml and PMC123.pdf.txt (an archive
    member's own name: "PMC123" for bulk.tar.gz!PMC123.xml)."""
    return archives.name(str(path)).split(".", 1)[0]


def grams(r: Rendering) -> frozenset[int]:
    """A content-defined sample of the rendering's word 5-grams (as CRC-32 values): a gram is
    kept when its hash says so, so two renderings keep the same grams of a shared passage
    wherever it starts (a sample by position would depend on where each text begins)."""
    words = _WORD.findall(" ".join(b.text.text for b in r.blocks).lower())
    out = set()
    for i in range(len(words) - 4):
        h = zlib.crc32(" ".join(words[i:i + 5]).encode())
        if h % SAMPLE == 0:
            out.add(h)
    return frozenset(out)


def group(renderings: list[Rendering], named: set[Path] | None = None) -> list[Article]:
    ordered = sorted(renderings, key=lambda r: (KIND_RANK.get(r.kind, len(KIND_RANK)), r.path))
    home = {id(r): [r] for r in ordered}
    for _, a, b in sorted(_edges(ordered), key=lambda e: -e[0]):
        ga, gb = home[id(a)], home[id(b)]
        if ga is gb or {r.kind for r in ga} & {r.kind for r in gb}:
            continue
        ga.extend(gb)
        for r in gb:
            home[id(r)] = ga
    groups, seen = [], set()
    for r in ordered:
        g = home[id(r)]
        if id(g) not in seen:
            seen.add(id(g))
            groups.append(g)
    articles = [_article(g, groups) for g in groups]
    if named is not None:
        wanted = {str(p) for p in named}
        articles = [a for a in articles if any(r.path in wanted for r in a.renderings)]
    return sorted(articles, key=lambda a: a.renderings[0].path)


def _edges(rs: list[Rendering]):
    """(strength, a, b) for every pair of renderings that may be one article."""
    cache: dict[int, frozenset[int]] = {}

    def g(r):
        if id(r) not in cache:
            cache[id(r)] = grams(r)
        return cache[id(r)]

    for i, a in enumerate(rs):
        for b in rs[i + 1:]:
            if a.kind == b.kind:
                continue
            evidence = _evidence(a, b)
            ga, gb = g(a), g(b)
            if min(len(ga), len(gb)) < MIN_GRAMS:
                if evidence:
                    yield evidence, a, b
                continue
            shared = len(ga & gb) / min(len(ga), len(gb))
            if shared >= TEXT_ALONE or (evidence and shared >= WITH_EVIDENCE):
                yield evidence + shared, a, b


def _evidence(a: Rendering, b: Rendering) -> int:
    """How many of: the same folder and name stem, the same DOI, the same title."""
    same_file = archives.folder(a.path) == archives.folder(b.path) and stem(a.path) == stem(b.path)
    ka, kb = article_key(a), article_key(b)
    same_doi = ka.startswith("doi:") and ka == kb
    return int(same_file) + int(same_doi) + int(_titles_match(a, b))


def _titles_match(a: Rendering, b: Rendering) -> bool:
    if a.meta.title is None or b.meta.title is None:
        return False
    ta, tb = normal_title(a.meta.title.text), normal_title(b.meta.title.text)
    short, long_ = sorted((ta, tb), key=len)
    return len(short.split()) >= 4 and (long_ == short or long_.startswith(short + " "))


def _article(g: list[Rendering], groups: list[list[Rendering]]) -> Article:
    """The group as an Article, keyed by its most trustworthy rendering's DOI (else title)."""
    keys = [article_key(r) for r in g]  # g is in trust order: JATS, HTML, PDF, PDF text
    key = next((k for k in keys if k.startswith("doi:")), None) or \
        next((k for k in keys if k.startswith("title:")), keys[0])
    alone = ()
    if len(g) == 1:
        folder = archives.folder(g[0].path)
        alone = tuple(sorted(r.path for other in groups if other is not g for r in other
                             if archives.folder(r.path) == folder and r.kind != g[0].kind))
    return Article(key, tuple(sorted(g, key=lambda r: r.path)), alone_beside=alone)
