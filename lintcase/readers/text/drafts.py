"""Plain-text lines -> drafts: what each run of lines looks like (heading, paragraph, caption,
footnote, list item) before it has a section. The reader and the front-matter reader share the
`Draft` record and the heading patterns from here."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import SENTENCE_END, Line, alternation, vocab

_V = vocab()
KNOWN_HEADING = re.compile(r"(?:#+\s*)?(?:(\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s+\|)?\s+)?(" +
                    alternation(re.escape(h) for h in _V["known_headings"]) + r")\s*:?", re.I)
NUMBERED_HEADING = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s+\|)?\s+([A-Z][^\n]{1,100})")
_MD_HEADING = re.compile(r"(#{1,6})\s+(\S.*?)\s*#*")
_CAPTION = re.compile(r"(fig(?:ure)?s?\.?|table|scheme|plate|box)\s*(S?\d{1,3}[A-Za-z]?)\b"
                      r"\s*(?:[.:|—–-]\s*)?", re.I)
_FOOTNOTE = re.compile(r"(?:abbreviations?|notes?)\s*:\s*|[*†‡§¶]+\s*(?=[A-Z])", re.I)
_BULLET = re.compile(r"[-*•·▪◦‣]\s+")
_ENUM = re.compile(r"\d{1,3}[.)]\s+")


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


def split_drafts(lines: list[Line], keep: list[bool], md: bool) -> list[Draft]:
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


def attach_caption_text(drafts: list[Draft]) -> list[Draft]:
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
    m = KNOWN_HEADING.fullmatch(t)
    if m:
        depth = m.group(1).count(".") + 1 if m.group(1) else 1
        return Draft("heading", [ln], m.start(2), depth=depth, title=clean_title(m.group(2)))
    m = NUMBERED_HEADING.fullmatch(t)
    if m and _heading_like(m.group(2)):
        return Draft("heading", [ln], m.start(2), depth=m.group(1).count(".") + 1,
                     title=clean_title(m.group(2)))
    if md and n == 1 and _heading_like(t) and not _BULLET.match(t) and not _CAPTION.match(t):
        return Draft("heading", [ln], 0, depth=1, title=clean_title(t))
    if md and nxt is not None and _heading_like(t, 10) and not _BULLET.match(t) \
            and not _CAPTION.match(t) and len(t) < 0.6 * max(len(nxt.text), 1) + 20:
        return Draft("heading", [ln], 0, depth=1, title=clean_title(t))
    return None


def _heading_like(t: str, words: int = 14) -> bool:
    if len(t) > 110 or t.count(",") >= 2 or re.search(r"[.,;:!]$", t):
        return False
    if not (t[:1].isupper() or t[:1].isdigit()):
        return False
    letters = sum(c.isalpha() for c in t)
    return len(t.split()) <= words and letters >= 0.6 * len(t.replace(" ", ""))


def heading_trim(t: str) -> int:
    m = re.match(r"(?:#+\s*)?(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?", t)
    return m.end() if m else 0


def clean_title(t: str) -> str:
    t = " ".join(t[heading_trim(t):].split()).rstrip(":")
    return t[:1] + t[1:].lower() if t.isupper() and len(t) > 3 else t
