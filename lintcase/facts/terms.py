"""Vocabulary terms: words from small curated lists (vocab/*.yaml) -> value (category, term).

Each vocabulary file names a category and maps a canonical term to the ways it is written.
Users add categories by putting more files in a folder passed with `--vocab` (see add_folder).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Fact, Rendering
from .common import make_fact, prose_blocks
from .values import Term

VOCAB_DIRS: list[Path] = [Path(__file__).with_name("vocab")]


def add_folder(path: str | Path) -> None:
    path = Path(path)
    if path not in VOCAB_DIRS:
        VOCAB_DIRS.append(path)
        _vocabularies.cache_clear()
        words_of.cache_clear()


@lru_cache(maxsize=None)
def _vocabularies() -> tuple[tuple[str, re.Pattern, dict], ...]:
    out = []
    for folder in VOCAB_DIRS:
        for f in sorted(folder.glob("*.yaml")):
            data = yaml.safe_load(f.read_text(encoding="utf-8"))
            forms = {form.lower(): canon for canon, written in data["terms"].items()
                     for form in [canon, *written]}
            alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
            out.append((data["category"], pattern, forms))
    return tuple(out)


@lru_cache(maxsize=None)
def words_of(category: str) -> frozenset[str]:
    """Every word of the terms of a category ("lower", "left", "upper" ...), lower case."""
    return frozenset(w for c, _, forms in _vocabularies() if c == category
                     for form in forms for w in form.split())


def categories() -> list[str]:
    return [c for c, _, _ in _vocabularies()]


def extract(rendering: Rendering) -> list[Fact]:
    out = []
    vocabularies = _vocabularies()
    for block, starts in prose_blocks(rendering):
        text = block.text.text
        for category, pattern, forms in vocabularies:
            for m in pattern.finditer(text):
                value = Term(category, forms[m.group().lower()])
                out.append(make_fact(rendering, block, starts, "term", value, m.start(), m.end()))
    return out
