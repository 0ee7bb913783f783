"""pronouns: the patient's sex, as the nouns give it, is the one the pronouns give.

A case report names its patient's sex with a noun ("a 59-year-old woman") once or twice, and
with a pronoun ("she", "her") in nearly every sentence of the case. A noun changed, or a
pronoun set for the wrong patient, leaves the two at odds. Within each patient (`by_patient`:
a report of one patient, or one case's section of several), where every noun gives one sex, no
pronoun gives it and at least `min_pronouns` pronouns give the other, the nouns are reported
with the pronouns. Pronouns are read only where they can only be the patient's (facts/patient:
not in the introduction or discussion, not in a sentence naming someone else or citing); a
single stray "he" among many "she" is not reported, since a relative or a clinician the
sentence leaves unnamed may be meant.
"""
from __future__ import annotations

from ..facts.registry import facts
from ..model import Article
from .kit.hit import Hit
from .kit.options import with_defaults
from .kit.slots import by_patient, location, place

FIELDS = ("sex", "nouns", "place", "other", "count", "pronouns")
OPTIONS = {
    "type": "object",
    "properties": {
        "case_reports_only": {"type": "boolean", "default": True,
                              "description": "Only case reports: a patient's pronouns."},
        "min_pronouns": {"type": "integer", "minimum": 1, "default": 3,
                         "description": "Pronouns of the other sex, with none of the nouns' "
                                        "sex, that make a finding."},
    },
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    if options["case_reports_only"] and not article.is_case_report:
        return
    found = [f for r in article.renderings for kind in ("sex", "pronoun") for f in facts(r, kind)]
    for group in by_patient(article, found):
        nouns = [f for f in group if f.kind == "sex"]
        sexes = {f.value for f in nouns}
        if len(sexes) != 1:
            continue  # no noun, or nouns of both sexes (LC204's)
        sex = sexes.pop()
        pronouns = [f for f in group if f.kind == "pronoun"]
        other = [f for f in pronouns if f.value != sex]
        if len(other) < options["min_pronouns"] or len(other) < len(pronouns):
            continue
        shown = list(dict.fromkeys(f.surface.lower() for f in other))
        yield Hit((*(location(f) for f in nouns), *(location(f) for f in other[:3])),
                  {"sex": sex, "nouns": ", ".join(dict.fromkeys(f"«{f.surface}»" for f in nouns)),
                   "place": ", ".join(dict.fromkeys(place(f) for f in nouns)),
                   "other": other[0].value, "count": str(len(other)),
                   "pronouns": ", ".join(f"«{p}»" for p in shown)},
                  evidence=f"pronouns:{sex}:{len(other)}")
