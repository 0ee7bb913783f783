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
from .common import PROSE, make_fact
from .sentences import boundaries
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
            firsts = frozenset(_TOKEN.findall(f)[0] for f in forms) \
                if all(f.isascii() and _TOKEN.match(f) for f in forms) else None
            out.append((data["category"], pattern, forms, firsts))
    return tuple(out)


@lru_cache(maxsize=None)
def words_of(category: str) -> frozenset[str]:
    """Every word of the terms of a category ("lower", "left", "upper" ...), lower case."""
    return frozenset(w for c, _, forms, _ in _vocabularies() if c == category
                     for form in forms for w in form.split())


def categories() -> list[str]:
    return [c for c, _, _, _ in _vocabularies()]


# A text in which a term's first word may not be one of its lower-cased words: combining marks,
# and the four letters that IGNORECASE matches to ASCII ones (İ, ı, ſ, the Kelvin sign).
_INEXACT = re.compile("[\u0300-\u036f\u0130\u0131\u017f\u212a]")
_TOKEN = re.compile(r"[^\W_]+")


def extract(rendering: Rendering) -> list[Fact]:
    """Each category's pattern runs over a block only when one of the block's words is the
    first word of one of its terms (a set lookup, where the pattern tries every offset)."""
    out = []
    vocabularies = _vocabularies()
    for block in rendering.blocks:
        if block.kind not in PROSE:
            continue
        text, starts = block.text.text, None
        words = None if _INEXACT.search(text) else set(_TOKEN.findall(text.lower()))
        for category, pattern, forms, firsts in vocabularies:
            if words is not None and firsts is not None and words.isdisjoint(firsts):
                continue
            for m in pattern.finditer(text):
                starts = starts or boundaries(rendering, text)
                value = Term(category, forms[m.group().lower()])
                out.append(make_fact(rendering, block, starts, "term", value, m.start(), m.end()))
    return out
