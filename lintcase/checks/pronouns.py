"""pronouns: the patient's sex, as the nouns give it, is the one the pronouns give.

A case report names its patient's sex with a noun ("a 59-year-old woman") once or twice, and
with a pronoun ("she", "her") in nearly every sentence of the case. A noun changed, or a
pronoun set for the wrong patient, leaves the two at odds. Within each patient (`by_patient`:
a report of one patient, or one case's section of several), where every noun gives one sex,
it is reported when no pronoun gives it and at least `min_pronouns` give the other, or when
one pronoun gives the other and at least `min_pronouns` give it ("his CT scan" of a woman
whose case says "she" throughout). Pronouns are read only where they can only be the
patient's (facts/patient: not in the introduction or discussion, not in a sentence naming
someone else or citing); two or more of each sex are not reported, since another person may
be meant.
"""
from __future__ import annotations

from ..model import Article
from .kit.hit import Hit
from .kit.options import PATIENTS_ONLY, with_defaults
from .kit.slots import location, patients, place

FIELDS = ("sex", "nouns", "place", "other", "count", "pronouns")
OPTIONS = {**PATIENTS_ONLY, "properties": {
    **PATIENTS_ONLY["properties"],
    "min_pronouns": {"type": "integer", "minimum": 1, "default": 3,
                     "description": "Pronouns of the other sex, with none of the nouns' sex, "
                                    "that make a finding; also the pronouns of the nouns' sex "
                                    "beside which one of the other is one."}}}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    for group in patients(article, ("sex", "pronoun"), options):
        nouns = [f for f in group if f.kind == "sex"]
        sexes = {f.value for f in nouns}
        if len(sexes) != 1:
            continue  # no noun, or nouns of both sexes (LC204's)
        sex = sexes.pop()
        pronouns = [f for f in group if f.kind == "pronoun"]
        own = sum(f.value[0] == sex for f in pronouns)
        # one of the other sex after a sentence naming someone else may be that person's
        other = [f for f in pronouns if f.value[0] != sex and not f.value[1]]
        pronouns = [f for f in pronouns if f.value[0] == sex or not f.value[1]]
        if not other or not own and len(other) < options["min_pronouns"] or \
                own and (len(other) > 1 or own < options["min_pronouns"]):
            continue  # agreeing, too few to tell, or mixed beyond one stray pronoun
        shown = list(dict.fromkeys(f.surface.lower() for f in other))
        which = f"all {len(other)}" if not own else f"1 of {len(pronouns)}"
        yield Hit((*(location(f) for f in other[:3]), *(location(f) for f in nouns)),
                  {"sex": sex, "nouns": ", ".join(dict.fromkeys(f"«{f.surface}»" for f in nouns)),
                   "place": ", ".join(dict.fromkeys(place(f) for f in nouns)),
                   "other": other[0].value[0], "count": which,
                   "pronouns": ", ".join(f"«{p}»" for p in shown)},
                  evidence=f"pronouns:{sex}:{which}")
