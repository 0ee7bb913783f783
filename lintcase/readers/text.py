"""Plain-text renderings: text extracted from a PDF ("pdftext") and web/Markdown text ("text").

The reader turns lines into drafts (heading, paragraph, caption, footnote, list item), removes
page furniture and front matter, gives every block its section path and rejoins paragraphs that
a page break or a figure interrupted. Metadata is in `textmeta`, the reference list in
`textrefs`; every string keeps its exact source map (see `textlines.build_text`).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Block, Rendering, Source
from . import ReadError
from .textlines import (SENTENCE_END, Line, alternation, build_text, segments, split_lines,
                        vocab)

_V = vocab()
_KNOWN = re.compile(r"(?:#+\s*)?(?:(\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s+\|)?\s+)?(" +
                    alternation(re.escape(h) for h in _V["known_headings"]) + r")\s*:?", re.I)
_NUMBERED = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s+\|)?\s+([A-Z][^\n]{1,100})")
_MD_HEADING = re.compile(r"(#{1,6})\s+(\S.*?)\s*#*")
_CAPTION = re.compile(r"(fig(?:ure)?s?\.?|table|scheme|plate|box)\s*(S?\d{1,3}[A-Za-z]?)\b"
                      r"\s*(?:[.:|—–-]\s*)?", re.I)
_FOOTNOTE = re.compile(r"(?:abbreviations?|notes?)\s*:\s*|[*†‡§¶]+\s*(?=[A-Z])", re.I)
_BULLET = re.compile(r"[-*•·▪◦‣]\s+")
_ENUM = re.compile(r"\d{1,3}[.)]\s+")
_LETTERED = re.compile(r"[^\W\d_](?:[^a-z]*?[^\W\d_]){2}")
_BARE_PAGE = re.compile(r"(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?", re.I)
_WEB_LINES = re.compile(alternation(_V["web_lines"]), re.I)
_COMMENT_LINE = re.compile(r"\s*<!--.*?-->\s*")
_WEB_SECTIONS = re.compile(alternation(_V["web_sections"]), re.I)
_REF_HEADING = re.compile(r"(?:#+\s*)?(?:\d{1,2}\.?\s+)?" + alternation(_V["reference_headings"])
                          + r"\s*:?", re.I)
_PDF_MARKERS = [re.compile(p, re.M) for p in (
    r"^OPEN ACCESS\s*$", r"^(?:EDITED|REVIEWED) BY\b|^(?:Edited|Reviewed) by:",
    r"^\*?\s*CORRESPONDENCE\b|^\*\s*Correspondence:",
    r"^(?:RECEIVED|ACCEPTED|PUBLISHED)\s+\d|^(?:Received|Accepted|Published):?\s+\d",
    r"\bdoi:\s*10\.\d{4,}/", r"^(?:FIGURE|Figure|Fig\.?)\s+\d+\b",
    r"^\d(?:\.\d)?\.?\s+(?:Introduction|Background|Methods|Materials|Results|Discussion|Case)",
    r"^(?:COPYRIGHT|CITATION|KEYWORDS)\s*$")]


def looks_like_pdf_text(data: bytes) -> bool:
    """Text extracted from a PDF: page breaks, or several kinds of PDF front matter."""
    head = data[:200000].decode("utf-8", "replace")
    if "\f" in head and head.count("\n") >= 20:
        return True
    return sum(1 for p in _PDF_MARKERS if p.search(head)) >= 3


@dataclass
class Draft:
    """A block before it has a section: the lines it covers and what it looks like."""

    kind: str  # heading paragraph caption footnote list-item title front junk
    lines: list[Line]
    trim: int = 0  # characters of the first line that are not content (numbering, label)
    label: str = ""
    depth: int = 1
    title: str = ""
    section: tuple[str, ...] = field(default=())
    run: int = -1  # which blank-line-separated run of lines the draft came from

    @property
    def first(self) -> str:
        return self.lines[0].text[self.trim:] if self.lines else ""

    @property
    def last(self) -> str:
        return self.lines[-1].text if self.lines else ""

    def plain(self) -> str:
        return " ".join(ln.text for ln in self.lines)[self.trim:]


def read_text(source: Source, kind: str) -> Rendering:
    try:
        return _read(source, kind)
    except ReadError:
        raise
    except Exception as e:  # the contract: bad input never escapes as anything but ReadError
        raise ReadError(source.path, f"cannot read as {kind}: {type(e).__name__}: {e}")


def _read(source: Source, kind: str) -> Rendering:
    from . import textmeta, textrefs
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
    drafts = _attach_caption_text(_drafts(body_lines, keep, md))
    if kind == "text":
        drafts = _drop_web_sections(drafts)
    meta, drafts = textmeta.front(source, drafts, lines, keep, md, kind)
    if md:  # "## Abstract" under a "# Title" is a top-level section, not a second-level one
        depths = [d.depth for d in drafts if d.kind == "heading"]
        for d in drafts:
            if d.kind == "heading":
                d.depth = max(1, d.depth - (min(depths) - 1))
    stack = _assign_sections(drafts, ())
    refs, leftover = (), []
    if r is not None:
        refs, rest = textrefs.parse(source, lines[r + 1:], keep[r + 1:], md)
        drafts.append(Draft("heading", [lines[r]], _heading_trim(lines[r].text),
                            title=_clean_title(lines[r].text), section=()))
        _assign_sections(drafts[-1:], ())
        leftover = _drafts(rest, [True] * len(rest), md)
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


def _drafts(lines: list[Line], keep: list[bool], md: bool) -> list[Draft]:
    out: list[Draft] = []
    for k, run in enumerate(_raw_blocks(lines, keep)):
        for d in _split_run(run, md):
            d.run = k
            out.append(d)
    return out


def _raw_blocks(lines: list[Line], keep: list[bool]):
    """Runs of non-blank kept lines; dropped furniture is transparent, a new page splits."""
    run: list[Line] = []
    for ln, k in zip(lines, keep):
        if not k:
            continue
        if not ln.text or (run and ln.page != run[-1].page):
            if run:
                yield run
            run = [ln] if ln.text else []
            continue
        run.append(ln)
    if run:
        yield run


def _split_run(run: list[Line], md: bool) -> list[Draft]:
    """Split one run of lines into drafts at headings, captions, list items and paragraph ends."""
    out: list[Draft] = []
    width = max(len(ln.text) for ln in run)
    # Hard-wrapped Markdown behaves like PDF text; otherwise a web text line is a paragraph.
    wrapped = not md or (len(run) >= 3 and width <= 100)
    for i, ln in enumerate(run):
        prev = run[i - 1] if i else None
        nxt = run[i + 1] if i + 1 < len(run) else None
        head = _line_heading(ln, prev, nxt, md, len(run))
        if head:
            out.append(head)
            continue
        if out and _continues(out[-1], ln, prev, width, md, wrapped):
            out[-1].lines.append(ln)
            continue
        out.append(_start_draft(ln, md))
    return out


def _continues(d: Draft, ln: Line, prev: Line | None, width: int, md: bool,
               wrapped: bool) -> bool:
    if d.kind == "heading" or prev is None:
        return False
    t = ln.text
    if _BULLET.match(t) or (md and _ENUM.match(t)) or _FOOTNOTE.match(t) and not md:
        return False
    if _CAPTION.match(t) and (SENTENCE_END.search(prev.text) or _CAPTION.fullmatch(prev.text)):
        return bool(_CAPTION.fullmatch(prev.text)) and d.kind == "caption" and len(d.lines) == 1
    if d.kind == "list-item" and md:
        return not SENTENCE_END.search(prev.text) and ln.indent > 0
    if SENTENCE_END.search(prev.text) and t[:1].isupper():
        return len(prev.text) >= 0.8 * width and wrapped
    return True


def _start_draft(ln: Line, md: bool) -> Draft:
    t = ln.text
    m = _CAPTION.match(t)
    if m and (m.end() == len(t) or t[m.end():m.end() + 1].isupper() or t[m.end() - 1] in ".:|"):
        return Draft("caption", [ln], m.end(), label=_caption_label(m))
    m = _FOOTNOTE.match(t)
    if m:
        return Draft("footnote", [ln])
    m = _BULLET.match(t) or (_ENUM.match(t) if md else None)
    if m:
        return Draft("list-item", [ln], m.end())
    return Draft("paragraph", [ln])


def _attach_caption_text(drafts: list[Draft]) -> list[Draft]:
    """A caption label alone on its line ("FIGURE 4") takes the paragraph after it."""
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "caption" and len(prev.lines) == 1
                and not prev.first.strip() and d.kind == "paragraph"):
            prev.lines, prev.trim = d.lines, 0
            continue
        out.append(d)
    return out


def _caption_label(m: re.Match) -> str:
    word = m.group(1).lower().rstrip(".")
    name = {"fig": "Figure", "figs": "Figure", "figure": "Figure", "figures": "Figure"}.get(
        word, word.capitalize())
    return f"{name} {m.group(2)}"


def _line_heading(ln: Line, prev: Line | None, nxt: Line | None, md: bool, n: int) -> Draft | None:
    t = ln.text
    after_break = prev is None or bool(SENTENCE_END.search(prev.text))
    m = _MD_HEADING.fullmatch(t) if md else None
    if m:
        return Draft("heading", [ln], m.start(2), depth=len(m.group(1)), title=m.group(2))
    if not after_break or (nxt is not None and nxt.text[:1].islower()):
        return None
    m = _KNOWN.fullmatch(t)
    if m:
        depth = m.group(1).count(".") + 1 if m.group(1) else 1
        return Draft("heading", [ln], m.start(2), depth=depth, title=_clean_title(m.group(2)))
    m = _NUMBERED.fullmatch(t)
    if m and _heading_like(m.group(2)):
        return Draft("heading", [ln], m.start(2), depth=m.group(1).count(".") + 1,
                     title=_clean_title(m.group(2)))
    if md and n == 1 and _heading_like(t) and not _BULLET.match(t) and not _CAPTION.match(t):
        return Draft("heading", [ln], 0, depth=1, title=_clean_title(t))
    if md and nxt is not None and _heading_like(t, 10) and not _BULLET.match(t) \
            and not _CAPTION.match(t) and len(t) < 0.6 * max(len(nxt.text), 1) + 20:
        return Draft("heading", [ln], 0, depth=1, title=_clean_title(t))
    return None


def _heading_like(t: str, words: int = 14) -> bool:
    if len(t) > 110 or t.count(",") >= 2 or re.search(r"[.,;:!]$", t):
        return False
    if not (t[:1].isupper() or t[:1].isdigit()):
        return False
    letters = sum(c.isalpha() for c in t)
    return len(t.split()) <= words and letters >= 0.6 * len(t.replace(" ", ""))


def _heading_trim(t: str) -> int:
    m = re.match(r"(?:#+\s*)?(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?", t)
    return m.end() if m else 0


def _clean_title(t: str) -> str:
    t = " ".join(t[_heading_trim(t):].split()).rstrip(":")
    return t[:1] + t[1:].lower() if t.isupper() and len(t) > 3 else t


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
