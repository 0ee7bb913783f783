"""What a reader makes of a file and what the facts layer finds in it: blocks, references,
metadata, renderings, articles and facts. Immutable records; nothing here parses or judges.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .text import Source, Span, Text


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
    # A table row's cells, one a column: (start, end, header) text ranges, a cell spanning
    # columns repeated for each; (-1, -1, header) where a cell of an earlier row spans down.
    # `header` is true for a heading cell (th, or a row of the table's head).
    cells: tuple[tuple[int, int, bool], ...] = ()

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
    # A PDF text's front matter (its first lines, up to the abstract) as one text, where a
    # title its reader did not recognise can still be found by the title comparison.
    front: Text | None = field(default=None, repr=False, compare=False)


# The rendering kinds, most trustworthy first: the one list every layer reads (readers register
# under these names; checks take their reference rendering in this order unless a rule says).
RENDERING_KINDS = ("jats", "html", "pdf", "pdftext", "text")
KINDS = RENDERING_KINDS
KIND_RANK = {k: i for i, k in enumerate(RENDERING_KINDS)}  # unknown kinds rank after these


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
    # Renderings of other articles in this one's folder, when it has only one rendering: a file
    # that joined none of its neighbours is said in the report, never linted apart in silence.
    alone_beside: tuple[str, ...] = ()
    # What checks computed across its renderings (an aligned pair), kept with the article.
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def is_case_report(self) -> bool:
        return any(r.is_case_report for r in self.renderings)

    def trusted(self) -> list[Rendering]:
        """The renderings, most trustworthy kind first (RENDERING_KINDS), then by path."""
        last = len(KIND_RANK)
        return sorted(self.renderings, key=lambda r: (KIND_RANK.get(r.kind, last), r.path))

    @property
    def doi(self) -> str | None:
        return next((r.meta.doi.text for r in self.trusted() if r.meta.doi), None)

    @property
    def title(self) -> str | None:
        return next((r.meta.title.text for r in self.trusted() if r.meta.title), None)


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
