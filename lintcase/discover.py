"""Paths -> files -> renderings -> articles.

Files named on the command line are always read; in a folder, files with a rendering-like
extension are read (the format itself is then sniffed from the content). Pre-commit passes only
the changed files, so the siblings of each named file are read too: an edited article.xml is
still compared with the article.pdftotext.txt beside it.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import RENDERING_KINDS, Article, InputError, Rendering
from .readers import ReadError, read

CANDIDATE_SUFFIXES = {".xml", ".nxml", ".jats", ".html", ".htm", ".xhtml", ".txt", ".text",
                      ".md", ".markdown", ".pdf"}
SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox"}


@dataclass
class Inputs:
    files: list[Path]           # every file to read, in a stable order
    named: set[Path]            # the files the user asked about (their articles get reported)


def collect(paths: list[str], siblings: bool = True) -> tuple[Inputs, list[InputError]]:
    files: dict[Path, None] = {}
    named: set[Path] = set()
    errors = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(_walk(p)):
                files[f] = None
                named.add(f)
        elif p.is_file():
            files[p] = None
            named.add(p)
            if siblings:
                for f in _siblings(p):
                    files.setdefault(f, None)
        else:
            errors.append(InputError(str(p), 0, 0, "no such file or directory", "LC901"))
    return Inputs(sorted(files), named), errors


SMALL_FOLDER = 12  # a folder holding one article's renderings is small


def _siblings(path: Path) -> list[Path]:
    """Files that may be other renderings of the same article as `path`.

    In a small folder (an article's folder), every rendering-like file; in a large one (an
    archive of many articles side by side), only files sharing the name's stem
    ("PMC123.xml" and "PMC123.pdf.txt"), so one changed file does not make lintcase read the
    whole archive.
    """
    candidates = [f for f in sorted(path.parent.iterdir())
                  if f.is_file() and f.suffix.lower() in CANDIDATE_SUFFIXES]
    if len(candidates) <= SMALL_FOLDER:
        return candidates
    return [f for f in candidates if stem(f) == stem(path)]


def stem(path: Path) -> str:
    """The name before its first dot: "PMC123" for PMC123.xml and PMC123.pdf.txt."""
    return path.name.split(".", 1)[0]


def _walk(folder: Path):
    for f in folder.rglob("*"):
        if any(part in SKIP_DIRS or part.startswith(".") for part in f.relative_to(folder).parts):
            continue
        if f.is_file() and f.suffix.lower() in CANDIDATE_SUFFIXES:
            yield f


def load(inputs: Inputs) -> tuple[list[Rendering], list[InputError]]:
    renderings, errors = [], []
    for f in inputs.files:
        try:
            renderings.append(read(f))
        except ReadError as e:
            if f in inputs.named:  # a sibling we only peeked at is not the user's problem
                errors.append(InputError(e.path, e.line, e.column, e.reason, "LC901"))
    return renderings, errors


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


def group(renderings: list[Rendering], named: set[Path] | None = None) -> list[Article]:
    """Renderings of one article: same DOI, else the same title, else (in one folder) the same
    text.

    A PDF text whose DOI line was lost, or whose title ran on into the author line, still
    meets its XML: titles match when one is the other plus trailing words, and a rendering left
    alone is joined to the article in its folder whose prose shares most of its word 5-grams.
    """
    groups: list[list[Rendering]] = []
    for r in sorted(renderings, key=lambda r: (KIND_ORDER.get(r.kind, 9), r.path)):
        home = next((g for g in groups if _same_article(r, g)), None)
        if home is None:
            groups.append([r])
        else:
            home.append(r)
    groups = _join_by_text(groups)
    articles = [Article(article_key_of(g), tuple(sorted(g, key=lambda r: r.path))) for g in groups]
    if named is not None:
        wanted = {str(p) for p in named}
        articles = [a for a in articles if any(r.path in wanted for r in a.renderings)]
    return sorted(articles, key=lambda a: a.renderings[0].path)


KIND_ORDER = {kind: i for i, kind in enumerate(RENDERING_KINDS)}  # the most trusted first
SHARED_TEXT = 0.3  # share of a rendering's word 5-grams found in the other: same article


def article_key_of(group: list[Rendering]) -> str:
    keys = [article_key(r) for r in group]
    return next((k for k in keys if k.startswith("doi:")), None) or \
        next((k for k in keys if k.startswith("title:")), keys[0])


def _same_article(r: Rendering, group: list[Rendering]) -> bool:
    mine = article_key(r)
    for other in group:
        theirs = article_key(other)
        if mine.startswith("doi:") and theirs.startswith("doi:"):
            if mine == theirs:
                return True
            continue  # two different DOIs are two articles, whatever the titles say
        if _titles_match(r, other):
            return True
    return False


def _titles_match(a: Rendering, b: Rendering) -> bool:
    if a.meta.title is None or b.meta.title is None:
        return False
    ta, tb = normal_title(a.meta.title.text), normal_title(b.meta.title.text)
    short, long_ = sorted((ta, tb), key=len)
    return len(short.split()) >= 4 and (long_ == short or long_.startswith(short + " "))


def _join_by_text(groups: list[list[Rendering]]) -> list[list[Rendering]]:
    """A rendering alone in its group joins the group in its folder that shares its text."""
    alone = [g for g in groups if len(g) == 1]
    grams: dict[int, set] = {}

    def shared(a: Rendering, b: Rendering) -> float:
        ga = grams.setdefault(id(a), _grams(a))
        gb = grams.setdefault(id(b), _grams(b))
        return len(ga & gb) / max(1, min(len(ga), len(gb)))

    for g in alone:
        r = g[0]
        folder = os.path.dirname(r.path)
        best, score = None, 0.0
        for other in groups:
            if other is g or not other or all(os.path.dirname(o.path) != folder for o in other):
                continue
            if any(o.kind == r.kind for o in other):
                continue  # two files of one format are two articles, not two renderings
            if any(article_key(o).startswith("doi:") for o in other) and \
                    article_key(r).startswith("doi:"):
                # Different DOIs are different articles unless the title is the same and
                # most of the text is shared: then one rendering carries a mistyped DOI.
                if not any(_titles_match(r, o) for o in other):
                    continue
            s = max(shared(r, o) for o in other)
            if s >= SHARED_TEXT and s > score:
                best, score = other, s
        if best is not None:
            best.append(r)
            g.clear()
    return [g for g in groups if g]


def _grams(r: Rendering) -> set:
    words = re.findall(r"[^\W_]+", " ".join(b.text.text for b in r.blocks
                                              if b.kind in ("paragraph", "caption")).lower())
    return {" ".join(words[i:i + 5]) for i in range(0, max(0, len(words) - 4), 3)}
