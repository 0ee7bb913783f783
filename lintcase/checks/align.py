"""align: the paragraphs of two renderings say the same words, up to rendering noise.

Each paragraph of the reference rendering (JATS when there is one) is tied to the other
rendering by anchors: word 5-grams that occur exactly once in both. Only the short stretches
between anchors are compared word by word, on keys that ignore case, punctuation, quotes,
dashes and ligatures, so the cost stays linear in the article's length. A difference is noise,
not a finding, when it is explained by how renderings are made: a word split or joined at a line
end, citation numbers set differently or run into a word, one glyph a font lost in a word
without digits, words of another paragraph (a caption, a running head) dropped into the gap, or
two columns whose lines a text extraction interleaved (the words read there line by line, a
word hyphenated at a line end joined again to its rest). A changed digit is never noise.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher

from rapidfuzz.distance import Levenshtein

from ..facts import facts
from ..facts.words import FOLD, keys
from ..model import Article, Location, Rendering
from . import PREFER_OPTION, Hit, by_preference
from ._merge import Diff, merged

# What PDF fonts turn symbols into in the extracted text, seen on the corpus pairs (checked
# against rendered pages): "SVL = 37" -> "SVL537", "1×" -> "19", "−1.4" -> "21.4",
# "00′33" -> "00933", "∼2 g" -> ",2 g", "∑Pi" -> "P". Only these stand-ins are accepted.
SYMBOL_ALIASES = {"=": "[5]?", "×": "[9x]?", "−": "[2]?", "–": "[2]?", "′": "[09]?",
                  "″": "0{0,2}", "°": "[9o]?", "±": "[6]?", "∼": "", "~": "", "∑": "[p]?",
                  "≤": "", "≥": "", "<": "", ">": "", "·": "", "•": "", "†": "", "‡": "",
                  "%": "", "+": "", "/": "", "µ": "[l]?", "μ": "[l]?", "γ": "[cg]?",
                  "α": "[a]?", "β": "[b]?"}
# Resolver prefixes a rendering may print before a DOI that another leaves out.
DOI_PREFIXES = {"httpsdoiorg", "httpdxdoiorg", "httpsdxdoiorg", "doi", "httpdoiorg"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")

DETOUR = 300  # words of the other rendering either side of a gap searched for its lines
MAX_PLACES = 12  # differences of a garbled paragraph located one by one (both sides each)
FIELDS = ("reference", "other", "ref_words", "other_words", "difference")

OPTIONS = {
    "type": "object",
    "properties": {
        "anchor": {"type": "integer", "minimum": 3, "maximum": 12, "default": 5},
        "prefer": PREFER_OPTION,
        "edge": {"type": "integer", "minimum": 1, "default": 8,
                 "description": "Words of the other rendering looked at before/after a paragraph."},
        "many": {"type": "integer", "minimum": 1, "default": 3,
                 "description": "A paragraph with more differences than this is reported as one "
                                "garbled paragraph (report: garbled), not word by word."},
        "report": {"enum": ["words", "garbled"], "default": "words",
                   "description": "words: each difference in paragraphs with at most `many`; "
                                  "garbled: one finding per paragraph with more."},
    },
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    order = by_preference(article.renderings, options)
    many = options.get("many", 3)
    if options.get("report", "words") == "garbled":
        for other in order[1:]:
            for a, diffs in _compared(order[0], other, options)[1]:
                if len(diffs) > many:
                    yield Pair.summary(order[0], other, a, [d.hit for d in diffs])
        return
    pairs = [_compared(order[0], other, options) for other in order[1:]]
    diffs = [d for pair, paragraphs in pairs for _, ds in paragraphs if len(ds) <= many for d in ds]
    yield from merged(order[0], [pair for pair, _ in pairs], diffs)


_cache: dict = {}


def forget() -> None:
    _cache.clear()


def _compared(ref: Rendering, other: Rendering, options: dict) -> tuple:
    """(Pair, per-paragraph differences) of one pair, computed once for the rules sharing it."""
    key = (id(ref), id(other), options.get("anchor", 5), options.get("edge", 8))
    hit = _cache.get(key)
    if hit is None or hit[0] is not ref or hit[1] is not other:
        if len(_cache) > 64:
            _cache.clear()
        pair = Pair(ref, other, options)
        hit = _cache[key] = (ref, other, (pair, list(pair.paragraphs())))
    return hit[2]


class Pair:
    """One reference rendering against one other rendering."""

    def __init__(self, ref: Rendering, other: Rendering, options: dict):
        self.ref, self.other = ref, other
        self.n = options.get("anchor", 5)
        self.edge = options.get("edge", 8)
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

    def _noise(self, xs: list[int], ps: list[int], near: list[int] = ()) -> bool:
        X, P = self.X, self.P
        xk = "".join(X[i].key for i in xs if not _numbered(X[i]))
        pk = "".join(P[j].key for j in ps)
        if xk == pk:
            return True  # split/joined words, citation numbers run into a word
        if any(X[i].citation for i in xs) and pk.isdigit() and not xk:
            return True  # citations set as "14-16" against "14, 15, 16"
        if not xs:
            return (self._displaced(ps) or self._citation_numbers(ps, near)
                    or self._overprinted("", ps) or bool(self.doi and self.doi in pk)
                    or pk in DOI_PREFIXES or self._front_matter(ps) or self._symbol_stand_in(pk, near))
        if xs and all(X[i].math for i in xs) and sorted(xk) == sorted(pk):
            return True  # inline mathematics: same symbols, set in another order
        if not ps and xs and all(X[i].math for i in xs):
            return True  # a formula whose glyphs the PDF text layer lost
        if ps and (self._interleaved(xk, ps) or self._overprinted(xk, ps)
                   or self._symbol_glyphs(xs, pk)):
            return True
        if not ps:
            return self._elsewhere(xs)
        if len(xs) == 1 == len(ps) and not any(c.isdigit() for c in xk + pk):
            if len(pk) == len(xk) - 1 >= 3 and Levenshtein.distance(xk, pk) == 1:
                return True  # one glyph the PDF's font lost (a changed letter is an edit: DNA/RNA)
            if not xk.isascii() and Levenshtein.distance(xk, pk) <= 2:
                return True  # Greek letters and symbols set in a font the text layer lost
        return False

    def _displaced(self, ps: list[int]) -> bool:
        """Extra words of the other rendering that belong to another paragraph or page furniture."""
        keys = [self.pkeys[j] for j in ps]
        if "".join(keys) in self.headings:
            return True
        in_floats = sum(1 for k in keys if k in self.float_words)
        if in_floats == len(keys) and (len(keys) > 1 or self._debris(keys[0])) \
                and not self._mid_line(ps):
            return True  # table cells, figure labels and captions flattened into the text
        if len(keys) >= 5 and in_floats >= 0.7 * len(keys):
            return True  # a table (its title, header and numbers) set inside the paragraph
        if len(keys) < 3:
            return all(k.isdigit() for k in keys)
        grams = list(zip(keys, keys[1:], keys[2:]))
        found = sum(1 for g in grams if self.x3[g] or self.p3[g] > 2)
        return found >= 0.5 * len(grams)

    def _mid_line(self, ps: list[int]) -> bool:
        """One or two words that share a source line with the running text around them: a
        float's text comes as lines of its own, not in mid-sentence."""
        P = self.P
        a, b = ps[0] - 1, ps[-1] + 1
        if len(ps) > 2 or a < 0 or b >= len(P) or not P[a].block == P[ps[0]].block == P[b].block:
            return False
        text = self.other.blocks[P[a].block].text
        first, last = text.span(P[ps[0]].start, P[ps[-1]].end), text.span(P[a].start, P[b].end)
        return first.line == first.end_line and first.line in (last.line, last.end_line)

    def _debris(self, key: str) -> bool:
        """A lone token that looks like a table cell or figure label, not a prose word."""
        return any(c.isdigit() for c in key) or key not in self.prose_words

    def _front_matter(self, ps: list[int]) -> bool:
        """A correspondence or affiliation footnote of the PDF's first page in the text flow."""
        P = self.P
        blocks = {P[j].block for j in ps}
        return any(EMAIL.search(self.other.blocks[b].text.text[P[ps[0]].start:P[ps[-1]].end]
                                if b == P[ps[0]].block else self.other.blocks[b].text.text)
                   for b in blocks)

    def _symbol_stand_in(self, pk: str, near: list[int]) -> bool:
        """One short token where the reference has a symbol between the same words: the PDF's
        font printed the symbol as a letter or digit ("∑" -> "P", "⋎" -> "g")."""
        X = self.X
        if len(pk) > 2 or len(near) != 2 or not all(0 <= i < len(X) for i in near):
            return False
        left, right = X[near[0]], X[near[1]]
        if left.block != right.block:
            return False
        between = self.ref.blocks[left.block].text.text[left.end:right.start]
        for ch in between:
            alias = SYMBOL_ALIASES.get(ch)
            if alias is not None and alias and re.fullmatch(alias, pk):
                return True
            if alias is None and unicodedata.category(ch).startswith("S") and pk.isalpha():
                return True
        return False

    def _overprinted(self, xk: str, ps: list[int]) -> bool:
        """Words a PDF draws twice (fake bold) come out doubled: "The The isolated isolated"."""
        keys = [self.pkeys[j] for j in range(max(0, ps[0] - 1), min(len(self.P), ps[-1] + 2))]
        single = [k for i, k in enumerate(keys) if i == 0 or k != keys[i - 1]]
        if len(single) == len(keys):
            return False
        inner = [self.pkeys[j] for j in ps]
        inner = [k for i, k in enumerate(inner) if i == 0 or k != inner[i - 1]]
        return "".join(inner) == xk or (not xk and len(single) < len(keys)
                                        and all(k in keys[:1] + keys[-1:] for k in inner))

    def _symbol_glyphs(self, xs: list[int], pk: str) -> bool:
        """Fonts whose symbols map to digits in the text layer ("SVL = 37" -> "SVL537",
        "−1.4" -> "21.4"): a symbol in the reference stands where the other has one character."""
        X = self.X
        if len({X[i].block for i in xs}) != 1:
            return False
        text = self.ref.blocks[X[xs[0]].block].text.text
        a, b = X[xs[0]].start, X[xs[-1]].end
        while a > 0 and text[a - 1] in SYMBOL_ALIASES:  # "(−1.4": the sign belongs to it
            a -= 1
        while b < len(text) and text[b] in SYMBOL_ALIASES:  # "1×", "2′"
            b += 1
        parts, symbols = [], 0
        for ch in text[a:b]:
            if ch in SYMBOL_ALIASES:
                symbols += 1
                parts.append(SYMBOL_ALIASES[ch])
            elif ch.isalnum():
                parts.append(re.escape(ch.translate(FOLD).casefold()))
        return symbols > 0 and re.fullmatch("".join(parts), pk) is not None

    def _interleaved(self, xk: str, ps: list[int]) -> bool:
        """The reference words, split around a run of another column's line (two-column PDFs
        interleave lines, even inside a hyphenated word: "medic<line of column 2>inal")."""
        pk = "".join(self.pkeys[j] for j in ps)
        if len(pk) <= len(xk):
            return False
        a = 0
        while a < len(xk) and xk[a] == pk[a]:
            a += 1
        b = 0
        while b < len(xk) - a and xk[-1 - b] == pk[-1 - b]:
            b += 1
        if a + b < len(xk) or any(c.isdigit() for c in xk):
            return False
        inner, pos = [], 0
        for j in ps:  # the other rendering's words lying wholly inside the foreign middle
            k = self.pkeys[j]
            if pos >= a and pos + len(k) <= len(pk) - b:
                inner.append(j)
            pos += len(k)
        return bool(inner) and self._displaced(inner)

    def _detour(self, xs: list[int], p0: int, p1: int, lead: bool = False,
                trail: bool = False) -> bool:
        """The reference words, read in the other rendering along its source lines with a detour:
        from the gap's start to its line end, through whole lines nearby, then from a line start
        to the gap's end. Two-column text extracted line by line interleaves the columns, and a
        word hyphenated at a line end is glued to the other column's next line ("cho-" + "of" =
        "choof", "sen because …" some lines later). At a paragraph's edge (`lead`, `trail`) the
        words may begin (end) inside one of the gap's lines. The gap's words left out must be
        another paragraph's (`_displaced`); every character is matched exactly, so a changed
        digit or word is never explained this way."""
        X = self.X
        target = "".join(X[i].key for i in xs if not _numbered(X[i]))
        frags = self._fragments(max(0, p0 - DETOUR), min(len(self.P), p1 + DETOUR))
        s = next((k for k, f in enumerate(frags) if f[2] >= p0), len(frags))
        e = next((k for k, f in enumerate(frags) if f[2] >= p1), len(frags))
        if not target or s >= e:
            return False
        runs = _line_runs(frags, s, e)  # (first, last + 1) fragment indices of each gap line
        firsts = [range(s, s)] if lead or runs[0][0] == s and _starts(frags, s) else []
        lasts = [range(e, e)] if trail or runs[-1][1] == e and _ends(frags, e) else []
        firsts += [range(k, r1) for r0, r1 in runs for k in range(r0, r1)] if lead \
            else [range(s, runs[0][1])]
        lasts += [range(r0, k) for r0, r1 in runs for k in range(r0 + 1, r1 + 1)] if trail \
            else [range(runs[-1][0], e)]
        lines: dict = defaultdict(list)
        for k, (_, line, _) in enumerate(frags):
            lines[line].append(k)
        for first in firsts:
            for last in lasts:
                if first and last and first.stop > last.start:
                    continue
                if self._reads(target, frags, first, last, lines, s, e):
                    return True
        return False

    def _reads(self, target: str, frags: list, first: range, last: range, lines: dict,
               s: int, e: int) -> bool:
        """Whether target = first fragments + whole lines + last fragments, the gap's other
        words being displaced text and something being skipped or fetched (a real detour)."""
        head = "".join(frags[k][0] for k in first)
        tail = "".join(frags[k][0] for k in last)
        if len(head) + len(tail) > len(target) or not target.startswith(head) \
                or not target.endswith(tail):
            return False
        taken = {frags[k][1] for k in (*first, *last)}
        # A line of two words ("Ocimum species.", a paragraph's last) may be fetched, not one
        # word alone, nor two with a digit (page numbers, years): too likely met by chance.
        whole = [(line, "".join(frags[k][0] for k in ks)) for line, ks in lines.items()
                 if line not in taken and (len(ks) >= 3 or len(ks) == 2 and not any(
                     c.isdigit() for k in ks for c in frags[k][0]))]
        middle = _cover(target[len(head):len(target) - len(tail)], whole)
        if middle is None:
            return False
        used = set(first) | set(last) | {k for line in middle for k in lines[line]}
        skipped = sorted({frags[k][2] for k in range(s, e) if k not in used}
                         - {frags[k][2] for k in used})
        if not middle and not skipped:
            return False
        return not skipped or self._displaced(skipped)

    def _fragments(self, a: int, b: int) -> list[tuple[str, int, int]]:
        """(key, source line, word index) of the other rendering's words a..b, a word joined
        across a line end (its hyphen dropped) split into its two lines' parts."""
        out = []
        for j in range(a, b):
            pieces = self._pieces.get(j)
            if pieces is None:  # computed once per word: gaps' windows overlap
                pieces = self._pieces[j] = self._word_pieces(j)
            out += pieces
        return out

    def _word_pieces(self, j: int) -> list[tuple[str, int, int]]:
        w = self.P[j]
        text = self.other.blocks[w.block].text
        line, end_line = _line(text, w.start), _line(text, w.end, end=True)
        if line == end_line:
            return [(w.key, line, j)]
        cut = next((c for c in range(w.start + 1, w.end) if _line(text, c) != line), w.end)
        first = "".join(keys(text.text[w.start:cut]))
        second = "".join(keys(text.text[cut:w.end]))
        if first + second != w.key or not first or not second:
            return [(w.key, line, j)]
        return [(first, line, j), (second, _line(text, cut), j)]

    def _elsewhere(self, xs: list[int]) -> bool:
        """Reference words that the other rendering has, but elsewhere (reading order)."""
        X = self.X
        if all(_numbered(X[i]) for i in xs):
            return True
        keys = [X[i].key for i in xs if not _numbered(X[i])]
        if len(keys) < 3:
            return False
        grams = list(zip(keys, keys[1:], keys[2:]))
        if sum(1 for g in grams if self.p3[g]) >= 0.8 * len(grams):
            return True
        # Its lines interleaved with another column's: then every word, not most, must be read
        # there in a 3-gram, so an inserted, dropped or changed word or digit is never noise.
        skip = self._skip_grams()
        full = [X[i].key for i in xs]
        found = [bool(self.p3[g] or g in skip) for g in zip(full, full[1:], full[2:])]
        return all(any(found[max(0, k - 2):k + 1]) for k, i in enumerate(xs) if not _numbered(X[i]))

    def _skip_grams(self) -> set:
        """The other rendering's 3-grams across a line end that skip the next line, a word
        hyphenated there joined again ("cho-" + "sen"): two-column text extracted line by line
        reads this way."""
        if self._skip is None:
            frags = self._fragments(0, len(self.P))
            runs = [frags[a:b] for a, b in _line_runs(frags, 0, len(frags))]
            self._skip = set()
            for i, j in ((i, j) for i in range(len(runs)) for j in (i + 2, i + 3)
                         if j < len(runs)):  # a short line shifts the alternation by one
                a, b = [f[0] for f in runs[i][-2:]], [f[0] for f in runs[j][:3]]
                joined = a[:-1] + [a[-1] + b[0]] + b[1:]  # a word hyphenated at the line end
                split = runs[i + 1][0][2] == runs[i][-1][2]  # its hyphen already dropped
                for junction in (joined,) if split else (joined, a + b):
                    self._skip.update(zip(junction, junction[1:], junction[2:]))
        return self._skip

    def _citation_numbers(self, ps: list[int], near: list[int]) -> bool:
        """Bare numbers in the other rendering where the reference has a citation beside them."""
        limit = max(len(self.ref.references), 1)
        numbers = [self.pkeys[j] for j in ps]
        if not all(k.isdigit() and int(k) <= limit for k in numbers):
            return False
        return any(0 <= i < len(self.X) and self.X[i].citation for i in near)

    def _diff(self, xs: list[int], ps: list[int], at: int, xat: int | None = None) -> Diff:
        x0 = xs[0] if xs else (xat if xat is not None else 0)
        x1 = xs[-1] + 1 if xs else x0
        return Diff(self.other.path, self.other.kind, x0, x1,
                    " ".join(self.pkeys[j] for j in ps), self._hit(xs, ps, at, xat))

    def compared(self, x: int) -> bool:
        """Whether the paragraph of reference word x was tied to this rendering by anchors."""
        return bool(self.X) and self.X[min(x, len(self.X) - 1)].block in self.anchored

    def located(self, x0: int, x1: int) -> Location | None:
        """Where this rendering has reference words [x0, x1) (or the point before x0 when the
        range is empty), when the comparison found them equal; None when it did not."""
        if x0 not in self.same or (x1 > x0 and x1 - 1 not in self.same):
            return None
        p0 = self.same[x0]
        if x1 == x0:
            return self._point(p0)
        p1 = self.same[x1 - 1]
        if p1 < p0 or self.P[p1].block != self.P[p0].block:
            return self._point(p0)
        return self._place(self.other, self.P, list(range(p0, p1 + 1)))[0]

    def _hit(self, xs: list[int], ps: list[int], at: int, xat: int | None = None) -> Hit:
        ref, other = self.ref, self.other
        locs = []
        xtext = ptext = ""
        if xs:
            loc, xtext = self._place(ref, self.X, xs)
            locs.append(loc)
        elif xat is not None:  # where the reference lacks the words: after the word before
            X = self.X
            if 0 < xat < len(X) and X[xat - 1].block == X[xat].block:
                locs.append(_point(ref, X, xat - 1, True, self._lead(ps, X[xat - 1], X[xat])))
            else:
                locs.append(_point(ref, X, min(xat, len(X) - 1) if xat < len(X) or not X
                                   else xat, xat >= len(X)))
        if ps:
            loc, ptext = self._place(other, self.P, ps)
            locs.append(loc)
        else:
            locs.append(self._point(at))
        if xs and not ps:
            diff = f"“{xtext}” is in the {ref.kind} rendering but not in the {other.kind} rendering"
        elif ps and not xs:
            diff = f"“{ptext}” is in the {other.kind} rendering but not in the {ref.kind} rendering"
        else:
            diff = f"the {ref.kind} rendering has “{xtext}” where the {other.kind} rendering has “{ptext}”"
        evidence = " ".join(self.xkeys[i] for i in xs) + " | " + " ".join(self.pkeys[j] for j in ps)
        return Hit(tuple(locs), {"reference": ref.kind, "other": other.kind, "ref_words": xtext,
                                 "other_words": ptext, "difference": diff}, evidence)

    def _lead(self, ps: list[int], before, after) -> int:
        """How far past the reference's word `before` the missing words go: as many characters
        of the gap as the other rendering has between its word before them and them ("(a), "
        in "(a), quercetin (b)")."""
        if not ps or ps[0] == 0 or self.P[ps[0] - 1].block != self.P[ps[0]].block:
            return 0
        ptext = self.other.blocks[self.P[ps[0]].block].text.text
        pgap = ptext[self.P[ps[0] - 1].end:self.P[ps[0]].start]
        xgap = self.ref.blocks[before.block].text.text[before.end:after.start]
        n = 0
        while n < min(len(pgap), len(xgap)) and pgap[n] == xgap[n]:
            n += 1
        return n

    @staticmethod
    def _place(rendering: Rendering, words, idx: list[int]):
        first = words[idx[0]]
        block = rendering.blocks[first.block]
        last = max((words[i] for i in idx if words[i].block == first.block), key=lambda w: w.end)
        loc = Location.at(rendering, block.text, first.start, last.end, _section(block))
        return loc, block.text.text[first.start:last.end]

    def _point(self, at: int) -> Location:
        """A zero-width place in the other rendering where the missing words would be."""
        return _point(self.other, self.P, min(at, len(self.P) - 1), at >= len(self.P))


def _numbered(word) -> bool:
    """A citation number: set differently everywhere ("14-16", "14, 15, 16", superscripts).
    The names of an author-year citation are words like any other."""
    return word.citation and word.key.isdigit()


def _cover(target: str, lines: list[tuple[int, str]], depth: int = 0) -> list[int] | None:
    """The lines whose texts, one after another, are `target` (each used once), or None."""
    if not target:
        return []
    if depth > 12:
        return None
    for k, (line, text) in enumerate(lines):
        if text and target.startswith(text):
            rest = _cover(target[len(text):], lines[:k] + lines[k + 1:], depth + 1)
            if rest is not None:
                return [line, *rest]
    return None


def _line(text, i: int, end: bool = False) -> int:
    """The source line of text offset i (as `text.span(i, ...)` gives it), without the span."""
    return text.source.position(text.source_offset(i, end))[0]


def _line_runs(frags: list, s: int, e: int) -> list[tuple[int, int]]:
    """The fragments s..e grouped by source line, as (start, stop) index pairs."""
    runs, k = [], s
    while k < e:
        stop = k
        while stop < e and frags[stop][1] == frags[k][1]:
            stop += 1
        runs.append((k, stop))
        k = stop
    return runs


def _starts(frags: list, k: int) -> bool:
    return k == 0 or frags[k - 1][1] != frags[k][1]


def _ends(frags: list, k: int) -> bool:
    return k == len(frags) or frags[k - 1][1] != frags[k][1]


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


def _point(rendering: Rendering, words: list, i: int, after: bool, skip: int = 0) -> Location:
    """A zero-width location before word i (after it when `after`, then `skip` characters on)."""
    if not words:
        return Location(rendering.path, 1, 1, 1, 1, rendering.kind, "", "")
    w = words[i]
    pos = w.end + skip if after else w.start
    block = rendering.blocks[w.block]
    return Location.at(rendering, block.text, pos, pos, _section(block))


def _section(block) -> str:
    return f"{block.label} caption" if block.kind == "caption" and block.label else \
        (block.section_name or block.kind)


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
