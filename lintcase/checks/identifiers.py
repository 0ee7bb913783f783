"""identifiers: the DOIs and PMIDs of a reference list are well-formed, plausible, and no entry
is listed twice.

`test` picks one test per rule: `doi-syntax` (a DOI is "10.", a registrant code, "/" and a
suffix without spaces, resolver prefixes or trailing punctuation), `pmid-syntax` (a PMID is a
number of one to eight digits), `pmid-year` (PMIDs are issued in increasing order, so a PMID
below the band of PMIDs issued around the reference's year was issued before the work existed; the bands are measured, see `lintcase/facts/pmid_years.csv`), `duplicate`
(two entries with the same DOI, PMID, or first author, year and title) and `shared-identifier`
(two different works, by first author and year, carrying the same DOI or PMID).
"""
from __future__ import annotations

import re

from rapidfuzz.distance import Indel

from ..facts import identifiers as ids
from ..facts.references import fold, surnames, where
from ..model import Article, Location
from .kit.hit import Hit
from .kit.options import with_defaults
from .kit.prefer import KINDS_IN_ORDER

ISBN = re.compile(r"97[89]-?\d{1,5}-?\d+-?\d+-?[\dX]")
FIELDS = ("label", "value", "reason", "year", "issued", "other", "key")
SECTION = "References"

OPTIONS = {
    "type": "object",
    "properties": {
        "test": {"enum": ["doi-syntax", "pmid-syntax", "pmid-year", "duplicate",
                                  "shared-identifier"]},
        "renderings": {"type": "array", "items": {"enum": KINDS_IN_ORDER},
                       "default": ["jats", "html"],
                       "description": "Renderings whose identifiers are checked (PDF text breaks "
                                      "DOIs across lines, so it is left out by default)."},
        "tolerance": {"type": "integer", "minimum": 0, "default": 2,
                      "description": "Years a PMID may lie outside its year's band (epub "
                                     "ahead of print, late indexing)."},
    },
    "required": ["test"],
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    kinds = set(options["renderings"])
    test = options["test"]
    for r in article.renderings:
        if r.kind not in kinds or not r.references:
            continue
        if test in ("duplicate", "shared-identifier"):
            yield from _duplicates(r, shared=test == "shared-identifier")
            continue
        for ref in r.references:
            found = _test(test, ref, options["tolerance"])
            if found:
                value, fields = found
                a, b = where(ref.text.text, value)
                loc = Location.at(r, ref.text, a, b, SECTION)
                fields = {"label": _label(ref), "value": value, **fields}
                yield Hit((loc,), fields, evidence=f"{test} {value}".lower())


def _test(test: str, ref, tolerance: int):
    if test == "doi-syntax" and ref.doi:
        reason = ids.doi_problem(ref.doi)
        return (ref.doi, {"reason": reason}) if reason else None
    if test == "pmid-syntax" and ref.pmid:
        reason = ids.pmid_problem(ref.pmid)
        return (ref.pmid, {"reason": reason}) if reason else None
    if test == "pmid-year" and ref.pmid.isdigit() and ref.year.isdigit():
        issued = ids.implausible(int(ref.pmid), int(ref.year), tolerance)
        return (ref.pmid, {"year": ref.year, "issued": issued}) if issued else None
    return None


def _label(ref) -> str:
    return ref.label or " ".join(filter(None, [(surnames(ref) or [""])[0], ref.year])) \
        or ref.text.text[:30]


def _duplicates(r, shared: bool):
    """Each entry that repeats an earlier one (or, with `shared`, that carries an earlier
    entry's DOI or PMID while naming another work), located at both."""
    seen: dict = {}
    for ref in r.references:
        for key, what in _keys(ref):
            first = seen.setdefault(key, ref)
            if first is ref:
                continue
            if shared == _same_work(first, ref):
                break  # the other test's business
            here = Location.at(r, ref.text, 0, min(len(ref.text), 60), SECTION)
            there = Location.at(r, first.text, 0, min(len(first.text), 60), SECTION)
            fields = {"label": _label(ref), "other": _label(first), "key": what,
                      "value": key[1]}
            yield Hit((here, there), fields, evidence=f"duplicate {key[1]}")
            break


def _same_work(a, b) -> bool:
    """One work, not two sharing an identifier: titles that agree (up to a typing slip), or,
    without both titles, the same first author and year. "Wang 1995a" and "Wang 1995b" with
    different titles are two works."""
    if a.title and b.title:
        return Indel.normalized_similarity(fold(a.title), fold(b.title)) >= 0.9
    na, nb = surnames(a)[:1], surnames(b)[:1]
    return bool(na and nb) and fold(na[0]) == fold(nb[0]) and (a.year == b.year or not a.year
                                                                or not b.year)


def _keys(ref):
    """What identifies an entry: its DOI, its PMID, its first author, year and title."""
    # a book's DOI ("10.1079/9781845938123.0000") is rightly shared by its chapters
    if ref.doi and not ids.doi_problem(ref.doi) and not ISBN.search(ref.doi):
        yield ("doi", ref.doi.lower()), "DOI"
    if ref.pmid.isdigit():
        yield ("pmid", ref.pmid.lstrip("0")), "PMID"
    title = fold(ref.title)
    names = surnames(ref)
    if len(title) >= 20 and names and ref.year:
        yield ("work", f"{fold(names[0])} {ref.year} {title}"), "first author, year and title"
