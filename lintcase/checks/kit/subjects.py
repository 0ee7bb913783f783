"""What one statement of a value, a term, a stage or a day is about, for `restated`: the
analyte a laboratory value names, or the content words around the statement (kit/around.py)."""
from __future__ import annotations

import re

from ...facts import labs, terms
from ...model import Fact
from .around import NUMBER_WORDS, content, sentence_bounds, same_subject as shared_words, \
    words_around
from .measures import dimension


def subject_key(f: Fact, options: dict, long_forms: dict):
    """(dimension, subject): the analyte's name, or the content words around the number (a
    day's too); for a term, (its vocabulary, the words around it but the vocabulary's)."""
    if f.kind == "staging":
        return f.value[:2]
    if f.kind == "term":
        if f.value.category not in options["categories"]:
            return None
        around = words_around(f, options["window"], terms.words_of(f.value.category), True,
                              long_forms)
        return (f.value.category, *around, _ordinals(f)) if around else None
    if f.kind == "duration" and not _span(f):
        return None  # a point in time ("10 days after the surgery", "at the 6-month recall")
    if f.kind in ("day", "duration"):
        label = f.kind  # a numbered day of the course ("on day 7"), a span ("for 3 months")
    else:
        subject, n, unit, _ = f.value
        dim = dimension(unit)
        if dim is None or dim[0] == "percent":
            return None
        if options["subject"] == "analyte":
            analyte = labs.analyte_of(subject) if subject and not isinstance(n, tuple) else None
            if analyte is None or dim[0] not in analyte.limits:
                return None  # a percentage or a pressure of something else ("fell by 20%")
            return dim[0], analyte.name
        label = dim[0]
    around = words_around(f, options["window"], long_forms=long_forms)
    if not around:
        return None
    return (label, *around, _ordinals(f), _counted(f) if f.kind == "quantity" else frozenset())


# A duration is a span of its own ("for 3 months", "a 3-month history of cough", "over a period
# of 12 weeks"), not a point in time counted from an event, which the words around it cannot
# tell apart from another event's ("1 day before initiating therapy", "10 days after surgery",
# "at the 6-month recall", "two years later").
_SPAN_BEFORE = re.compile(r"(?:\b(?:for|over|lasting|lasted|of)|\ban?)\s+$", re.I)
_POINT_AFTER = re.compile(r"^[\s-]*(?:later|earlier|ago|after|before|prior|post|following|"
                          r"since|from|into|recall|visit|follow-up|old|mark|time\s*point)\b", re.I)


def _span(f: Fact) -> bool:
    return bool(_SPAN_BEFORE.search(f.context)) and not _POINT_AFTER.match(f.after)


def _ordinals(f: Fact) -> frozenset:
    """The ordinals just around a statement, as written (an abbreviation's long form would
    push them out of the words around it): "the second MRI examination on day 8"."""
    near = content(f.context)[-6:] + content(f.after)[:4]
    return frozenset(_ORDINALS[w] for w in near if w in _ORDINALS)


# Ordinals tell events of one kind apart: "the second MRI" is not "the third MRI".
_ORDINALS = {w: i for i, ws in enumerate(
    ("first initial", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
     "ninth", "tenth", "final last")) for w in ws.split()}


# "after 3 cycles", "on 2 occasions", "three days later": a number and the word it counts.
_COUNTED = re.compile(r"\b(\d+|%s)\s+([^\W\d_]{3,})" % "|".join(w for w in NUMBER_WORDS
                                                                 if w != "zero"), re.I)


def _counted(f: Fact) -> frozenset:
    """(word, number) for each thing its sentence counts, the statement's own number and
    unit left out: "after 3 cycles ..., the tumour size was reduced to 6.1 cm" -> cycle 3."""
    text = f.block.text.text
    s0, s1 = sentence_bounds(f)
    out = set()
    for part in (text[s0:f.start], text[f.end:s1]):
        for m in _COUNTED.finditer(part):
            word = m.group(2).lower().rstrip("s")
            if dimension(m.group(2)) is None:
                out.add((word, NUMBER_WORDS.get(m.group(1).lower(), m.group(1))))
    return frozenset(out)


def _counts_differ(a: frozenset, b: frozenset) -> bool:
    """Both sentences count one thing, with different numbers ("after 3 cycles" against
    "after 6 cycles"): two times or two events, not one statement."""
    words = {w for w, _ in a} & {w for w, _ in b}
    return any({n for w2, n in a if w2 == w}.isdisjoint({n for w2, n in b if w2 == w})
               for w in words)


def same_subject(a, b, options: dict) -> bool:
    if a[0] != b[0]:
        return False
    if len(a) > 3 and a[3] and b[3] and not a[3] & b[3]:
        return False  # "the second MRI" and "the third MRI"
    if len(a) > 4 and _counts_differ(a[4], b[4]):
        return False  # "after 3 cycles" and "after 6 cycles"
    if options["subject"] == "analyte" or options["facts"] == "staging":
        return a == b
    if options["facts"] == "term" and a[2] != b[2]:
        return False  # a term's subject is the word it qualifies: "the left [kidney]"
    return shared_words(a[1:], b[1:], options["min_shared"])
