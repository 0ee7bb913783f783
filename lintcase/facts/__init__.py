"""Typed facts, extracted once per rendering and shared by every rule.

Each extractor is a function `extract(rendering) -> list[Fact]` registered under a fact kind.
Results are kept in the rendering's memo (renderings are immutable), so ten rules asking for
durations cost one extraction, and they go when the rendering goes.
"""
from __future__ import annotations

from ..model import Fact, Rendering
from . import (abbreviations, acronyms, citations, dates, durations, patient, quantities,
               spellings, terms, words)

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

def facts(rendering: Rendering, kind: str) -> list[Fact]:
    """All facts of one kind in a rendering (kept in the rendering's memo)."""
    key = ("facts", kind)
    found = rendering.memo.get(key)
    if found is not None:
        return found
    try:
        extractor = EXTRACTORS[kind]
    except KeyError:
        raise ValueError(f"unknown fact kind {kind!r}; known: {', '.join(sorted(EXTRACTORS))}")
    found = rendering.memo[key] = extractor(rendering)
    return found
