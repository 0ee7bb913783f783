"""One reference rendering against one other: anchors, gaps and edges of each paragraph."""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher

from ...facts import facts
from ...facts.words import keys
from ...model import Rendering
from ..kit.hit import Hit
from ..kit.options import with_defaults
from .detour import Detour
from .noise import Noise
from .places import Places
from .schema import OPTIONS

MAX_PLACES = 12  # differences of a garbled paragraph located one by one (both sides each)


class Pair(Noise, Detour, Places):
    """One reference rendering against one other rendering."""

    def __init__(self, ref: Rendering, other: Rendering, options: dict):
        options = with_defaults(OPTIONS, options)
        self.ref, self.other = ref, other
        self.n = options["anchor"]
        self.edge = options["edge"]
        every = facts(ref, "words")
        # The reference's compared prose drives the comparison; the other rendering's words
        # all take part (a run-in heading in a PDF holds the paragraph's first words).
        self.X, self.P = [w for w in every if w.compared], facts(other, "words")
        self.xkeys = [w.key for w in self.X]
        self.pkeys = [w.key for w in self.P]
        self.xgram_at = list(self._grams(self.xkeys))  # the n-gram starting at each word
        self.xgrams = Counter(self.xgram_at)
        self.pgrams: dict = defaultdict(list)
        for i, g in enumerate(self._grams(self.pkeys)):
            self.pgrams[g].append(i)
        doi = ref.meta.doi.text if ref.meta.doi else ""
        self.doi = "".join(re.findall(r"[^\W_]+", doi.lower()))
        known = [w.key for w in every]
        self.prose_words = {w.key for w in self.X}
        floats = {i for i, b in enumerate(ref.blocks) if b.kind in ("table", "caption", "formula")}
        self.float_words = {w.key for w in every if w.block in floats}
        # Headings and labels the other rendering may print inside a paragraph's gap.
        self.headings = {"".join(keys(b.text.text)) for b in ref.blocks if b.kind == "heading"}
        self.headings |= {"".join(keys(b.label)) for b in ref.blocks if b.label}
        for t in _meta_texts(ref):
            known += ["\0"] + keys(t.text)
        self.x3 = Counter(self._grams(known, 3))
        self.p3 = Counter(self._grams(self.pkeys, 3))
        self.same: dict[int, int] = {}  # reference word -> the other's word found equal to it
        self.anchored: set[int] = set()  # reference blocks tied to this rendering by anchors
        self._skip: set | None = None  # see _skip_grams
        self._pieces: dict[int, list] = {}  # the other's word index -> its line fragments

    def _grams(self, keys, n=None):
        n = n or self.n
        return zip(*(keys[i:] for i in range(n)))  # the n-word tuples, in order

    def paragraphs(self):
        """(first word index, differences) for each paragraph of the reference."""
        start = 0
        while start < len(self.X):
            end = start
            while end < len(self.X) and self.X[end].block == self.X[start].block:
                end += 1
            yield start, list(self._block_hits(start, end))
            start = end

    @staticmethod
    def summary(ref: Rendering, other: Rendering, a: int, hits: list) -> Hit:
        """Many differences in one paragraph: one finding that says so, not one per word."""
        first = hits[0]
        diff = (f"this paragraph of the {other.kind} rendering does not read as the {ref.kind} "
                f"rendering: {len(hits)} differences (its text layer may be garbled, e.g. "
                f"overlapping or doubled text); first: {first.fields['difference']}")
        places = list(dict.fromkeys(loc for h in hits for loc in h.locations))
        return Hit(tuple(places[:2 * MAX_PLACES]), {**first.fields, "difference": diff},
                   f"many:{len(hits)}:" + first.evidence)

    def _block_hits(self, a: int, b: int):
        pairs = self._matches(a, b)
        if not pairs:
            return  # no anchor at all: the paragraph is elsewhere or missing; see module doc
        self.same.update(pairs)
        self.anchored.add(self.X[a].block)
        first_x, first_p = pairs[0]
        yield from self._edge(range(a, first_x), range(max(0, first_p - self.edge - (first_x - a)),
                                                       first_p), leading=True)
        for (x0, p0), (x1, p1) in zip(pairs, pairs[1:]):
            if x1 - x0 > 1 or p1 - p0 > 1:
                yield from self._gap(x0 + 1, x1, p0 + 1, p1)
        last_x, last_p = pairs[-1]
        yield from self._edge(range(last_x + 1, b),
                              range(last_p + 1, min(len(self.P), last_p + 1 + self.edge + b - last_x)),
                              leading=False)

    def _matches(self, a: int, b: int) -> list[tuple[int, int]]:
        """Matched (x, p) word pairs of X[a:b], increasing in both, from unique anchors."""
        n = self.n
        anchors = []
        at, pgrams = self.xgram_at, self.pgrams
        for i in range(a, b - n + 1):
            g = at[i]
            ps = pgrams.get(g)
            if ps and len(ps) == 1 and self.xgrams[g] == 1:
                anchors.append((i, ps[0]))
        chain = _increasing(anchors)
        pairs: list[tuple[int, int]] = []
        for i, p in chain:
            for k in range(n):
                if not pairs or (i + k > pairs[-1][0] and p + k > pairs[-1][1]):
                    pairs.append((i + k, p + k))
        return pairs

    def _edge(self, xs: range, ps: range, leading: bool) -> list:
        """Words at a paragraph's start/end that the other rendering lacks next to it."""
        xk = [self.xkeys[i] for i in xs]
        pk = [self.pkeys[i] for i in ps]
        if not xk:
            return []
        if leading:
            while xk and pk and xk[-1] == pk[-1]:
                xk.pop(), pk.pop()
            extra = list(xs)[:len(xk)]
        else:
            while xk and pk and xk[0] == pk[0]:
                xk.pop(0), pk.pop(0)
            extra = list(xs)[len(list(xs)) - len(xk):]
        if not extra:
            return []
        if self._detour(extra, ps.start, ps.stop, lead=leading, trail=not leading):
            return []  # the edge words are the next or last lines of a column, read in order
        kept = list(ps)[:len(pk)] if leading else list(ps)[len(list(ps)) - len(pk):]
        beside = self._beside(extra, kept, leading)
        if beside is not None:  # most edge words are right there: compare word by word
            return list(self._gap(extra[0], extra[-1] + 1, *beside))
        if _contains(pk, xk):
            return []
        moved = self._located(extra)
        if moved is not None:  # the words are elsewhere (a page or column away): compare there
            return list(self._gap(extra[0], extra[-1] + 1, *moved))
        if self._noise(extra, []):
            return []
        return [self._diff(extra, [], ps.stop if leading else ps.start)]

    def _beside(self, xs: list[int], ps: list[int], leading: bool) -> tuple[int, int] | None:
        """The other rendering's words next to the paragraph that the reference's edge words
        are, up to one or two changed words: at least two and half of them match there."""
        if not ps:
            return None
        xk = [self.xkeys[i] for i in xs]
        pk = [self.pkeys[j] for j in ps]
        blocks = [b for b in SequenceMatcher(None, xk, pk, autojunk=False).get_matching_blocks()
                  if b.size]
        matched = sum(b.size for b in blocks)
        if matched < 2 or 2 * matched < len(xk):
            return None
        if leading:
            span = ps[0] + max(0, blocks[0].b - blocks[0].a), ps[-1] + 1
        else:
            last = blocks[-1]
            span = ps[0], ps[0] + min(len(pk), last.b + last.size + len(xk) - last.a - last.size)
        # One or two changed words; more is another paragraph that reads alike (parallel
        # captions, "… for local wildlife" / "… for translocated deer").
        changed = len(xk) - matched + (span[1] - span[0]) - matched
        return span if changed <= 2 else None

    def _located(self, xs: list[int]) -> tuple[int, int] | None:
        """Where in the other rendering a run of reference words sits, when its first and last
        word 3-grams occur there exactly once and in order (None when they do not)."""
        if len(xs) < 6:
            return None
        keys = [self.xkeys[i] for i in xs]
        first, last = tuple(keys[:3]), tuple(keys[-3:])
        a, b = self._unique3(first), self._unique3(last)
        if a is None or b is None or not a <= b + 3 <= a + 2 * len(keys) + 10:
            return None
        return a, b + 3

    def _unique3(self, gram: tuple) -> int | None:
        if self.p3[gram] != 1:
            return None
        if not hasattr(self, "_p3pos"):
            self._p3pos = {tuple(self.pkeys[i:i + 3]): i for i in range(len(self.pkeys) - 2)}
        return self._p3pos.get(gram)

    def _gap(self, xa: int, xb: int, pa: int, pb: int):
        xk, pk = self.xkeys[xa:xb], self.pkeys[pa:pb]
        if xk != pk and xb > xa and self._detour(list(range(xa, xb)), pa, pb):
            return  # the gap's lines of another column skipped, it reads as the reference
        ops = SequenceMatcher(None, xk, pk, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal":
                self.same.update((xa + i1 + k, pa + j1 + k) for k in range(i2 - i1))
                continue
            xs, ps = list(range(xa + i1, xa + i2)), list(range(pa + j1, pa + j2))
            if not self._noise(xs, ps, [xa + i1 - 1, xa + i1]) \
                    and not self._detour(xs, pa + j1, pa + j2):
                yield self._diff(xs, ps, pa + j1, xa + i1)


def _contains(seq: list[str], part: list[str]) -> bool:
    """Whether the words of `part`, joined, equal some run of whole words of `seq`, joined
    (so words split or joined at line ends match, but "with" is not found in "without")."""
    target = "".join(part)
    for i in range(len(seq)):
        run = ""
        for word in seq[i:]:
            run += word
            if len(run) >= len(target):
                break
        if run == target:
            return True
    return False


def _increasing(anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of anchors increasing in the other rendering too (patience sorting)."""
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(anchors)
    for k, (_, p) in enumerate(anchors):
        pos = bisect.bisect_left(tails, p)
        if pos == len(tails):
            tails.append(p)
            tail_idx.append(k)
        else:
            tails[pos], tail_idx[pos] = p, k
        prev[k] = tail_idx[pos - 1] if pos else -1
    out, k = [], tail_idx[-1] if tail_idx else -1
    while k != -1:
        out.append(anchors[k])
        k = prev[k]
    return out[::-1]


def _meta_texts(r: Rendering):
    m = r.meta
    single = [t for t in (m.title, m.journal, m.doi) if t is not None]
    return [*single, *m.authors, *m.affiliations, *m.keywords, *m.funding, *m.notes]
