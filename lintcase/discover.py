"""Paths -> files -> renderings -> articles.

Files named on the command line are always read; in a folder, files with a rendering-like
extension are read (the format itself is then sniffed from the content). Pre-commit passes only
the changed files, so the siblings of each named file are read too: an edited article.xml is
still compared with the article.pdftotext.txt beside it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import grouping
from .model import InputError, Rendering
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


stem = grouping.stem


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


# Grouping renderings into articles lives in grouping.py; these names stay here for callers.
article_key, normal_title, group = grouping.article_key, grouping.normal_title, grouping.group
