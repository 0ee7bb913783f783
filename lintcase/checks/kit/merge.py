"""One finding per difference, however many renderings take part.

`align` compares the reference rendering with each other rendering in turn. With three or more
renderings (JATS, PDF, PDF text, HTML) the same difference shows up in several of those pairs,
and a reader wants to know which renderings agree and which one is the odd one out. Differences
that touch the same reference words are merged here; every other rendering whose comparison
found those words equal is named as agreeing with the reference, with its own location.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from .hit import Hit


@dataclass(frozen=True)
class Diff:
    """A difference between the reference and one other rendering, at reference words [x0, x1)
    (an empty range: the other rendering has extra words before word x0)."""

    who: str  # the other rendering's path
    kind: str
    x0: int
    x1: int
    key: str  # the other rendering's words, normalised: renderings with equal keys agree
    hit: Hit

    @property
    def bounds(self) -> tuple[float, float]:
        if self.x1 == self.x0:
            return self.x0 - 0.5, self.x0 - 0.5
        return self.x0, self.x1 - 1


def merged(ref, pairs: list, diffs: list[Diff]):
    """Hits for the differences of all pairs; `pairs` in preference order, each with `other`."""
    order = {p.other.path: i for i, p in enumerate(pairs)}
    twins = _twins(pairs)
    for cluster in _clusters(sorted(diffs, key=lambda d: (d.x0, d.x1, order[d.who]))):
        cluster = _confirmed(cluster, twins)
        if not cluster:
            continue
        first = cluster[0]
        differing = {d.who for d in cluster}
        # the other renderings whose comparison found these words equal, with where they are
        agreeing = {p.other.path: (p.other.kind, loc) for p in pairs
                    if p.other.path not in differing
                    and (loc := p.located(first.x0, first.x1)) is not None}
        if len(cluster) == 1 and not agreeing:
            yield _stamped(first.hit, [ref.kind], [first.kind])
            continue
        yield _three_way(ref, pairs, cluster, agreeing)


def _twins(pairs: list) -> dict:
    """PDF file -> its text extracted by another tool, and back: `article.pdf` and
    `article.pdftotext.txt` (or `article.txt`) in one folder are two readings of one file."""
    pdfish = [p for p in pairs if p.other.kind in ("pdf", "pdftext")]
    out = {}
    for a in pdfish:
        for b in pdfish:
            if a.other.kind != b.other.kind and _stem(a.other.path) == _stem(b.other.path):
                out[a.other.path] = b
    return out


def _stem(path: str) -> str:
    p = PurePath(path)
    return str(p.parent / p.name.split(".")[0])


def _confirmed(cluster: list[Diff], twins: dict) -> list[Diff]:
    """Keep what both extractions of one PDF file show (the same words, at the same place) or
    what the other extraction could not be compared on: the printed page cannot both have and
    lack a word, so a difference only one extraction sees is extraction noise."""
    seen = {(d.who, d.key) for d in cluster}
    return [d for d in cluster if d.who not in twins
            or (twins[d.who].other.path, d.key) in seen
            or not twins[d.who].compared(d.x0)]


def _clusters(diffs: list[Diff]):
    """Runs of differences of distinct renderings over overlapping reference words. Extra words
    that two renderings put at the same place are one difference only when they are the same
    words (a running head in one and a table cell in the other are two unrelated things)."""
    cluster: list[Diff] = []
    hi = None
    for d in diffs:
        lo, d_hi = d.bounds
        if cluster and lo <= hi and d.who not in {c.who for c in cluster} \
                and (d.key == cluster[0].key or (d.x1 > d.x0 and cluster[0].x1 > cluster[0].x0)):
            cluster.append(d)
            hi = max(hi, d_hi)
            continue
        if cluster:
            yield cluster
        cluster, hi = [d], d_hi
    if cluster:
        yield cluster


def _three_way(ref, pairs: list, cluster: list[Diff], agreeing: dict) -> Hit:
    first = cluster[0]
    groups: list[tuple[list[str], str]] = [
        ([ref.kind, *(kind for kind, _ in agreeing.values())], first.hit.fields["ref_words"])]
    keys: dict[str, int] = {}
    for d in cluster:
        if d.key not in keys:
            keys[d.key] = len(groups)
            groups.append(([], d.hit.fields["other_words"]))
        groups[keys[d.key]][0].append(d.kind)
    locations = [first.hit.locations[0]]
    for pair in pairs:
        mine = next((d for d in cluster if d.who == pair.other.path), None)
        loc = mine.hit.locations[1] if mine else agreeing.get(pair.other.path, (None, None))[1]
        if loc is not None:
            locations.append(loc)
    others = [k for g in groups[1:] for k in g[0]]
    hit = Hit(tuple(locations), {**first.hit.fields, "other": ", ".join(others),
                                 "difference": describe(groups)}, first.hit.evidence)
    # The reading most renderings share is taken as right (the reference's on a tie): the
    # rest are the ones that differ.
    best = max(range(len(groups)), key=lambda i: (len(groups[i][0]), -i))
    return _stamped(hit, groups[best][0], [k for i, g in enumerate(groups) if i != best for k in g[0]])


def _stamped(hit: Hit, agreeing: list[str], differing: list[str]) -> Hit:
    return Hit(hit.locations, {**hit.fields, "agreeing": ", ".join(agreeing),
                               "differing": ", ".join(differing)}, hit.evidence)


def _renderings(kinds: list[str]) -> str:
    names = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
    return f"the {names} rendering" + ("s" if len(kinds) > 1 else "")


def describe(groups: list[tuple[list[str], str]]) -> str:
    """What each group of renderings has, the reference's group first."""
    def has(kinds):
        return "have" if len(kinds) > 1 else "has"

    if len(groups) == 2:
        (a, aw), (b, bw) = groups
        if aw and not bw:
            return f"“{aw}” is in {_renderings(a)} but not in {_renderings(b)}"
        if bw and not aw:
            return f"“{bw}” is in {_renderings(b)} but not in {_renderings(a)}"
        return f"{_renderings(a)} {has(a)} “{aw}” where {_renderings(b)} {has(b)} “{bw}”"
    parts = [f"{_renderings(k)} {has(k)} " + (f"“{w}”" if w else "nothing there") for k, w in groups]
    return "; ".join(parts)
