"""Front matter of plain-text renderings: title, authors, affiliations, dates, DOI, keywords,
and which opening paragraphs form the (possibly structured) abstract.

The front zone is everything before the first body heading ("1 Introduction", "Background"...).
In it, blocks that open with a sidebar label (EDITED BY, Received:, Citation: ...) are metadata;
the first other block is the title (author lines may follow it in the same block); then come
authors, affiliations, and the abstract.
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import Meta, Source, Text, verbatim_text
from .textlines import Line, alternation, build_text, segments, vocab

_V = vocab()
_FRONT = re.compile(r"(" + alternation(_V["front_labels"]) + r")(?=\s*[:：]|\s*$|\s+\d)", re.I)
_FRONT_CAPS = re.compile(r"(" + alternation(_V["front_labels"]) + r")\b", re.I)
_STANDALONE = re.compile(alternation(_V["standalone_labels"]), re.I)
_TYPES = [(k, re.compile(alternation(v), re.I)) for k, v in _V["article_types"].items()]
_ABSTRACT_LABEL = re.compile(r"(" + alternation(_V["abstract_labels"]) + r")\s*[:.]\s+", re.I)
_NOT_BODY = {"abstract", "summary", "author summary", "keywords", "abbreviations",
             "graphical abstract"}
_L = r"[^\W\d_]"
_PARTICLE = r"(?:de|da|do|dos|das|di|del|della|van|von|der|den|le|la|du|e|y|bin|al)\s+"
_NAME = re.compile(rf"(?:[A-Z](?:{_L}|['’\-‐‑])*\.?\s+(?:{_PARTICLE}){{0,2}}){{1,4}}"
                   rf"[A-Z](?:{_L}|['’\-‐‑])*{_L}")
_AFFIL = re.compile(r"\b(?:Department|Dept\.|Universit|Institut|Hospital|College|School|Facult"
                    r"|Laborator|Cent(?:re|er)|Division|Unit\b|Ltd|Inc\b|Academy|Clinic|Ministry)")
_AFF_MARK = re.compile(r"(?:^|(?<=,\s)|(?<=;\s))(\d{1,2}|[a-z]|[*†‡§])\s*(?=[A-Z])")
_DOI = re.compile(r"10\.\d{4,9}/[^\s\"<>]+")
_MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
_DATE = re.compile(
    r"\b(received|revised|accepted|published(?: online)?)\b\s*(?:[:：]\s*|on\s+)?"
    r"(?:(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})|([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})"
    r"|(\d{4})-(\d{2})-(\d{2}))", re.I)
_KEYWORDS = re.compile(r"key\s?words?\s*[:：]?\s*", re.I)


def front(source: Source, drafts: list, lines: list[Line], keep: list[bool], md: bool,
          kind: str):
    """(Meta, drafts without front matter); abstract drafts get their section here."""
    from .text import Draft
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
            d, rest = _split_licence(d, Draft)
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
            queue[:0] = _take_title(d, info, Draft)
        elif not info["authors"] and not out and _author_lines(d.lines):
            n = _author_lines(d.lines)  # author lines, then affiliations in the same block
            info["authors"].extend(d.lines[:n])
            if d.lines[n:]:
                queue.insert(0, Draft("paragraph", d.lines[n:]))
        elif not out and (_AFFIL.search(d.plain()) or _AFF_MARK.match(first)) \
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
    meta = _meta(source, info, lines, keep, md, drafts[end:])
    return meta, out + drafts[end:]


def _front_end(drafts: list) -> int:
    """Index of the first body heading; 0 when there is none early enough to trust."""
    for i, d in enumerate(drafts):
        if d.kind != "heading" or d.title.lower() in _NOT_BODY or _is_front(d.lines[0].text):
            continue
        from .text import _KNOWN, _NUMBERED
        t = d.lines[0].text
        if _KNOWN.fullmatch(t) or _NUMBERED.fullmatch(t) or t.startswith("#"):
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


def _split_licence(d, Draft):
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


def _take_title(d, info: dict, Draft) -> list:
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
        if _is_author_line(ln.text) or (n and _NAME.fullmatch(single)):
            n += 1
        else:
            break
    return n


def _unmark(s: str) -> str:
    return re.sub(r"[\d*†‡§¶#✉¤☯]+", "", s)


# "Borugă O", "Gruia AT": surname first, initials after (some journals print authors so)
_SURNAME_INITIALS = re.compile(rf"[A-Z]{_L}+(?:[\-'’][A-Z]?{_L}+)*\s+[A-Z]{{1,3}}")


_AUTHOR = re.compile(rf"{_NAME.pattern}|{_SURNAME_INITIALS.pattern}(?![\w.])")


def _is_author_line(s: str) -> bool:
    marked = re.search(rf"{_L}\s?\d(?:,\d)*[*¤☯†]*\s*$", s.strip(" ,")) is not None
    s = _unmark(s).strip()
    if s.lower().startswith("and "):
        s = s[4:]
    parts = [p.strip(" .") for p in re.split(r",|;|\band\b|&|•|\|", s) if p.strip(" .")]
    if len(parts) == 1 and marked and _NAME.fullmatch(parts[0]):
        return True  # one author on the line, affiliation number glued on ("Lemos1,2,3,4")
    if len(parts) < 2:
        return False
    good = sum(1 for p in parts if _NAME.fullmatch(p) or _SURNAME_INITIALS.fullmatch(p))
    return good >= 0.7 * len(parts)


def _abstract(d, section: tuple[str, ...]) -> None:
    m = _ABSTRACT_LABEL.match(d.first)
    if m and d.kind == "paragraph":
        d.section = ("Abstract", m.group(1).strip().capitalize() if m.group(1).isupper()
                     else m.group(1).strip())
        d.trim += m.end()
    else:
        d.section = section


def _meta(source: Source, info: dict, lines: list[Line], keep: list[bool], md: bool,
          body: list) -> Meta:
    front_lines = [ln for d in info["front"] for ln in d.lines]
    title = info["title"]
    ttext = build_text(source, segments(title.lines, title.trim), md).strip() if title else None
    return Meta(
        doi=_doi(source, front_lines, lines, keep),
        title=ttext,
        article_type=info["type"] or ("case-report" if ttext is not None and re.match(
            r"case\s+report", ttext.text, re.I) else ""),
        authors=_authors(source, info["authors"]),
        affiliations=tuple(a for d in info["affs"] for a in _affiliations(source, d, md)),
        dates=_dates(source, front_lines + [ln for ln in info["zone"] if ln not in front_lines]),
        journal=_journal(source, lines, keep),
        keywords=_keywords(source, info["front"], md),
        emails=_emails(source, lines),
    )


_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


_CORRESP = re.compile(r"correspond|✉|\be-?mail\b|^\s*\*", re.I)


def _emails(source: Source, lines: list[Line]) -> tuple[Text, ...]:
    """E-mail addresses of the first page's correspondence lines (a line saying
    "Correspondence", "E-mail", "✉" or starting with "*", or one of the two lines after it);
    the other addresses a first page lists are the other authors'."""
    page_end = source.text.find("\f")
    out, seen = [], set()
    for k, ln in enumerate(lines[:200]):
        if page_end != -1 and ln.start > page_end:
            break
        if not any(_CORRESP.search(x.text) for x in lines[max(0, k - 2):k + 1]):
            continue
        for m in _EMAIL.finditer(ln.text):
            e = m.group().rstrip(".")
            if e.lower() not in seen:
                seen.add(e.lower())
                out.append(verbatim_text(source, ln.start + m.start(), ln.start + m.start() + len(e)))
    return tuple(out)


def _doi(source: Source, front_lines: list[Line], lines: list[Line], keep: list[bool]):
    """The article's DOI: the one the front matter and running footers repeat most."""
    found: list[tuple[str, int]] = []
    # the front matter, the running heads/footers, and the top of the first page, where
    # publishers print the article's own DOI ("https://doi.org/…", "DOI 10.…")
    top = lines[:60]
    for ln in front_lines + [ln for ln, k in zip(lines, keep) if not k] + top:
        for m in _DOI.finditer(ln.text):
            doi = m.group().rstrip(".,;)]")
            found.append((doi, ln.start + m.start()))
    if not found:
        for ln in lines[:300]:
            m = re.search(r"\bdoi:\s*(10\.\d{4,9}/[^\s\"<>]+)", ln.text, re.I)
            if m:
                doi = m.group(1).rstrip(".,;)]")
                return verbatim_text(source, ln.start + m.start(1), ln.start + m.start(1) + len(doi))
        return None
    counts = Counter(d for d, _ in found)
    best = max(counts.values())
    doi, off = next((d, o) for d, o in sorted(found, key=lambda x: x[1]) if counts[d] == best)
    return verbatim_text(source, off, off + len(doi))


def _authors(source: Source, lines: list[Line]) -> tuple[Text, ...]:
    if not lines:
        return ()
    text = build_text(source, segments(lines))
    out = []
    for m in _AUTHOR.finditer(text.text):
        if m.group().lower().startswith("and "):
            continue
        out.append(text.slice(m.start(), m.end()))
    return tuple(out)


def _affiliations(source: Source, d, md: bool) -> list[Text]:
    text = build_text(source, segments(d.lines, d.trim), md)
    s = text.text
    cuts = [m.end() for m in _AFF_MARK.finditer(s) if m.group(1).isdigit()]
    starts = [m.start() for m in _AFF_MARK.finditer(s) if m.group(1).isdigit()]
    if not cuts:
        return [text.strip()] if s.strip() else []
    out = []
    head = text.slice(0, starts[0]).strip()
    if _AFFIL.search(head.text):
        # the first marker sat on a line of its own ("1" above the block): its affiliation
        # opens the block unmarked
        out.append(head.slice(0, len(head.text.rstrip(",; "))))
    for i, a in enumerate(cuts):
        b = starts[i + 1] if i + 1 < len(starts) else len(s)
        piece = text.slice(a, b).strip()
        piece = piece.slice(0, len(piece.text.rstrip(",; ")))
        if piece.text:
            out.append(piece)
    return out


def _dates(source: Source, lines: list[Line]) -> tuple[tuple[str, str, Text], ...]:
    out, seen = [], set()
    for ln in lines:
        for m in _DATE.finditer(ln.text):
            kind = m.group(1).lower().split()[0]
            iso = _iso(m)
            if iso and kind not in seen:
                seen.add(kind)
                a = ln.start + m.start(2 if m.group(2) else 5 if m.group(5) else 8)
                out.append((kind, iso, verbatim_text(source, a, ln.start + m.end())))
    return tuple(out)


def _iso(m: re.Match) -> str:
    if m.group(8):
        return f"{m.group(8)}-{m.group(9)}-{m.group(10)}"
    day, month, year = ((m.group(2), m.group(3), m.group(4)) if m.group(2)
                        else (m.group(6), m.group(5), m.group(7)))
    mon = _MONTHS.get(month[:3].lower())
    if not mon or not 1 <= int(day) <= 31:
        return ""
    return f"{year}-{mon:02d}-{int(day):02d}"


def _journal(source: Source, lines: list[Line], keep: list[bool]):
    """The journal named by the running footer ("Frontiers in Microbiology | www...")."""
    heads = Counter(ln.text.split(" | ")[0].strip() for ln, k in zip(lines, keep)
                    if not k and " | " in ln.text)
    if not heads:
        return None
    name = heads.most_common(1)[0][0]
    ln = next(ln for ln, k in zip(lines, keep) if not k and ln.text.startswith(name))
    return verbatim_text(source, ln.start, ln.start + len(name))


def _keywords(source: Source, front_drafts: list, md: bool) -> tuple[Text, ...]:
    for i, d in enumerate(front_drafts):
        m = _KEYWORDS.match(d.lines[0].text)
        if not m:
            continue
        lines, trim = d.lines, m.end()
        if m.end() >= len(d.lines[0].text) and len(d.lines) == 1 and i + 1 < len(front_drafts):
            lines, trim = front_drafts[i + 1].lines, 0
        from .text import _KNOWN
        k = next((i for i, ln in enumerate(lines) if i and _KNOWN.fullmatch(ln.text)), len(lines))
        text = build_text(source, segments(lines[:k], trim), md)  # not the heading after them
        out, a = [], 0
        for part in re.split(r"[,;·•]", text.text) + [None]:
            if part is None:
                break
            piece = text.slice(a, a + len(part)).strip()
            a += len(part) + 1
            if piece.text:
                out.append(piece.slice(0, len(piece.text.rstrip(". "))))
        return tuple(out)
    return ()


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
