"""A case-section term that stands alone against the rest of the case (for `restated`): the
odd copy among several statements of one subject, and a side opposite to every other
statement of the word it qualifies."""
from __future__ import annotations

import re

from ...facts.registry import facts
from ...model import Fact
from .measures import place, same
from .slots import cites
from .subjects import same_subject


def odd_one_out(g: Fact, group: list[Fact], body: list[Fact], keyed: dict, options: dict):
    """The statements g contradicts: it states with another term what the abstract or a
    caption and two other statements of the case section do (None when it does not)."""
    def alike(a, b):  # more words in common than for the abstract's own comparison
        return a is not b and same_subject(keyed[id(a)], keyed[id(b)], options) and \
            len(keyed[id(a)][1] & keyed[id(b)][1]) > options["min_shared"]
    summary = [f for f in group if place(f) in options["places"] and alike(f, g)]
    if not summary or any(same(f, g) for f in summary):
        return None
    backing = [h for h in body if alike(g, h) and any(same(h, f) for f in summary)]
    if len(backing) > 1 and not any(same(h, g) for h in body if alike(g, h)):
        return summary + backing
    return None


# Words that make a side's statement another organ's or a normal finding, not the lesion's:
# "no lump in the left breast", "both hands", "the contralateral kidney was normal", "the right
# artery was also thickened".
_ASIDE = re.compile(r"\b(?:no|not|without|both|either|normal|unremarkable|intact|free|"
                    r"contralateral|opposite|other|also|too|as well)\b", re.I)


def opposite_side(r, g: Fact, group: list[Fact], keyed: dict, other: str, options: dict):
    """g gives a side whose word ("the left [foot]") every other statement of the patient,
    the abstract's or a caption's among them, gives the opposite side, at least twice; its
    sentence names no other term of the vocabulary, no normal or contralateral finding and
    no reference. The statements it contradicts, or None."""
    peers = [h for h in group if h is not g and keyed[id(h)][0] == keyed[id(g)][0]
             and keyed[id(h)][2] == keyed[id(g)][2]]
    if len(peers) < 2 or any(h.value.form != other for h in peers) or \
            not any(place(h) in options["places"] for h in peers):
        return None
    sentence = g.context + g.surface + g.after
    if _ASIDE.search(sentence) or cites(sentence) or any(
            h.block is g.block and h.sentence == g.sentence and h.value != g.value
            for h in facts(r, "term") if h.value.category == g.value.category):
        return None
    return peers
