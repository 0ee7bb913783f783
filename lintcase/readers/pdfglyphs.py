"""Glyphs a PDF's fonts left unmapped, put back from the document's own words (part of the PDF
reader, kept apart so that reader stays one readable module)."""
from __future__ import annotations

import re
from collections import defaultdict

_WORD = re.compile(r"[^\W\d_]+")
# what a lost glyph usually was: a ligature (the fonts that lose them map the rest)
_GUESSES = ("Th", "fi", "fl", "ff", "ffi", "ffl", "ft", "tt", "st", "ct", "fj")
Page = tuple[str, list[tuple[int, tuple[str, str]]]]  # text, [(offset, (font, char))]


def restore_glyphs(pages: list[Page]) -> list[str]:
    """The pages' text with unmapped glyphs put back from the document's own words: for each
    font's unmapped character, the ligature that turns most of its words into words that occur
    elsewhere ("+e", "+is" -> "The", "This"); pdftotext reads the glyphs' names instead."""
    vocab = {w.lower() for text, _ in pages for w in _WORD.findall(text)}
    places = defaultdict(list)
    for text, unmapped in pages:
        for off, key in unmapped:
            places[key].append(_around(text, off))
    choice = {key: _guess(key[1], words, vocab) for key, words in places.items()}
    out = []
    for text, unmapped in pages:
        for off, key in sorted(unmapped, reverse=True):
            text = text[:off] + choice[key] + text[off + 1:]
        out.append(text)
    return out


def _around(text: str, off: int) -> tuple[str, str]:
    """The letters just before and just after position off (its word, less the character)."""
    a, b = off, off + 1
    while a > 0 and text[a - 1].isalpha():
        a -= 1
    while b < len(text) and text[b].isalpha():
        b += 1
    return text[a:off], text[off + 1:b]


def _guess(char: str, words: list[tuple[str, str]], vocab: set[str]) -> str:
    def score(g: str) -> int:
        return sum((left + g + right).lower() in vocab for left, right in words)
    best = max(_GUESSES, key=score)
    hits = score(best)
    return best if hits > score(char) and hits >= 0.5 * len(words) else char
