"""The patient: age ("a 59-year-old woman", "aged 59 years", "59-yr-old") and sex.

These are facts about *the* patient of a case report, so the extractor leaves out what is
plainly someone else: a relative ("her 35-year-old sister"), a case from the literature (the
sentence cites, or says "reported", "described", "et al."), or a group ("patients aged 40–60
years"). Age is (unit, n) — "3-month-old" is ("month", 3) — so `durations.same_duration`
compares it; sex is "female" or "male", taken only from a noun that names the patient.
`pronoun` is the sex a third-person pronoun gives ("she", "his"), in a case report's own
sections only and in sentences that name no one else (and whether the sentence before does).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Block, Fact, Rendering
from .common import make_fact, prose_blocks
from .durations import NUMBER, UNITS, number
from .sentences import sentence_span

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


# An age at an event: "at the age of 57", "at age 28 years", "at 57 years of age", "since the
# age of 20". A range ("at the age of 40 to 60") is a group's, not the patient's.
_AGE_UNIT = r"(?:years?|yrs?|months?|weeks?|days?)"
# No range or compound age after the number, with or without its unit ("18 months to 2 years",
# "6 months and 2 weeks"): tested at the number, so the unit cannot be given up to pass it.
_NO_RANGE = rf"(?!\s*(?:{_AGE_UNIT}\b)?[\s-]*(?:and|or|to|[-–])\s*\d)"
AT_AGE = re.compile(
    rf"\b(?P<prep>at|since|from)\s+(?:(?:the\s+)?age\s+(?:of\s+)?(?P<n>{NUMBER})\b(?!\.\d)"
    rf"{_NO_RANGE}(?:\s*(?P<u>{_AGE_UNIT})\b)?(?!\s*(?:mos?|wks?|d|hrs?|h)\b)"
    rf"|(?P<n2>{NUMBER})[\s-]*(?P<u2>{_AGE_UNIT})\s+(?:of\s+age|old)\b)", re.IGNORECASE)
# A sentence in which "at the age of 57" is the age at which the patient came to this report's
# care: a verb of presentation, words that name this care ("our", "this", "to the hospital"),
# and no word that puts the event in the past or the future ("At the age of 12, she was seen
# by a pediatrician" is an earlier visit).
_PRESENTS = re.compile(r"\b(?:present(?:ed|s)|admitted|referred|hospitali[sz]ed|brought)\b",
                       re.IGNORECASE)
_THIS_CARE = re.compile(r"\b(?:our|us)\b|\bto the (?:hospital|emergency|clinic|department|"
                        r"outpatient)", re.IGNORECASE)
_NOT_NOW = re.compile(r"\b(?:ago|earlier|before|previous(?:ly)?|prior|first|initially|history|"
                      r"since|later|after|when|until|onset|diagnosed|born|birth|had|elsewhere|"
                      r"another|other|local|outside)\b", re.IGNORECASE)
# The years since an event: "10 years ago", "two years earlier", "3 years before admission",
# "eight years prior to presentation".
AGO = re.compile(
    rf"(?<![\w.-])(?P<n>{NUMBER})[\s-]*(?P<u>years?|yrs?|months?)\s+(?:ago|earlier|previously|"
    r"(?:before|prior\s+to)\s+(?:(?:the|this|her|his|current|present|our)\s+)*(?:admission|presentation|"
    r"visit|consultation|hospitali[sz]ation|referral))\b", re.IGNORECASE)


def _may_state_age(text: str) -> bool:
    """A cheap test before the regexes: most paragraphs of an article state no age."""
    return "old" in text or "age" in text or "Age" in text  # "aged", "Aged", "age:" too


def _unit(u: str | None) -> str:
    u = (u or "years").lower().rstrip("s")
    return "year" if u == "y" else UNITS[u]


def age(rendering: Rendering) -> list[Fact]:
    """The patient's age now: "a 59-year-old woman", "aged 59 years", "presented at the age of
    59". An age at another event is `age_at`'s."""
    return [f for f in _ages(rendering) if f.kind == "age"]


def age_at(rendering: Rendering) -> list[Fact]:
    """The patient's age at an event: "diagnosed at the age of 20", "since the age of 5", as
    (unit, n, since), since being the (unit, n) of "N years ago" (or "earlier", "before
    admission") when the sentence states one such span and one age, else None."""
    return [f for f in _ages(rendering) if f.kind == "age_at"]


def _ages(rendering: Rendering) -> list[Fact]:
    key = ("patient", "ages")
    if key not in rendering.memo:
        rendering.memo[key] = out = []
        for block, starts in prose_blocks(rendering):
            if _may_state_age(block.text.text):
                out += _block_ages(rendering, block, starts)
    return rendering.memo[key]


def _block_ages(rendering: Rendering, block: Block, starts: list[int]) -> list[Fact]:
    text, out = block.text.text, []
    for pattern in (AGE, AGED):
        for m in pattern.finditer(text):
            n = number(m.group("n"))
            if n is None or _not_the_patient(block, starts, m):
                continue
            if pattern is AGE and not m.group("noun"):
                continue  # "a 3-year-old lesion", "10-day-old culture"
            end = text.index("old", m.end("u")) + 3 if pattern is AGE else m.end()
            out.append(make_fact(rendering, block, starts, "age", (_unit(m.group("u")), n),
                                 m.start(), end))
    for m in AT_AGE.finditer(text):
        g = "n" if m.group("n") else "n2"
        n = number(m.group(g))
        s0, s1 = sentence_span(starts, m.start(), len(text))
        sentence = text[s0:s1]
        if n is None or _not_the_patient(block, starts, m) or _RELATIVE.search(sentence):
            continue  # "her mother had been diagnosed ... at the age of 52"
        unit = _unit(m.group("u") or m.group("u2"))
        if m.group("prep").lower() == "at" and _PRESENTS.search(sentence) \
                and _THIS_CARE.search(sentence) and not _NOT_NOW.search(sentence):
            out.append(make_fact(rendering, block, starts, "age", (unit, n), m.start(), m.end()))
            continue
        spans = list(AGO.finditer(sentence))
        since = None
        if len(spans) == 1 and len(AT_AGE.findall(sentence)) == 1 \
                and number(spans[0].group("n")) is not None \
                and _next_to(sentence, m.start() - s0, m.end() - s0, spans[0]):
            since = (_unit(spans[0].group("u")), number(spans[0].group("n")))
        out.append(make_fact(rendering, block, starts, "age_at", (unit, n, since),
                             m.start(), m.end()))
    return out


# Words that start another clause between an age and a span: the span is then another event's
# ("diagnosed with asthma at the age of 20, which worsened 2 years ago").
_CLAUSE = re.compile(r"\b(?:which|that|who|when|while|and|but|then|after|before|until)\b|[;:]",
                     re.IGNORECASE)


def _next_to(sentence: str, a: int, b: int, span: re.Match) -> bool:
    """The span of time stands next to the age: at most three words between them, none of
    them starting another clause ("10 years ago, at the age of 45")."""
    between = sentence[b:span.start()] if span.start() >= b else sentence[span.end():a]
    return len(between.split()) <= 3 and not _CLAUSE.search(between)


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
            s0, s1 = sentence_span(starts, m.start(), len(text))
            if _TRANS.search(text[s0:s1]):
                continue  # "a transgender male-to-female patient ... She": not one sex
            seen.add(m.start(g))  # "a 40-year-old female patient" is read by both patterns
            out.append(make_fact(rendering, block, starts, "sex", _SEX[noun], m.start(g), m.end(g)))
    return out


# A patient whose sex and gender differ: a noun of either is not "the patient's sex".
_TRANS = re.compile(r"\btrans(?:gender|sexual)?\b|\b(?:fe)?male[\s-]+to[\s-]+(?:fe)?male\b",
                    re.IGNORECASE)


def _not_the_patient(block: Block, starts: list[int], m: re.Match) -> bool:
    """A relative, a published case, or a group rather than the patient of this report."""
    text = block.text.text
    s0, s1 = sentence_span(starts, m.start(), len(text))
    near = text[max(s0, m.start() - 40):min(s1, m.end() + 25)]
    if _RELATIVE.search(near) or _GROUP.search(near):
        return True
    if any(s0 <= a < s1 for a, _ in block.citations):
        return True
    return bool(_ELSEWHERE.search(text[s0:s1]))


# A third-person pronoun, as written in running text ("HER2", "Her-2/neu" are a receptor;
# "He–Ne", "His–Purkinje" an element and a bundle). A capitalised one inside a sentence is a
# name ("the bundle of His", "Dr. Jian He") and is left out by `pronouns`.
_PRONOUN = re.compile(r"\b(?:(?P<m>[Hh]e|[Hh]im|[Hh]is|[Hh]imself)|(?P<f>[Ss]he|[Hh]er|[Hh]ers|"
                      r"[Hh]erself))\b(?![-–—/]?\s?\d|[-–—])")
# Someone else a pronoun in the sentence may stand for: a relative, a clinician, a child born,
# a guardian or an owner, another patient.
_SOMEONE_ELSE = re.compile(
    r"\b(?:physicians?|doctors?|Dr\b|surgeons?|dentists?|nurses?|authors?|colleagues?|friends?|"
    r"\w*(?:ologist|ician|iatrist)s?|babies|baby|infants?|fetus|foetus|neonates?|newborns?|"
    r"twins?|deliver(?:ed|y)|born|gave birth|boyfriend|girlfriend|guardians?|"
    r"caregivers?|carers?|owners?|assailants?|witness(?:es)?|neighbou?rs?|(?:grand|step|god)(?:son|daughter|"
    r"mother|father|brother|sister|child)s?|\w+-in-law|(?:another|similar|previous|other) patients?)\b",
    re.IGNORECASE)
# Words for a person that often name the patient too: a pronoun in their sentence may be
# either's, but a later sentence's is the patient's.
_PERSON_WORD = re.compile(r"\b(?:man|woman|men|women|boys?|girls?|child|children)\b", re.IGNORECASE)
# Sections that speak of other patients (the literature), or of no patient, as much as of this
# one.
_ASIDE = re.compile(r"discussion|introduction|background|literature|review|acknowledg|consent|"
                    r"contribution|learning|teaching|points|funding|conflict|declaration|ethic|"
                    r"statement|availability", re.IGNORECASE)
# A patient whose gender is not the sex at birth: the pronouns follow the gender.
_IDENTITY = re.compile(r"\b(?:natal|biological(?:ly)?|assigned \w+ at birth|identif(?:y|ies|ied) "
                       r"as|FtM|MtF|trans ?(?:man|woman|men|women)|gender[- ]affirming)\b",
                       re.IGNORECASE)


def pronouns(rendering: Rendering) -> list[Fact]:
    """(sex, another_named) for each "he", "his", "she", "her" ..., where it may only be the
    patient's: case reports only, and none where the patient's gender is said to differ from
    the sex at birth; not in the introduction, the discussion or the back matter; not a
    capitalised one inside a sentence (a name); not in a sentence that names a relative, a
    clinician, a child, a guardian, another patient or another man or woman, or cites, nor in
    one with pronouns of both sexes (two people). `another_named`: an earlier sentence of the
    paragraph, or the paragraph before, names such a person, whom the pronoun may stand for."""
    if not rendering.is_case_report:
        return []
    blocks = list(prose_blocks(rendering))
    if any(_TRANS.search(b.text.text) or _IDENTITY.search(b.text.text) for b, _ in blocks):
        return []
    out, named, section = [], False, None  # `named`: the paragraph before names someone else
    for block, starts in blocks:
        text = block.text.text
        if block.section != section:
            named, section = False, block.section  # another case's section is another patient
        if block.section and _ASIDE.search(block.section[0]):
            continue
        bounds = [*starts, len(text)]  # sentence starts begin with 0
        someone = [bool(_RELATIVE.search(text[a:b]) or _SOMEONE_ELSE.search(text[a:b]) or
                        _ELSEWHERE.search(text[a:b])) for a, b in zip(bounds, bounds[1:])]
        by_sentence: dict[int, list] = {}
        for m in _PRONOUN.finditer(text):
            k = bisect_right(starts, m.start()) - 1
            if m.group()[0].isupper() and text[starts[k]:m.start()].strip("\"'“‘([ "):
                continue  # "the bundle of His", "Dr. Jian He"
            by_sentence.setdefault(k, []).append(m)
        for k, ms in by_sentence.items():
            if someone[k] or len({bool(m.group("m")) for m in ms}) > 1 or \
                    _PERSON_WORD.search(text[bounds[k]:bounds[k + 1]]):
                continue
            before = named or any(someone[:k])
            out += [make_fact(rendering, block, starts, "pronoun",
                              ("male" if m.group("m") else "female", before), m.start(), m.end())
                    for m in ms]
        named = any(someone)
    return out
