"""The fact kinds and their extractors, and the one entry point that runs each extractor once
per rendering (a leaf of the package, so the timeline can ask for dates without a cycle)."""
from __future__ import annotations

from ..model import Fact, Rendering
from . import (abbreviations, acronyms, citations, dates, durations, patient, quantities,
               spelled, spellings, staging, statistics, tables, terms, words)

EXTRACTORS = {
    "duration": durations.extract,
    "term": terms.extract,
    "words": words.words,
    "date": dates.extract,
    "relative": dates.relative,
    "day": dates.days,
    "age": patient.age,
    "age_at": patient.age_at,
    "sex": patient.sex,
    "pronoun": patient.pronouns,
    "quantity": quantities.extract,
    "abbreviation": abbreviations.extract,
    "spelling": spellings.extract,
    "spelled": spelled.extract,
    "acronym": acronyms.extract,
    "citation": citations.extract,
    "callout": citations.callouts,
    "statistic": statistics.statistics,
    "proportion": statistics.proportions,
    "interval": statistics.intervals,
    "breakdown": statistics.breakdowns,
    "sum": statistics.sums,
    "listed": statistics.listed,
    "mean": statistics.means,
    "share": tables.extract,
    "stage": staging.extract,
    "staging": staging.mentions,
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
