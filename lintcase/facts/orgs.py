"""Organisation names as funding metadata and funding statements write them.

One funder is written many ways: "Natural Science Foundation of Hebei Province" in the metadata is
"the Hebei Natural Science Foundation" in the statement, "National Institutes of Health (NIH)" is
"NIH". So a name is found in a text when most of its content words stand close together there
(in any order), or when its acronym (given in parentheses, or made of its initials) does.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..model import Text
from .words import plain

STOP = frozenset("the of for and in on at to a an de la le del della di du des do da das dos "
                 "y e et und fur zur der den & its".split())
# Words that say what kind of body, not which one: "Astellas Pharma" is "Astellas".
GENERIC = frozenset("inc ltd gmbh co corp corporation company pharma pharmaceuticals sa ag llc "
                    "plc limited".split())
# Words that make a capitalised phrase an organisation (or a funding programme).
HEADS = re.compile(
    r"^(?:foundations?|councils?|institutes?|institutions?|agency|agencies|ministry|ministries|"
    r"funds?|trusts?|society|associations?|programs?|programmes?|commission|academy|office|"
    r"department|bureau|organi[sz]ations?|universit(?:y|ies)|cent(?:er|re)s?|administration|"
    r"authority|board|service|projects?|plan|initiative|corporation|company|inc|ltd|gmbh|"
    r"endowment|charity|laborator(?:y|ies)|union|government|consortium|alliance|network|"
    r"hospital|college|school)$")
_TOKEN = re.compile(r"[^\W_][\w’'\-]*")
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z&\-]{1,11}$")


def tokens(s: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of the words of a string, as written."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(s)]


def content(words: list[str]) -> list[str]:
    """The words that name: no "of", "the"..., no numbers; hyphenated words in their parts."""
    parts = [p for w in words for p in re.split(r"[\-‐‑]", w) if p]
    return [plain(w) for w in parts if plain(w) not in STOP and not any(c.isdigit() for c in w)]


def is_acronym(word: str) -> bool:
    return _ACRONYM.match(word) is not None and not any(c.isdigit() for c in word)


def acronyms(name: str) -> set[str]:
    """The acronyms a name may go by: one in parentheses, the name itself, or its initials."""
    out = {w for w, _, _ in tokens(name) if is_acronym(w)}
    main = re.sub(r"\([^)]*\)", " ", name)
    caps = [w for w, _, _ in tokens(main) if w[:1].isupper() and plain(w) not in STOP]
    if len(caps) >= 3:
        out.add("".join(w[0] for w in caps))
    return out


def found_in(name: str, words: list[str], acros: set[str]) -> bool:
    """Whether the name is written among `words` (the content words of a text, in order) or
    one of its acronyms is among `acros` (the acronyms written in that text)."""
    mine = acronyms(name)
    if mine & acros or any(_abbreviates(a, m) for a in acros for m in mine if len(m) > len(a)):
        return True
    main = re.sub(r"\([^)]*\)", " ", name)
    want = content([w for w, _, _ in tokens(main)])
    if not want:
        return True  # nothing to look for: say nothing
    want = [w for w in want if w not in GENERIC] or want
    need = len(want) if len(want) <= 2 else max(2, round(0.6 * len(want) + 0.01))
    span = 2 * len(want) + 2
    for i, w in enumerate(words):
        if any(same_word(w, x) for x in want):
            window = words[i:i + span]
            if sum(any(same_word(x, y) for y in window) for x in set(want)) >= need:
                return True
    return False


def same_word(a: str, b: str) -> bool:
    """One word in two spellings: "zurich"/"zürich", "universitat"/"university", "gent"/"ghent"."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 6 and a[:6] == b[:6]:
        return True
    return min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= 0.8


def _abbreviates(short: str, initials: str) -> bool:
    """"NSFC" for the initials "NNSFC": same first and last letter, the rest in order."""
    if len(short) < 3 or not short.isupper() or short[0] != initials[0] or short[-1] != initials[-1]:
        return False
    it = iter(initials)
    return all(c in it for c in short)


def index(text: str) -> tuple[list[str], set[str]]:
    """(content words in order, acronyms written) of a text, for `found_in`."""
    toks = [w for w, _, _ in tokens(text)]
    acros = {w for w in toks if is_acronym(w)}
    acros |= {a for a in _phrase_acronyms(text)}
    return content(toks), acros


def _phrase_acronyms(text: str) -> set[str]:
    """Initials of each capitalised phrase of a text (so "NIH" finds "National Institutes of
    Health" written out)."""
    out, run = set(), []
    for w, _, _ in tokens(text) + [("", 0, 0)]:
        if w[:1].isupper():
            run.append(w)
        elif w and plain(w) in STOP and run:
            continue
        else:
            if len(run) >= 2:
                out.add("".join(x[0] for x in run))
            run = []
    return out


def has_head(words: list[str]) -> bool:
    return any(HEADS.match(plain(w)) for w in words)


_TRIGGER = re.compile(
    r"\b(?:supported|funded|financed|sponsored|granted)\s+(?:\w+ly\s+|in part\s+)?(?:by|through)\b"
    r"|\b(?:grants?|funding|support|fellowships?|scholarships?|awards?)\s+(?:from|by)\b", re.I)
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])|$")
_JOINERS = STOP | {"à"}


def statement_orgs(text: Text) -> list[tuple[int, int, str]]:
    """(start, end, aliases) of each organisation a funding statement names after "supported
    by", "funded by", "grant from"...: a capitalised phrase with an organisation word in it
    (Foundation, Council, Ministry...) or an acronym; aliases holds a parenthesised acronym."""
    s, out = text.text, []
    for m in _TRIGGER.finditer(s):
        end = _SENTENCE_END.search(s, m.end()).start()
        for a, b in _runs(s, m.end(), end):
            words = [w for w, _, _ in tokens(s[a:b])]
            alias = re.match(r"\s*\(([^()]{2,12})\)", s[b:end])
            if has_head(words) and len(words) >= 2:
                if (a, b) not in [(x, y) for x, y, _ in out]:
                    out.append((a, b, alias.group(1) if alias else ""))
    return out


def _runs(s: str, start: int, end: int):
    """Capitalised phrases between start and end, joined by "of", "and", "the"...; a phrase
    breaks at punctuation, and at "and" between two organisations."""
    run: list[tuple[str, int, int]] = []
    for w, a, b in tokens(s[start:end]) + [("", end - start, end - start)]:
        gap = s[start + run[-1][2]:start + a] if run else ""
        joins = w[:1].isupper() or (w.lower() in _JOINERS and run)
        if run and (not joins or any(c in gap for c in ",;:()[]“”\"'‘’")):
            yield from _split(s, start, run)
            run = []
            joins = w[:1].isupper()
        if joins and w:
            run.append((w, a, b))
    if run:
        yield from _split(s, start, run)


def _split(s: str, start: int, run: list):
    while run and plain(run[-1][0]) in _JOINERS:
        run = run[:-1]
    while run and plain(run[0][0]) in _JOINERS:
        run = run[1:]
    if not run:
        return
    cut = next((i for i, (w, _, _) in enumerate(run) if w == "and" and 0 < i < len(run) - 1
                and HEADS.match(plain(run[i - 1][0])) and has_head([x for x, _, _ in run[i + 1:]])),
               None)
    if cut is not None:
        yield from _split(s, start, run[:cut])
        yield from _split(s, start, run[cut + 1:])
        return
    yield start + run[0][1], start + run[-1][2]
