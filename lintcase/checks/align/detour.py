"""Reading a gap's reference words in the other rendering along its source lines, with a
detour: two-column text that a text extraction read line by line interleaves the columns."""
from __future__ import annotations

from collections import defaultdict

from ...facts.words import keys

DETOUR = 300  # words of the other rendering either side of a gap searched for its lines


class Detour:
    """Pair's reading of the other rendering line by line (a mixin: Pair holds the state)."""

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
