"""The text of an element of the tree (xmltree): white space collapsed as a renderer collapses
it, every character mapped back to its place in the source, elements that print apart kept
apart."""
from __future__ import annotations

import re

from ...model import Source, Text, TextBuilder
from .xmltree import Chunk, Node

SKIP_INLINE = frozenset()
_ODD_SPACE = re.compile(r"\s{2,}|[^\S ]")  # white space other than one plain space
BLOCK_LEVEL = frozenset({"p", "title", "sec", "list-item", "label", "caption", "td", "th", "tr",
                         "ref", "def", "term", "list", "fn", "disp-quote"})
STYLES = frozenset("italic bold sup sub sc underline monospace roman sans-serif overline strike "
                   "styled-content named-content inline-formula mml:math math".split())


def text_of(node: Node, source: Source, skip: frozenset = SKIP_INLINE, builder=None,
            marks: list | None = None, fields: bool = False) -> Text:
    """The text of an element with white space collapsed, keeping the source map.

    Elements whose tag is in `skip` are left out. When `marks` is given, (start, end, node)
    triples are appended for every descendant element, so callers can find where an inline
    element (an xref, say) sits in the resulting text. With `fields`, every element but a type
    style starts a word (<surname>Siegel</surname><given-names>JD</given-names>: "Siegel JD").
    """
    if builder is None and marks is None and len(node.children) <= 1:
        plain = _plain_leaf(node, source)
        if plain is not None:
            return plain
    b = builder if builder is not None else TextBuilder(source)
    _walk(node, b, skip, marks, fields)
    return b.build().strip() if builder is None else b.build()


def _plain_leaf(node: Node, source: Source) -> Text | None:
    """The text of an element that holds nothing or one verbatim run of characters with no
    white space but single plain spaces (a surname, a year): the same Text the walk builds,
    without the walk. None for anything else."""
    if not node.children:
        return Text("", source, ())
    c = node.children[0]
    if not isinstance(c, Chunk) or not c.verbatim or _ODD_SPACE.search(c.text):
        return None
    s = c.text.strip(" ")
    if not s:
        return Text("", source, ())
    lead = len(c.text) - len(c.text.lstrip(" "))
    return Text(s, source, ((0, c.offset + lead, True),))


# Displayed items a paragraph may hold between its sentences: when they are skipped, the text
# on either side stays apart ("respectively.<disp-formula/>The resulting": two sentences).
DISPLAYED = frozenset({"disp-formula", "disp-formula-group", "fig", "fig-group", "table-wrap",
                       "table-wrap-group", "list", "def-list", "disp-quote", "boxed-text",
                       "statement", "supplementary-material"})


def _walk(node: Node, b: TextBuilder, skip: frozenset, marks, fields: bool = False) -> None:
    for c in node.children:
        if isinstance(c, Chunk):
            add_collapsed(b, c.text, c.offset, c.verbatim)
        elif c.tag in skip:
            if c.tag in DISPLAYED and len(b) and b.last_char() != " ":
                b.add(" ", c.offset, verbatim=False)
        else:
            apart = c.tag not in STYLES if fields else c.tag in BLOCK_LEVEL
            if apart and len(b) and b.last_char() != " ":
                b.add(" ", c.offset, verbatim=False)  # <title>A</title><p>B</p> is "A B"
            start = len(b)
            _walk(c, b, skip, marks, fields)
            if marks is not None:
                marks.append((start, len(b), c))


def add_collapsed(b: TextBuilder, s: str, offset: int, verbatim: bool = True) -> None:
    """Add s with runs of white space collapsed to one space (never doubled across calls)."""
    if not verbatim:
        if s.isspace():
            s = " "
        if s == " " and (len(b) == 0 or b.last_char() == " "):
            return
        b.add(s, offset, False)
        return
    pos = 0
    for m in _ODD_SPACE.finditer(s):
        _add_plain(b, s[pos:m.start()], offset + pos)
        if len(b) and b.last_char() != " ":
            b.add(" ", offset + m.start(), verbatim=False)
        pos = m.end()
    _add_plain(b, s[pos:], offset + pos)


def _add_plain(b: TextBuilder, s: str, offset: int) -> None:
    """Text whose only white space is single plain spaces: one verbatim piece."""
    if s[:1] == " " and (len(b) == 0 or b.last_char() == " "):
        s, offset = s[1:], offset + 1
    if s:
        b.add(s, offset)
