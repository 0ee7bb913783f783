"""Word tokens of a rendering's prose, with comparison keys, for aligning renderings.

The key drops everything that rendering noise changes — case, punctuation, quotes, dashes,
apostrophes, ligatures — and keeps letters and digits, so "“Carcinoma en Cuirasse,”" and
"\"Carcinoma en Cuirasse,\"" give the same keys while "44" and "46" never do.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import NamedTuple

from ..model import Rendering

COMPARED = ("paragraph", "caption", "list-item", "footnote")
_WORD = re.compile(r"[^\W_](?:[^\W_]|\u200d)*")  # ZWJ pads composed accents, see _nfc
# Only the characters that typesetting changes; NFKC would also turn 10⁹/L into 109/L.
_TABLE = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ß": "ss", "µ": "μ"}
# Mathematical italic and bold letters (𝑃, 𝜇) are plain letters set in another style.
_TABLE.update({chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x1D400, 0x1D800)})
FOLD = str.maketrans(_TABLE)


def plain(s: str) -> str:
    """Lower case, ligatures unfolded, accents removed: what a lost accent cannot change."""
    s = s.translate(FOLD).casefold().replace("\u200d", "")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Word(NamedTuple):
    """A word token (a tuple: 700,000 of them for 120 articles, made 2.5× faster than a frozen
    dataclass's, whose __init__ sets each field through object.__setattr__)."""
    key: str
    block: int      # index into rendering.blocks
    start: int      # offsets in the block's text
    end: int
    citation: bool  # inside a span the source marks as an in-text citation
    compared: bool  # in a block whose words are compared (not a heading or table)
    math: bool = False  # inside inline mathematics


def words(rendering: Rendering) -> list[Word]:
    out: list[Word] = []
    make = tuple.__new__  # Word(...) goes through a Python-level __new__; this does not
    for bi, block in enumerate(rendering.blocks):
        compared = block.kind in COMPARED
        text = _nfc(block.text.text)
        # A block's keys are its words folded (FOLD, then casefold). Folding the whole text
        # at once gives the same keys where it keeps every offset: an ASCII text lower-cased,
        # or a text without the zero-width joiners _nfc pads with, whose folding maps each
        # character to one (folding never shortens, so equal lengths say so).
        folded = text.lower() if text.isascii() else \
            text.translate(FOLD).casefold() if "\u200d" not in text else ""
        same = len(folded) == len(text)
        found = _WORD.finditer(text)
        cited, math = _inside(block.citations), _inside(block.formulas)
        if same and cited is None and math is None:
            out += [make(Word, (folded[s:e], bi, s, e, False, compared, False))
                    for s, e in (m.span() for m in found)]
            continue
        for m in found:
            start, end = m.span()
            key = folded[start:end] if same else _fold(m.group())
            out.append(make(Word, (key, bi, start, end, cited(start) if cited else False,
                                   compared, math(start) if math else False)))
    return out


def _inside(spans):
    """None for no spans, else a test whether an offset lies inside one of them: the spans
    merged where they overlap, then one binary search a word (not a scan of every span)."""
    if not spans:
        return None
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    ends = [b for _, b in merged]

    def inside(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]
    return inside


def keys(text: str) -> list[str]:
    """Comparison keys of any string (metadata, notes) in the same form as Word.key."""
    return [_fold(m.group()) for m in _WORD.finditer(_nfc(text))]


def _fold(word: str) -> str:
    """A word's key: ligatures unfolded, case folded, the joiners _nfc pads with dropped."""
    return word.translate(FOLD).casefold().replace("\u200d", "")


def _nfc(text: str) -> str:
    """Composed accents ("c" + U+0301 -> "ć"), keeping offsets: only when lengths stay equal.

    PDF text often carries decomposed accents where the XML has composed ones. Composition
    shortens the string, which would shift every offset after it, so each decomposed letter is
    replaced by its composed form padded with a zero-width joiner that the word pattern skips.
    """
    if text.isascii():
        return text
    return _DECOMPOSED.sub(lambda m: _compose(m.group()), text)


def _compose(s: str) -> str:
    c = unicodedata.normalize("NFC", s.replace("ı", "i") if len(s) > 1 else s)
    return c + "\u200d" * (len(s) - len(c)) if len(c) <= len(s) else s


_DECOMPOSED = re.compile(r"[^\W\d_][\u0300-\u036f]+")
