"""A light HTML tree whose every character knows its source offset (line AND column).

Why not lxml.html: it reports line numbers but no columns. `html.parser.HTMLParser` reports
(line, column) for each event, and with ``convert_charrefs=False`` hands us entity and character
references one by one, so ``&ndash;`` becomes one non-verbatim character mapped to its ``&``.
The tree is forgiving the way browsers are for the cases real pages need (unclosed <p>/<li>,
stray end tags); it never raises on malformed markup.
"""
from __future__ import annotations

import html as _html
import re
from html.entities import html5
from html.parser import HTMLParser

from ...model import Source, Text, TextBuilder

VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
# Their content is never article text; we keep the element but drop its characters.
MUTE = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "head",
                  "title", "textarea", "select", "button"})
BLOCK = frozenset("""address article aside blockquote body caption center dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav
    ol p pre section summary table tbody tfoot thead tr ul""".split())
# Start tags that close an open <p> (HTML5 "close a p element"), and the list-like auto-closers.
CLOSES_P = BLOCK - {"body", "html", "li", "dd", "dt", "tr", "tbody", "thead", "tfoot", "caption"}
AUTO_CLOSE = {"li": ("li", {"ul", "ol", "menu"}), "dt": ("dt dd", {"dl"}), "dd": ("dt dd", {"dl"}),
              "tr": ("tr", {"table", "tbody", "thead", "tfoot"}), "td": ("td th", {"tr", "table"}),
              "th": ("td th", {"tr", "table"}), "option": ("option", {"select"})}


class Node:
    """An element: tag, attributes, children (Node or (chars, offset, verbatim)), start offset."""

    __slots__ = ("tag", "attrs", "children", "parent", "start", "raw", "classes")

    def __init__(self, tag: str, attrs: dict, parent: "Node | None", start: int, raw: str):
        self.tag, self.attrs, self.parent, self.start, self.raw = tag, attrs, parent, start, raw
        self.children: list = []
        self.classes = frozenset((attrs.get("class") or "").split())

    def get(self, name: str, default: str = "") -> str:
        return self.attrs.get(name) or default

    def iter(self):
        """Self and all descendant elements in document order (no recursion: pages nest deep)."""
        stack = [self]
        while stack:
            n = stack.pop()
            yield n
            stack.extend(reversed([c for c in n.children if isinstance(c, Node)]))


class _TreeBuilder(HTMLParser):
    def __init__(self, source: Source):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.root = Node("#document", {}, None, 0, "")
        self.stack = [self.root]
        self.muted = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.source.line_offset(line) + col

    def handle_starttag(self, tag, attrs):
        self._auto_close(tag)
        parent = self.stack[-1]
        node = Node(tag, {k: (v or "") for k, v in attrs}, parent, self._offset(),
                    self.get_starttag_text() or "")
        parent.children.append(node)
        if tag not in VOID:
            self.stack.append(node)
            self.muted += tag in MUTE

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self._pop_to(len(self.stack) - 1)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                self._pop_to(i)
                return
        # a stray end tag: browsers ignore it, and so do we

    def _pop_to(self, i: int) -> None:
        for node in self.stack[i:]:
            self.muted -= node.tag in MUTE
        del self.stack[i:]

    def _auto_close(self, tag: str) -> None:
        """Close what a browser closes implicitly: an open <p> before a block, <li> before <li>."""
        closes, scope = AUTO_CLOSE.get(tag, ("", ()))
        closes = closes.split()
        for i in range(len(self.stack) - 1, 0, -1):
            t = self.stack[i].tag
            if (tag in CLOSES_P and t == "p") or t in closes:
                self._pop_to(i)
                return
            if t in scope or (tag in CLOSES_P and t in BLOCK) or (closes and t in BLOCK - {"p"}):
                return

    def _chunk(self, chars: str, offset: int, verbatim: bool) -> None:
        if chars and not self.muted:
            self.stack[-1].children.append((chars, offset, verbatim))

    def handle_data(self, data):
        self._chunk(data, self._offset(), True)

    def handle_entityref(self, name):
        # html5 holds both "amp;" and the legacy "amp"; an unknown name stays as written.
        ch = html5.get(name + ";") or html5.get(name)
        off = self._offset()
        if ch is None:  # keep the reference as written, with its ";" when it had one
            raw = "&" + name
            if self.source.text.startswith(";", off + len(raw)):
                raw += ";"
            self._chunk(raw, off, True)
        else:
            self._chunk(ch, off, False)

    def handle_charref(self, name):
        self._chunk(_html.unescape(f"&#{name};"), self._offset(), False)


def parse_html(source: Source) -> Node:
    """The document tree of a page; malformed markup is repaired, never refused."""
    builder = _TreeBuilder(source)
    builder.feed(source.text)
    builder.close()
    return builder.root


_WS = re.compile(r"[ \t\n\r\f]+|[^ \t\n\r\f]+")


class Collector:
    """Builds one Text from chunks, collapsing whitespace runs to one space (HTML rendering).

    A space is emitted lazily, only before the next visible character, so the result never
    starts or ends with whitespace. A single verbatim space stays verbatim.
    """

    def __init__(self, source: Source):
        self.builder = TextBuilder(source)
        self._space: tuple[int, bool] | None = None

    def __len__(self) -> int:
        return len(self.builder)

    def add(self, chars: str, offset: int, verbatim: bool) -> None:
        for m in _WS.finditer(chars):
            s = m.group()
            pos = offset + m.start() if verbatim else offset
            if s[0] in " \t\n\r\f":
                if len(self.builder) and self._space is None:
                    self._space = (pos, verbatim and s == " ")
            else:
                self.flush_space()
                self.builder.add(s, pos, verbatim)

    def next_start(self) -> int:
        """Text offset where the next visible character will land (after a pending space)."""
        return len(self.builder) + (self._space is not None)

    def space(self, offset: int) -> None:
        """A break between words that the markup implies (<br>, a table cell)."""
        if len(self.builder) and self._space is None:
            self._space = (offset, False)

    def flush_space(self) -> None:
        if self._space is not None:
            self.builder.add(" ", self._space[0], self._space[1])
            self._space = None

    def build(self) -> Text:
        return self.builder.build()


def text_of(node: Node, source: Source, skip=None) -> Text:
    """The rendered text of an element; `skip(node)` true drops a sub-tree."""
    out = Collector(source)
    stack: list = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            out.add(*item)
        elif item.tag in MUTE or (skip is not None and item is not node and skip(item)):
            continue
        else:
            if item.tag in BLOCK or item.tag in ("br", "td", "th"):
                out.space(item.start)
            stack.extend(reversed(item.children))
    return out.build()


_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


def decoded_text(source: Source, start: int, end: int) -> Text:
    """Source characters [start, end) with references resolved and whitespace collapsed."""
    out = Collector(source)
    pos = start
    for m in _ENTITY.finditer(source.text, start, end):
        out.add(source.text[pos:m.start()], pos, True)
        resolved = _html.unescape(m.group())
        out.add(resolved, m.start(), resolved == m.group())
        pos = m.end()
    out.add(source.text[pos:end], pos, True)
    return out.build()


def attr_text(node: Node, name: str, source: Source) -> Text | None:
    """An attribute's value as a Text pointing into the start tag, or None when absent."""
    m = re.search(r"""\s%s\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""" % re.escape(name),
                  node.raw, re.IGNORECASE)
    if m is None:
        return None
    group = next(g for g in (1, 2, 3) if m.group(g) is not None)
    start = node.start + m.start(group)
    return decoded_text(source, start, start + len(m.group(group)))


_SELECTOR = re.compile(r"^([a-z][a-z0-9]*|\*)?((?:[.#][\w-]+)*)$")


class Selector:
    """A compound CSS selector: ``tag``, ``.class``, ``#id`` or a mix such as ``div.a.b#x``."""

    def __init__(self, text: str):
        m = _SELECTOR.match(text.strip())
        if m is None:
            raise ValueError(f"unsupported selector {text!r}: use tag.class#id")
        self.text = text
        self.tag = None if m.group(1) in (None, "*") else m.group(1)
        parts = re.findall(r"([.#])([\w-]+)", m.group(2))
        self.ident = next((v for k, v in parts if k == "#"), None)
        self.classes = {v for k, v in parts if k == "."}

    def matches(self, node: Node) -> bool:
        return ((self.tag is None or node.tag == self.tag)
                and (self.ident is None or node.get("id") == self.ident)
                and (not self.classes or self.classes <= node.classes))


def any_match(selectors, node: Node) -> bool:
    return any(s.matches(node) for s in selectors)
