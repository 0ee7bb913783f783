"""history: the article's history dates are in order, and the copyright line agrees with them.

Within one rendering (the XML carries them all): received ≤ revised ≤ accepted ≤ published,
each pair compared at the precision both dates give (a month agrees with any day in it). The
copyright year must be the year of a publication date (online, issue or collection) or of
acceptance: a year that is none of them was left over from another article or version.
"""
from __future__ import annotations

from ..model import Article, Location, Rendering
from .kit.hit import Hit
from .kit.options import with_defaults

FIELDS = ("first", "first_date", "second", "second_date")
OPTIONS = {
    "type": "object",
    "properties": {"test": {"enum": ["order", "copyright"]}},
    "required": ["test"],
    "additionalProperties": False,
}
ORDER = ("received", "revised", "accepted", "published")


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    for r in article.renderings:
        if options["test"] == "order":
            yield from _order(r)
        else:
            yield from _copyright(r)


def _by_kind(r: Rendering) -> dict[str, list]:
    out: dict[str, list] = {}
    for kind, iso, text in r.meta.dates:
        out.setdefault(kind, []).append((iso, text))
    return out


def _later(a: str, b: str) -> bool:
    """a is strictly after b at the precision both give."""
    n = min(len(a), len(b))
    return a[:n] > b[:n]


def _order(r: Rendering):
    dates = _by_kind(r)
    present = [k for k in ORDER if k in dates]
    for i, first in enumerate(present):
        for second in present[i + 1:]:
            # the earliest date of the later kind must not come before the latest of the earlier
            a_iso, a_text = max(dates[first], key=lambda d: d[0])
            b_iso, b_text = min(dates[second], key=lambda d: d[0])
            if _later(a_iso, b_iso):
                yield _hit(r, first, a_iso, a_text, second, b_iso, b_text)


def _copyright(r: Rendering):
    dates = _by_kind(r)
    if "copyright" not in dates:
        return
    years = {iso[:4] for k in ("published", "collection", "accepted") for iso, _ in dates.get(k, ())}
    if not years:
        return
    for year, text in dates["copyright"]:
        if year not in years:
            kind = "published" if "published" in dates else next(
                k for k in ("collection", "accepted") if k in dates)
            iso, other = dates[kind][0]
            yield _hit(r, "copyright", year, text, kind, iso, other)


def _hit(r: Rendering, first: str, a_iso: str, a_text, second: str, b_iso: str, b_text) -> Hit:
    here = Location.at(r, a_text, 0, len(a_text.text), f"history ({first})")
    there = Location.at(r, b_text, 0, len(b_text.text), f"history ({second})")
    return Hit((here, there), {"first": first, "first_date": a_iso, "second": second,
                               "second_date": b_iso}, evidence=f"{first}:{a_iso}|{second}:{b_iso}")
