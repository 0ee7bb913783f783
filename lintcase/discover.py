"""Paths -> files -> renderings -> articles.

Files named on the command line are always read; in a folder, files with a rendering-like
extension are read (the format itself is then sniffed from the content). Pre-commit passes only
the changed files, so the siblings of each named file are read too: an edited article.xml is
still compared with the article.pdftotext.txt beside it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import Article, InputError, Rendering
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
    stem = path.name.split(".", 1)[0]
    return [f for f in candidates if f.name.split(".", 1)[0] == stem]


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
    """Renderings of one article grouped by DOI, else by normalised title.

    A rendering without a DOI joins the article whose title matches its own, so a PDF text that
    lost its DOI line still meets its XML.
    """
    by_key: dict[str, list[Rendering]] = {}
    titles: dict[str, str] = {}
    for r in renderings:
        key = article_key(r)
        if not key.startswith("doi:") and key.startswith("title:") and key[6:] in titles:
            key = titles[key[6:]]
        by_key.setdefault(key, []).append(r)
        if r.meta.title is not None:
            titles.setdefault(normal_title(r.meta.title.text), key)
    articles = [Article(k, tuple(v)) for k, v in by_key.items()]
    if named is not None:
        wanted = {str(p) for p in named}
        articles = [a for a in articles if any(r.path in wanted for r in a.renderings)]
    return sorted(articles, key=lambda a: a.renderings[0].path)
