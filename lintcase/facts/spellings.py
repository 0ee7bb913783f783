"""Spellings: one term written two ways in one rendering ("follow-up"/"followup", "HER-2"/"HER2",
"data set"/"dataset", "Ki-67"/"Ki67"), found by normalising and grouping, not from a list.

Every word of the prose (hyphenated words as one token) and every pair of adjacent words gets
a key: case folded, hyphens and the space dropped. Keys written in more than one way become
facts, value (key, spelling, shape) with shape "joined", "hyphen" or "spaced"; the `variants`
check decides which differences matter.

Left out at the source, because English writes them both ways on purpose: pairs whose first
word is a function word ("in to"/"into", "may be"/"maybe", "every day"/"everyday") or whose
second is a verb particle ("set up"/"setup", "cut off"/"cutoff": verb and noun), and hyphens
between two numbers ("1-2" is a range).
"""
from __future__ import annotations

import re

from ..model import Fact, Rendering
from .common import PROSE, make_fact
from .sentences import boundaries
from .values import Spelling

_TOKEN = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)*")
_HYPHEN = re.compile(r"[-‐‑]")
# Starts only at a word start: otherwise every letter of every word is tried again.
_WORDS = re.compile(r"\w+")
_HYPHENATED = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)+")
_WORD_START = re.compile(r"[^\W_]+$")
_FUNCTION = frozenset(
    "a an the in on at to of for by with from into onto can may might must shall will would "
    "could should every any some no not over up down out off how what who where when there "
    "here be is are was were all each other per via as or and nor but if so than then this "
    "that these those its it we our their his her one two three first second et".split())
_PARTICLE = frozenset("up down out off over back in on away through along".split())
# Pairs that are different words whatever their spelling.
STOP = frozenset({"another", "cannot", "maybe", "onto", "into", "overall", "without", "within",
                  "upon", "however", "whatever", "throughout", "become", "nonetheless",
                  "otherwise", "therefore", "somewhat", "someone", "anyone", "everyone"})


def _shape(tok: str) -> str:
    return "hyphen" if _HYPHEN.search(tok) else "joined"


def _wanted(tok: str) -> bool:
    """A token worth grouping: two letters at least, and no hyphen between two numbers."""
    if sum(map(str.isalpha, tok)) < 2 or sum(map(str.isalnum, tok)) < 3:
        return False
    parts = _HYPHEN.split(tok)
    return not any(a.isdigit() and b.isdigit() for a, b in zip(parts, parts[1:]))


def extract(rendering: Rendering) -> list[Fact]:
    blocks = [b for b in rendering.blocks if b.kind in PROSE]
    text = "\n".join(b.text.text for b in blocks)
    lowered = [b.text.text.casefold() for b in blocks]
    keys = _candidate_keys(text, "\n".join(lowered))
    # A form matches only where its letters stand, case and hyphens aside: forms found nowhere
    # (most of the spaced pairs) are left out of the regex, and so are blocks without any form.
    folded = [_one_hyphen(low) for low in lowered]
    whole = "\n".join(folded)
    present = {f for fs in keys.values() for f in fs if _one_hyphen(f) in whole}
    if not present:
        return []
    out, pattern, needles = [], _occurrences(present), {_one_hyphen(f) for f in present}
    for block, low in zip(blocks, folded):
        if not any(n in low for n in needles):
            continue
        starts = None  # sentence starts, only for blocks that hold a candidate
        text = block.text.text
        for m in pattern.finditer(text):
            starts = starts or boundaries(rendering, text)
            tok = m.group()
            shape = "spaced" if " " in tok else _shape(tok)
            key = _HYPHEN.sub("", tok).replace(" ", "").casefold()
            if key in keys and (shape != "spaced" or _pair_ok(tok)) and _wanted(tok):
                out.append(make_fact(rendering, block, starts, "spelling", Spelling(key, tok, shape),
                                     m.start(), m.end()))
    seen: dict[str, set] = {}
    for f in out:
        seen.setdefault(f.value.key, set()).add(f.value.written.casefold())
    return [f for f in out if len(seen[f.value.key]) > 1]


def _candidate_keys(text: str, lowered: str) -> dict[str, set[str]]:
    """Keys that may be written two ways, with the forms to look for: a hyphenated word also
    written otherwise, or a joined word whose two halves are words of the text (`lowered`: the
    text casefolded)."""
    words = set(_WORDS.findall(lowered))
    hyphenated: dict[str, set[str]] = {}
    for tok in _hyphenated(text):
        if _wanted(tok):
            hyphenated.setdefault(_HYPHEN.sub("", tok).casefold(), set()).add(tok.casefold())
    keys = {k: forms | {k} for k, forms in hyphenated.items() if k in words or len(forms) > 1}
    for w in words:  # "dataset" and its halves "data", "set": a pair to look for
        if len(w) >= 6 and w not in STOP and not w[0].isdigit():
            pairs = {f"{w[:i]} {w[i:]}" for i in range(3, len(w) - 2)
                     if w[:i] in words and w[i:] in words}
            if pairs:
                keys.setdefault(w, {w}).update(pairs)
    return keys


def _hyphenated(text: str):
    """Hyphenated words, found from their hyphens: a regex tried at every letter of a long
    text costs more than all the rest of the extractor."""
    done = -1
    for h in _HYPHEN.finditer(text):
        i = h.start()
        if i > done and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            m = _HYPHENATED.match(text, _WORD_START.search(text, max(0, i - 40), i).start())
            if m:
                done = m.end()
                yield m.group()


def _one_hyphen(text: str) -> str:
    return text.replace("‐", "-").replace("‑", "-")


def _occurrences(forms: set[str]) -> re.Pattern:
    """One regex for these forms of the candidate keys, any hyphen standing for any other."""
    alts = (_HYPHEN.sub("[-‐‑]", re.escape(f).replace("\\-", "-"))
            for f in sorted(forms, key=len, reverse=True))
    # not inside a web or e-mail address ("www.khanglab.org" is no spelling of "Khang Lab")
    return re.compile(r"(?<![\w\-‐‑./@])(?:" + "|".join(alts) + r")(?![\w\-‐‑/@]|\.\w)",
                      re.IGNORECASE)


def _pair_ok(tok: str) -> bool:
    """A spaced pair counts unless English writes it both ways on purpose (see above)."""
    a, b = tok.casefold().split(" ", 1)
    return " " not in b and a not in _FUNCTION and b not in _PARTICLE and a.isalpha() \
        and b.isalpha() and (a + b) not in STOP
