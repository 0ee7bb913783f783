"""What the metadata check kinds share: comparison words of a metadata string, with offsets,
and the comparison of two word sequences that knows title-rendering noise."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from ...facts.words import _nfc, plain
from ...model import Location, Rendering, Text

_WORD = re.compile(r"[^\W_](?:[^\W_]|\u200d)*")
_PRIVATE = re.compile(r"[\ue000-\uf8ff]")  # glyphs a PDF font maps privately ("Th" ligature)


def words(text: Text) -> list[tuple[str, int, int]]:
    """(key, start, end) of each word of a metadata string."""
    return [(plain(m.group()), m.start(), m.end()) for m in _WORD.finditer(_nfc(text.text))]


def differences(ref: list[str], other: list[str], lossy: bool) -> list[tuple[int, int, int, int]]:
    """Stretches (i1, i2, j1, j2) where two word sequences really differ.

    Not differences: words split or joined at a line-end hyphen; extra or missing words at either
    end (a site name after an HTML title, a footnote marker); a lost Greek letter or a glyph the
    PDF font mapped privately (`lossy`: the other text has such glyphs).
    """
    out = []
    ops = SequenceMatcher(None, ref, other, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        a, b = ref[i1:i2], other[j1:j2]
        if "".join(a) == "".join(b):
            continue
        at_edge = (i1 == 0 and j1 == 0) or (i2 == len(ref) and j2 == len(other))
        if at_edge and (not a or not b):
            continue
        if _glyph_noise("".join(a), "".join(b), lossy):
            continue
        out.append((i1, i2, j1, j2))
    return out


def _glyph_noise(a: str, b: str, lossy: bool) -> bool:
    strip = lambda s: "".join(c for c in s if c.isascii())  # noqa: E731 - Greek letters lost
    if strip(a) == strip(b) and (strip(a) != a or strip(b) != b):
        return True
    return lossy and a.replace("th", "") == b.replace("th", "")


def similar(ref: list[str], other: list[str]) -> float:
    """Share of the reference's words found in order in the other (0 when either is empty)."""
    if not ref or not other:
        return 0.0
    blocks = SequenceMatcher(None, ref, other, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(ref)


def lossy(text: Text) -> bool:
    return _PRIVATE.search(text.text) is not None


def shown(text: Text, ws: list, i1: int, i2: int) -> str:
    if i1 >= i2:
        return "(nothing)"
    return text.text[ws[i1][1]:ws[i2 - 1][2]]


def place(r: Rendering, text: Text, ws: list, i1: int, i2: int, what: str) -> Location:
    """The words [i1, i2) of a metadata string; an empty stretch points at the word before it."""
    if not ws:
        return Location.at(r, text, 0, len(text.text), what)
    if i1 >= i2:
        k = max(0, min(i1, len(ws)) - 1)
        return Location.at(r, text, ws[k][1], ws[k][2], what)
    return Location.at(r, text, ws[i1][1], ws[i2 - 1][2], what)
