"""The data every stage passes on: immutable records, nothing that parses or judges.

Every string a reader produces is a `Text`: the characters plus a piecewise map back to
character offsets in the decoded source, so any sub-string can be turned into a `Span`
(path, line, column, end line, end column) even when the characters came from an entity
reference, a joined hyphenation or a line that was glued to the next one.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class Span:
    """A region of a source file; lines and columns are 1-based, columns count characters."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int


class Source:
    """The decoded text of one input file and its line-start table (offset -> line/column).

    `pages` is set by readers of paged formats (a PDF): the offset where each page starts, so a
    location can name its page; empty for every other source.
    """

    __slots__ = ("path", "text", "_starts", "pages")

    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self.pages: tuple[int, ...] = ()
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_offset(self, line: int) -> int:
        """Character offset of the start of a 1-based line."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]

    def span(self, start: int, end: int) -> Span:
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        return Span(self.path, line, col, end_line, end_col)


@dataclass(frozen=True)
class Text:
    """A string and where each of its characters came from.

    `pieces` holds (text_offset, source_offset, verbatim) triples sorted by text_offset. In a
    verbatim piece character i of the text is character i of the source from source_offset on;
    a non-verbatim piece (an entity such as ``&ndash;``, an inserted space) maps every one of its
    characters to the piece's source position.
    """

    text: str
    source: Source = field(repr=False, compare=False)
    pieces: tuple[tuple[int, int, bool], ...] = field(repr=False, compare=False)

    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return len(self.text)

    def source_offset(self, i: int, end: bool = False) -> int:
        """Source offset of text offset i (for an end offset, the end of the previous char)."""
        if not self.pieces:
            return 0
        if end and i > 0:
            k = bisect.bisect_right(self.pieces, (i - 1, float("inf"), True)) - 1
            t0, s0, verbatim = self.pieces[max(k, 0)]
            return s0 + (i - t0) if verbatim else s0 + 1
        k = bisect.bisect_right(self.pieces, (i, float("inf"), True)) - 1
        t0, s0, verbatim = self.pieces[max(k, 0)]
        return s0 + (i - t0) if verbatim else s0

    def span(self, start: int = 0, end: int | None = None) -> Span:
        end = len(self.text) if end is None else end
        s = self.source_offset(start)
        e = self.source_offset(end, end=True) if end > start else s
        return self.source.span(s, max(s, e))

    def slice(self, start: int, end: int) -> "Text":
        """The sub-text [start, end) keeping its source map."""
        out = TextBuilder(self.source)
        out.extend(self, start, end)
        return out.build()

    def strip(self) -> "Text":
        s = self.text
        a = len(s) - len(s.lstrip())
        b = len(s.rstrip())
        return self if (a == 0 and b == len(s)) else self.slice(a, max(a, b))


class TextBuilder:
    """Builds a `Text` piece by piece while a reader walks its source."""

    def __init__(self, source: Source):
        self.source = source
        self._parts: list[str] = []
        self._pieces: list[tuple[int, int, bool]] = []
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def add(self, s: str, source_offset: int, verbatim: bool = True) -> None:
        if not s:
            return
        last = self._pieces[-1] if self._pieces else None
        contiguous = (
            last is not None and verbatim and last[2]
            and last[1] + (self._len - last[0]) == source_offset
        )
        if not contiguous:
            self._pieces.append((self._len, source_offset, verbatim))
        self._parts.append(s)
        self._len += len(s)

    def extend(self, text: Text, start: int = 0, end: int | None = None) -> None:
        end = len(text.text) if end is None else end
        if start >= end:
            return
        pieces = text.pieces
        k = max(bisect.bisect_right(pieces, (start, float("inf"), True)) - 1, 0)
        while k < len(pieces) and pieces[k][0] < end:
            t0, s0, verbatim = pieces[k]
            t1 = pieces[k + 1][0] if k + 1 < len(pieces) else len(text.text)
            a, b = max(t0, start), min(t1, end)
            if a < b:
                self.add(text.text[a:b], s0 + (a - t0) if verbatim else s0, verbatim)
            k += 1

    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def build(self) -> Text:
        return Text("".join(self._parts), self.source, tuple(self._pieces))


def verbatim_text(source: Source, start: int, end: int) -> Text:
    """The source's own characters [start, end) as a Text."""
    b = TextBuilder(source)
    b.add(source.text[start:end], start)
    return b.build()


# Block kinds: what a reader may call a piece of running text.
BLOCK_KINDS = ("title", "heading", "paragraph", "caption", "footnote", "table", "list-item",
               "formula")


@dataclass(frozen=True)
class Block:
    """One paragraph-like unit with the section path it sits in.

    `section` is the tuple of section titles from the outermost in, e.g.
    ("Abstract", "Outcomes") or ("Case presentation",). `label` is a figure/table label such as
    "Figure 2" for captions. `citations` are (start, end) text ranges that the source marks as
    in-text citations (JATS xref to a bibliography entry), so comparisons can treat them apart.
    """

    kind: str
    section: tuple[str, ...]
    text: Text
    label: str = ""
    ident: str = ""
    citations: tuple[tuple[int, int], ...] = ()
    formulas: tuple[tuple[int, int], ...] = ()  # inline mathematics, set differently everywhere
    # Links the source states: (start, end, kind, target id) for a JATS xref (kind = ref-type,
    # target = rid) or an HTML href="#id" (kind "link"); the citation and callout facts read them.
    links: tuple[tuple[int, int, str, str], ...] = ()

    @property
    def section_name(self) -> str:
        return " / ".join(self.section)

    @property
    def in_abstract(self) -> bool:
        return bool(self.section) and self.section[0].lower().startswith("abstract")


@dataclass(frozen=True)
class Reference:
    """One entry of the reference list; every field may be empty when the source lacks it."""

    text: Text
    label: str = ""
    authors: tuple[str, ...] = ()
    title: str = ""
    source: str = ""
    year: str = ""
    volume: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    ident: str = ""
    # The authors' surnames alone, where the source marks them (JATS <surname>); empty elsewhere.
    surnames: tuple[str, ...] = ()


@dataclass(frozen=True)
class Meta:
    """Article metadata. Strings are Text (with spans) or None when the rendering lacks them."""

    doi: Text | None = None
    title: Text | None = None
    article_type: str = ""
    authors: tuple[Text, ...] = ()
    affiliations: tuple[Text, ...] = ()
    dates: tuple[tuple[str, str, Text], ...] = ()  # (kind, ISO date at its precision, source)
    journal: Text | None = None
    volume: Text | None = None
    elocation: Text | None = None
    keywords: tuple[Text, ...] = ()
    funding: tuple[Text, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()  # declared counts: (fig-count, 5), ...
    count_places: tuple[tuple[str, Text], ...] = ()  # where each declared count is written
    contents: tuple[tuple[str, int], ...] = ()  # what the document holds: (fig-count, 4), ...
    # Front-matter text that is not prose of the article: copyright and licence statements,
    # correspondence lines, author notes. Comparisons use it to recognise page furniture.
    notes: tuple[Text, ...] = ()
    # Funding, contributions and correspondence, as each rendering states them: funder names of
    # the funding metadata, funding statements, author-contribution statements, CRediT roles as
    # (author index, role), the corresponding authors' names and their e-mail addresses.
    funders: tuple[Text, ...] = ()
    funding_statements: tuple[Text, ...] = ()
    contributions: tuple[Text, ...] = ()
    roles: tuple[tuple[int, Text], ...] = ()
    corresp: tuple[Text, ...] = ()
    emails: tuple[Text, ...] = ()
    surnames: tuple[str, ...] = ()  # each author's surname, where the source marks it (JATS)


# The rendering kinds, most trustworthy first: the one list every layer reads (readers register
# under these names; checks take their reference rendering in this order unless a rule says).
RENDERING_KINDS = ("jats", "html", "pdf", "pdftext", "text")
KINDS = RENDERING_KINDS


@dataclass(frozen=True)
class Rendering:
    path: str
    kind: str
    meta: Meta
    blocks: tuple[Block, ...]
    references: tuple[Reference, ...] = ()
    source: Source | None = field(default=None, repr=False, compare=False)
    # Every element id of a JATS document, so a link's target can be checked, and every id its
    # xrefs point at (also from places no block holds); empty elsewhere.
    anchors: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    linked: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    # What extraction and checks computed from this rendering, kept with it (see facts.facts).
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def is_case_report(self) -> bool:
        if "case" in self.meta.article_type.lower():
            return True
        title = self.meta.title.text.lower() if self.meta.title else ""
        return "case report" in title or "a case" in title


@dataclass(frozen=True)
class Article:
    key: str
    renderings: tuple[Rendering, ...]
    # What checks computed across its renderings (an aligned pair), kept with the article.
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def is_case_report(self) -> bool:
        return any(r.is_case_report for r in self.renderings)


@dataclass(frozen=True)
class Fact:
    """A typed statement found in a block: a duration, a term, a date...

    `value` is normalised and comparable (e.g. ("month", 44)); `surface` is the text as written;
    `context` holds the words before it in the same sentence, which slot selection reads.
    """

    kind: str
    value: Any
    surface: str
    context: str
    span: Span
    rendering: Rendering = field(repr=False, compare=False)
    block: Block = field(repr=False, compare=False)
    start: int = 0
    end: int = 0
    sentence: int = 0  # index of the sentence within the block
    after: str = ""


SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, order=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rendering: str
    section: str
    excerpt: str
    page: int | None = None  # 1-based page of a PDF rendering; None for unpaged sources

    @classmethod
    def at(cls, rendering: Rendering, text: Text, start: int, end: int, section: str) -> "Location":
        sp = text.span(start, end)
        pages = text.source.pages
        page = bisect.bisect_right(pages, text.source_offset(start)) if pages else None
        return cls(sp.path, sp.line, sp.column, sp.end_line, sp.end_column,
                   rendering.kind, section, excerpt(text.text, start, end), page)


def excerpt(s: str, start: int, end: int, width: int = 60) -> str:
    """The words around [start, end), on one line, with the target in «…»."""
    a = max(0, start - width)
    b = min(len(s), end + width)
    if a > 0:
        a = s.find(" ", a, start) + 1 or a
    if b < len(s):
        b = s.rfind(" ", end, b) if s.rfind(" ", end, b) > end else b
    out = s[a:start] + "«" + s[start:end] + "»" + s[end:b]
    out = " ".join(out.split())
    return ("…" if a > 0 else "") + out + ("…" if b < len(s) else "")


@dataclass(frozen=True, order=True)
class Finding:
    """One problem. `fields` keeps the message's template arguments for dashboards."""

    article: str
    rule: str
    name: str
    severity: str
    message: str
    locations: tuple[Location, ...]
    fields: tuple[tuple[str, str], ...] = ()
    fingerprint: str = ""

    def sort_key(self):
        first = self.locations[0] if self.locations else None
        return (first.path if first else "", first.line if first else 0,
                first.column if first else 0, self.rule, self.message)


@dataclass(frozen=True)
class InputError:
    """A file that could not be read, or a rule that failed on a document."""

    path: str
    line: int
    column: int
    reason: str
    code: str = "LC901"
