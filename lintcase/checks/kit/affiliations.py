"""Affiliations of two renderings compared word by word, each with its most similar partner.

Not differences: lost diacritics, footnote markers ("1", "*", "a", "†"), "and" against "&",
postal codes and numbers, e-mail addresses, punctuation, and affiliations that PDF text runs
together into one block (the partner is then the stretch of that block most like the
affiliation). An affiliation without a plausible partner says nothing: PDF text often loses
affiliations or mixes them with the correspondence note.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from ...model import Rendering, Text
from . import metawords as mw
from .authors import EXTRACTED

_EMAIL = re.compile(r"\S+@\S+")
_TOKEN = re.compile(r"[^\s,;()]+")
_NOISE = {"and", "e-mail", "email"}
_MAX_STRETCH = 3  # a longer differing stretch is another affiliation or a reading error


def comparable(text: Text) -> list[tuple[str, int, int]]:
    """The words of an affiliation that typesetting cannot change, with offsets."""
    mails = [m.span() for m in _EMAIL.finditer(text.text)]
    # a token with a digit is a postcode ("MD-2028", "SW7"), a marker glued on ("India2") or
    # an identifier ("5044grid"): only its long runs of letters are words
    numbered = [m.span() for m in _TOKEN.finditer(text.text) if any(c.isdigit() for c in m.group())]
    out = []
    for key, a, b in mw.words(text):
        if any(s <= a < e for s, e in mails):
            continue
        if any(s <= a < e for s, e in numbered):
            key = "".join(c for c in key if not c.isdigit())
            if len(key) < 4:
                continue
        if len(key) > 1 and key not in _NOISE:
            out.append((key, a, b))
    return out


def partner(ka: list[str], kb: list[str]) -> tuple[float, int, int]:
    """(share of ka's words found in order, start, end) of the stretch of kb most like ka."""
    best = (0.0, 0, 0)
    heads = set(ka[:3])
    for j in range(len(kb)):
        if j and kb[j] not in heads:
            continue
        window = kb[j:j + len(ka) + _MAX_STRETCH]
        score = mw.similar(ka, window)
        if score > best[0]:
            best = (score, j, j + len(window))
    score, j0, j1 = best
    if score:  # only the matched stretch: the window's tail is often the next affiliation
        blocks = [b for b in SequenceMatcher(None, ka, kb[j0:j1], autojunk=False)
                  .get_matching_blocks() if b.size]
        j0, j1 = j0 + blocks[0].b, j0 + blocks[-1].b + blocks[-1].size
    return score, j0, j1


def _marker(a: list[str], b: list[str]) -> bool:
    """A superscript letter glued to the word after it ("aDepartment")."""
    ja, jb = "".join(a), "".join(b)
    return len(ja) == len(jb) + 1 and ja[1:] == jb or len(jb) == len(ja) + 1 and jb[1:] == ja


def differences(ref: Rendering, other: Rendering, min_similarity: float):
    """(ref text, ref words, i1, i2, other text, other words, j1, j2) of each real difference."""
    theirs = [(t, comparable(t)) for t in other.meta.affiliations]
    pairs = [p for p in (_pair(a, theirs) for a in ref.meta.affiliations) if p]
    for (score, n, j0, j1), a, wa in pairs:
        if score < min_similarity or score == 1.0 and other.kind in EXTRACTED:
            continue
        if any(s2 >= score and n2 == n and k0 < j1 and j0 < k1 and a2 is not a
               for (s2, n2, k0, k1), a2, _ in pairs):
            continue  # the stretch is another affiliation's partner ("Food Microbiology
            # Division" against "Food Biotechnology Division" when the first was not extracted)
        b, wb = theirs[n]
        ka, kb = [w[0] for w in wa], [w[0] for w in wb[j0:j1]]
        for i1, i2, k1, k2 in mw.differences(ka, kb, mw.lossy(b)):
            if max(i2 - i1, k2 - k1) > _MAX_STRETCH or _marker(ka[i1:i2], kb[k1:k2]):
                continue
            if i1 == i2 and other.kind in EXTRACTED:
                continue  # words only in PDF text: a column or a note read into the line
            yield a, wa, i1, i2, b, wb, j0 + k1, j0 + k2


def _pair(a: Text, theirs: list):
    """((score, index, start, end), a, words of a) of a's most similar partner, or None."""
    wa = comparable(a)
    ka = [w[0] for w in wa]
    if len(ka) < 3 or not theirs:
        return None
    best = max(((*partner(ka, [w[0] for w in wb]), n) for n, (_, wb) in enumerate(theirs)),
               key=lambda s: s[0])
    score, j0, j1, n = best
    return (score, n, j0, j1), a, wa
