"""What `agree` and `exclusive` share: pick the facts that fill one slot, find the values that
disagree across sections and renderings, and describe the places of each value."""
from __future__ import annotations

import re
from typing import Callable, Iterable

from ...facts import facts
from ...model import Article, Fact, Location
from .hit import Hit

SLOT_OPTIONS = {
    "slot": {"type": "string", "description": "Name of the slot, used in messages."},
    "context": {"type": "array", "items": {"type": "string"}, "minItems": 1,
                "description": "Regexes; a fact fills the slot when one matches the words just "
                               "before it in its sentence."},
    "after": {"type": "array", "items": {"type": "string"},
              "default": [],
              "description": "Regexes, alternatively matched against the words just after it."},
    "case_reports_only": {"type": "boolean", "default": False},
    "per_patient": {"type": "boolean", "default": False,
                    "description": "The slot belongs to one patient (age, sex): in a report of "
                                   "several patients, facts are compared only within one case's "
                                   "own section (Case 1, Patient B, Clinical Case #2), and a "
                                   "report that speaks of several patients without such sections "
                                   "is not compared at all."},
    "window": {"type": "integer", "minimum": 1, "default": 40,
               "description": "How many characters before the fact the context may reach."},
}


def slot_facts(article: Article, kind: str, options: dict,
               accept: Callable[[Fact], bool] = lambda f: True) -> list[Fact]:
    """The facts of one kind, in all renderings, whose context names the slot."""
    if options["case_reports_only"] and not article.is_case_report:
        return []
    window = options["window"]
    before = [re.compile(rf"(?:{p})[^.;:]{{0,{window}}}$", re.I) for p in options["context"]]
    after = [re.compile(rf"^[^.;:]{{0,{window}}}?(?:{p})", re.I) for p in options["after"]]
    out = []
    for rendering in article.renderings:
        for f in facts(rendering, kind):
            if not accept(f):
                continue
            if any(p.search(f.context) for p in before) or any(p.search(f.after) for p in after):
                out.append(f)
    return out


# A section of its own for one of several patients: "Case 1", "Clinical Case #2", "Case II",
# "Patient B", "Second case".
CASE_SECTION = re.compile(r"\b(?:case|patient)\s*(?:#\s*|no\.?\s*)?(?:\d+|[IVX]+|[A-H])\b"
                          r"|\b(?:first|second|third|fourth|fifth)\s+(?:case|patient)\b", re.I)
# Words that say a report describes several patients.
SEVERAL = re.compile(
    r"\b(?:the|a)\s+(?:second|third|fourth|other)\s+(?:case|patient)\b"
    r"|\b(?:case|patient)\s+(?:2|II|B)\b|\bboth\s+(?:patients|cases|siblings|children)\b"
    r"|\b(?:report|present|describe)\w*\s+(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+)\s+(?:\w+\s+)?(?:cases|patients|siblings|children|members)\b|\bcase series\b"
    r"|\bour (?:cases|patients)\b|\bseveral affected\b"
    r"|\b(?:two|three|four|\d+) other (?:children|patients|members|siblings|cases)\b", re.I)
# A section title in the plural: "Report of the Cases", "Case Presentations".
# A top-level section so titled holds several patients ("Case presentations", "Report of the
# Cases"); a subsection ("Case presentation / Cases of diagnosis") may speak of cases in general.
CASES_TITLE = re.compile(r"\bcases\b|\bcase presentations\b|\bpatients and methods\b", re.I)


def patients(article: Article, kinds: tuple[str, ...], options: dict) -> list[list[Fact]]:
    """The facts of these kinds, in all renderings, grouped by patient (`by_patient`); none
    outside case reports where `case_reports_only` is set."""
    if options["case_reports_only"] and not article.is_case_report:
        return []
    return by_patient(article, [f for r in article.renderings for kind in kinds
                                for f in facts(r, kind)])


def by_patient(article: Article, found: list[Fact]) -> list[list[Fact]]:
    """The facts grouped by the patient they can be said to describe (see `per_patient`)."""
    if not found:
        return []  # nothing to group (most articles are not case reports): no text to read
    cases: dict[object, list[Fact]] = {}
    for f in found:
        head = next((t for t in f.block.section if CASE_SECTION.search(t)), None)
        cases.setdefault(_heading_key(head) if head else None, []).append(f)
    if len([k for k in cases if k is not None]) >= 2:
        # outside every case's section a fact is the case's its paragraph names before it
        # ("Case 2: A 71-year-old man ..." in the abstract) and may otherwise be any case's
        for f in cases.pop(None, []):
            if (k := inline_case(f)) in cases:
                cases[k].append(f)
        return list(cases.values())
    blocks = [b for r in article.renderings for b in r.blocks]
    titles = [r.meta.title.text for r in article.renderings if r.meta.title]
    if any(_tells_several(b) for b in blocks) or any(_NUMBERED.search(t) for t in titles) \
            or any(CASES_TITLE.search(b.section[0]) for b in blocks if b.section):
        # several patients, no section each: told apart where paragraphs name them ("The
        # first case was a sixty-year-old male ... The second case was ...")
        inline: dict[object, list[Fact]] = {}
        for f in found:
            if (k := inline_case(f)) is not None:
                inline.setdefault(k, []).append(f)
        return list(inline.values()) if len(inline) >= 2 else []
    return [found]


# A case named in running text, written as a name ("Case 2:", "Patient B was", "The second
# case was"; not "the patient a week later", nor "the first case of ... reported").
_NAME = r"\b[CP](?:ase|atient)\s*(?:#\s*|[Nn]o\.?\s*)?(?:\d+|[IVX]+|[A-H])\b"  # "Case #2"
_INLINE = re.compile(_NAME + r"(?![-.]\w)"
                     r"|\b[Tt]he\s+(?:first|second|third|fourth|fifth)\s+(?:case|patient)\b"
                     r"(?!\s+(?:of|in|to|reported|described)\b)")
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_ROMAN = re.compile(r"m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def case_key(marker: str) -> int | None:
    """The number a case's name gives it: "Case 2", "Case II", "Patient B", "the second case"
    are all 2 (a section "Case II" and the abstract's "Case 2:" name one patient); None when
    the name gives no number."""
    words = re.findall(r"\w+", marker.lower())
    if ordinal := next((_ORDINAL[w] for w in words if w in _ORDINAL), None):
        return ordinal
    last = words[-1]
    if last.isdigit():
        return int(last)
    if _ROMAN.fullmatch(last):
        values = [_ROMAN_VALUES[c] for c in last]
        return sum(-v if v < w else v for v, w in zip(values, values[1:] + [0]))
    return ord(last) - ord("a") + 1 if len(last) == 1 else None


def _heading_key(head: str):
    """A case section's key: its number ("Clinical Case #2" is 2), or its title where the name
    goes on ("Patient II-1", "Patient II-2" of a pedigree are two patients, not patient 2)."""
    m = CASE_SECTION.search(head)
    if re.match(r"[-.]\w", head[m.end():]) or (key := case_key(m.group())) is None:
        return head.lower()
    return key


# Another patient named between a case's name and a fact: the fact may be that one's ("The
# first patient was ...; the second was ...", "(Case 2)", "the other patient"; not "a second
# cycle", "the other side").
_ANOTHER = re.compile(r"\b(?i:(?:the|a)\s+(?:second|third|fourth|fifth|other|latter|former)"
                      r"(?:\s+(?:patient|case|one|child|sibling)s?\b|\s+(?:was|is|had|has|"
                      r"presented)\b|,))|" + _NAME)


def inline_case(f: Fact) -> int | None:
    """The case a fact's paragraph names last before it, where the name begins its sentence
    or clause ("Case 1: A 69-year-old man ... Case 2: ...", "The first case was a ...", "In
    Case 2, ...") and no other patient is named between the name and the fact or in the rest
    of the fact's sentence; outside the discussion and the introduction and in no sentence
    that cites."""
    head = f.block.section[0] if f.block.section else ""
    if _ASIDE.search(head) and not _OWN.search(head):
        return None
    text = f.block.text.text
    last = None
    for m in _INLINE.finditer(text, 0, f.start):
        last = m
    if last is None:
        return None
    a = max(text.rfind(". ", 0, last.start()) + 1, text.rfind(": ", 0, last.start()) + 1,
            text.rfind("; ", 0, last.start()) + 1)
    if text[a:last.start()].strip() not in ("", "In", "For"):
        return None  # "a 24-year-old woman (Case 1) and ...": not a name that opens a clause
    b = text.find(". ", f.end)
    rest = text[last.end():f.start] + " " + text[f.end:len(text) if b < 0 else b]
    if _ANOTHER.search(rest):
        return None
    s0 = text.rfind(". ", 0, last.start()) + 1
    s1 = text.find(". ", last.end())
    return None if cites(text[s0:len(text) if s1 < 0 else s1]) else case_key(last.group())


# Sections that speak of other patients and of the report's own in general ("our patients",
# "in both cases", "this is the second case of ..."): their words do not count patients.
_ASIDE = re.compile(r"discussion|introduction|background|conclusion|literature|review", re.I)
_OWN = re.compile(r"case|patient", re.I)  # "Case report and discussion" is the case's own
_NUMBERED = re.compile(r"(?:\b(?:two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?|"
                       r"(?<![\w-])\d+\s+)(?:cases|patients|siblings|children|sisters|brothers|"
                       r"twins)\b", re.I)


def _tells_several(b) -> bool:
    """The block says the report is of several patients: the title ("Three Cases of ..."),
    the abstract or the case section; not the discussion or the introduction."""
    if b.kind == "title":
        return bool(_NUMBERED.search(b.text.text)) or _several(b.text.text)
    if b.kind not in ("paragraph", "caption"):
        return False
    head = b.section[0] if b.section else ""
    return not (_ASIDE.search(head) and not _OWN.search(head)) and _several(b.text.text)


# A sentence that cites ("[11]", "et al.", "(Smith, 2019)") speaks of the literature.
_CITES = re.compile(r"\[\d+(?:[,–-]\s*\d+)*\]|\bet al\b|\(\D{2,40},? (?:19|20)\d\d[a-z]?\)"
                    r"|\bstud(?:y|ies)\b")


def cites(text: str) -> bool:
    """The text cites the literature: a numbered citation, "et al.", an author and year."""
    return bool(_CITES.search(text))


def _several(text: str) -> bool:
    """The text says this report is of several patients; "a case series" from the literature,
    in a sentence that cites it, does not."""
    for m in SEVERAL.finditer(text):
        if m.group().lower() != "case series":
            return True
        a = max(text.rfind(". ", 0, m.start()) + 1, 0)
        b = text.find(". ", m.end())
        if not cites(text[a:len(text) if b < 0 else b]):
            return True
    return False


def place(f: Fact) -> str:
    b = f.block
    if b.kind == "caption" and b.label:
        return f"{b.label} caption"
    return b.section_name or b.kind


def location(f: Fact) -> Location:
    return Location.at(f.rendering, f.block.text, f.start, f.end, place(f))


def disagreement(found: Iterable[Fact], same: Callable, show: Callable, slot: str) -> Hit | None:
    """One Hit when the facts hold more than one value; None when they agree."""
    groups: list[tuple[object, list[Fact]]] = []
    by_sentence: dict = {}
    for f in found:
        by_sentence.setdefault((id(f.block), f.sentence), set()).add(f.value)
    for f in found:
        if len(by_sentence[(id(f.block), f.sentence)]) > 1:
            continue  # "invades the dermis and subcutis": one sentence naming several values
        for value, members in groups:
            if same(value, f.value):
                members.append(f)
                break
        else:
            groups.append((f.value, [f]))
    if len(groups) < 2:
        return None
    places = [_places(members) for _, members in groups]
    shown = [show(v) for v, _ in groups]
    others = "; ".join(f"{s} in {p}" for s, p in zip(shown[1:], places[1:]))
    locations = tuple(location(f) for _, members in groups for f in members)
    fields = {"slot": slot, "value": shown[0], "place": places[0], "others": others,
              "other": shown[1], "other_place": places[1]}
    return Hit(locations, fields, evidence=f"{slot}:" + "|".join(sorted(shown)))


def _places(members: list[Fact]) -> str:
    seen: dict[str, set] = {}
    for f in members:
        seen.setdefault(place(f), set()).add(f.rendering.kind)
    return ", ".join(f"{p} ({'/'.join(sorted(k))})" for p, k in seen.items())
