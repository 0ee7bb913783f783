"""restated: what the abstract or a caption states is among what the case section states of it.

Abstracts and captions restate the case's values, sides, stages and days. Each statement of
the `places` (`facts`: a quantity, a term, a stage or a numbered day) is looked for among the body's
statements of the same subject; it is reported when the body states that subject and never
alike (a value converted to its unit at the printed precision, kit/measures.py). The subject
is the analyte a laboratory value names (`subject: analyte`), the content words around the
statement (`words`, kit/around.py: "a 4.2 cm mass in the left lobe" and "the mass in the left
lobe measured 42 mm"), or for a stage its kind (a group, or a TNM of one prefix). Anything
stated at any time counts, since values and stages change over an illness; a subject the body
never states is compared between the abstract and the captions (a caption is not compared with
another: figures of two sides or two times are common) and is not reported when stated nowhere
else (missing, not contradicted). With `odd_one_out`, a body term is
also reported when it differs from the abstract's and another body statement's; with
`opposites`, a body side ("his left foot") is reported when every other statement of the same
word gives the other way ("the right foot", in a caption and twice in the case). Reports of
several patients are compared within each patient only.
"""
from __future__ import annotations

from ..facts.registry import facts
from ..model import Article, Fact, Location
from .kit.hit import Hit
from .kit.measures import extent, place, printed, same, span, text
from .kit.options import with_defaults
from .kit.odd import copied, examined, odd_one_out, side_reports
from .kit.slots import by_patient
from .kit.subjects import same_subject, subject_key

FIELDS = ("subject", "value", "others", "place", "elsewhere", "rendering")
OPTIONS = {
    "type": "object",
    "properties": {
        "case_reports_only": {"type": "boolean", "default": True,
                              "description": "Only case reports: a patient's values, not a "
                                             "study's."},
        "subject": {"enum": ["analyte", "words"], "default": "analyte",
                    "description": "How two statements are known to state one subject."},
        "places": {"type": "array", "items": {"enum": ["abstract", "caption"]},
                   "default": ["abstract"],
                   "description": "Where the values compared with the body's are stated."},
        "min_shared": {"type": "integer", "minimum": 1, "default": 2,
                       "description": "Content words two statements of one subject share."},
        "window": {"type": "integer", "minimum": 1, "default": 5,
                   "description": "Content words read on each side of the statement."},
        "facts": {"enum": ["quantity", "term", "staging", "day", "duration"],
                  "default": "quantity",
                  "description": "What is compared: quantities, vocabulary terms, numbered "
                                 "days or durations (subject `words`), or cancer stages (a "
                                 "stage group, or a TNM of one prefix, is one subject)."},
        "odd_one_out": {"type": "array", "items": {"type": "string"}, "default": [],
                        "description": "Vocabularies whose terms are also reported in the case "
                                       "section where one statement differs from the abstract "
                                       "or a caption and from the rest of the case section."},
        "opposites": {"type": "array", "default": [],
                      "items": {"type": "array", "items": {"type": "string"},
                                "minItems": 2, "maxItems": 2},
                      "description": "Pairs of terms that exclude each other outright (left, "
                                     "right): a case-section statement of one is also reported "
                                     "where every other statement of the word it qualifies, "
                                     "the abstract's or a caption's among them, gives the "
                                     "other."},
        "both_sides": {"type": "array", "items": {"type": "string"}, "default": [],
                       "description": "Terms that name both sides (bilateral): not compared "
                                      "where an examination's name follows ('bilateral breast "
                                      "ultrasonography revealed a mass' says what was looked "
                                      "at, not the side of the mass)."},
        "paired": {"type": "array", "items": {"type": "string"}, "default": [],
                   "description": "Organs of a pair, in the singular: a term of `both_sides` "
                                  "said of one of them ('her bilateral lung.', 'the dorsum of "
                                  "his bilateral hand') is compared like a side with the "
                                  "other statements of the organ, in any place."},
        "categories": {"type": "array", "items": {"type": "string"}, "default": [],
                       "description": "The vocabularies (facts/vocab) whose terms are "
                                      "compared."},
    },
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    if options["case_reports_only"] and not article.is_case_report:
        return
    kind = options["facts"]
    for r in article.renderings:
        long_forms = {v[1]: v[2] for v in reversed([f.value for f in facts(r, "abbreviation")])
                      if v[0] == "definition"} if options["subject"] == "words" else {}
        keyed = {id(f): k for f in facts(r, kind) if (k := subject_key(f, options, long_forms))}
        values = [f for f in facts(r, kind) if id(f) in keyed and not (
            kind == "term" and f.value.form in options["both_sides"] and examined(f))]
        for group in by_patient(article, values):
            yield from _compare(r, group, keyed, options)


def _compare(r, group: list[Fact], keyed: dict, options: dict):
    """`keyed`: each statement's (kind, subject ...), worked out once per rendering."""
    body = [g for g in group if place(g) not in options["places"]]
    summaries = [f for f in group if place(f) in options["places"]]
    seen, reported = set(), set()
    for f in summaries:
        others = [g for g in body if same_subject(keyed[id(f)], keyed[id(g)], options)]
        elsewhere = "the case section"
        if not others:  # the case section does not state it: the abstract against captions
            others = [g for g in summaries if place(g) != place(f) and
                      same_subject(keyed[id(f)], keyed[id(g)], options)]
            if all((id(g), id(f)) in reported for g in others):
                continue  # the pair is reported already, from its other side
            elsewhere = "a caption" if place(f) == "abstract" else "the abstract"
        copies = [g for g in body if keyed[id(g)][0] == keyed[id(f)][0] and copied(f, g)] \
            if f.kind == "quantity" and options["subject"] == "words" else []
        agree = [g for g in copies if same(f, g)]
        for g in (g for g in copies if agree and not same(f, g)):  # the odd copy of three
            reported.add((id(f), id(g)))
            yield _hit(r, g, [f, *agree], keyed, f"every other copy of its sentence (the "
                       f"{place(f)}'s too)")
        if copies and not agree:
            others, elsewhere = copies, "another copy of its sentence"
        if not others or any(same(f, g) for g in others):
            continue
        reported.update((id(f), id(g)) for g in others)  # each dimension of a size too
        if (size := (id(f.block), f.sentence, f.surface if f.kind != "quantity" else
                     tuple(extent(f)))) in seen:
            continue  # a size's dimensions are one statement, reported once
        seen.add(size)
        yield _hit(r, f, others, keyed, elsewhere)
    answered = {x for pair in reported for x in pair}  # statements a finding above shows
    for g in (g for g in body if g.kind == "term" and g.value.category in options["odd_one_out"]):
        if others := odd_one_out(g, group, body, keyed, options):
            answered.add(id(g))
            yield _hit(r, g, others, keyed, "the abstract or captions and the rest of the case "
                       "section")
    for g, others in side_reports(r, group, answered, keyed, options):
        yield _hit(r, g, others, keyed, "every other statement of it")


def _hit(r, f: Fact, others: list[Fact], keyed: dict, elsewhere: str) -> Hit:
    key = keyed[id(f)]
    shown = list(dict.fromkeys(text(g) for g in others))
    where = list(dict.fromkeys(Location.at(r, h.block.text, *span(h), h.block.section_name)
                               for h in (f, *others[:4])))  # a size's dimensions: one place
    name = " ".join(key) if f.kind == "staging" else key[1] if isinstance(key[1], str) \
        else ", ".join(sorted(key[1] & keyed[id(others[0])][1]))
    return Hit(tuple(where), {"subject": name, "value": text(f),
                              "others": ", ".join(f"«{s}»" for s in shown[:5]),
                              "place": "case section" if place(f) == "body" else place(f),
                              "elsewhere": elsewhere, "rendering": r.kind},
               evidence=f"{name}:{printed(f.value[1])}:{f.value[2]}" if f.kind == "quantity"
               else f"{name}:{f.value[-1]}")
