"""The walk over a publisher page's content: elements -> Blocks in document order, each with
its section path, caption label, in-text citations and in-page links."""
from __future__ import annotations

import re

from ...model import Block, Source, Text, TextBuilder
from ..common import SECTION_NUMBER as NUMBERING, row_cells, span_count
from .tree import BLOCK, MUTE, Collector, Node, any_match, text_of

REF_HEADINGS = re.compile(r"^(references?|bibliography|literature cited|works cited)$", re.I)
CAPTION_LABEL = re.compile(
    r"^((?:Supplementary\s+)?(?:Figure|Fig\.?|Table|Box|Scheme|Chart|Video|Movie|Appendix)"
    r"\s*S?[0-9]+[A-Za-z]?|S[0-9]+\s+(?:Fig(?:ure)?|Table|Movie|Video|File|Text|Data(?:set)?"
    r"|Appendix|Audio))\s*[.:|]?\s*", re.I)
# Page furniture on unknown sites, recognised by words in class and id attributes.
FURNITURE = re.compile(r"(?:^|[-_])(?:nav|navbar|menu|cookies?|consent|banner|share|sharing|social"
                       r"|related|recommended|metrics|altmetric|sidebar|advert|ads|popup|modal"
                       r"|toolbar|breadcrumbs?|comments?|login|signin|subscribe)(?:[-_]|$)", re.I)
FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "menu"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
ROLE_KINDS = {"li": "list-item", "dd": "list-item", "dt": "list-item", "tr": "table",
              "caption": "caption", "figcaption": "caption"}


class Walker:
    """Turns content elements into Blocks in document order, tracking the section path."""

    def __init__(self, source: Source, prof: dict, ref_ids: set, generic: bool, title: str):
        self.source, self.prof, self.ref_ids, self.generic = source, prof, ref_ids, generic
        self.title = " ".join(title.split()).lower()
        self.blocks: list[Block] = []
        self.sections: list[tuple[int, str]] = []
        self.base: tuple[str, ...] = ()
        self.run: Collector | None = None
        self.run_node: Node | None = None
        self.cites: list = []
        self.open_cites: list = []
        self.links: list = []  # (start, end, "link", id) of in-page links (href="#id")
        self.context: list[str] = []  # inherited kinds: "caption", "footnote"
        self.blockstack: list[Node] = []
        self.caption: tuple | None = None  # (label, TextBuilder, citations, ident, links)
        self.cells: list = []  # (start, end, node) of the row's cells, as the run's text goes
        self.open_cells: list = []
        self.spans: dict = {}  # per table: the cells of earlier rows spanning down (Block.cells)
        self.tables: dict = {}  # id(table) -> its ident: the table's id, or "table-N"
        self.rows_done: set = set()  # rows whose cells were read (their spans taken)

    def walk(self, root: Node) -> None:
        stack: list = [root]
        while stack:
            item = stack.pop()
            if isinstance(item, tuple) and len(item) == 2:
                self._exit(item[1])
            elif isinstance(item, tuple):
                self._chars(*item)
            elif self._enter(item):
                stack.append(("exit", item))
                stack.extend(reversed(item.children))
        self._flush()
        self._flush_caption()

    def _skipped(self, n: Node) -> bool:
        p = self.prof
        if n.tag in MUTE or any_match(p["skip"], n) or any_match(p["reference"], n) \
                or any_match(p["reference_list"], n):
            return True
        if self.generic and (n.tag in FURNITURE_TAGS or FURNITURE.search(n.get("id"))
                             or any(FURNITURE.search(c) for c in n.classes)):
            return True
        return False

    def _enter(self, n: Node) -> bool:
        if self._skipped(n):
            return False
        is_block = n.tag in BLOCK or n.tag in HEADING_TAGS
        if is_block:
            self._flush()  # before the context changes: the run so far belongs to the outside
        if any_match(self.prof["abstract"], n):
            self._flush_caption()
            self.context.append(("region", self.base, self.sections))
            self.base, self.sections = ("Abstract",), []
        elif any_match(self.prof["caption"], n):
            if n.tag != "p":  # a new figure container; caption paragraphs may follow each other
                self._flush_caption()
            self.context.append("caption")
        elif any_match(self.prof["footnote"], n):
            self.context.append("footnote")
        else:
            self.context.append(None)
        if is_block:
            self.blockstack.append(n)
        elif n.tag in ("td", "th"):
            if self.run is not None:
                self.run.space(n.start)
            self.open_cells.append((n, self.run.next_start() if self.run is not None else 0))
        elif n.tag == "br" and self.run is not None:
            self.run.space(n.start)
        elif n.tag == "a" and n.get("href", "").startswith("#") and len(n.get("href")) > 1:
            if n.get("href")[1:] in self.ref_ids:
                self._ensure_run(n)
            if self.run is not None:  # other in-page links never open a paragraph themselves
                self.open_cites.append((n, self.run.next_start()))
        return True

    def _exit(self, n: Node) -> None:
        if n.tag == "tr" and id(n) not in self.rows_done and self.run is None:
            self._row_cells(n)  # a row without text still takes the cells spanning into it
        if self.open_cells and self.open_cells[-1][0] is n:
            _, start = self.open_cells.pop()
            end = len(self.run) if self.run is not None else 0
            self.cells.append((min(start, end), end, n))
        if self.open_cites and self.open_cites[-1][0] is n:
            _, start = self.open_cites.pop()
            if self.run is not None and len(self.run) > start:
                target = n.get("href")[1:]
                if target in self.ref_ids:
                    self.cites.append((start, len(self.run)))
                self.links.append((start, len(self.run), "link", target))
        if n.tag in BLOCK or n.tag in HEADING_TAGS:
            self._flush()
            if self.blockstack and self.blockstack[-1] is n:
                self.blockstack.pop()
        ctx = self.context.pop() if self.context else None
        if isinstance(ctx, tuple):
            self._flush()
            self._flush_caption()
            _, self.base, self.sections = ctx
        elif ctx == "caption" and n.tag != "p":
            self._flush()
            self._flush_caption()

    def _ensure_run(self, n: Node) -> None:
        if self.run is None:
            self.run = Collector(self.source)
            self.run_node = self.blockstack[-1] if self.blockstack else n
            self.cites, self.links = [], []
            self.cells = [c for c in self.cells if c[2].parent is self.run_node]

    def _chars(self, chars: str, offset: int, verbatim: bool) -> None:
        if self.run is None:
            if not chars.strip():
                return
            self._ensure_run(self.blockstack[-1] if self.blockstack else None)
        self.run.add(chars, offset, verbatim)

    def _kind(self) -> str:
        tag = self.run_node.tag if self.run_node is not None else ""
        if tag in HEADING_TAGS:
            return "heading"
        inherited = next((c for c in reversed(self.context) if isinstance(c, str)), None)
        return inherited or ROLE_KINDS.get(tag, "paragraph")

    def _flush(self) -> None:
        if self.run is None:
            return
        text, cites, node = self.run.build(), tuple(self.cites), self.run_node
        links, cells = tuple(self.links), self._row_cells(node)
        kind = self._kind()
        self.run, self.run_node, self.cites, self.open_cites = None, None, [], []
        self.links, self.cells = [], []
        if not text.text:
            return
        if kind == "heading":
            self._heading(text, node)
        elif kind == "caption":
            self._caption_part(text, cites, node, links)
        else:
            self._flush_caption()
            section = self.section()
            title = _run_in_title(node, text, self.source)
            if title:  # Frontiers prints a box as one <p>: <strong>KEY CONCEPT 1. X</strong><br>
                section += (title.text,)
                cut = len(title) + 1
                links = _shift(links, cut, len(text))
                text, cites = text.slice(cut, len(text)), _shift(cites, cut, len(text))
            row = kind == "table" and node is not None and node.tag == "tr"
            self.blocks.append(Block(kind, section, text, "", self._table_ident(node) if row
                                     else _ident(node), cites, links=links,
                                     cells=cells if row and not title else ()))

    def _row_cells(self, row: Node | None) -> tuple:
        """Block.cells of a table row's run: its own cells (not those of a nested table); none
        for a row that a block inside a cell (a <p>, a <div>, a nested table) cut into pieces."""
        if row is None or row.tag != "tr" or id(row) in self.rows_done:
            return ()
        self.rows_done.add(id(row))
        own = [c for c in self.cells if c[2].parent is row]
        cut = any(d is not c and (d.tag in BLOCK or d.tag in HEADING_TAGS)
                  for c in row.children if isinstance(c, Node) for d in c.iter())
        head = row.parent is not None and row.parent.tag == "thead"
        cells = row_cells([(a, b, head or n.tag == "th", span_count(n.get("colspan")),
                            span_count(n.get("rowspan"))) for a, b, n in own],
                          self.spans.setdefault(id(_table_of(row)), {}))
        return () if cut else cells

    def _table_ident(self, row: Node) -> str:
        """Every row of one table has the table's ident (as the JATS reader gives them the
        table-wrap's), so that rows of two tables are never read as one."""
        table = _table_of(row)
        if id(table) not in self.tables:
            self.tables[id(table)] = (table.get("id") if table is not None else "") \
                or f"table-{len(self.tables) + 1}"
        return self.tables[id(table)]

    def section(self) -> tuple[str, ...]:
        return self.base + tuple(t for _, t in self.sections)

    def _heading(self, text: Text, node: Node) -> None:
        """A heading opens a section at its level; its own block sits inside that section."""
        self._flush_caption()
        title = NUMBERING.sub("", text.text).strip().rstrip(".:")
        if node.tag == "h1" and " ".join(title.split()).lower() == self.title:
            return  # the article title, already in meta
        if self.base and title.lower() == self.base[0].lower() and not self.sections:
            return  # the "Abstract" heading of the abstract itself
        level = int(node.tag[1])
        while self.sections and self.sections[-1][0] >= level:
            self.sections.pop()
        self.sections.append((level, title))
        if not REF_HEADINGS.match(title):
            self.blocks.append(Block("heading", self.section(), text, "", _ident(node)))

    def _caption_part(self, text: Text, cites: tuple, node: Node, links: tuple = ()) -> None:
        """Caption paragraphs join into one block; a leading "Figure 2." becomes its label."""
        m = CAPTION_LABEL.match(text.text)
        if m:
            self._flush_caption()
            label = " ".join(m.group(1).split())
            links = _shift(links, m.end(), len(text))
            text, cites = text.slice(m.end(), len(text)), _shift(cites, m.end(), len(text))
            self.caption = (label, TextBuilder(self.source), [], _ident(node), [])
        if re.fullmatch(r"doi:\s*\S+", text.text):
            return  # PLOS prints each figure's DOI under its caption
        if self.caption is None:
            self.caption = ("", TextBuilder(self.source), [], _ident(node), [])
        b, all_cites = self.caption[1], self.caption[2]
        if len(b) and text.text:
            b.add(" ", text.source_offset(0), verbatim=False)
        all_cites.extend((s + len(b), e + len(b)) for s, e in cites)
        self.caption[4].extend((s + len(b), e + len(b), k, t) for s, e, k, t in links)
        b.extend(text)

    def _flush_caption(self) -> None:
        if self.caption is None:
            return
        label, b, cites, ident, links = self.caption
        self.caption = None
        text = b.build()
        if text.text or label:
            self.blocks.append(Block("caption", self.section(), text, label, ident, tuple(cites),
                                     links=tuple(links)))


def _table_of(row: Node) -> Node | None:
    table = row.parent
    while table is not None and table.tag != "table":
        table = table.parent
    return table


def _run_in_title(node: Node | None, text: Text, source: Source) -> Text | None:
    """The bold title of a paragraph that opens with <strong>Title</strong><br>, as in a box."""
    if node is None or node.tag != "p":
        return None
    kids = [c for c in node.children if not (isinstance(c, tuple) and not c[0].strip())]
    if len(kids) < 3 or not isinstance(kids[0], Node) or kids[0].tag not in ("strong", "b") \
            or not isinstance(kids[1], Node) or kids[1].tag != "br":
        return None
    title = text_of(kids[0], source)
    return title if title.text and text.text.startswith(title.text + " ") else None


def _shift(cites: tuple, cut: int, length: int) -> tuple:
    """Ranges (and any fields after them) moved to a text cut at `cut`."""
    return tuple((c[0] - cut, c[1] - cut, *c[2:]) for c in cites if c[0] >= cut and c[1] <= length)


def _ident(node: Node | None) -> str:
    return node.get("id") if node is not None else ""
