"""Field-by-field comparison of two paired reference entries.

`a` is the structured entry (JATS, else HTML): its fields are the values; `b` is the other
rendering's entry, whose printed text is searched for them. A value is reported only when `b`
visibly prints a different one — a near-identical surname in its author list, another year, a
DOI that starts the same way — never merely because `b` lacks it (PDF lists cut authors with
"et al.", many publishers print no DOIs, an entry's tail can sit in the next column).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ...facts.references import DOI_START, Entry, Token, find_key, fold, surnames, where


@dataclass(frozen=True)
class Difference:
    field: str
    value: str        # as a states it
    other: str        # as b prints it
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    kind: str = "differs"   # differs | order | diacritics


def _near(key: str, toks: list[Token], limit: int, width: int) -> tuple[int, Token] | None:
    """The run of up to `width` tokens of `toks` closest to `key`, if one or two edits away."""
    best = None
    allowed = 1 if len(key) <= 6 else 2
    for i in range(min(limit, len(toks))):
        joined = ""
        for j in range(i, min(i + width, len(toks))):
            joined += toks[j].key
            if len(joined) - len(key) > allowed:
                break
            if not joined.isalpha() or len(key) - len(joined) > allowed:
                continue
            if joined.startswith(key) or key.startswith(joined):
                continue  # a whole token more or less ("Lancet" + the initial "O"): no misspelling
            d = Levenshtein.distance(key, joined, score_cutoff=allowed)
            if 0 < d <= allowed and (best is None or d < best[0]):
                best = (d, Token(joined, toks[i].start, toks[j].end))
    return best


def _author_zone(a: Entry, b: Entry) -> int:
    """How many of b's tokens come before its title (where its author list ends)."""
    words = [fold(w) for w in a.ref.title.split()[:3] if len(fold(w)) >= 3]
    for i, t in enumerate(b.tokens):
        if words and t.key == words[0] and all(
                k < len(b.tokens) and b.tokens[k].key == w for k, w in enumerate(words, i)):
            return i
    return min(len(b.tokens), 40)


def authors(a: Entry, b: Entry):
    """Each surname of a in b's author list: spelt the same, and in the same order."""
    zone, pos, at = _author_zone(a, b), 0, 0
    names = surnames(a.ref)
    keys = [fold(s) for s in names]
    for name in names:
        key = fold(name)
        if len(key) < 2:
            continue
        at_a = where(a.text, name, at)
        at = at_a[1]
        hit = find_key(b.tokens, key, pos, zone + 4)
        if hit is not None:
            pos = hit[0] + 1
            t = hit[1]
            if _lost_accents(name, b.text[max(0, t.start - 2):t.end + 2]):
                yield Difference("author", name, b.text[t.start:t.end], at_a, (t.start, t.end),
                                 "diacritics")
            continue
        before = find_key(b.tokens, key, 0, zone)
        if before is not None:
            t = before[1]
            yield Difference("author", name, b.text[t.start:t.end], at_a, (t.start, t.end),
                             "order")
            continue
        near = _near(key, b.tokens, zone, len(name.split()) + 1)
        # a near name that is another author of a is that author, unless b prints it more often
        if near is not None and (near[1].key not in keys or keys.count(near[1].key) <
                                 sum(t.key == near[1].key for t in b.tokens[:zone + 4])):
            t = near[1]
            yield Difference("author", name, b.text[t.start:t.end], at_a, (t.start, t.end))


def _lost_accents(name: str, printed: str) -> bool:
    """a writes the name with accented letters, b prints plain letters with no accent beside
    them (PDF text often sets an accent as a separate mark before or after its letter)."""
    if not any(ord(c) > 127 for c in name if c.isalpha()):
        return False
    return not any(ord(c) > 127 and (c.isalpha() or unicodedata.combining(c)
                                     or unicodedata.category(c) == "Sk") for c in printed)


def year(a: Entry, b: Entry):
    """a's year field against the years b prints; else any year-like number the two entries
    print at the same place (between the same words) with one digit changed: a year in a title,
    a URL or an access date."""
    found = list(_stated_year(a, b))
    yield from found or _changed_year(a, b)


_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_FOUR = re.compile(r"\d{4}")


def _changed_year(a: Entry, b: Entry):
    ya, yb = _fours(a), _fours(b)
    only_a = Counter(t.key for _, t in ya) - Counter(t.key for _, t in yb)
    only_b = Counter(t.key for _, t in yb) - Counter(t.key for _, t in ya)
    if sum(only_a.values()) != 1 or sum(only_b.values()) != 1:
        return
    x, y = next(iter(only_a)), next(iter(only_b))
    if sum(p != q for p, q in zip(x, y)) != 1 or not (_YEAR.fullmatch(x) or _YEAR.fullmatch(y)):
        return
    (i, s), (j, t) = next(p for p in ya if p[1].key == x), next(p for p in yb if p[1].key == y)
    if _beside(a.tokens, i) & _beside(b.tokens, j):
        yield Difference("year", a.text[s.start:s.end], b.text[t.start:t.end],
                         (s.start, s.end), (t.start, t.end))


def _fours(e: Entry) -> list[tuple[int, Token]]:
    """Four-digit tokens with their index, outside DOIs (a DOI one rendering omits)."""
    dois = [m.span() for m in DOI_START.finditer(e.text)]
    return [(i, t) for i, t in enumerate(e.tokens) if _FOUR.fullmatch(t.key)
            and not any(x <= t.start < y for x, y in dois)]


def _beside(toks: list[Token], i: int) -> set:
    """The words either side of token i (position-tagged, so 'before' only meets 'before')."""
    return {(k, toks[i + k].key) for k in (-1, 1)
            if 0 <= i + k < len(toks) and not toks[i + k].key.isdigit()}


def _stated_year(a: Entry, b: Entry):
    y = a.ref.year
    if not re.fullmatch(r"\d{4}", y) or not _intact(a, b, "volume", "pages"):
        return
    in_title = {fold(w) for w in re.findall(r"\d+", a.ref.title)}
    printed = [t for t in b.numbers if re.fullmatch(r"\d{4}[a-z]?", t.key)
               and not _in_range(b.text, t)]
    # a year that is also the volume ("vol. 2016, ... 2016") must be printed as often in b
    need = 1 + (_first_number(a.ref.volume) == y)
    if sum(t.key[:4] == y for t in printed) >= need:
        return
    start = _start(a, b)  # another year is looked for only after a's entry begins in b
    years = [t for t in printed if t.start >= start and t.key not in in_title]
    cands = [t for t in years if t.key[:4] != y and re.match(r"(?:1[5-9]|20)\d\d", t.key)
             or sum(p != q for p, q in zip(t.key, y)) == 1]
    if cands:
        t = min(cands, key=lambda t: sum(p != q for p, q in zip(t.key, y)))
        yield Difference("year", y, b.text[t.start:t.end], where(a.text, y, _after_title(a)),
                         (t.start, t.end))


def _start(a: Entry, b: Entry, title_first: bool = False) -> int:
    """Where a's entry begins in b's text: its title (for numbers that follow the title) or
    its first author; b's entry may hold the end of the entry before it (PDF columns)."""
    names = [fold(s) for s in surnames(a.ref)[:3]]
    title = [k for w in a.ref.title.split()[:1] if (k := fold(w))]
    # the year may precede the title (author-year styles): look for it after the authors only
    for key in (title + names) if title_first else names:
        if key and (hit := find_key(b.tokens, key)) is not None:
            return hit[1].start
    return 0


def _intact(a: Entry, b: Entry, *fields: str) -> bool:
    """b prints a's other numbers (when a has any): its entry is whole and really this one, not
    two entries of a PDF's columns run together."""
    want = [n for f in fields if (n := _first_number(getattr(a.ref, f)))]
    return not want or any(t.key == n for n in want for t in b.numbers)


def _in_range(text: str, t: Token) -> bool:
    """Part of a page range ("1998–2004") rather than a year."""
    return bool(re.match(r"\s*[–—-]\s*\d", text[t.end:t.end + 3])) or \
        bool(re.search(r"\d\s*[–—-]\s*$", text[max(0, t.start - 3):t.start]))


def _after_title(a: Entry) -> int:
    i = a.text.find(a.ref.title) if a.ref.title else -1
    return i + len(a.ref.title) if i >= 0 else 0


def doi(a: Entry, b: Entry):
    """Each DOI a states (its field, or printed in its text) against the DOIs b prints, and
    b's against a's, compared on letters and digits: a DOI broken at a line end or printed with
    a resolver prefix is the same DOI."""
    mine, theirs = printed_dois(a, with_field=True), printed_dois(b)
    seen = set()
    for x, ys, swap in [(x, theirs, False) for x in mine] + [(y, mine, True) for y in theirs]:
        if not ys or any(_distance(x[0], y[0]) == 0 for y in ys):
            continue
        y = min(ys, key=lambda y: _distance(x[0], y[0]))
        d = _distance(x[0], y[0])
        if not 0 < d <= 3 or len(min(x[0], y[0], key=len)) < 8:
            continue  # another DOI altogether, or a cut one: not a character changed
        (p, q) = (y, x) if swap else (x, y)
        if (p[0], q[0]) not in seen:
            seen.add((p[0], q[0]))
            yield Difference("DOI", p[1], q[1], p[2], q[2])


def printed_dois(e: Entry, with_field: bool = False) -> list[tuple[str, str, tuple[int, int]]]:
    """(key, as printed, span) of each DOI in the entry's text; with_field also the DOI field
    when the text does not print it (a JATS pub-id is in the text, an HTML link may not be)."""
    out = []
    for m in DOI_START.finditer(e.text):
        keyed = [(c.casefold(), i) for i, c in enumerate(e.text[m.start():m.end()], m.start())
                 if c.isalnum()]
        if keyed:
            out.append(("".join(k for k, _ in keyed), re.sub(r"\s+", "", m.group()).rstrip(".,;"),
                        (m.start(), keyed[-1][1] + 1)))
    if with_field and e.ref.doi and fold(e.ref.doi) not in {k for k, _, _ in out}:
        out.append((fold(e.ref.doi), e.ref.doi, where(e.text, e.ref.doi)))
    # identifiers set one after another ("…pce.12420" + "25074340") run together: keep the
    # shortest of DOIs that extend one another
    return [d for d in out if not any(o[0] != d[0] and d[0].startswith(o[0]) for o in out)]


def _distance(x: str, y: str) -> int:
    """Edits between two DOI keys over their common length: a DOI that runs on into the next
    words of the entry ("...01.001. 2005"), or is cut short, equals its full form."""
    n = min(len(x), len(y))
    return Levenshtein.distance(x[:n], y[:n], score_cutoff=4)


def numbers(field: str):
    """Volume or first page: a's value among b's numbers, else b's parsed value if it differs."""
    def compare(a: Entry, b: Entry):
        want = _first_number(getattr(a.ref, field))
        got = _first_number(getattr(b.ref, field))
        if not want or not got or want == got or any(t.key == want for t in b.numbers):
            return
        if not _intact(a, b, *[f for f in ("volume", "pages", "year") if f != field]):
            return
        start = _start(a, b, title_first=True)
        t = next((t for t in b.numbers if t.key == got and t.start >= start), None)
        if t is not None:
            yield Difference(field, want, got, where(a.text, want, _after_title(a)),
                             (t.start, t.end))
    return compare


def _first_number(value: str) -> str:
    m = re.match(r"\s*[A-Za-z]?(\d+)", value)
    return fold(m.group()) if m else ""


def title(a: Entry, b: Entry):
    """A word of a's title that b prints with one letter changed (same length: a font losing
    a ligature or an accent changes the length, a typing slip does not)."""
    keys = {t.key for t in b.tokens} | {x.key + y.key for x, y in zip(b.tokens, b.tokens[1:])}
    own = {fold(w) for w in a.ref.title.split()}
    for m in re.finditer(r"[^\W\d_]{5,}", a.ref.title):
        key = fold(m.group())
        if key in keys:
            continue
        for t in b.tokens:
            if len(t.key) == len(key) and t.key.isalpha() and t.key not in own and \
                    sum(p != q for p, q in zip(t.key, key)) == 1:
                at = where(a.text, m.group(), a.text.find(a.ref.title))
                yield Difference("title", m.group(), b.text[t.start:t.end], at, (t.start, t.end))
                break


COMPARE = {"authors": authors, "year": year, "doi": doi, "volume": numbers("volume"),
           "pages": numbers("pages"), "title": title}
