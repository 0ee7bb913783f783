"""Front matter of plain-text renderings: which opening drafts are sidebar metadata, the title,
the authors, the affiliations and the (possibly structured) abstract.

The front zone is everything before the first body heading ("1 Introduction", "Background"...).
In it, blocks that open with a sidebar label (EDITED BY, Received:, Citation: ...) are metadata;
the first other block is the title (author lines may follow it in the same block); then come
authors, affiliations, and the abstract. `meta` reads the Meta fields out of what is found here.
"""
from __future__ import annotations

import re

from ...model import Meta, Source
from .drafts import KNOWN_HEADING, NUMBERED_HEADING, Draft
from .lines import Line, alternation, build_text, segments, vocab
from .meta import read_meta
from .names import AFF_MARK, AFFIL, LETTER, NAME, SURNAME_INITIALS

_V = vocab()
_FRONT = re.compile(r"(" + alternation(_V["front_labels"]) + r")(?=\s*[:：]|\s*$|\s+\d)", re.I)
_FRONT_CAPS = re.compile(r"(" + alternation(_V["front_labels"]) + r")\b", re.I)
_STANDALONE = re.compile(alternation(_V["standalone_labels"]), re.I)
_TYPES = [(k, re.compile(alternation(v), re.I)) for k, v in _V["article_types"].items()]
_ABSTRACT_LABEL = re.compile(r"(" + alternation(_V["abstract_labels"]) + r")\s*[:.]\s+", re.I)
_NOT_BODY = {"abstract", "summary", "author summary", "keywords", "abbreviations",
             "graphical abstract"}


def front(source: Source, drafts: list, lines: list[Line], keep: list[bool], md: bool,
          kind: str):
    """(Meta, drafts without front matter); abstract drafts get their section here."""
    if kind == "text":
        return _web_front(source, drafts, md)
    end = _front_end(drafts) or _prose_start(drafts)
    info: dict = {"front": [], "authors": [], "affs": [], "title": None, "type": ""}
    queue = list(drafts[:end])
    out: list = []
    section: tuple[str, ...] = ("Abstract",)
    swallow = None  # a label alone on its line ("CITATION") takes the next run of lines
    while queue:
        d = queue.pop(0)
        first = d.lines[0].text
        if swallow is not None and (swallow == -2 or d.run == swallow) and not _is_front(first):
            swallow = d.run
            d.kind = "front"
            info["front"].append(d)
            continue
        swallow = None
        if _is_front(first):
            d, rest = _split_licence(d)
            info["front"].append(d)
            alone = len(d.lines) == 1 and _FRONT.fullmatch(first.rstrip(":： ")) is not None \
                and not _STANDALONE.fullmatch(first)
            swallow = -2 if alone else None
            queue[:0] = rest
        elif info["title"] is None and not info["authors"] and not out and _furniture(d):
            d.kind = "front"  # journal header, DOI line, section banner: never the title
            info["front"].append(d)
        elif info["title"] is None and _banner(first) and not info["authors"]:
            info["type"] = info["type"] or _banner(first)
            if len(d.lines) > 1:
                queue.insert(0, Draft("paragraph", d.lines[1:]))
        elif d.kind == "heading" and d.title.lower() in _NOT_BODY:
            section = ("Abstract",) if "abstract" in d.title.lower() else (d.title,)
            d.section = section
            out.append(d)
        elif info["title"] is None and sum(c.isalpha() for c in d.plain()) >= 10:
            queue[:0] = _take_title(d, info)
        elif not info["authors"] and not out and _author_lines(d.lines):
            n = _author_lines(d.lines)  # author lines, then affiliations in the same block
            info["authors"].extend(d.lines[:n])
            if d.lines[n:]:
                queue.insert(0, Draft("paragraph", d.lines[n:]))
        elif not out and (AFFIL.search(d.plain()) or AFF_MARK.match(first)) \
                and len(d.plain()) < 1500:
            info["affs"].append(d)
        elif sum(c.isalpha() for c in d.plain()) < 3:
            continue
        else:
            _abstract(d, section)
            out.append(d)
    title_draft = info["title"]
    if title_draft is not None:
        out.insert(0, title_draft)
    info["zone"] = [ln for d in drafts[:end] for ln in d.lines]
    meta = read_meta(source, info, lines, keep, md, drafts[end:])
    return meta, out + drafts[end:]


def _front_end(drafts: list) -> int:
    """Index of the first body heading; 0 when there is none early enough to trust."""
    for i, d in enumerate(drafts):
        if d.kind != "heading" or d.title.lower() in _NOT_BODY or _is_front(d.lines[0].text):
            continue
        t = d.lines[0].text
        if KNOWN_HEADING.fullmatch(t) or NUMBERED_HEADING.fullmatch(t) or t.startswith("#"):
            return i if i <= max(40, len(drafts) // 2) else 0
    return 0


def _prose_start(drafts: list) -> int:
    """Without body headings (a corrigendum, a letter), the front matter ends where the first
    long paragraph of prose starts; 0 when none does early."""
    for i, d in enumerate(drafts[:15]):
        if d.kind == "paragraph" and len(d.lines) >= 4 and len(d.plain()) > 300 \
                and not _is_front(d.lines[0].text) and re.search(r"[a-z]{3,}\.\s+[A-Z]", d.plain()):
            return i
    return 0


def _is_front(t: str) -> bool:
    m = _FRONT_CAPS.match(t)
    if not m:
        return False
    word = m.group(1)
    return _FRONT.match(t) is not None or (word.isupper() and len(word) > 3)


def _banner(t: str) -> str:
    for kind, rx in _TYPES:
        if rx.fullmatch(t.strip(" :")):
            return kind
    return ""


def _split_licence(d: Draft):
    """A front block that runs on into the abstract (Hindawi prints both in one block): cut
    after the licence sentence, which ends the publisher's boilerplate."""
    for i, ln in enumerate(d.lines[:-1]):
        if re.search(r"(?:properly |are )?(?:cited|credited|practice)\.$", ln.text) \
                and not _is_front(d.lines[i + 1].text):
            return Draft("front", d.lines[:i + 1]), [Draft("paragraph", d.lines[i + 1:])]
    d.kind = "front"
    return d, []


# Lines of a page header, never of a title: a DOI or web address, "Volume 7", "Article ID",
# "(2015) 16:413", "Smith et al.", an ISSN, an "Open Access" flag.
_HEADER_LINE = re.compile(
    r"10\.\d{4,9}/|https?://|www\.|\bVolume\s+\d|\bArticle ID\b|\(\d{4}\)\s*\d+\s*:\s*\d|"
    r"\bet al\.|\bE?ISSN\b|^\s*open access\s*$|^\s*OPEN\s*$|^\s*\|", re.I)


def _furniture(d) -> bool:
    """A short opening block that is page header rather than the title: it has a header line,
    or it is a banner in capitals ("NANO REVIEW", "PRACTICE AND POLICY")."""
    if len(d.lines) > 5:
        return False
    if any(_HEADER_LINE.search(ln.text) for ln in d.lines):
        return True
    if any(_is_front(ln.text) for ln in d.lines[1:]):
        return True  # "FOCUSED REVIEW" over "published: 15 January 2015"
    words = d.plain().split()
    return len(words) <= 5 and d.plain().isupper()


def _take_title(d: Draft, info: dict) -> list:
    """Title lines up to the first author line (or page-header line); returns drafts made of
    what follows."""
    lines = d.lines
    k = next((i for i, ln in enumerate(lines)
              if i and (_is_author_line(ln.text) or _HEADER_LINE.search(ln.text))), len(lines))
    info["title"] = Draft("title", lines[:k], d.trim)
    if re.match(r"case\s+reports?\b", lines[0].text, re.I):
        info["type"] = "case-report"
    rest = lines[k:]
    n = _author_lines(rest)
    info["authors"].extend(rest[:n])
    return [Draft("paragraph", rest[n:])] if rest[n:] else []


def _author_lines(lines: list[Line]) -> int:
    n = 0
    for ln in lines:
        single = re.sub(r"^and\s+", "", _unmark(ln.text).strip(" ,"))
        if _is_author_line(ln.text) or (n and NAME.fullmatch(single)):
            n += 1
        else:
            break
    return n


def _unmark(s: str) -> str:
    return re.sub(r"[\d*†‡§¶#✉¤☯]+", "", s)


def _is_author_line(s: str) -> bool:
    marked = re.search(rf"{LETTER}\s?\d(?:,\d)*[*¤☯†]*\s*$", s.strip(" ,")) is not None
    s = _unmark(s).strip()
    if s.lower().startswith("and "):
        s = s[4:]
    parts = [p.strip(" .") for p in re.split(r",|;|\band\b|&|•|\|", s) if p.strip(" .")]
    if len(parts) == 1 and marked and NAME.fullmatch(parts[0]):
        return True  # one author on the line, affiliation number glued on ("Lemos1,2,3,4")
    if len(parts) < 2:
        return False
    good = sum(1 for p in parts if NAME.fullmatch(p) or SURNAME_INITIALS.fullmatch(p))
    return good >= 0.7 * len(parts)


def _abstract(d, section: tuple[str, ...]) -> None:
    m = _ABSTRACT_LABEL.match(d.first)
    if m and d.kind == "paragraph":
        d.section = ("Abstract", m.group(1).strip().capitalize() if m.group(1).isupper()
                     else m.group(1).strip())
        d.trim += m.end()
    else:
        d.section = section


def _web_front(source: Source, drafts: list, md: bool):
    """A web article has no sidebar: its first short line is the title."""
    if drafts and len(drafts[0].lines) == 1 and not drafts[0].last.endswith(".") \
            and len(drafts[0].first.split()) <= 30 and drafts[0].kind in ("heading", "paragraph"):
        d = drafts[0]
        d.kind, d.section = "title", ()
        title = build_text(source, segments(d.lines, d.trim), md).strip()
        ctype = "case-report" if re.match(r"case\s+report", title.text, re.I) else ""
        return Meta(title=title, article_type=ctype), drafts
    return Meta(), drafts
