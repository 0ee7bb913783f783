"""Author initials as contribution statements write them, and the authors they can stand for.

"JS", "J.S.", "J-P.S." (Jean-Pierre Smith), "AP-Q" (Ana Pérez-Quintero), "JvdB" (Jan van den
Berg), "DBr" and "DBa" (two authors with the initials DB, told apart by their surnames' letters),
"RMFH" or "RH" (Rana Muhammad Fraz Hussain: middle names may be left out).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from .words import plain

TOKEN = re.compile(r"(?<![\w.\-‐])[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.\-‐]*[A-Za-zÀ-ÖØ-öø-ÿ.](?![\w\-‐])")
_PARTS = re.compile(r"[\s\-‐.]+")
# CRediT (Contributor Roles Taxonomy) terms, by their key words.
CREDIT = ("conceptualization", "data curation", "formal analysis", "funding acquisition",
          "investigation", "methodology", "project administration", "resources", "software",
          "supervision", "validation", "visualization", "writing original draft",
          "writing review editing")


@lru_cache(maxsize=4096)  # asked again for every author a token is tried against
def initials(token: str) -> tuple[str, str] | None:
    """(capital letters, small letters after the last capital) of a token that reads as an
    author's initials, else None ("DNA" passes here; the caller asks whether an author fits)."""
    letters = re.sub(r"[.\-‐]", "", token)
    letters = plain(letters[:1]).upper()[:1] + letters[1:] if letters else letters
    caps = "".join(c for c in letters if c.isupper())
    if len(caps) < 2 or len(letters) > 8:
        return None
    if any(len(run) > 2 for run in re.findall(r"[a-z]+", letters)):
        return None  # a word ("RNAseq", "PhDs"), not initials
    tail = re.search(r"[a-z]*$", letters).group()
    return caps, tail


@lru_cache(maxsize=4096)
def keys(given: str, surname: str) -> frozenset[str]:
    """Every set of capitals an author may sign with."""
    g = [w for w in _PARTS.split(given) if w]
    s = [w for w in _PARTS.split(surname) if w]
    if not s:
        return frozenset()
    caps = [w for w in s if w[:1].isupper()] or s
    up = lambda w: plain(w[0]).upper()[:1] or w[0]  # noqa: E731 - "Ü" signs as "U" too
    sur = {"".join(up(w) for w in s), "".join(up(w) for w in caps), up(caps[0])}
    gi = [plain(w[0]).upper()[:1] or w[0] for w in g]
    first = {""} if not gi else set()
    for k in range(len(gi)):
        for rest in combinations(gi[1:], k):
            first.add(gi[0] + "".join(rest))
    # A one-word given name of two syllables is often signed with both ("Jiyu" JY, "Jindong"
    # JD, "Vijaipal" VP).
    if len(g) == 1 and len(g[0]) >= 4:
        first |= {gi[0] + c.upper() for c in g[0][2:-1] if c.isalpha()}
    # Surname first ("M.S." for Sakthivel Muthu) is as common as given names first.
    return frozenset({a + b for a in first for b in sur} | {b + a for a in first for b in sur})


def fits(token: str, given: str, surname: str) -> bool:
    found = initials(token)
    if found is None or not surname:
        return False
    caps, tail = found
    if caps not in keys(given, surname):
        return False
    last = plain(([w for w in _PARTS.split(surname) if w[:1].isupper()] or [surname])[-1])
    return not tail or last[1:].startswith(tail) or plain(surname)[1:].startswith(tail)


def split_name(full: str, surname: str) -> str:
    """The given names of "Given Surname" when the surname is known."""
    return full[: len(full) - len(surname)].strip() if surname and full.endswith(surname) else ""


def credit_terms(s: str) -> list[tuple[str, int, int]]:
    """(term, start, end) of each CRediT role named in a text."""
    low = plain(s)
    out = []
    for term in CREDIT:
        words = term.split()
        rx = r"\b" + r"\W+(?:and\W+|&\W+)?".join(words) + r"\b"
        if term.startswith("writing"):
            rx = r"\bwriting\W+(?:the\W+)?" + (r"original\W+draft" if "original" in term
                                               else r"review\W+(?:and\W+|&\W+)?editing")
        for m in re.finditer(rx.replace("conceptualization", "conceptuali[sz]ation")
                             .replace("visualization", "visuali[sz]ation"), low):
            out.append((term, m.start(), m.end()))
    return sorted(out, key=lambda t: t[1])
