"""exclusive: mutually exclusive vocabulary terms must not fill the same slot.

The terms come from one vocabulary category (facts/vocab/*.yaml): a tumour that invades the
"dermis" in the abstract and the "epidermis" in the case section is a contradiction. A sentence
that names several terms of the category at once ("dermis and subcutis") states a range and is
left out.
"""
from __future__ import annotations

from ..model import Article
from .kit.options import with_defaults
from .kit.slots import SLOT_OPTIONS, disagreement, slot_facts

FIELDS = ("slot", "value", "place", "others", "other", "other_place")

OPTIONS = {
    "type": "object",
    "properties": {"category": {"type": "string"}, **SLOT_OPTIONS},
    "required": ["category", "slot", "context"],
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    category = options["category"]
    found = slot_facts(article, "term", options, accept=lambda f: f.value.category == category)
    hit = disagreement(found, lambda a, b: a == b, lambda v: v[1], options["slot"])
    if hit:
        yield hit
