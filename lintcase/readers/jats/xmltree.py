"""A small, safe XML tree with exact character offsets, built on expat.

Why not lxml here: lxml reports line numbers but no columns, and its recover mode silently drops
undefined entities (``(14&ndash;16)`` becomes ``(1416)``). Expat reports the byte offset of every
event, resolves nothing from the network, and with `UseForeignDTD` hands undefined named
entities to us instead of failing, so ``&ndash;`` resolves through `html.entities` without a DTD.
Entity declarations in an internal subset are refused outright (billion laughs, external
entities), so no entity is ever expanded from the document itself.
"""
from __future__ import annotations

import bisect
import html.entities
import xml.parsers.expat as expat

from ...model import Source
from ..common import ReadError

# Deeper nesting is no article (the deepest of 1,200 real JATS articles nests 29 levels); the
# tree walkers recurse once or twice per level, so stay well inside Python's recursion limit.
MAX_DEPTH = 200


class Node:
    """An element: local tag name, attributes, children (Node or Chunk) and its start offset.

    `kids` are the element children alone; `index` and `end` place the element in its
    document's list of elements in document order (its descendants are `index + 1 .. end - 1`),
    so a search of a subtree is a slice or a bisection, not a walk.
    """

    __slots__ = ("tag", "attrs", "children", "kids", "offset", "line", "parent", "doc", "index",
                 "end")

    def __init__(self, tag: str, attrs: dict, offset: int, line: int, parent: "Node | None"):
        self.tag, self.attrs, self.offset, self.line, self.parent = tag, attrs, offset, line, parent
        self.children: list = []
        self.kids: list[Node] = []
        self.doc: _Document = parent.doc if parent is not None else _Document()
        self.index = len(self.doc.order)
        self.end = self.index + 1
        self.doc.order.append(self)
        if parent is not None:
            parent.children.append(self)
            parent.kids.append(self)

    def get(self, name: str, default: str = "") -> str:
        return self.attrs.get(name, default)

    def elements(self):
        return iter(self.kids)

    def find(self, *tags: str) -> "Node | None":
        """First child element with one of the tags."""
        for c in self.kids:
            if c.tag in tags:
                return c
        return None

    def findall(self, *tags: str) -> list["Node"]:
        return [c for c in self.kids if c.tag in tags]

    def iter(self, *tags: str):
        """All descendant elements (self included) with one of the tags, in document order."""
        order = self.doc.order
        if not tags:
            return iter(order[self.index:self.end])
        if len(tags) == 1:
            indexes, nodes = self.doc.tagged(tags[0])
            lo = bisect.bisect_left(indexes, self.index)
            hi = bisect.bisect_left(indexes, self.end, lo)
            return iter(nodes[lo:hi])
        return iter([n for n in order[self.index:self.end] if n.tag in tags])

    def path_find(self, path: str) -> "Node | None":
        """Follow a/b/c through first matches."""
        node = self
        for part in path.split("/"):
            node = node.find(*part.split("|")) if node else None
        return node


def release(root: Node) -> None:
    """Take the tree apart once it has been read: its nodes point to their parent and to the
    document that lists them, so, left whole, it is a cycle that only the garbage collector
    frees (a tenth of a run's time went to collecting trees). Apart, reference counting frees
    each node when the reader lets go of it."""
    for n in root.doc.order:
        n.parent = None
        n.children = n.kids = ()
    root.doc.order.clear()
    root.doc._by_tag = None


class _Document:
    """The elements of one parsed document in document order, and an index by tag built on
    first use."""

    __slots__ = ("order", "_by_tag")

    def __init__(self):
        self.order: list[Node] = []
        self._by_tag: dict[str, tuple[list[int], list[Node]]] | None = None

    def tagged(self, tag: str) -> tuple[list[int], list[Node]]:
        if self._by_tag is None:
            by: dict[str, tuple[list[int], list[Node]]] = {}
            for n in self.order:
                entry = by.get(n.tag)
                if entry is None:
                    entry = by[n.tag] = ([], [])
                entry[0].append(n.index)
                entry[1].append(n)
            self._by_tag = by
        return self._by_tag.get(tag, _NONE)


_NONE: tuple[list[int], list[Node]] = ([], [])


class Chunk:
    """Character data: the characters, their source offset, and whether they are verbatim."""

    __slots__ = ("text", "offset", "verbatim")

    def __init__(self, text: str, offset: int, verbatim: bool):
        self.text, self.offset, self.verbatim = text, offset, verbatim


class _ByteToChar:
    """Maps expat's UTF-8 byte offsets back to character offsets of the decoded text."""

    def __init__(self, text: str):
        self.bytes_at: list[int] = []   # byte offset just after each non-ASCII char
        self.extra: list[int] = []      # cumulative extra bytes up to and including it
        total, b = 0, 0
        if not text.isascii():
            for ch in text:
                n = len(ch.encode("utf-8", "surrogatepass"))
                b += n
                if n > 1:
                    total += n - 1
                    self.bytes_at.append(b)
                    self.extra.append(total)

    def __call__(self, byte_index: int) -> int:
        k = bisect.bisect_right(self.bytes_at, byte_index) - 1
        return byte_index - (self.extra[k] if k >= 0 else 0)


def _local(name: str) -> str:
    return name[name.rindex(":") + 1:] if ":" in name else name


def parse(source: Source) -> Node:
    """Parse the source text into a Node tree, or raise ReadError with line and column."""
    text = source.text
    to_char = _ByteToChar(text)
    # No namespace processing: JATS in the wild uses undeclared prefixes; tags are matched
    # by local name, so <mml:math> and <math xmlns="..."> look alike.
    p = expat.ParserCreate(encoding="utf-8")
    p.UseForeignDTD(True)
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root = Node("#document", {}, 0, 1, None)
    state = {"node": root, "depth": 0}

    if text.isascii():  # byte offsets are character offsets
        def here() -> int:
            return p.CurrentByteIndex
    else:
        def here() -> int:
            return to_char(p.CurrentByteIndex)

    def start(name, attrs):
        state["depth"] += 1
        if state["depth"] > MAX_DEPTH:
            raise _Refused(f"elements nested deeper than {MAX_DEPTH}")
        state["node"] = Node(_local(name),
                             {_local(k): v for k, v in attrs.items()} if attrs else {}, here(),
                             p.CurrentLineNumber, state["node"])

    def end(name):
        state["depth"] -= 1
        node = state["node"]
        node.end = len(node.doc.order)
        state["node"] = node.parent or root

    def chars(data):
        off = here()
        verbatim = text.startswith(data[:1], off) if data else True
        if not verbatim and text.startswith("<![CDATA[", off):
            off, verbatim = off + 9, True
        state["node"].children.append(Chunk(data, off, verbatim))

    def skipped(name, is_param):
        if is_param:
            return
        resolved = html.entities.html5.get(name + ";")
        off = here()
        if resolved is None:  # keep an unknown entity visible rather than dropping it
            resolved, verbatim = "&" + name + ";", True
        else:
            verbatim = False
        state["node"].children.append(Chunk(resolved, off, verbatim))

    def refuse_entities(*_a):
        raise _Refused("the document declares entities; lintcase does not expand them")

    p.StartElementHandler, p.EndElementHandler = start, end
    p.CharacterDataHandler, p.SkippedEntityHandler = chars, skipped
    p.EntityDeclHandler = refuse_entities
    p.UnparsedEntityDeclHandler = refuse_entities
    p.ExternalEntityRefHandler = lambda *a: 1  # never load a DTD or external entity
    try:
        p.Parse(text, True)
    except _Refused as e:
        raise ReadError(source.path, str(e), p.CurrentLineNumber, p.CurrentColumnNumber + 1)
    except expat.ExpatError as e:
        line, col = e.lineno, e.offset + 1
        raise ReadError(source.path, f"malformed XML: {expat.ErrorString(e.code)}", line, col)
    except RecursionError:
        raise ReadError(source.path, "XML nested too deeply", p.CurrentLineNumber, 1)
    root.end = len(root.doc.order)
    return root


class _Refused(Exception):
    pass
