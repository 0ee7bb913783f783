"""reused: a sentence that the abstract or a caption repeats from the body was changed in one copy.

Abstracts and captions are often assembled from sentences of the body; when one copy is revised
and the other is not, the two differ by one word or one number ("a hypoechoic nodule in the left
lobe" against "... in the right lobe"). Sentences of different roles (abstract against body,
caption against body) that are the same word for word except for one short stretch (at most
`max_changed` words on each side, a number or a content word) are reported. Citations are left
out of the comparison. Parallel sentences are not copies: when a sentence matches two or more
sentences of the other role with one change each ("... at 3 months", "... at 6 months"), or one
of them exactly, nothing is reported for it.
"""
from __future__ import annotations

from collections import defaultdict
from math import inf

from ..facts import facts
from ..facts.sentences import boundaries
from ..model import Article, Block, Location, Rendering
from .kit.hit import Hit
from .kit.measures import role
from .kit.copies import antonymous, numbers_differ, one_change
from .kit.options import with_defaults

FIELDS = ("one", "other", "place", "other_place")
OPTIONS = {
    "type": "object",
    "properties": {
        "min_words": {"type": "integer", "minimum": 5, "default": 10,
                      "description": "Sentences shorter than this are not compared."},
        "max_changed": {"type": "integer", "minimum": 1, "maximum": 4, "default": 2,
                        "description": "Words that may differ on each side."},
        "min_shared": {"type": "number", "minimum": 0.5, "maximum": 1, "default": 0.85,
                       "description": "Share of the longer sentence's words the two copies "
                                      "have in common, in order."},
    },
    "additionalProperties": False,
}
ROLES = ("abstract", "caption", "body")
SENTENCES = ("paragraph", "caption", "list-item")  # blocks whose sentences are compared


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    for rendering in article.renderings:
        yield from _changed_copies(rendering, options)


def _sentences(rendering: Rendering, min_words: int):
    """(role, block, words) for every sentence of the prose, citations left out. Words come in
    block order and, within a block, in text order: each block is split into sentences once
    and its words walked along the sentence starts."""
    by_sentence: dict[tuple[int, int], list] = {}
    blocks, current, starts, k, following = rendering.blocks, -1, (0,), 0, inf
    for w in facts(rendering, "words"):
        if not w.compared or w.citation or w.math:
            continue
        if w.block != current:
            current = w.block
            if blocks[current].kind not in SENTENCES:
                continue
            starts = boundaries(rendering, blocks[current].text.text)
            k, following = 0, starts[1] if len(starts) > 1 else inf
        elif blocks[current].kind not in SENTENCES:
            continue
        while w.start >= following:
            k += 1
            following = starts[k + 1] if k + 1 < len(starts) else inf
        by_sentence.setdefault((current, k), []).append(w)
    for (b, _), words in by_sentence.items():
        if len(words) >= min_words:
            yield role(blocks[b]), blocks[b], words


def _changed_copies(rendering: Rendering, options: dict):
    sents = list(_sentences(rendering, options["min_words"]))
    keys = [tuple(w.key for w in words) for _, _, words in sents]
    index = defaultdict(set)  # the body's sentences by each run of four words
    for i, k in enumerate(keys):
        if sents[i][0] == "body":
            for j in range(len(k) - 3):
                index[k[j:j + 4]].add(i)
    for i, (part, block, words) in enumerate(sents):
        if part == "body":
            continue
        near = defaultdict(int)
        for j in range(len(keys[i]) - 3):
            for other in index.get(keys[i][j:j + 4], ()):
                near[other] += 1
        matches = [(o, d) for o in near if near[o] >= 3
                   for d in [one_change(keys[i], keys[o], options)] if d is not None]
        if len(matches) != 1 or matches[0][1] == ():
            continue  # no copy, a copy unchanged, or parallel sentences
        other, (i1, i2, j1, j2) = matches[0]
        o_block, o_words = sents[other][1], sents[other][2]
        if not (numbers_differ(keys[i][i1:i2], keys[other][j1:j2])
                or antonymous(keys[i][i1:i2], keys[other][j1:j2])
                or _exclusive_terms(rendering, block, words[i1].start, words[i2 - 1].end,
                                    o_block, o_words[j1].start, o_words[j2 - 1].end)):
            continue  # a rewording ("study"/"trial", "him"/"the patient"), not a contradiction
        yield _hit(rendering, block, words, i1, i2, sents[other][1], sents[other][2], j1, j2)


def _exclusive_terms(rendering: Rendering, a: Block, a0: int, a1: int, b: Block, b0: int,
                     b1: int) -> bool:
    """Both changed stretches name a term of one vocabulary category (facts/vocab), and
    different terms: "left"/"right", "dermis"/"epidermis"."""
    def found(block, s, e):
        return {f.value for f in facts(rendering, "term")
                if f.block is block and s <= f.start and f.end <= e}
    ta, tb = found(a, a0, a1), found(b, b0, b1)
    return any(x.category == y.category and x != y for x in ta for y in tb)


def _hit(rendering, block: Block, words, i1, i2, other_block: Block, other_words, j1, j2) -> Hit:
    def where(b: Block, ws, s, e) -> Location:
        place = f"{b.label} caption" if b.kind == "caption" and b.label else \
            b.section_name or b.kind
        return Location.at(rendering, b.text, ws[s].start, ws[e - 1].end, place)
    here, there = where(block, words, i1, i2), where(other_block, other_words, j1, j2)
    one = block.text.text[words[i1].start:words[i2 - 1].end]
    other = other_block.text.text[other_words[j1].start:other_words[j2 - 1].end]
    fields = {"one": one, "other": other, "place": here.section, "other_place": there.section}
    return Hit((here, there), fields, evidence=f"reused:{one}|{other}")
