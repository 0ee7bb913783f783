"""Reference-list entries made comparable: tokens with offsets, keys, and entries paired across
renderings.

A key drops what typesetting changes — case, punctuation, spacing, accents, ligatures, a line-end
hyphen — and keeps letters and digits, so "Martí­nez," and "Marti- nez" give one key while
"Martinez" and "Martines" never do. Values of the structured rendering (JATS fields) are looked
up in the printed text of the other rendering's entry rather than in that rendering's own parsed
fields, which a PDF's text often leaves incomplete (an author list cut by "et al.", a year that
moved to the next column).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..model import Reference, Rendering
from .words import FOLD

_RUN = re.compile(r"[^\W_]+")
# A DOI as printed, up to the next space unless the line broke after "/", ".", "-" or a
# zero-width space (where PDFs allow a break); the
# prefix's digits are not fixed ("11.1111/...", a mistyped DOI, is still compared).
DOI_START = re.compile(r"(?<![\w.])\d\d\.\d{4,9}/(?:\s+(?=\w))?(?:\S*[/._\u200b-]\s+(?=\w))*\S*")
# A link or DOI; one broken at a line end after "/", "." or "-" goes on after the space.
LINK = re.compile(r"(?:https?://|www\.|doi:\s*|10\.\d{4,9}/)(?:\S*[/._-]\s+)*\S*", re.I)
INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.?[\s-]*)+$")


# Letters that PDF text uses as bases for detached accents ("Martı́nez": a dotless i and U+0301).
_BASES = str.maketrans({"ı": "i", "ȷ": "j"})


_NOT_ALNUM_ASCII = re.compile(r"[^A-Za-z0-9]+")


def fold(s: str) -> str:
    """Letters and digits only, accents and case dropped."""
    if s.isascii():  # the same result without the Unicode tables, for most entries
        return _NOT_ALNUM_ASCII.sub("", s).lower()
    s = unicodedata.normalize("NFKD", s.translate(FOLD).translate(_BASES))
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Token:
    key: str
    start: int  # offsets in the entry's text
    end: int


@dataclass
class Entry:
    """One reference with what comparisons need, computed once."""

    ref: Reference
    index: int
    tokens: list[Token]
    words: set[str] = field(default_factory=set)   # content keys (for pairing entries)
    numbers: list[Token] = field(default_factory=list)  # digit tokens outside DOIs and URLs

    @property
    def text(self) -> str:
        return self.ref.text.text


def tokens(text: str) -> list[Token]:
    return [Token(k, m.start(), m.end()) for m in _RUN.finditer(text) if (k := fold(m.group()))]


def entry(ref: Reference, index: int, structured: bool) -> Entry:
    toks = tokens(ref.text.text)
    links = [m.span() for m in LINK.finditer(ref.text.text)]
    nums = [t for t in toks if t.key[:1].isdigit() and not any(a <= t.start < b for a, b in links)]
    if structured:  # element-citation text runs fields together ("Japan201784"): use the fields
        parts = [*surnames(ref), ref.title, ref.source, ref.year, ref.volume]
        words = {k for p in parts for k in (fold(w) for w in p.split()) if len(k) >= 3}
    else:
        words = {t.key for t in toks if len(t.key) >= 3}
    return Entry(ref, index, toks, words, nums)


def surnames(ref: Reference) -> list[str]:
    """Surnames as the source marks them, else the author strings less their initials."""
    if ref.surnames:
        return list(ref.surnames)
    out = []
    for a in ref.authors:
        parts = a.split()
        while len(parts) > 1 and INITIALS.match(parts[-1]):
            parts.pop()
        out.append(" ".join(parts))
    return [s for s in out if fold(s)]


def entries(rendering: Rendering, structured: bool) -> list[Entry]:
    return [entry(r, i, structured) for i, r in enumerate(rendering.references)]


def find_key(toks: list[Token], key: str, start: int = 0, stop: int | None = None,
             width: int = 4) -> tuple[int, Token] | None:
    """The first run of up to `width` consecutive tokens in [start, stop) whose keys join to
    `key` (a name broken at a line-end hyphen or a detached accent is several tokens)."""
    for i in range(start, len(toks) if stop is None else min(stop, len(toks))):
        joined = ""
        for j in range(i, min(i + width, len(toks))):
            joined += toks[j].key
            if joined == key:
                return i, Token(key, toks[i].start, toks[j].end)
            if not key.startswith(joined):
                break
    return None


def where(text: str, value: str, after: int = 0) -> tuple[int, int]:
    """Offsets of `value` in a structured entry's text (its first occurrence from `after`)."""
    for start in (after, 0):
        i = text.find(value, start)
        if i >= 0:
            return i, i + len(value)
    return 0, len(text)


# ---------------------------------------------------------------- pairing entries

def similarity(a: Entry, b: Entry) -> float:
    """How much of a's content b's text holds (0..1), plus agreement of label and DOI."""
    if not a.words:
        return 0.0
    bkeys = {t.key for t in b.tokens}
    joined = {x.key + y.key for x, y in zip(b.tokens, b.tokens[1:])}
    score = len({w for w in a.words if w in bkeys or w in joined}) / len(a.words)
    if a.ref.label and a.ref.label == b.ref.label:
        score += 0.25
    if a.ref.doi and b.ref.doi and fold(a.ref.doi) == fold(b.ref.doi):
        score += 0.5
    return score


def pair(a: list[Entry], b: list[Entry], threshold: float = 0.6) -> list[tuple[Entry, Entry]]:
    """Entries of two lists paired greedily by similarity; each entry is used once."""
    scored = []
    for x in a:
        for y in b:
            s = similarity(x, y)
            if s >= threshold:
                scored.append((-s, abs(x.index - y.index), x.index, y.index))
    used_a, used_b, out = set(), set(), []
    for _, _, i, j in sorted(scored):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((a[i], b[j]))
    # Two entries the PDF text ran together ("... Genome 36:181-186 Anonymous (1994) ...") are
    # one entry there: an entry left over that the other's entry holds almost whole joins it.
    for s, _, i, j in sorted(scored):
        if i not in used_a and -s >= 0.85:
            used_a.add(i)
            out.append((a[i], b[j]))
    return sorted(out, key=lambda p: p[0].index)


# ---------------------------------------------------------------- whole-text presence

def present_in(e: Entry, whole: str, structured: bool) -> bool:
    """Whether another rendering's whole text (`whole_text`) holds this entry: its title, or
    runs of its words, as contiguous keys (the reader may not have split that rendering's list
    into entries the same way, and a title may be broken by a line end or a running head)."""
    if structured:
        title = fold(e.ref.title)
        if len(title) < 15:
            return True  # too little to tell
        return title[:25] in whole or title[-25:] in whole
    links = [m.span() for m in LINK.finditer(e.text)]
    words = [t.key for t in e.tokens if not any(a <= t.start < b for a, b in links)]
    runs = ["".join(words[i:i + 4]) for i in range(0, max(len(words) - 3, 0), 3)][:8]
    if len(runs) < 2:
        return True
    return any(r in whole for r in runs)


def whole_text(rendering: Rendering) -> str:
    """The keys of everything a rendering says, run together (blocks, references, title)."""
    parts = [b.text.text for b in rendering.blocks] + [r.text.text for r in rendering.references]
    if rendering.meta.title is not None:
        parts.append(rendering.meta.title.text)
    return "".join(t.key for p in parts for t in tokens(p))
