"""Where a difference is: its locations in both renderings and the words a message shows."""
from __future__ import annotations

from ...model import Location, Rendering
from ..kit.hit import Hit
from ..kit.merge import Diff


class Places:
    """Pair's locations of differences (a mixin: Pair holds the state)."""

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
