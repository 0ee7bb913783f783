"""Abbreviations: definitions, uses of each short form, and the long form written out again.

Definitions are found with the Schwartz–Hearst algorithm (Pacific Symposium on Biocomputing
2003), written here from the paper's description so that every result keeps its offsets:
a short form in brackets after its long form, "progesterone receptor (PR)", or — when the
bracket holds no valid short form — a long form in brackets after it, "PR (progesterone
receptor)". The long form is the shortest run of words before the bracket in which the short
form's letters and digits appear in order, matched right to left, the first one at the start of
a word, within min(|SF| + 5, 2·|SF|) words. We add two conditions to the paper's, measured on
the corpus: the short form holds two capitals (or a capital and a digit), which keeps "(i)",
"(mg)", "(As)" and "(France)" out; and the long form does not start on a function word ("the
rice plant (TPA)" is a letter match, not a definition).

Values: ("definition", short, long) spanning "long (short)"; ("use", short) for every later
whole-word occurrence of a defined short form; ("long-form", short, long) for the long form
written out again elsewhere. Rules decide which of these matter (checks/define.py).
"""
from __future__ import annotations

import bisect
import re

from ..model import Fact, Rendering
from .common import make_fact, prose_blocks

_SPELLING = [(re.compile(a), b) for a, b in (
    (r"tumour", "tumor"), (r"oestr", "estr"), (r"haem", "hem"), (r"aemia", "emia"),
    (r"[’']s\b", ""), (r"oedema", "edema"), (r"ise\b", "ize"), (r"isation", "ization"),
    (r"yse\b", "yze"),
    (r"colour", "color"), (r"behaviour", "behavior"), (r"oe", "e"), (r"ae", "e"))]
_BRACKET = re.compile(r"\(([^()]{1,120})\)")
_WORDS = re.compile(r"\S+")
_CITED = re.compile(r"\s*,\s*(?:19|20)\d\d[a-z]?\b")
_FUNCTION = re.compile(r"(?:the|a|an|and|or|with|from|of|in|for|to|by|on|at|as|is|was|were|"
                       r"which|that|this|these|those|its|their|our|we)\b", re.IGNORECASE)
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9\s/-]*")


def valid_short(sf: str) -> bool:
    """The paper's conditions on a short form, plus two capitals (or a capital and a digit)."""
    capitals = sum(c.isupper() for c in sf)
    return (2 <= len(sf) <= 10 and len(sf.split()) <= 2 and sf[0].isalnum()
            and any(c.isalpha() for c in sf)
            and (capitals >= 2 or capitals == 1 and any(c.isdigit() for c in sf)))


def best_long_form(sf: str, candidate: str) -> int:
    """Start offset in `candidate` of the shortest long form for `sf`, or -1 (Schwartz–Hearst)."""
    s, i = len(sf) - 1, len(candidate) - 1
    while s >= 0:
        c = sf[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        # Walk left to the next occurrence of c; the first letter must also begin a word.
        while i >= 0 and (candidate[i].lower() != c
                          or (s == 0 and i > 0 and candidate[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return -1
        i -= 1
        s -= 1
    return i + 1


def definitions(text: str, starts: list[int]):
    """(start, end, short, long) of each definition in one block's text."""
    for m in _BRACKET.finditer(text):
        inner = m.group(1)
        if _CITED.match(text, m.end()):
            continue  # "(Food and Agriculture Organization (FAO), 2014)": a citation
        sf = re.split(r"[;,]\s", inner, maxsplit=1)[0].strip()
        s0 = starts[bisect.bisect_right(starts, m.start()) - 1]
        if valid_short(sf):
            found = _long_before(text, s0, m.start(), sf)
            if found:
                yield found[0], m.end(), sf, found[1]
                continue
        found = _long_inside(text, s0, m, inner)
        if found:
            yield found


def _long_before(text: str, s0: int, paren: int, sf: str) -> tuple[int, str] | None:
    """Pattern 'long form (SF)': the long form among the words before the bracket."""
    head = text[s0:paren]
    cut = max(head.rfind(c) for c in "()[];:")
    words = list(_WORDS.finditer(head, cut + 1))
    limit = min(len(sf) + 5, 2 * len(sf))
    if not words:
        return None
    a = words[max(0, len(words) - limit)].start()
    candidate = head[a:].rstrip()
    k = best_long_form(sf, candidate)
    if k < 0:
        return None
    lf = candidate[k:]
    if (len(lf) <= len(sf) or sf.lower() in lf.lower().split() or _FUNCTION.match(lf)
            or "%" in lf):
        return None  # "the rice plant (TPA)": a letter match that starts on a function word
    return s0 + a + k, lf


def _long_inside(text: str, s0: int, m: re.Match, inner: str):
    """Pattern 'SF (long form)': the word before the bracket is the short form."""
    if len(inner.split()) < 2 or not _PLAIN.fullmatch(inner):
        return None  # most brackets ("(12)", "(p < 0.05)") end here, before any word search
    head = text[s0:m.start()].rstrip()
    if not head:
        return None
    word = head.split()[-1]  # the last run of non-spaces, as _WORDS finds it
    sf = word.strip(",;:")
    if not valid_short(sf) or not sf.isupper() and not any(c.isdigit() for c in sf):
        return None
    k = best_long_form(sf, inner)
    if k != 0 or len(inner.split()) > min(len(sf) + 5, 2 * len(sf)):
        return None  # the whole bracket must be the long form
    return s0 + len(head) - len(word), m.end(), sf, inner.strip()


def extract(rendering: Rendering) -> list[Fact]:
    out: list[Fact] = []
    blocks = list(prose_blocks(rendering))
    defined: dict[str, set[str]] = {}
    taken: set[tuple[int, int]] = set()
    for block, starts in blocks:
        for a, b, sf, lf in definitions(block.text.text, starts):
            out.append(make_fact(rendering, block, starts, "abbreviation",
                                 ("definition", sf, lf), a, b))
            defined.setdefault(sf, set()).add(lf)
            taken.add((id(block), a))
    if defined:
        out += _occurrences(rendering, blocks, defined, out)
    return out


def _occurrences(rendering: Rendering, blocks, defined: dict, defs: list[Fact]) -> list[Fact]:
    """Uses of each short form, and long forms written out, outside the definitions."""
    inside = {}
    for f in defs:
        inside.setdefault(id(f.block), []).append((f.start, f.end))
    shorts = _shorts_pattern(sorted(defined, key=len, reverse=True))
    longs = {_key(lf): sf for sf, lfs in defined.items() for lf in lfs}
    long_re = _longs_pattern([_flexible(lf) for lfs in defined.values()
                              for lf in sorted(lfs, key=len, reverse=True)])
    out = []
    for block, starts in blocks:
        text, spans = block.text.text, inside.get(id(block), [])
        for pat, kind in ((shorts, "use"), (long_re, "long-form")):
            for m in pat.finditer(text):
                if any(a <= m.start() < b for a, b in spans):
                    continue
                if kind == "use":
                    value = ("use", m.group())
                else:
                    sf = longs.get(_key(m.group()))
                    if sf is None:
                        continue
                    value = ("long-form", sf, m.group())
                out.append(make_fact(rendering, block, starts, "abbreviation", value,
                                     m.start(), m.end()))
    return out


# Both scans below start each alternative with its literal first character and test "not after a
# word" only then: a pattern that opens on a look-behind is tried at every position of the text,
# one that opens on a set of characters lets the regex engine jump to where a match can start.

def _shorts_pattern(shorts: list[str]) -> re.Pattern:
    """Any of the short forms (longest first) as a whole word, case kept."""
    return re.compile("(?:" + "|".join(re.escape(sf[0]) + r"(?<![\w-].)" + re.escape(sf[1:])
                                       for sf in shorts) + r")(?![\w-])")


def _longs_pattern(alternatives: list[str]) -> re.Pattern:
    """Any of the long-form regexes, in this order, as whole words and without case. Grouped by
    their first letter, written in both cases, since a case-blind set gives no jump."""
    if not all(a[0].isascii() and a[0].isalnum() for a in alternatives):
        return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)
    groups: dict[str, list[str]] = {}
    for a in alternatives:  # one first letter per group: the order within a group is kept
        groups.setdefault(a[0].lower(), []).append(a[1:])
    both = "".join(sorted({c for k in groups for c in (k, k.upper())}))
    body = "|".join(f"(?<=[{k}{k.upper()}])(?i:{'|'.join(rest)})" for k, rest in groups.items())
    return re.compile(rf"[{both}](?<![\w-].)(?:{body})(?![\w-])")


def _key(s: str) -> str:
    """Long forms compared without case, spacing, hyphens or a plural s."""
    k = re.sub(r"[\W_]+", "", s.lower())
    return k[:-1] if k.endswith("s") else k


def _flexible(lf: str) -> str:
    """A regex for a long form that tolerates hyphen/space changes and a plural."""
    parts = [re.escape(p) for p in re.split(r"[\s\-‐–]+", lf) if p]
    return r"[\s\-‐]+".join(parts) + "s?"


def meaning(long_form: str, defined: dict | None = None) -> str:
    """A long form's comparison key: no case, spacing, hyphens, function words, plural, word
    endings or UK spelling, and other abbreviations in it spelled out ("systolic BP" =
    "systolic blood pressure")."""
    words = re.findall(r"[^\W_]+", long_form)
    words = [(defined or {}).get(w, w) for w in words]
    k = " ".join(words).lower()
    for pattern, repl in _SPELLING:
        k = pattern.sub(repl, k)
    words = [_singular(w)[:6] for w in re.findall(r"[^\W_]+", k)
             if len(w) > 1 and not _FUNCTION.fullmatch(w)]
    return "".join(words)  # cut to six letters: "microscopy" = "microscope"


def _singular(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    return w[:-1] if len(w) > 3 and w.endswith("s") else w


def same_meaning(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Same meaning: one key holds the other ("intermyofibrillar (space)"), or the same
    initials and words once an abbreviation inside is read letter by letter ("systolic BP")."""
    if a[0] in b[0] or b[0] in a[0]:
        return True
    pa, pb = _plain(a[1]), _plain(b[1])
    return _initials(a[1]) == _initials(b[1]) and (pa <= pb or pb <= pa)


def _initials(lf: str) -> str:
    words = re.findall(r"[^\W_]+", lf)
    return "".join(w.lower() if w.isupper() and len(w) > 1 else w[0].lower() for w in words)


def _plain(lf: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W_]+", lf) if not w.isupper()}
