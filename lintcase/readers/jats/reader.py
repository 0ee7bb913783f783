"""JATS / NLM XML (any DTD version, with or without DOCTYPE or namespaces) -> Rendering."""
from __future__ import annotations

from ...model import Block, Meta, Rendering, Source, Text, TextBuilder
from ..common import SECTION_NUMBER as NUMBERING, ReadError, guarded, row_cells, span_count
from .meta import read_meta, read_references
from .text import text_of
from .xmltree import Node, parse, release

# Elements that are blocks of their own when met inside a paragraph, or not prose at all.
NESTED_BLOCKS = frozenset({"fig", "table-wrap", "list", "disp-quote", "boxed-text", "fn",
                           "supplementary-material", "def-list", "statement", "fig-group",
                           "table-wrap-group", "disp-formula-group", "disp-formula"})
NOT_PROSE = frozenset({"tex-math", "graphic", "inline-graphic", "media", "object-id",
                       "alt-text", "long-desc", "annotation", "processing-meta"})
SKIP_IN_PARA = NESTED_BLOCKS | NOT_PROSE


def read_jats(source: Source, data: bytes | None = None, kind: str = "jats") -> Rendering:
    """The article in a JATS/NLM XML file; raises only ReadError. (`data` and `kind` are the
    readers' registry convention: the decoded Source says all.)"""
    return guarded(_read, source, "JATS XML")


def _read(source: Source) -> Rendering:
    root = parse(source)
    try:
        return _rendering(root, source)
    finally:
        release(root)


def _rendering(root: Node, source: Source) -> Rendering:
    article = next(root.iter("article"), None)
    if article is None:
        raise_no_article(source)
    blocks: list[Block] = []
    front = article.find("front")
    meta = read_meta(front, article, source) if front is not None else Meta()
    meta_node = front.find("article-meta") if front is not None else None
    if meta_node is not None:
        for abstract in meta_node.findall("abstract", "trans-abstract"):
            if abstract.get("abstract-type") in ("graphical", "teaser", "toc"):
                continue
            _walk_container(abstract, ("Abstract",), source, blocks)
    body = article.find("body")
    if body is not None:
        _walk_container(body, (), source, blocks)
    back = article.find("back")
    refs = ()
    if back is not None:
        _walk_container(back, (), source, blocks, skip=("ref-list",))
        for ref_list in back.iter("ref-list"):  # its heading is printed in every rendering
            title = ref_list.find("title")
            if title is not None:
                blocks.append(Block("heading", (section_title(ref_list, source),),
                                    text_of(title, source)))
        refs = read_references(back, source)
    floats = article.find("floats-group")  # figures and tables kept apart from the body
    if floats is not None:
        _walk_container(floats, (), source, blocks)
    anchors = frozenset(n.get("id") for n in article.iter() if n.get("id"))
    linked = frozenset(t for n in article.iter("xref") for t in n.get("rid").split())
    return Rendering(source.path, "jats", meta, tuple(blocks), tuple(refs), source, anchors,
                     linked)


def raise_no_article(source: Source):
    raise ReadError(source.path, "XML, but no <article> element: not a JATS/NLM article", 1, 1)


UNTITLED = {"ack": "Acknowledgments", "bio": "Biography", "app": "Appendix", "notes": "Notes",
            "glossary": "Glossary"}


def section_title(sec: Node, source: Source) -> str:
    title = sec.find("title")
    text = text_of(title, source).text if title is not None else ""
    text = NUMBERING.sub("", text).strip().rstrip(".:")
    return text or sec.get("sec-type").replace("-", " ").capitalize() or UNTITLED.get(sec.tag, "")


def _walk_container(node: Node, section: tuple, source: Source, out: list, skip=()) -> None:
    """Emit the blocks of a section-like element in document order."""
    for child in node.elements():
        tag = child.tag
        if tag in skip:
            continue
        if tag in ("sec", "app", "ack", "glossary", "notes", "bio"):
            title = section_title(child, source) or tag.capitalize()
            if child.find("title") is not None:
                out.append(Block("heading", section + (title,), text_of(child.find("title"), source)))
            _walk_container(child, section + (title,), source, out, skip)
        elif tag in ("app-group", "fn-group", "sec-meta"):
            _walk_container(child, section, source, out, skip)
        elif tag in ("p", "disp-quote", "speech", "statement"):
            _paragraph(child, section, source, out)
        else:
            _nested(child, section, source, out)


def _nested(node: Node, section: tuple, source: Source, out: list) -> None:
    tag = node.tag
    if tag in ("fig", "table-wrap", "supplementary-material", "boxed-text"):
        _captioned(node, section, source, out)
    elif tag in ("list", "def-list"):
        for item in node.iter("list-item", "def-item"):
            _paragraph(item, section, source, out, kind="list-item")
    elif tag == "fn":
        _paragraph(node, section, source, out, kind="footnote")
    elif tag in ("disp-formula", "disp-formula-group"):
        text = text_of(node, source, NOT_PROSE)
        if text.text:
            out.append(Block("formula", section, text, "", node.get("id")))
    elif tag in ("fig-group", "table-wrap-group", "disp-quote", "statement"):
        _walk_container(node, section, source, out)


def _captioned(node: Node, section: tuple, source: Source, out: list) -> None:
    label = node.find("label")
    label_text = " ".join(text_of(label, source).text.split()).rstrip(".:") if label is not None else ""
    caption = node.find("caption")
    if caption is not None:
        b = TextBuilder(source)
        marks: list = []
        text_of(caption, source, SKIP_IN_PARA, builder=b, marks=marks)
        text = b.build().strip()
        if text.text:
            out.append(Block("caption", section, text, label_text, node.get("id"),
                             _citations(marks, text, b), links=_links(marks, text, b)))
    if node.tag == "boxed-text":
        _walk_container(node, section + ((label_text or "Box"),), source, out)
    spans: dict = {}  # column -> (rows left, header) of a cell spanning down, per table
    for row in node.iter("tr"):  # table rows: not compared as prose, but known words
        rb, marks = TextBuilder(source), []
        raw = text_of(row, source, NOT_PROSE, builder=rb, marks=marks)
        text = raw.strip()
        # a row without text still takes the cells of earlier rows that span down into it
        cells = _cells(row, marks, text, raw, spans.setdefault(_table(row), {}))
        if text.text:
            out.append(Block("table", section, text, label_text, node.get("id"),
                             links=_links(marks, text, raw), cells=cells))
    for fn in node.iter("fn"):
        _paragraph(fn, section, source, out, kind="footnote")


def _paragraph(node: Node, section: tuple, source: Source, out: list, kind="paragraph") -> None:
    """A paragraph's own text; blocks nested inside it (figures, lists...) follow it."""
    b = TextBuilder(source)
    marks: list = []
    text_of(node, source, SKIP_IN_PARA, builder=b, marks=marks)
    raw = b.build()
    text = raw.strip()
    if text.text:
        out.append(Block(kind, section, text, "", node.get("id"), _citations(marks, text, raw),
                         _marked(marks, text, raw, ("inline-formula",)), _links(marks, text, raw)))
    for child in node.elements():
        if child.tag in NESTED_BLOCKS:
            _nested(child, section, source, out)
        elif child.tag in ("p",) and kind == "list-item":
            pass  # already part of the item's text


def _citations(marks: list, text: Text, raw) -> tuple:
    """Text ranges of xrefs to bibliography entries, shifted to the stripped text."""
    return _marked(marks, text, raw, ("xref",), lambda n: n.get("ref-type") in ("bibr", "ref"))


def _table(row: Node) -> int:
    node = row.parent
    while node is not None and node.tag != "table":
        node = node.parent
    return id(node)


def _cells(row: Node, marks: list, text: Text, raw, spans: dict) -> tuple:
    """The row's cells, one a column, shifted to the stripped text (Block.cells); `spans`
    carries the cells of earlier rows that span down into this one."""
    shift = len(raw.text) - len(raw.text.lstrip())
    head = row.parent is not None and row.parent.tag == "thead"
    own = sorted(((s, e, n) for s, e, n in marks if n.parent is row and n.tag in ("td", "th")),
                 key=lambda m: m[2].index)
    return row_cells([(max(0, s - shift), max(0, min(len(text.text), e - shift)),
                       head or n.tag == "th", span_count(n.get("colspan")),
                       span_count(n.get("rowspan"))) for s, e, n in own], spans)


def _links(marks: list, text: Text, raw) -> tuple:
    """(start, end, ref-type, rid) of every xref, shifted to the stripped text."""
    raw_text = raw.text if isinstance(raw, Text) else raw.build().text
    shift = len(raw_text) - len(raw_text.lstrip())
    out = []
    for start, end, node in marks:
        if node.tag == "xref":
            a, b = max(0, start - shift), min(len(text.text), end - shift)
            out.append((a, max(a, b), node.get("ref-type"), node.get("rid")))
    return tuple(sorted(out))


def _marked(marks: list, text: Text, raw, tags: tuple, accept=lambda n: True) -> tuple:
    """Text ranges of the inline elements with one of the tags, shifted to the stripped text."""
    raw_text = raw.text if isinstance(raw, Text) else raw.build().text
    shift = len(raw_text) - len(raw_text.lstrip())
    spans = []
    for start, end, node in marks:
        if node.tag in tags and accept(node):
            a, b = max(0, start - shift), min(len(text.text), end - shift)
            if a < b:
                spans.append((a, b))
    return tuple(sorted(spans))
