"""The case timeline: absolute dates and relative offsets of one rendering on one time line.

Every `date` fact is a point at its stated precision, kept as an interval of months (March 2022
is [2022·12+2, +1), 2013 a whole year), so "±1 month" and "somewhere in 2013" are one kind of
arithmetic. A `relative` fact ("four months after treatment initiation") becomes a point when
its anchor can be dated:

- "later" / "earlier": counted from the event narrated just before it — the previous date, or
  the anchor of the previous offset ("four months after treatment initiation (July 2022) and
  twenty-six months later (May 2024)" counts both from March 2022), so each is a candidate;
- "after / since / following / before X": counted from the nearest earlier sentence that holds
  one date and the words of X, compared as word classes ("treatment initiation" = "therapy
  was commenced"); "after 4 months of treatment" means after treatment *started*.

An anchor that cannot be dated leaves the offset off the line: a wrong base would turn every
guess into a false finding. A date written next to an offset ("(July 2022)") is the date the
offset claims; it dates the offset's event, never an anchor for another one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Fact, Rendering
from . import dates
from .registry import facts
from .sentences import boundaries, sentence_span

DAYS_PER_MONTH = 365.25 / 12
_IN_MONTHS = {"day": 1 / DAYS_PER_MONTH, "week": 7 / DAYS_PER_MONTH, "month": 1, "year": 12}
# Words that name the same kind of event; anything else is compared on its first five letters.
_CLASSES = [(re.compile(p), c) for p, c in (
    (r"start|begin|began|begun|initiat|commenc|onset|introduc|institut", "start"),
    (r"treat|therap|chemo|regimen|medicat|administ", "treat"),
    (r"surg|operat|resect|\w+ectomy|excis", "surgery"), (r"diagnos", "diagnos"),
    (r"admi[st]", "admission"), (r"discharg", "discharge"), (r"biops", "biopsy"))]
_SKIP = re.compile(r"(?:the|a|an|of|her|his|their|its|this|that|our|to|in|on|at|and|was|were|"
                   r"is|be|been|with|for|by|initial|patient)$", re.I)
_BACKWARD = {"before", "prior to", "earlier"}
_NEXT_TO_AFTER = re.compile(r"\s*[(\[,;]?\s*(?:(?:in|on)\s+)?$")
_NEXT_TO_BEFORE = re.compile(r"^[\s,;(]*$")
_OF_FORM = re.compile(r"(?:days?|weeks?|months?|years?)\s+of\s", re.I)


@dataclass(frozen=True)
class When:
    """A time as an interval of months [lo, hi) since year 0, and the precision it was given at."""

    lo: float
    hi: float
    precision: str

    def shift(self, months: float) -> "When":
        return When(self.lo + months, self.hi + months, self.precision)

    def gap(self, other: "When") -> float:
        """How many months apart two intervals are (≤ 0 when they overlap or touch)."""
        return max(self.lo - other.hi, other.lo - self.hi)

    def show(self) -> str:
        y, m = divmod(int(self.lo + 1e-9), 12)
        if self.precision == "year":
            return str(y)
        name = list(dates.MONTHS)[m]
        if self.precision == "day":
            return f"{name.capitalize()} {int(round((self.lo - int(self.lo)) * 31)) + 1}, {y}"
        return f"{name.capitalize()} {y}"


def when(iso: str, precision: str | None = None) -> When | None:
    """An ISO date at its precision ("2022", "2022-03", "2022-03-21") as a When."""
    parts = [int(p) for p in iso.split("-") if p.isdigit()]
    if not parts:
        return None
    if len(parts) == 1:
        return When(parts[0] * 12, parts[0] * 12 + 12, "year")
    m = parts[0] * 12 + parts[1] - 1
    if len(parts) == 2:
        return When(m, m + 1, "month")
    d = (parts[2] - 1) / 31
    return When(m + d, m + d + 1 / 31, "day")


@dataclass(frozen=True)
class Entry:
    """One point of the timeline: where it is said, when, and how that was worked out.

    `stated` is the absolute date written next to an offset; `bases` are the dates an offset
    may be counted from; `expected` the times those give (one per base)."""

    fact: Fact
    when: When | None
    origin: str                      # "stated" (a date) or "offset" (a relative expression)
    stated: Fact | None = None
    bases: tuple[Fact, ...] = ()
    expected: tuple[When, ...] = ()


def months(rel: Fact) -> float:
    unit, n, _ = rel.value
    return n * _IN_MONTHS.get(unit, 0)


def direction(rel: Fact) -> int:
    anchor = rel.value.anchor
    return -1 if any(anchor == w or anchor.startswith(w + " ") for w in _BACKWARD) else 1


def timeline(rendering: Rendering, date_facts: list[Fact], rel_facts: list[Fact]) -> list[Entry]:
    """Dates and datable offsets of one rendering, in the order the text narrates them."""
    order = {id(b): i for i, b in enumerate(rendering.blocks)}
    def at(f): return (order.get(id(f.block), 0), f.start)
    rels = [r for r in sorted(rel_facts, key=at) if r.value.unit in _IN_MONTHS]
    attached = {id(r): _next_date(r, date_facts) for r in rels}
    taken = {id(d) for d in attached.values() if d is not None}
    free = [d for d in sorted(date_facts, key=at) if id(d) not in taken]
    out = [Entry(d, when(d.value.iso), "stated") for d in free]
    prev_bases: dict[int, tuple[Fact, ...]] = {}
    for r in rels:
        bases = _bases(r, date_facts, free, rels, attached, prev_bases, at)
        prev_bases[id(r)] = bases
        stated = attached[id(r)]
        shift = direction(r) * months(r)
        expected = tuple(w.shift(shift) for b in bases if (w := when(b.value.iso)))
        best = when(stated.value.iso) if stated else (expected[0] if len(expected) == 1 else None)
        out.append(Entry(r, best, "offset", stated, bases, expected))
    return sorted(out, key=lambda e: at(e.fact))


def _next_date(rel: Fact, date_facts: list[Fact]) -> Fact | None:
    """The absolute date written right next to an offset: "(July 2022" or "In July 2022, …"."""
    text = rel.block.text.text
    for d in date_facts:
        if d.block is not rel.block:
            continue
        if 0 <= d.start - rel.end <= 6 and _NEXT_TO_AFTER.match(text[rel.end:d.start]):
            return d
        if 0 <= rel.start - d.end <= 3 and _NEXT_TO_BEFORE.match(text[d.end:rel.start]):
            return d
    return None


def _bases(rel, date_facts, free, rels, attached, prev_bases, at) -> tuple[Fact, ...]:
    """The dates an offset may be counted from (see the module docstring)."""
    anchor = rel.value.anchor
    if anchor in ("later", "earlier"):
        before = [d for d in date_facts if at(d) < at(rel) and d is not attached[id(rel)]]
        out = [before[-1]] if before else []
        earlier = [r for r in rels if at(r) < at(rel) and r.block is rel.block]
        if earlier:
            out += [b for b in prev_bases.get(id(earlier[-1]), ()) if b not in out]
        return tuple(out)
    words = anchor.split(" ", 1)[1] if " " in anchor else ""
    need = classes(words)
    if _OF_FORM.search(rel.surface):
        need.add("start")  # "after 4 months of treatment": after treatment started
    if not need:
        return ()
    for d in reversed([d for d in free if at(d) < at(rel)]):
        if need <= classes(_sentence_without_offsets(d, rels)) and _one_date(d, free):
            return (d,)
    return ()


def classes(words: str) -> set[str]:
    """Event words as comparable classes: synonyms grouped, other words by their stem."""
    out = set()
    for w in re.findall(r"[^\W\d_]+", words.lower()):
        if _SKIP.match(w) or len(w) < 3:
            continue
        out.add(next((c for p, c in _CLASSES if p.match(w)), w[:5]))
    return out


def sentence(f: Fact) -> tuple[int, int]:
    """Start and end of the sentence a fact is in (its context reaches back to the start)."""
    starts = boundaries(f.rendering, f.block.text.text)
    return sentence_span(starts, starts[f.sentence], len(f.block.text.text))


def _sentence_without_offsets(d: Fact, rels: list[Fact]) -> str:
    """A date's sentence with the offsets in it cut out: their words name other events."""
    s0, s1 = sentence(d)
    text = d.block.text.text[s0:s1]
    for r in rels:
        if r.block is d.block and s0 <= r.start < s1:
            text = text.replace(r.surface, " ")
    return text


def _one_date(d: Fact, free: list[Fact]) -> bool:
    """A sentence with two different dates cannot say which one the event words belong to."""
    s0, s1 = sentence(d)
    values = {x.value for x in free if x.block is d.block and s0 <= x.start < s1}
    return len(values) == 1


def extract_dates_and_offsets(rendering: Rendering) -> tuple[list[Fact], list[Fact]]:
    return facts(rendering, "date"), facts(rendering, "relative")


def build(rendering: Rendering) -> list[Entry]:
    return timeline(rendering, *extract_dates_and_offsets(rendering))
