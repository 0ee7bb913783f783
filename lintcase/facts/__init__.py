"""Typed facts, extracted once per rendering and shared by every rule.

Each extractor is a function `extract(rendering) -> list[Fact]` registered under a fact kind.
Results are cached on the rendering (renderings are immutable), so ten rules asking for
durations cost one extraction.
"""
from __future__ import annotations

from ..model import Fact, Rendering
from . import (abbreviations, acronyms, citations, dates, durations, patient, quantities,
               sentences, spellings, terms, words)

EXTRACTORS = {
    "duration": durations.extract,
    "term": terms.extract,
    "words": words.words,
    "date": dates.extract,
    "relative": dates.relative,
    "age": patient.age,
    "sex": patient.sex,
    "quantity": quantities.extract,
    "abbreviation": abbreviations.extract,
    "spelling": spellings.extract,
    "acronym": acronyms.extract,
    "citation": citations.extract,
    "callout": citations.callouts,
}

_cache: dict[tuple[int, str], tuple[Rendering, list[Fact]]] = {}


def facts(rendering: Rendering, kind: str) -> list[Fact]:
    """All facts of one kind in a rendering (cached per rendering object)."""
    key = (id(rendering), kind)
    hit = _cache.get(key)
    if hit is not None and hit[0] is rendering:
        return hit[1]
    try:
        extractor = EXTRACTORS[kind]
    except KeyError:
        raise ValueError(f"unknown fact kind {kind!r}; known: {', '.join(sorted(EXTRACTORS))}")
    found = extractor(rendering)
    _cache[key] = (rendering, found)
    return found


def clear_cache() -> None:
    """Forget every rendering's facts and sentence starts (the caches hold the renderings and
    their blocks' texts alive until then)."""
    _cache.clear()
    sentences.clear_cache()
