"""lab-values: a laboratory value the abstract gives is among the values the case states.

A case report's abstract restates the patient's decisive laboratory values from the case
section. Each quantity of the abstract whose subject names an analyte of facts/analytes.yaml is
looked for among the values of that analyte stated outside the abstract (paragraphs, captions,
table rows): in the same dimension, converted to the abstract's unit and rounded to the
abstract's printed precision ("creatinine 2 mg/dL" matches 1.96 mg/dL and 173 µmol/L is not
compared, mass against molar). The value is reported when the rest of the article states the
analyte in that dimension and never with this value: one of the two was changed. Values change
over a course of illness, so a value found at any time counts as a match; an analyte the case
states nowhere else is not reported (that is a missing value, not a contradiction). Ranges,
percentages of another quantity and values of several patients are left alone.
"""
from __future__ import annotations

import re

from ..facts import labs
from ..facts.registry import facts
from ..model import Article, Fact, Location
from .kit.hit import Hit
from .kit.options import PATIENTS_ONLY, with_defaults
from .kit.slots import by_patient

FIELDS = ("analyte", "value", "others", "rendering")
OPTIONS = PATIENTS_ONLY
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    if options["case_reports_only"] and not article.is_case_report:
        return
    for r in article.renderings:
        lab = {id(f): found for f in facts(r, "quantity") if (found := _lab(f))}
        values = [f for f in facts(r, "quantity") if id(f) in lab]
        for group in by_patient(article, values):
            yield from _compare(r, group, lab)


def _lab(f: Fact):
    subject, n, unit, _ = f.value
    if not subject or isinstance(n, tuple):
        return None
    analyte = labs.analyte_of(subject)
    base = labs.base_value(1.0, unit)
    if analyte is None or base is None or base[0] not in analyte.limits:
        return None  # a percentage or a pressure of something else ("fell by 20%")
    return analyte, base[0]


def _compare(r, group: list[Fact], lab: dict):
    """`lab`: each quantity's (analyte, dimension), worked out once per rendering."""
    for f in (f for f in group if f.block.in_abstract):
        analyte = lab[id(f)][0]
        others = [g for g in group if not g.block.in_abstract and lab[id(g)] == lab[id(f)]]
        if not others or any(_same(f, g) for g in others):
            continue
        shown = list(dict.fromkeys(g.surface for g in others))
        where = [Location.at(r, h.block.text, h.start, h.end, h.block.section_name)
                 for h in (f, *others[:4])]
        yield Hit(tuple(where), {"analyte": analyte.name, "value": f.surface,
                                 "others": ", ".join(f"«{s}»" for s in shown[:5]),
                                 "rendering": r.kind},
                  evidence=f"{analyte.name}:{f.value[1]:g}:{f.value[2]}")


def _same(f: Fact, g: Fact) -> bool:
    """g's value, in f's unit and rounded to f's printed decimals, is f's (or the other way)."""
    return _matches(f, g) or _matches(g, f)


def _matches(f: Fact, g: Fact) -> bool:
    (_, a), (_, b) = labs.base_value(f.value[1], f.value[2]), labs.base_value(g.value[1],
                                                                              g.value[2])
    unit = labs.base_value(1.0, f.value[2])[1]
    m = _NUMBER.search(f.surface)
    decimals = len(m.group().replace(",", ".").partition(".")[2]) if m else 0
    return round(b / unit, decimals) == round(a / unit, decimals)
