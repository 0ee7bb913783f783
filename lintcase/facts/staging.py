"""Cancer staging: a TNM classification and the stage group stated with it in one sentence.

"pT1cN2bM0 ... stage IIIA" -> ("IIIA", ("1", "2", "0")); "stage IV (T3N1M1)" ->
("IV", ("3", "1", "1")). Traps: "T2-weighted" (no N follows), "G2/M phase", "stage 2 of the
protocol" (an arabic stage only after "stage" with a TNM beside it), a grade ("grade 2").
"""
from __future__ import annotations

import re

from ..model import Fact, Rendering
from .common import make_fact, prose_blocks

TNM = re.compile(r"(?<![\w-])(?:[cpy]|yp|rp|yc)?T(?P<t>[0-4]|is|X)[a-d]?\d?(?:\s*\([^)]{1,6}\))?"
                 r"\s*[,/]?\s*(?:[cpy]|yp)?N(?P<n>[0-3]|X)[a-c]?(?:\s*\([^)]{1,12}\))?"
                 r"(?:\s*[,/]?\s*(?:[cpy]|yp)?M(?P<m>[01]|X)[a-c]?(?:\s*\([^)]{1,10}\))?)?(?![\w-])")
GROUP = re.compile(r"\bstage\s+(?P<g>IV|I{1,3}|0|[1-4](?![\d.]))(?P<sub>[A-C][1-3]?)?(?![\w])",
                   re.I)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def extract(rendering: Rendering) -> list[Fact]:
    """One fact per stage group that has a TNM classification in its sentence."""
    out = []
    for block, starts in prose_blocks(rendering):
        text = block.text.text
        bounds = [*starts, len(text)]
        for k in range(len(starts)):
            a, b = bounds[k], bounds[k + 1]
            tnms = list(TNM.finditer(text, a, b))
            groups = list(GROUP.finditer(text, a, b))
            if len(tnms) != 1 or len(groups) != 1:
                continue  # two classifications or two groups: which goes with which is unsaid
            t, g = tnms[0], groups[0]
            group = _ROMAN.get(g.group("g"), g.group("g").upper()) + (g.group("sub") or "").upper()
            value = (group, (t.group("t"), t.group("n"), t.group("m") or ""))
            lo, hi = min(t.start(), g.start()), max(t.end(), g.end())
            out.append(make_fact(rendering, block, starts, "stage", value, lo, hi))
    return out


# A stage group on its own: "stage IIIA", "FIGO stage IB1", "the final stage of the patient
# was IIIA". Roman numerals only: "stage 3" is as often a kidney injury or an exercise test's.
MENTION = re.compile(r"\b(?i:stage)\s+(?:(?:of\s+(?:the\s+)?(?:patient|disease|tumou?r)\s+)?"
                     r"(?:was|is)\s+)?(?P<g>IV|I{1,3})(?P<sub>[A-Ca-c][1-3]?)?"
                     r"(?![\w-]|\s*[–/]\s*I)")  # not a range: "stage I–II"


def mentions(rendering: Rendering) -> list[Fact]:
    """Each stage group and each TNM classification, on its own: ("group", "IIIA") or
    ("tnm", "p", "T1cN2bM0"): the prefix (c, p, yp ...) kept apart, since a clinical and a
    pathological classification may differ."""
    out = []
    for block, starts in prose_blocks(rendering):
        text = block.text.text
        for m in MENTION.finditer(text):
            value = ("group", "", m.group("g") + (m.group("sub") or "").upper())
            out.append(make_fact(rendering, block, starts, "staging", value,
                                 m.start("g"), m.end()))
        for m in TNM.finditer(text):
            prefix = re.match(r"[a-z]*", m.group()).group()
            plain = re.sub(r"(?<!\w)c(?=[NM])|(?:yp|[py])(?=[NM])", "", m.group()[len(prefix):])
            plain = re.sub(r"\([^)]*\)|[\s,/]", "", plain)
            out.append(make_fact(rendering, block, starts, "staging", ("tnm", prefix, plain),
                                 m.start(), m.end()))
    return out
