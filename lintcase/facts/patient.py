"""The patient: age ("a 59-year-old woman", "aged 59 years", "59-yr-old") and sex.

These are facts about *the* patient of a case report, so the extractor leaves out what is
plainly someone else: a relative ("her 35-year-old sister"), a case from the literature (the
sentence cites, or says "reported", "described", "et al."), or a group ("patients aged 40–60
years"). Age is (unit, n) — "3-month-old" is ("month", 3) — so `durations.same_duration`
compares it; sex is "female" or "male", taken only from a noun that names the patient.
"""
from __future__ import annotations

import re

from ..model import Block, Fact, Rendering
from .common import make_fact, prose_blocks
from .durations import NUMBER, UNITS, number

_PERSON = (r"(?:woman|man|female|male|girl|boy|lady|gentleman|patient|infant|child|"
           r"neonate|newborn|adolescent|toddler|baby|individual|primigravida|multigravida)")
_SEX = {"woman": "female", "female": "female", "girl": "female", "lady": "female",
        "man": "male", "male": "male", "boy": "male", "gentleman": "male"}
# Up to three words may stand between the age and the noun: "a 59-year-old previously
# healthy Caucasian woman".
AGE = re.compile(
    rf"(?<![\w.-])(?P<n>{NUMBER})[\s-]*(?P<u>years?|yrs?|y|months?|mo|weeks?|days?)[\s-]*old\b"
    rf"(?P<rest>(?:[\s,-]+(?!(?:and|or|with|who|was|is|had|has|presented)\b)[\w-]+){{0,3}}?"
    rf"[\s-]+(?P<noun>{_PERSON})\b)?", re.IGNORECASE)
AGED = re.compile(rf"\b(?:aged|age:)\s+(?P<n>{NUMBER})\s*(?P<u>years?|yrs?|months?)\b"
                  r"(?!\s*(?:and|or|to|[-–])\s*\d)", re.IGNORECASE)
_SEX_PATIENT = re.compile(
    rf"\b(?:(?:the|our|this) patient,? (?:was|is) an? (?:[\w-]+ ){{0,3}}?(?P<n1>{_PERSON})"
    r"|\b(?:an?|the|our|this) (?:[\w-]+ ){0,2}?(?P<n2>female|male) patient)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:mother|father|sister|brother|daughter|son|husband|wife|partner|"
                       r"sibling|twin|parent|aunt|uncle|cousin|grandmother|grandfather|niece|"
                       r"nephew|relative|donor|spouse)s?\b", re.IGNORECASE)
_GROUP = re.compile(r"\b(?:patients|cases|subjects|participants|individuals|women|men|"
                    r"children|controls|participants?|respondents?|informants?|interviewees?)\b",
                    re.IGNORECASE)
# A sentence that cites, or says a case was reported, is about the literature, not this patient.
_ELSEWHERE = re.compile(r"\bet al\b|\b(?:reported|described|published) (?:by|in)\b|"
                        r"\b(?:was|were|been) (?:first |previously )?(?:reported|described|"
                        r"published)\b|\[\d+(?:\s*[,–-]\s*\d+)*\]|\(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\)")


def _may_state_age(text: str) -> bool:
    """A cheap test before the regexes: most paragraphs of an article state no age."""
    return "old" in text or "ged" in text or "age:" in text


def age(rendering: Rendering) -> list[Fact]:
    out = []
    for block, starts in prose_blocks(rendering):
        text = block.text.text
        if not _may_state_age(text):
            continue
        for pattern in (AGE, AGED):
            for m in pattern.finditer(text):
                n = number(m.group("n"))
                if n is None or _not_the_patient(block, starts, m):
                    continue
                if pattern is AGE and not m.group("noun"):
                    continue  # "a 3-year-old lesion", "10-day-old culture"
                u = m.group("u").lower().rstrip("s")
                unit = "year" if u == "y" else UNITS[u]
                end = text.index("old", m.end("u")) + 3 if pattern is AGE else m.end()
                out.append(make_fact(rendering, block, starts, "age", (unit, n), m.start(), end))
    return out


def sex(rendering: Rendering) -> list[Fact]:
    out = []
    for block, starts in prose_blocks(rendering):
        text, seen = block.text.text, set()
        found = [(m, "noun") for m in AGE.finditer(text)] if "old" in text else []
        if "atient" in text:
            found += [(m, "n1" if m.group("n1") else "n2") for m in _SEX_PATIENT.finditer(text)]
        for m, g in found:
            noun = (m.group(g) or "").lower()
            if noun not in _SEX or m.start(g) in seen or _not_the_patient(block, starts, m):
                continue
            seen.add(m.start(g))  # "a 40-year-old female patient" is read by both patterns
            out.append(make_fact(rendering, block, starts, "sex", _SEX[noun], m.start(g), m.end(g)))
    return out


def _not_the_patient(block: Block, starts: list[int], m: re.Match) -> bool:
    """A relative, a published case, or a group rather than the patient of this report."""
    text = block.text.text
    k = max(i for i, s in enumerate(starts) if s <= m.start())
    s0, s1 = starts[k], starts[k + 1] if k + 1 < len(starts) else len(text)
    near = text[max(s0, m.start() - 40):min(s1, m.end() + 25)]
    if _RELATIVE.search(near) or _GROUP.search(near):
        return True
    if any(s0 <= a < s1 for a, _ in block.citations):
        return True
    return bool(_ELSEWHERE.search(text[s0:s1]))
