"""agree: a numeric fact slot has one value wherever it is stated, across sections and renderings.

Which facts fill the slot is decided by the words around them (`context`/`after` regexes), so
one rule covers "treated for 44 months" and "follow-up for 46 months". Values are compared after
normalisation: number words are numbers, and "2 years" equals "24 months".
"""
from __future__ import annotations

from ..facts import durations, quantities
from ..model import Article
from .kit.options import with_defaults
from .kit.slots import SLOT_OPTIONS, by_patient, disagreement, slot_facts

COMPARE = {"duration": (durations.same_duration, durations.show),
           "age": (durations.same_duration, durations.show),
           "sex": (lambda a, b: a == b, str),
           "quantity": (quantities.same_value, quantities.show)}

FIELDS = ("slot", "value", "place", "others", "other", "other_place")

OPTIONS = {
    "type": "object",
    "properties": {"fact": {"enum": sorted(COMPARE)}, **SLOT_OPTIONS},
    "required": ["fact", "slot", "context"],
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    same, show = COMPARE[options["fact"]]
    found = slot_facts(article, options["fact"], options)
    for group in by_patient(article, found) if options["per_patient"] else [found]:
        hit = disagreement(group, same, show, options["slot"])
        if hit:
            yield hit
