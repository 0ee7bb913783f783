"""Plain-text renderings: text extracted from a PDF ("pdftext") and web/Markdown text ("text").

The reader turns lines into drafts (heading, paragraph, caption, footnote, list item: `drafts`),
removes page furniture and front matter, gives every block its section path and rejoins
paragraphs that a page break or a figure interrupted. The front matter and metadata are in
`front` and `meta`, the reference list in `refs`; every string keeps its exact source map (see
`lines.build_text`).
"""
from __future__ import annotations

import re
from collections import defaultdict

from ...model import Block, Rendering, Source
from ..common import ReadError
from .drafts import Draft, attach_caption_text, clean_title, heading_trim, split_drafts
from .front import front
from .lines import SENTENCE_END, Line, alternation, build_text, segments, split_lines, vocab
from .refs import parse as parse_references

_V = vocab()
# an electronic page number standing alone ("e1312": The Lancet, Medicina Oral), which a
# column layout may put anywhere on its page
_E_PAGE = re.compile(r"e\d{2,6}")
_LETTERED = re.compile(r"[^\W\d_](?:[^a-z]*?[^\W\d_]){2}")
_BARE_PAGE = re.compile(r"(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?", re.I)
_WEB_LINES = re.compile(alternation(_V["web_lines"]), re.I)
_COMMENT_LINE = re.compile(r"\s*<!--.*?-->\s*")
_WEB_SECTIONS = re.compile(alternation(_V["web_sections"]), re.I)
_REF_HEADING = re.compile(r"(?:#+\s*)?(?:\d{1,2}\.?\s+)?" + alternation(_V["reference_headings"])
                          + r"\s*:?", re.I)


def read_text(source: Source, kind: str, data: bytes | None = None) -> Rendering:
    """A "pdftext", "text" (or, from the PDF reader, "pdf") rendering; raises only ReadError.
    (`data` is the readers' registry convention: the decoded Source says all.)"""
    try:
        return _read(source, kind)
    except ReadError:
        raise
    except Exception as e:  # the contract: bad input never escapes as anything but ReadError
        raise ReadError(source.path, f"cannot read as {kind}: {type(e).__name__}: {e}")


def _read(source: Source, kind: str) -> Rendering:
    lines = split_lines(source.text)
    paged = lines[-1].page > 0 if lines else False
    md = not paged
    keep = _furniture(lines) if paged else [True] * len(lines)
    if kind == "text":
        keep = [k and not _WEB_LINES.fullmatch(ln.text) for k, ln in zip(keep, lines)]
    # a line that is only an HTML comment (a lintcase directive, say) is not content
    keep = [k and not _COMMENT_LINE.fullmatch(ln.text) for k, ln in zip(keep, lines)]
    r = _ref_heading(lines, keep)
    body_lines = lines[:r] if r is not None else lines
    drafts = attach_caption_text(split_drafts(body_lines, keep, md))
    if kind == "text":
        drafts = _drop_web_sections(drafts)
    meta, drafts = front(source, drafts, lines, keep, md, kind)
    if md:  # "## Abstract" under a "# Title" is a top-level section, not a second-level one
        depths = [d.depth for d in drafts if d.kind == "heading"]
        for d in drafts:
            if d.kind == "heading":
                d.depth = max(1, d.depth - (min(depths) - 1))
    stack = _assign_sections(drafts, ())
    refs, leftover = (), []
    if r is not None:
        refs, rest = parse_references(source, lines[r + 1:], keep[r + 1:], md)
        drafts.append(Draft("heading", [lines[r]], heading_trim(lines[r].text),
                            title=clean_title(lines[r].text), section=()))
        _assign_sections(drafts[-1:], ())
        leftover = split_drafts(rest, [True] * len(rest), md)
        _assign_sections(leftover, stack)
    drafts = _merge_continued(drafts) + _merge_continued(leftover)
    blocks = tuple(_block(source, d, md) for d in drafts if d.kind not in ("front", "junk"))
    blocks = tuple(b for b in blocks if b.text.text.strip())
    return Rendering(path=source.path, kind=kind, meta=meta, blocks=blocks,
                     references=tuple(refs), source=source)


# The end of a sentence carried over to a new line ("et al., 2021)."): text, even when the same
# words end a line on one other page.
_CONTINUATION = re.compile(r"[a-z].*[.)]\s*")


def _furniture(lines: list[Line]) -> list[bool]:
    """Which lines to keep: drop lines that repeat on several pages and bare page numbers.

    Repetition is counted on a key with digits normalised, so "Page 2 of 15" and a footer with
    the page number in it repeat too. A line seen on only two pages must also sit at a page edge.
    An electronic page number ("e1312") on three pages or more is dropped wherever it stands.
    """
    pages_of: dict[str, set[int]] = defaultdict(set)
    by_page: dict[int, list[int]] = defaultdict(list)
    keys = []
    for i, ln in enumerate(lines):
        key = re.sub(r"\d+", "#", " ".join(ln.text.lower().split())) if ln.text else ""
        keys.append(key)
        if key:
            pages_of[key].add(ln.page)
            by_page[ln.page].append(i)
    edge = set()
    for idx in by_page.values():
        edge.update(idx[:4] + idx[-4:])
    keep = []
    for i, ln in enumerate(lines):
        key, n = keys[i], len(pages_of[keys[i]]) if keys[i] else 0
        lettered = _LETTERED.search(key) is not None
        drop = bool(key) and (
            (i in edge and _BARE_PAGE.fullmatch(ln.text) is not None)
            or (n >= 3 and _E_PAGE.fullmatch(ln.text.strip()) is not None)
            # away from a page edge, only a line on half the pages is a running head: a line
            # such as "et al., 2021)." recurs on a few pages as ordinary text
            or (lettered and n >= 3 and (i in edge or n >= 0.5 * len(by_page)))
            or (n >= 2 and i in edge and (lettered or len(key) > 1)
                and not (n == 2 and _CONTINUATION.fullmatch(ln.text))))
        keep.append(not drop)
    return keep


def _ref_heading(lines: list[Line], keep: list[bool]) -> int | None:
    """Index of the last line that heads a reference list (tables may say "References" too)."""
    for i in range(len(lines) - 1, -1, -1):
        if keep[i] and lines[i].text and _REF_HEADING.fullmatch(lines[i].text):
            return i
    return None


def _drop_web_sections(drafts: list[Draft]) -> list[Draft]:
    """Web furniture: promotional sections, and headings that introduce nothing."""
    out, dropping = [], False
    for i, d in enumerate(drafts):
        if d.kind == "heading":
            dropping = bool(_WEB_SECTIONS.fullmatch(d.title))
            rest = drafts[i + 1:]
            if not dropping and all(x.kind == "heading" for x in rest[:1]) and not rest:
                continue
        if not dropping:
            out.append(d)
    return out


def _assign_sections(drafts: list[Draft], stack: tuple[str, ...]) -> tuple[str, ...]:
    """Give each draft its section path; returns the path in force at the end."""
    for d in drafts:
        if d.kind == "heading":
            stack = stack[:d.depth - 1] + (d.title,)
            d.section = stack
        elif d.kind not in ("front", "junk", "title") and not d.section:
            d.section = stack
    return stack


def _merge_continued(drafts: list[Draft]) -> list[Draft]:
    """Rejoin a paragraph cut by a page break or a figure: it continues with the next
    paragraph that starts in lower case, skipping captions, footnotes and short debris."""
    out: list[Draft] = []
    open_: Draft | None = None
    for d in drafts:
        if d.kind == "paragraph" and open_ is not None and d.first[:1].islower():
            open_.lines.extend(d.lines)
            if SENTENCE_END.search(open_.last):
                open_ = None
            continue
        out.append(d)
        if d.kind == "paragraph" and len(d.plain().split()) > 6:
            open_ = None if SENTENCE_END.search(d.last) else d
        elif d.kind in ("heading", "list-item", "title"):
            open_ = None
    return out


def _block(source: Source, d: Draft, md: bool) -> Block:
    text = build_text(source, segments(d.lines, d.trim), md).strip()
    return Block(d.kind, d.section, text, label=d.label)
