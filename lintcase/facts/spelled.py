"""Short forms written beside the words they stand for, as printed: "left anterior descending
(LAD)" and a legend's key "LA, left atrium;". The words are the ones a reader lines up with the
letters, whether or not they match (the Schwartz–Hearst definitions of abbreviations.py are
only those that do): "right anterior descending (LAD)" is kept as ("LAD", ("right",
"anterior", "descending")), so a check can see which word's initial is not its letter.

Value: (short, words, legend, split): the short form; as many words as it has letters, read
back from the bracket or forward from a legend's key, a hyphenated word one word
("non-coronary cusp (NCC)"); whether it is a legend key (`legend`: a caption's "X, words;" or
"X: words;" list); and the words read again with each part of a hyphenated word a word of
its own ("right lower-limb lymphedema (LLL)" is "lower limb lymphedema" read that way), so a
check can tell which reading the letters follow. A short form in brackets has at least two
capitals. Legend keys are read only in captions and only where the caption holds at least
two of them.
"""
from __future__ import annotations

import re

from ..model import Fact, Rendering
from .abbreviations import valid_short
from .common import make_fact, prose_blocks

_BRACKET = re.compile(r"\(([A-Za-z]{2,8})\)")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_PART = re.compile(r"[A-Za-z][\w']*")  # a hyphenated word's parts, each a word
# "N, non-coronary cusp; R, right coronary cusp; LA, left atrium": a key opens the caption, a
# clause or follows a panel's letter, and its words end at ";", "." or ")"
_KEY = re.compile(r"(?:^|(?<=[;.:]\s)|(?<=\)\s))([A-Z]{1,5})\s?[,:=]\s+"
                  r"([a-z][a-z' -]{0,80}?)(?=\s*[;.)]|\s*$)")


def extract(rendering: Rendering) -> list[Fact]:
    out: list[Fact] = []
    for block, starts in prose_blocks(rendering):
        text = block.text.text
        for m in _BRACKET.finditer(text):
            short = m.group(1)
            if not valid_short(short) or not short.isalpha():
                continue
            before = text[max(0, m.start() - 30 * len(short)):m.start()]
            words = _WORD.findall(before)
            if len(words) >= len(short):
                words = tuple(words[-len(short):])
                split = tuple(_PART.findall(before)[-len(short):])
                a = text.rfind(words[0], 0, m.start())
                out.append(make_fact(rendering, block, starts, "spelled",
                                     (short, words, False, split), a, m.end()))
        if block.kind != "caption":
            continue
        keys = list(_KEY.finditer(text))
        if len(keys) < 2:
            continue
        for m in keys:
            short, words = m.group(1), tuple(m.group(2).split())
            if len(words) >= len(short):
                split = tuple(_PART.findall(m.group(2)))[:len(short)]
                out.append(make_fact(rendering, block, starts, "spelled",
                                     (short, words[:len(short)], True, split),
                                     m.start(1), m.end(2)))
    return out
