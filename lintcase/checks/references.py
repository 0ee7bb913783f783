"""references: the reference list says the same in every rendering of the article.

Entries of the structured rendering (JATS, else HTML) are paired with the other rendering's
entries by content — the share of their surnames, title, source and year words that the other
entry prints, with a bonus for an equal label or DOI — so a list numbered in one rendering and
alphabetical in another, or one with an entry more, still pairs. Each pair is then compared on
one field (`test`): the structured value is looked up in the other entry's printed text on
keys that ignore case, accents, punctuation and line-end hyphens, and a difference is reported
only when the other entry visibly prints another value (a surname with a letter changed, another
year, a DOI that differs in a character). `test: presence` reports an entry that one
rendering has and the other's whole text does not contain.
"""
from __future__ import annotations

import re

from ..facts import references as refs
from ..model import Article, Location, Rendering
from .kit import refcompare
from .kit.hit import Hit
from .kit.options import with_defaults
from .kit.prefer import PREFER_OPTION, by_preference

FIELDS = ("field", "value", "other", "label", "rendering", "other_rendering")
SECTION = "References"

OPTIONS = {
    "type": "object",
    "properties": {
        "test": {"enum": [*sorted(refcompare.COMPARE), "presence"],
                 "description": "Which field of paired entries is compared, or `presence` of "
                                "whole entries."},
        "report": {"type": "array", "items": {"enum": ["differs", "order", "diacritics"]},
                   "default": ["differs"],
                   "description": "Kinds of author difference: a changed spelling, another "
                                  "order, accents lost."},
        "prefer": PREFER_OPTION,
    },
    "required": ["test"],
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    order = [r for r in by_preference(article.renderings, options) if r.references]
    if len(order) < 2:
        return
    a = order[0]
    for b in order[1:]:
        pairs, ea, eb = _paired(article, a, b)
        if options["test"] == "presence":
            yield from _presence(a, b, pairs, ea, eb)
            continue
        compare = refcompare.COMPARE[options["test"]]
        report = set(options["report"])
        for x, y in pairs:
            for d in compare(x, y):
                if d.kind in report:
                    yield _hit(a, b, x, y, d)


def _paired(article: Article, a: Rendering, b: Rendering):
    """Entries of both renderings and their pairing, computed once for all the rules and kept
    in the article's memo (its renderings' paths name them within the article)."""
    key = ("references", a.path, b.path)
    hit = article.memo.get(key)
    if hit is None:
        ea = refs.entries(a, structured=a.kind in ("jats", "html"))
        eb = refs.entries(b, structured=False)
        hit = article.memo[key] = (refs.pair(ea, eb), ea, eb)
    return hit


def _hit(a: Rendering, b: Rendering, x, y, d) -> Hit:
    here = Location.at(a, x.ref.text, *d.a_span, SECTION)
    there = Location.at(b, y.ref.text, *d.b_span, SECTION)
    fields = {"field": d.field, "value": d.value, "other": d.other, "label": _label(x),
              "rendering": a.kind, "other_rendering": b.kind}
    return Hit((here, there), fields, evidence=f"{d.field} {d.kind} {d.value} {d.other}".lower())


def _label(e) -> str:
    return e.ref.label or (refs.surnames(e.ref)[:1] or [e.text[:30]])[0] + \
        (f" {e.ref.year}" if e.ref.year else "")


def _presence(a: Rendering, b: Rendering, pairs, ea, eb):
    """Entries of one rendering that the other's whole text does not hold."""
    by_a = {x.index: y for x, y in pairs}
    by_b = {y.index: x for x, y in pairs}
    keys_a, keys_b = refs.whole_text(a), refs.whole_text(b)
    for x in ea:
        if x.index not in by_a and not refs.present_in(x, keys_b, structured=True):
            near = _neighbour(by_a, x.index, eb)
            yield _missing(a, x, b, near)
    for y in eb:
        if y.index not in by_b and _looks_like_reference(y) and \
                not refs.present_in(y, keys_a, structured=False):
            near = _neighbour(by_b, y.index, ea)
            yield _missing(b, y, a, near)


def _neighbour(paired: dict, i: int, others: list):
    """The other rendering's entry where the missing one would stand: the partner of the
    nearest paired entry before it (else after it)."""
    before = [k for k in paired if k < i]
    after = [k for k in paired if k > i]
    k = max(before) if before else (min(after) if after else None)
    return paired[k] if k is not None else (others[0] if others else None)


# An entry opens with an author: "Morcatty, T. Q.," "Pinto FAS," "K. Zorina-Lichtenwalter,"
_OPENS = re.compile(r"(?:[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?,? (?:[A-Z]\.\s?|[A-Z]{1,3}\b)"
                    r"|(?:[A-Z]\.\s?-?)+ [A-Z][\w'’\-]+,)")


def _looks_like_reference(e) -> bool:
    """A whole entry: it opens with an author, has words for a title and a year (not the tail
    of an entry that a PDF's columns cut off, nor a "How to cite this article" line)."""
    words = [t for t in e.tokens if t.key.isalpha() and len(t.key) >= 3]
    return bool(_OPENS.match(e.text)) and len(words) >= 6 and any(
        t.key[:2] in ("19", "20") and len(t.key) == 4 for t in e.numbers)


def _missing(here_r: Rendering, e, there_r: Rendering, near) -> Hit:
    text = e.ref.text
    locs = [Location.at(here_r, text, 0, min(len(text), 80), SECTION)]
    if near is not None:
        locs.append(Location.at(there_r, near.ref.text, 0, min(len(near.ref.text), 40), SECTION))
    fields = {"field": "entry", "value": " ".join(text.text[:80].split()), "other": "",
              "label": _label(e), "rendering": here_r.kind, "other_rendering": there_r.kind}
    return Hit(tuple(locs), fields, evidence=" ".join(refs.fold(w) for w in text.text.split()[:12]))
