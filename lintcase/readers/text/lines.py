"""Shared pieces of the plain-text readers: lines with offsets, the vocabulary file, and the
one place where source characters become a `Text` (joins, hyphenation, ligatures, links).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ...model import Source, Text, TextBuilder

SENTENCE_END = re.compile(r"[.!?][\"”’'\)\]*]*$")
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "st", "\ufb06": "st"}
_SPECIAL = re.compile("[\ufb00-\ufb06\u00ad]")
# Markdown links keep their text; backslash escapes keep the escaped character.
_MD_INLINE = re.compile(r"!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)|\\([\\`*_{}\[\]()#+\-.!|])")


@dataclass(slots=True)
class Line:
    """One physical line, whitespace-stripped: text == source.text[start:end]."""

    start: int
    end: int
    page: int
    text: str
    indent: int


def split_lines(text: str) -> list[Line]:
    """Lines with offsets and page numbers; a form feed starts a new page (and a new line)."""
    out: list[Line] = []
    page, pos, n = 0, 0, len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        nl = n if nl == -1 else nl
        a = pos
        while True:
            ff = text.find("\f", a, nl)
            stop = nl if ff == -1 else ff
            _append(out, text, a, stop, page)
            if ff == -1:
                break
            page, a = page + 1, ff + 1
        pos = nl + 1
    return out


def _append(out: list[Line], text: str, a: int, b: int, page: int) -> None:
    raw = text[a:b]
    stripped = raw.strip()
    if not stripped:
        out.append(Line(a, a, page, "", 0))
        return
    lead = len(raw) - len(raw.lstrip())
    start = a + lead
    out.append(Line(start, start + len(stripped), page, stripped, lead))


@lru_cache(maxsize=1)
def vocab() -> dict:
    data = yaml.safe_load((Path(__file__).with_name("furniture.yaml")).read_text("utf-8"))
    return data


def alternation(words) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


def build_text(source: Source, segs: list[tuple[int, int]], markdown: bool = False) -> Text:
    """Join source segments (usually lines) into one Text with an exact source map.

    Lines are joined with a non-verbatim space at the newline; a hyphen at a line end between
    two lower-case letters is dropped (a typesetter's break), any other hyphen or dash is kept
    with no space; soft hyphens are dropped; ligatures are expanded (non-verbatim).
    """
    b = TextBuilder(source)
    text = source.text
    for i, (s, e) in enumerate(segs):
        e0 = e
        while e > s and text[e - 1] == "\u00ad":
            e -= 1
        if i + 1 == len(segs):
            _emit(b, text, s, e, markdown)
            break
        ns, ne = segs[i + 1]
        nc = text[ns] if ns < ne else ""
        last = text[e - 1] if e > s else ""
        if last == "-" and e - s >= 2 and text[e - 2].islower() and nc.islower():
            _emit(b, text, s, e - 1, markdown)
            continue
        _emit(b, text, s, e, markdown)
        if last in "-–/" or e < e0 or not nc:
            continue
        nl = text.find("\n", e0, ns)
        b.add(" ", nl if nl != -1 else e0, verbatim=False)
    return b.build()


def _emit(b: TextBuilder, text: str, start: int, end: int, markdown: bool) -> None:
    if not markdown or ("[" not in text[start:end] and "\\" not in text[start:end]):
        _emit_plain(b, text, start, end)
        return
    pos = start
    for m in _MD_INLINE.finditer(text, start, end):
        _emit_plain(b, text, pos, m.start())
        g = 1 if m.group(1) is not None else 2
        _emit_plain(b, text, m.start(g), m.end(g))
        pos = m.end()
    _emit_plain(b, text, pos, end)


def _emit_plain(b: TextBuilder, text: str, start: int, end: int) -> None:
    pos = start
    for m in _SPECIAL.finditer(text, start, end):
        if m.start() > pos:
            b.add(text[pos:m.start()], pos)
        ch = m.group()
        if ch in LIGATURES:
            b.add(LIGATURES[ch], m.start(), verbatim=False)
        pos = m.end()
    if pos < end:
        b.add(text[pos:end], pos)


def segments(lines: list[Line], trim: int = 0) -> list[tuple[int, int]]:
    """Source segments of a run of lines, skipping `trim` characters of the first one."""
    segs = [(ln.start, ln.end) for ln in lines if ln.end > ln.start]
    if segs and trim:
        s, e = segs[0]
        segs[0] = (min(s + trim, e), e)
    return [sg for sg in segs if sg[1] > sg[0]]
