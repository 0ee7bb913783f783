"""A case-section term that stands alone against the rest of the case (for `restated`): the
odd copy among several statements of one subject, and a side opposite to every other
statement of the word it qualifies."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from ...facts.registry import facts
from ...model import Fact
from .measures import place, same
from .copies import STOP
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


# A statement copied with its sentence: the same words, numbers included, just before and just
# after it. Number words read as digits ("three days later" is "3 days later").
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)?")
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}


def _tokens(text: str) -> list[str]:
    return [_NUMBER_WORDS.get(t, t) for t in _TOKEN.findall(text.lower())]


def copied(f: Fact, g: Fact, before: int = 5, after: int = 3) -> bool:
    """f and g are one statement written twice: the `before` words (and numbers) leading up
    to each are the same, and so are the `after` words that follow each; further out, words
    may be added or reworded ("after bilateral adnexectomy under laparoscopy three days
    later") but no number differs ("after 3 cycles, the tumour size was reduced to" is not
    "after 6 cycles, ...")."""
    a, b = _tokens(f.context)[::-1], _tokens(g.context)[::-1]  # outward from the statement
    c, d = _tokens(f.after), _tokens(g.after)
    if sum(len(t) > 3 and t not in STOP for t in a[:before] + c[:after]) < 3:
        return False  # "in T1 increased by ... compared with" says too little
    return len(a) >= before and len(b) >= before and a[:before] == b[:before] and \
        len(c) >= after and c[:after] == d[:after] and _numbers_kept(a, b) and \
        _numbers_kept(c, d)


def _numbers_kept(a: list[str], b: list[str]) -> bool:
    """No number of one sequence is changed, dropped or added in the other. Their ends may
    differ where one of them holds no number there (a sentence begins, or the 80 characters
    of a fact's context end): "The nonstimulated Tg ..." against "... 11,488 ng/ml, and
    nonstimulated Tg ..."; "3 cycles later, ..." against "6 cycles later, ..." differ."""
    def number(ts):
        return any(t[0].isdigit() for t in ts)
    ops = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if ops and ops[-1][2] == len(a) and ops[-1][4] == len(b) and \
            not (number(a[ops[-1][1]:]) and number(b[ops[-1][3]:])):
        ops.pop()
    return not any(number(a[i1:i2] + b[j1:j2]) for _, i1, i2, j1, j2 in ops)
