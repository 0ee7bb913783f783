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

from ...model import Article, Rendering
from ..kit.merge import merged
from ..kit.options import with_defaults
from ..kit.prefer import by_preference
from .pair import Pair
from .schema import FIELDS, OPTIONS

__all__ = ["FIELDS", "OPTIONS", "Pair", "run"]


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    order = by_preference(article.renderings, options)
    many = options["many"]
    if options["test"] == "garbled":
        for other in order[1:]:
            for a, diffs in _compared(article, order[0], other, options)[1]:
                if len(diffs) > many:
                    yield Pair.summary(order[0], other, a, [d.hit for d in diffs])
        return
    pairs = [_compared(article, order[0], other, options) for other in order[1:]]
    diffs = [d for pair, paragraphs in pairs for _, ds in paragraphs if len(ds) <= many for d in ds]
    yield from merged(order[0], [pair for pair, _ in pairs], diffs)


def _compared(article: Article, ref: Rendering, other: Rendering, options: dict) -> tuple:
    """(Pair, per-paragraph differences) of one pair, computed once for the rules sharing it
    and kept in the article's memo (its renderings' paths name them within the article)."""
    key = ("align", ref.path, other.path, options["anchor"], options["edge"])
    hit = article.memo.get(key)
    if hit is None:
        pair = Pair(ref, other, options)
        hit = article.memo[key] = (pair, list(pair.paragraphs()))
    return hit
